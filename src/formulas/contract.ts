import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP, MILESTONE_AT_RISK, MILESTONE_ON_TRACK } from '../okr/status';

// The custom formulas as people use them: names, parameters, what each gives.
// This table is the one source: the Help dialog is written from it, and tests
// fail when the JSDoc in src/main.ts (what Sheets' autocomplete shows, kept
// literal there) or the README's table of formulas says otherwise.

export interface ParamSpec {
  name: string;
  /** The JSDoc type Sheets shows: number, string, Date or range. */
  type: 'number' | 'string' | 'Date' | 'range';
  optional?: true;
  /** What to pass; an optional parameter's text starts with "Optional: " in the JSDoc. */
  about: string;
}

export interface FormulaSpec {
  name: string;
  params: readonly ParamSpec[];
  /** The JSDoc's description, line by line. */
  description: readonly string[];
  /** The JSDoc's @return. */
  returns: string;
  /** What it gives, in a few words: the Help dialog and the README's table. */
  gives: string;
  /** The README's example: a formula, and what it gives where that fits. */
  example: string;
}

const PROGRESS_PARAM: ParamSpec = { name: 'progress', type: 'number', about: 'The progress, 0 to 1.' };

/**
 * The trailing parameters of every formula that takes a cycle, in this order
 * after its own: what cycle names mean in the workbook.
 */
const CYCLE_PARAMS: readonly ParamSpec[] = [
  {
    name: 'cycles',
    type: 'range',
    optional: true,
    about: 'your cycles (Cycle, Starts, Ends), such as OKR_CYCLES; their names win over the built-in ones.',
  },
  {
    name: 'fiscal_start',
    type: 'string',
    optional: true,
    about: 'the month the fiscal year starts in, 1 to 12 or its name, such as OKR_FISCAL_START (default January).',
  },
  {
    name: 'fiscal_naming',
    type: 'string',
    optional: true,
    about: 'end (FY2027 ends in 2027, the default) or start, such as OKR_FISCAL_NAMING.',
  },
];

export const FORMULAS: readonly FormulaSpec[] = [
  {
    name: 'OKR_PROGRESS',
    params: [
      { name: 'start', type: 'number', about: 'The value when the cycle began (ignored for at least, at most and milestone).' },
      { name: 'target', type: 'number', about: 'The value that means the key result is met.' },
      { name: 'current', type: 'number', about: 'The latest value; for a milestone TRUE/FALSE, done/not done, yes/no.' },
      {
        name: 'metric',
        type: 'string',
        optional: true,
        about: 'increase, decrease, at least, at most or milestone. Blank follows start and target.',
      },
    ],
    description: [
      'Progress of a key result, from 0 to 1. Blank current gives blank (no data yet).',
      'Works on single cells or whole columns.',
    ],
    returns: 'The progress, 0 to 1.',
    gives: 'progress of a key result, 0 to 1; blank while there is no current value',
    example: '`=OKR_PROGRESS(30, 50, 40)` → 0.5',
  },
  {
    name: 'OKR_ROLLUP',
    params: [
      { name: 'ids', type: 'string', about: 'The objective ids to roll up, one per row.' },
      { name: 'child_parent_ids', type: 'string', about: "Each child's parent id (a key result's Objective ID)." },
      { name: 'child_progress', type: 'number', about: "Each child's progress, 0 to 1." },
      { name: 'child_weights', type: 'number', optional: true, about: "each child's weight." },
    ],
    description: [
      'Weighted progress of each id from its children: Σ weight × progress / Σ weight.',
      'Blank weight counts as 1, weight 0 leaves a child out.',
    ],
    returns: 'The progress of each id, 0 to 1.',
    gives: "each id's weighted mean progress of its children (blank weight = 1, weight 0 leaves a child out)",
    example: "`=OKR_ROLLUP(A2:A, 'Key Results'!B2:B, 'Key Results'!L2:L, 'Key Results'!J2:J)`",
  },
  {
    name: 'OKR_OBJECTIVE_PROGRESS',
    params: [
      { name: 'ids', type: 'string', about: 'The objective ids, one per row.' },
      { name: 'aligned_to', type: 'string', about: "Each objective's Aligned to: an id of this workbook, or Name/ID." },
      { name: 'weights', type: 'number', about: "Each objective's weight toward the objective it is aligned to." },
      {
        name: 'child_parent_ids',
        type: 'string',
        about: "Every other contributor's parent: the Key Results' Objective ID stacked with the Linked OKRs' Aligned to.",
      },
      { name: 'child_progress', type: 'number', about: "Each contributor's progress, 0 to 1, in the same order." },
      { name: 'child_weights', type: 'number', optional: true, about: "each contributor's weight." },
      {
        name: 'workbook',
        type: 'string',
        optional: true,
        about: "this workbook's name, such as OKR_WORKBOOK_NAME: Name/ID counts here when Name is it.",
      },
      {
        name: 'child_ids',
        type: 'string',
        optional: true,
        about:
          "each contributor's id, in the same order: the Key Results' ID stacked with the Linked OKRs' Team/ID, so an objective aligned to a key result counts toward that key result's objective.",
      },
    ],
    description: [
      "Each objective's progress through every level: its key results, the objectives aligned to it here, and linked objectives aligned to it.",
      "An objective aligned to a key result counts toward that key result's objective.",
      'Blank weight counts as 1, weight 0 leaves a contributor out; objectives aligned in a loop are invalid.',
    ],
    returns: 'The progress of each objective, 0 to 1.',
    gives:
      "each objective's weighted progress from its key results, the objectives aligned to it and the linked teams' objectives aligned to it; one aligned to a key result counts toward that key result's objective",
    example:
      "`=OKR_OBJECTIVE_PROGRESS(A2:A, F2:F, G2:G, {'Key Results'!B2:B; 'Linked OKRs'!F2:F}, {'Key Results'!L2:L; 'Linked OKRs'!H2:H}, {'Key Results'!J2:J; 'Linked OKRs'!G2:G}, OKR_WORKBOOK_NAME, {'Key Results'!A2:A; ARRAYFORMULA(IF('Linked OKRs'!B2:B=\"\", \"\", 'Linked OKRs'!A2:A&\"/\"&'Linked OKRs'!B2:B))})`",
  },
  {
    name: 'OKR_EXPECTED',
    params: [
      {
        name: 'cycle',
        type: 'string',
        about: 'A cycle name such as 2026-Q4, 2026-H1, 2026, FY2027-Q1 or one of your cycles, or two date cells (first day, last day).',
      },
      { name: 'as_of', type: 'Date', about: 'The date to measure at, such as TODAY().' },
      ...CYCLE_PARAMS,
    ],
    description: ["Share of the cycle elapsed on a date, 0 to 1, in the spreadsheet's time zone."],
    returns: 'The share of the cycle elapsed, 0 to 1.',
    gives: "share of the cycle elapsed, 0 to 1, in the spreadsheet's time zone",
    example:
      '`=OKR_EXPECTED("2026-Q4", DATE(2026,11,15))` → 45/92 ≈ 0.489; `=OKR_EXPECTED("FY2027-Q1", DATE(2026,3,17), , "February")` → 44/89',
  },
  {
    name: 'OKR_FORECAST',
    params: [
      { name: 'kr_ids', type: 'string', about: 'The key result ids, one per row.' },
      { name: 'start', type: 'number', about: "Each key result's Start (ignored for milestone; optional for at least and at most)." },
      { name: 'target', type: 'number', about: "Each key result's Target." },
      {
        name: 'metric',
        type: 'string',
        about: "Each key result's Metric: increase, decrease, at least, at most or milestone; blank follows start and target.",
      },
      { name: 'checkin_kr_ids', type: 'string', about: "Each check-in's key result id (the Check-ins tab's Key result ID)." },
      { name: 'checkin_times', type: 'Date', about: "Each check-in's time, in the same order." },
      { name: 'checkin_values', type: 'number', about: "Each check-in's value, in the same order." },
      {
        name: 'cycle',
        type: 'string',
        about:
          'The cycle to forecast the end of: a name such as 2026-Q4 or one of your cycles (one, or one per row), or two date cells (first day, last day).',
      },
      { name: 'as_of', type: 'Date', optional: true, about: 'check-ins after this moment are left out (default now).' },
      ...CYCLE_PARAMS,
    ],
    description: [
      "Progress each key result will have at the end of the cycle if it keeps its pace: the least-squares line through Start (the cycle's first day) and its check-ins this cycle, read at the cycle's end.",
      'Blank until the first check-in of the cycle; a milestone gives 1 once done.',
    ],
    returns: 'The forecast progress at the end of the cycle, 0 to 1.',
    gives:
      "progress at the cycle's end if the pace of this cycle's check-ins holds (least-squares line from Start), 0 to 1; blank before the first check-in",
    example:
      "`=OKR_FORECAST('Key Results'!A2:A, 'Key Results'!F2:F, 'Key Results'!G2:G, 'Key Results'!E2:E, 'Check-ins'!B2:B, 'Check-ins'!A2:A, 'Check-ins'!C2:C, OKR_CURRENT_CYCLE, , OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING)`",
  },
  {
    name: 'OKR_CHECKIN_RATE',
    params: [
      { name: 'kr_ids', type: 'string', about: 'The key result ids; blank rows are left out.' },
      { name: 'last_checkins', type: 'Date', about: "Each key result's last check-in, in the same order; blank if never checked in." },
      {
        name: 'cadence',
        type: 'string',
        optional: true,
        about: 'weekly (the default), every two weeks or monthly, such as OKR_CHECKIN_CADENCE.',
      },
      { name: 'as_of', type: 'Date', optional: true, about: 'the date to measure at (default now).' },
    ],
    description: [
      'Share of key results checked in within the cadence and one grace day, 0 to 1: those never checked in count as missing.',
      'Blank when there are no key results.',
    ],
    returns: 'The share of key results checked in on time, 0 to 1.',
    gives: 'share of key results not stale (checked in within the cadence and a grace day), 0 to 1; blank with no key results',
    example: "`=OKR_CHECKIN_RATE('Key Results'!A2:A, 'Key Results'!N2:N, OKR_CHECKIN_CADENCE)`",
  },
  {
    name: 'OKR_STATUS',
    params: [
      PROGRESS_PARAM,
      { name: 'expected', type: 'number', about: 'The share of the cycle elapsed, from OKR_EXPECTED.' },
      {
        name: 'at_risk_gap',
        type: 'number',
        optional: true,
        about: `how far progress may trail expected and still be on track (default ${DEFAULT_AT_RISK_GAP.toFixed(2)}).`,
      },
      {
        name: 'off_track_gap',
        type: 'number',
        optional: true,
        about: `how far it may trail and be at risk rather than off track (default ${DEFAULT_OFF_TRACK_GAP.toFixed(2)}).`,
      },
      {
        name: 'metric',
        type: 'string',
        optional: true,
        about: 'the Metric; a milestone not done takes its status from confidence until the cycle ends, then is off track.',
      },
      {
        name: 'confidence',
        type: 'number',
        optional: true,
        about: `the latest confidence, 0 to 10: for a milestone ${MILESTONE_ON_TRACK} to 10 is on track, ${MILESTONE_AT_RISK} to ${MILESTONE_ON_TRACK - 1} at risk, 0 to ${MILESTONE_AT_RISK - 1} off track, blank no data.`,
      },
    ],
    description: [
      'Status of a key result or objective: done, on track, at risk, off track, or no data.',
      'A milestone not done follows its confidence until its cycle ends, then is off track.',
    ],
    returns: 'The status.',
    gives: '`done`, `on track`, `at risk`, `off track`, or `no data`; a milestone not done follows its confidence until its cycle ends',
    example: '`=OKR_STATUS(0.3, 0.5)` → at risk; `=OKR_STATUS(0, 0.5, , , "milestone", 8)` → on track',
  },
  {
    name: 'OKR_SCORE',
    params: [PROGRESS_PARAM],
    description: ['End-of-cycle score on the 0.0 to 1.0 scale: progress rounded to one decimal, halves up.'],
    returns: 'The score, 0.0 to 1.0.',
    gives: 'end-of-cycle grade, 0.0 to 1.0, rounded to one decimal, halves up',
    example: '`=OKR_SCORE(0.65)` → 0.7',
  },
  {
    name: 'OKR_VALIDATE',
    params: [
      { name: 'objectives', type: 'range', about: 'The Objectives table, header row included.' },
      { name: 'key_results', type: 'range', about: 'The Key Results table, header row included.' },
      ...CYCLE_PARAMS,
    ],
    description: ['Checks the OKR structure: a table of Severity, Rule, Where and Message, or OK.'],
    returns: 'The findings, errors first, or OK.',
    gives: 'a table of Severity, Rule, Where, Message, errors first; `OK` when nothing is wrong',
    example: "`=OKR_VALIDATE(Objectives!A1:J, 'Key Results'!A1:O, OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING)`",
  },
  {
    name: 'OKR_LINKED',
    params: [
      { name: 'team', type: 'string', about: "The linked team's name, as its objectives are aligned to: Name/ID." },
      { name: 'imported', type: 'range', about: 'Its Objectives tab with the header row, as IMPORTRANGE gives it.' },
    ],
    description: [
      'The objectives of a linked team workbook, one row each: Team, ID, Objective, Owner, Cycle, Aligned to, Weight, Progress, Status.',
      'A failed import gives one row whose Status says link broken, and why.',
    ],
    returns: 'One row per objective.',
    gives: "a linked workbook's objectives, one row each in the Linked OKRs columns; `link broken: …` in Status when the import fails",
    example: '`=OKR_LINKED("Product", IMPORTRANGE(Teams!B2, "Objectives!A1:Z"))`',
  },
  {
    name: 'OKR_CYCLE_STATS',
    params: [{ name: 'archive', type: 'range', about: 'The Archive tab, header row included, such as Archive!A1:M.' }],
    description: [
      'How OKRs went in each closed cycle, oldest first: counts, average score, completion rate (score 0.7 or more), check-ins per key result, objectives per team, key results per objective.',
      'A figure that cannot be trusted reads invalid: naming the Archive row to fix.',
    ],
    returns: 'A header row, then one row per closed cycle.',
    gives:
      'a row per closed cycle, oldest first: counts, average score, completion rate (score ≥ 0.7), check-ins per key result, objectives per team, key results per objective; `invalid: …` naming the Archive row to fix',
    example: '`=OKR_CYCLE_STATS(Archive!A1:M)`',
  },
];

/** `OKR_PROGRESS(start, target, current, [metric])`: optional parameters in brackets. */
export function signature(formula: FormulaSpec): string {
  return `${formula.name}(${formula.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
}

/** A parameter's line in the JSDoc, after `@param`: `{number} metric Optional: increase, ...`. */
export function paramDoc(param: ParamSpec): string {
  return `{${param.type}} ${param.name} ${param.optional ? `Optional: ${param.about}` : param.about}`;
}

/** The Help dialog: every formula, what it gives, and how to use them on columns. */
export function formulaHelp(): string {
  return [
    'OKR Sheets adds these formulas:',
    '',
    ...FORMULAS.map((f) => `=${signature(f)}: ${f.gives.replace(/`/g, '')}.`),
    '',
    'Each takes single cells or whole columns: one formula fills a column.',
  ].join('\n');
}
