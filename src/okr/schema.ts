import { FISCAL_NAMINGS, FiscalYear, MONTHS, quarterOf } from './cycle-names';
import { utcDay } from './dates';
import { shortWorkbookName } from './workbook-name';
import { METRICS } from './metric';
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP } from './status';

// The tabs of an OKR workbook, each declared once: its name, its columns in
// order, which are required, which a formula fills (and the formula), their
// number formats, checks and colours. The engine reads tables by these headers,
// set-up builds the tabs from them, validation and the check-in panel read
// them. People type these names into cells and build their sheets around
// them: they are an interface, changed only with a migration.
//
// Adding a column is one entry here (plus its tests); set-up adds it to
// existing workbooks after the person's last column.

/** A data-validation rule as set-up applies it to a column's data cells (or a setting's value cell). */
export type Check =
  | { kind: 'list'; values: readonly string[]; strict: boolean; help: string }
  /** A dropdown of the cycles that apply in the workbook (calendar, fiscal, its own); other names stay allowed, marked. */
  | { kind: 'cycles'; help: string }
  | { kind: 'between'; min: number; max: number; help: string }
  | { kind: 'at least'; min: number; help: string };

/** What a computed column's formula refers to, as the add-on resolves it in a real workbook. */
export interface FormulaRefs {
  /** The data cells of a column: `F2:F`, or `'Key Results'!F2:F` when `tab` is another tab. */
  column(header: string, tab?: TabSpec): string;
  /** The named range that holds a setting's value: `OKR_CURRENT_CYCLE`. */
  setting(key: SettingKey): string;
}

export interface ColumnSpec<Header extends string = string> {
  header: Header;
  /** Validation reports the column missing, and the engine cannot read the table without it. */
  required?: true;
  /**
   * The expression that fills the column, kept in its header cell. A row
   * holding values only in such columns counts as blank.
   */
  formula?: (refs: FormulaRefs) => string;
  /** Number format of the data cells; `@` (plain text) keeps what a person types exactly as typed. */
  format?: string;
  /** Help on the header cell, as a note. */
  note?: string;
  check?: Check;
  /**
   * Width in pixels set-up gives the column when it adds it (never a column
   * the person already had): titles wide enough to read on a laptop, ids,
   * numbers and statuses narrow.
   */
  width?: number;
  /** Long text: wrapped, so a title is read whole rather than cut off. */
  wrap?: true;
  /** The column people find a row by: frozen, when it is the first, so it stays in view while scrolling right. */
  freeze?: true;
  /** Coloured by its own status text, or (`row status`) by the Status of its row, so Progress and Status always agree. */
  colours?: 'status' | 'row status';
}

export interface TabSpec<Header extends string = string> {
  /** How people know the table: the tab's name. */
  name: string;
  columns: readonly ColumnSpec<Header>[];
  /** The headers in order. */
  headers: readonly Header[];
  required: readonly Header[];
  /** The headers a formula fills. */
  computed: readonly Header[];
  /** The named range over its columns, when formulas read the tab through one. */
  rangeName?: string;
}

function tab<const Header extends string>(name: string, columns: readonly ColumnSpec<Header>[], rangeName?: string): TabSpec<Header> {
  return {
    name,
    ...(rangeName ? { rangeName } : {}),
    columns,
    headers: columns.map((c) => c.header),
    required: columns.filter((c) => c.required).map((c) => c.header),
    computed: columns.filter((c) => c.formula).map((c) => c.header),
  };
}

/** The recommended shape of a team's OKRs in one cycle. */
export const RECOMMENDED = {
  objectives: { min: 3, max: 5 },
  keyResults: { min: 2, max: 5 },
  confidence: { min: 0, max: 10 },
} as const;

/** How often owners are expected to check in. */
export const CADENCES = ['weekly', 'every two weeks', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

const PERCENT = '0%';

/** Column widths in pixels: a title read whole on a laptop, wrapped; an owner's email; ids, numbers and statuses narrow. */
const TITLE_WIDTH = 300;
const OWNER_WIDTH = 180;
const ID_WIDTH = 70;
const NUMBER_WIDTH = 80;
const STATUS_WIDTH = 100;

// Other cycles stay allowed (marked), so a 2030 plan is never blocked; Validate explains bad ones.
const CYCLE_CHECK: Check = { kind: 'cycles', help: 'Write a cycle as 2026-Q4, 2026-H1, 2026, FY2027-Q1 or a name from the Cycles tab.' };
const WEIGHT_CHECK: Check = { kind: 'at least', min: 0, help: 'A weight of 0 or more; blank counts as 1.' };
const CONFIDENCE_CHECK: Check = {
  kind: 'between',
  min: RECOMMENDED.confidence.min,
  max: RECOMMENDED.confidence.max,
  help: 'Confidence from 0 (no chance) to 10 (certain).',
};

/**
 * The workbook's own cycles: any name here means these days, and wins over the
 * built-in meaning of the same name. Formulas read it through OKR_CYCLES.
 */
export const CYCLES = tab(
  'Cycles',
  [
    {
      header: 'Cycle',
      required: true,
      note: 'Your own cycles, one a row: a name, its first day (Starts) and its last day (Ends), both included. A name here wins over the built-in meaning of the same name (2026-Q4, FY2027-Q1). Use them in Objectives and in Settings > Current cycle.',
    },
    { header: 'Starts', required: true, format: 'yyyy-mm-dd' },
    { header: 'Ends', required: true, format: 'yyyy-mm-dd' },
  ],
  'OKR_CYCLES',
);

/**
 * Each row's own cycle, one per row inside ARRAYFORMULA: an objective's Cycle,
 * a key result's objective's Cycle (looked up by Objective ID), and the
 * current cycle where that is blank or there is no such objective, as the
 * email summary reads a blank cycle. Status and Forecast both measure by it.
 */
export function rowCycle(refs: FormulaRefs, tab: TabSpec): string {
  const { column, setting } = refs;
  const objectiveCycle = `IF(${column('Cycle', OBJECTIVES)}="", ${setting('cycle')}, ${column('Cycle', OBJECTIVES)})`;
  if (tab === OBJECTIVES) return objectiveCycle;
  // VLOOKUP with a column of keys inside ARRAYFORMULA gives one cycle per key (docs/real-sheets-checks.md);
  // it matches whatever the case, and TRIM on both sides lets " O1 " find O1, as the engine matches ids.
  const cycles = `{TRIM(${column('ID', OBJECTIVES)}), ${objectiveCycle}}`;
  return `IFNA(VLOOKUP(TRIM(${column('Objective ID')}), ${cycles}, 2, FALSE), ${setting('cycle')})`;
}

/** The cycle arguments every formula that reads a cycle name takes after it. */
function cycleArgs({ setting }: FormulaRefs): string {
  return `${CYCLES.rangeName}, ${setting('fiscalStart')}, ${setting('fiscalNaming')}`;
}

/**
 * Status against the time elapsed in each row's own cycle, for the rows that
 * have an ID. `tab` is asked when the formula is built: the tab is declared by
 * the very list this sits in. A key result's also reads its Metric and
 * Confidence, so a milestone not done follows its confidence; an objective has neither.
 */
function statusFormula(tab: () => TabSpec): (refs: FormulaRefs) => string {
  return (refs) => {
    const { column, setting } = refs;
    const expected = `ARRAYFORMULA(IF(${column('ID')}="", "", OKR_EXPECTED(${rowCycle(refs, tab())}, TODAY(), ${cycleArgs(refs)})))`;
    const milestones = tab() === KEY_RESULTS ? `, ${column('Metric')}, ${column('Confidence')}` : '';
    return `OKR_STATUS(${column('Progress')}, ${expected}, ${setting('atRiskGap')}, ${setting('offTrackGap')}${milestones})`;
  };
}

/** Where each key result will end its own cycle at its pace so far, from its check-ins (blank as_of: now). */
function keyResultForecast(refs: FormulaRefs): string {
  const { column } = refs;
  const own = ['ID', 'Start', 'Target', 'Metric'].map((header) => column(header));
  const checkins = ['Key result ID', 'Timestamp', 'Value'].map((header) => column(header, CHECKINS));
  return `OKR_FORECAST(${[...own, ...checkins].join(', ')}, ARRAYFORMULA(${rowCycle(refs, KEY_RESULTS)}), , ${cycleArgs(refs)})`;
}

export const KEY_RESULTS = tab('Key Results', [
  { header: 'ID', required: true, width: ID_WIDTH, freeze: true },
  { header: 'Objective ID', required: true, width: NUMBER_WIDTH },
  { header: 'Key result', required: true, width: TITLE_WIDTH, wrap: true },
  { header: 'Owner', width: OWNER_WIDTH },
  {
    header: 'Metric',
    width: STATUS_WIDTH,
    check: { kind: 'list', values: METRICS, strict: true, help: `Choose ${METRICS.join(', ')}; leave blank to follow start and target.` },
  },
  { header: 'Start', required: true, width: NUMBER_WIDTH },
  { header: 'Target', required: true, width: NUMBER_WIDTH },
  { header: 'Current', required: true, width: NUMBER_WIDTH },
  { header: 'Unit', width: ID_WIDTH },
  { header: 'Weight', check: WEIGHT_CHECK, width: ID_WIDTH },
  { header: 'Confidence', check: CONFIDENCE_CHECK, width: NUMBER_WIDTH },
  {
    header: 'Progress',
    formula: ({ column }) => `OKR_PROGRESS(${column('Start')}, ${column('Target')}, ${column('Current')}, ${column('Metric')})`,
    format: PERCENT,
    colours: 'row status',
    width: NUMBER_WIDTH,
  },
  { header: 'Status', formula: statusFormula((): TabSpec => KEY_RESULTS), colours: 'status', width: STATUS_WIDTH },
  { header: 'Last check-in', format: 'yyyy-mm-dd', width: STATUS_WIDTH },
  { header: 'Forecast', formula: keyResultForecast, format: PERCENT, width: NUMBER_WIDTH },
]);

export const OBJECTIVES = tab('Objectives', [
  { header: 'ID', required: true, width: ID_WIDTH, freeze: true },
  { header: 'Objective', required: true, width: TITLE_WIDTH, wrap: true },
  { header: 'Owner', width: OWNER_WIDTH },
  { header: 'Team', width: STATUS_WIDTH },
  { header: 'Cycle', check: CYCLE_CHECK, width: STATUS_WIDTH },
  { header: 'Aligned to', width: STATUS_WIDTH },
  { header: 'Weight', check: WEIGHT_CHECK, width: ID_WIDTH },
  {
    header: 'Progress',
    // Its key results, the objectives aligned to it here, and the linked teams' objectives aligned to it;
    // the children's ids (a linked one as Team/ID) let an objective aligned to a key result count toward its objective.
    formula: ({ column, setting }) => {
      const stack = (keyResults: string, linked: string) => `{${column(keyResults, KEY_RESULTS)}; ${column(linked, LINKED)}}`;
      const children = [stack('Objective ID', 'Aligned to'), stack('Progress', 'Progress'), stack('Weight', 'Weight')].join(', ');
      const [team, id] = [column('Team', LINKED), column('ID', LINKED)];
      const childIds = `{${column('ID', KEY_RESULTS)}; ARRAYFORMULA(IF(${id}="", "", ${team}&"/"&${id}))}`;
      return `OKR_OBJECTIVE_PROGRESS(${column('ID')}, ${column('Aligned to')}, ${column('Weight')}, ${children}, ${setting('workbookName')}, ${childIds})`;
    },
    format: PERCENT,
    colours: 'row status',
    width: NUMBER_WIDTH,
  },
  { header: 'Status', formula: statusFormula((): TabSpec => OBJECTIVES), colours: 'status', width: STATUS_WIDTH },
  {
    header: 'Forecast',
    // The weighted mean of its own key results' forecasts.
    formula: ({ column }) =>
      `OKR_ROLLUP(${column('ID')}, ${column('Objective ID', KEY_RESULTS)}, ${column('Forecast', KEY_RESULTS)}, ${column('Weight', KEY_RESULTS)})`,
    format: PERCENT,
    width: NUMBER_WIDTH,
  },
]);

/**
 * The check-ins, one row each. `Check-in ID` is the id the panel gives a
 * check-in, so a retry or a double click is recorded once.
 */
export const CHECKINS = tab('Check-ins', [
  { header: 'Timestamp', required: true, format: 'yyyy-mm-dd hh:mm' },
  { header: 'Key result ID', required: true },
  { header: 'Value', required: true },
  { header: 'Confidence', check: CONFIDENCE_CHECK },
  { header: 'Note' },
  { header: 'By' },
  { header: 'Check-in ID' },
]);

/**
 * Who is who: an owner in Objectives or Key Results may be written by email
 * or by a Name from here, so the panel and the emails find the person.
 */
export const PEOPLE = tab('People', [
  {
    header: 'Name',
    required: true,
    note: 'A name as owners are written in Objectives and Key Results (Priya Nair, CRO), matched whatever the case. Give each person their Email, so the check-in panel and the emails find them.',
  },
  { header: 'Email', required: true, format: '@' },
  { header: 'Team', note: "The person's team: an objective with no Team counts in its owner's team." },
  { header: 'Manager', note: 'The name or email of another person in this tab.' },
]);

export const SETTINGS = tab('Settings', [{ header: 'Setting', required: true }, { header: 'Value', required: true }, { header: 'About' }]);

/** The team workbooks this one links: their objectives aligned to ours count toward our progress. */
export const TEAMS = tab('Teams', [
  {
    header: 'Team',
    required: true,
    note: "The team's workbook name (its Settings > Workbook name), as its objectives are aligned: Name/ID.",
  },
  {
    header: 'Spreadsheet',
    required: true,
    note: "The link (URL) of the team's workbook. After editing this tab, run OKR Sheets > Update links.",
  },
  { header: 'Status' },
]);

/**
 * The objectives of every linked workbook, one row each, filled by one
 * formula in the header cell (OKR_LINKED over each team's IMPORTRANGE);
 * Update links writes it from the Teams tab.
 */
export const LINKED = tab('Linked OKRs', [
  { header: 'Team' },
  { header: 'ID' },
  { header: 'Objective' },
  { header: 'Owner' },
  { header: 'Cycle' },
  { header: 'Aligned to' },
  { header: 'Weight' },
  { header: 'Progress', format: PERCENT },
  { header: 'Status' },
]);

/** The report Validate writes, and the table OKR_VALIDATE returns. */
export const VALIDATION = tab('Validation', [{ header: 'Severity' }, { header: 'Rule' }, { header: 'Where' }, { header: 'Message' }]);

/** The method on one page (its text is in src/addon/guide.ts). */
export const GUIDE_TAB = 'Guide';

/** The tabs set-up builds from their columns, in the order it adds them. */
export const TABLE_TABS = [OBJECTIVES, KEY_RESULTS, CHECKINS, PEOPLE, SETTINGS, CYCLES, TEAMS, LINKED] as const;

export type ObjectiveColumn = (typeof OBJECTIVES.headers)[number];
export type KeyResultColumn = (typeof KEY_RESULTS.headers)[number];
export type CheckinColumn = (typeof CHECKINS.headers)[number];
export type PeopleColumn = (typeof PEOPLE.headers)[number];

export type SettingKey =
  'workbookName' | 'cycle' | 'cadence' | 'atRiskGap' | 'offTrackGap' | 'fiscalStart' | 'fiscalNaming' | SummarySettingKey;

/** The Settings rows of the "Email summaries" section. */
export type SummarySettingKey =
  'summaryEnabled' | 'summaryRecipients' | 'summaryList' | 'summaryWeekday' | 'summaryHour' | 'summaryReminders';

/** Who gets the weekly summary: every owner of the current cycle, the address list, or both. */
export const SUMMARY_RECIPIENTS = ['owners', 'list', 'both'] as const;
export type SummaryRecipients = (typeof SUMMARY_RECIPIENTS)[number];

/** The days a weekly summary may go out on, as Settings writes them (ScriptApp's WeekDay is the upper-case name). */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const YES_NO = ['yes', 'no'] as const;

/**
 * What a weekly summary run leaves in the workbook, hidden: a snapshot of
 * every objective and key result, so "since the last summary" compares with
 * it (and later trend charts read it). Kept in the sheet, not in properties
 * (9 KB a value): a year of a company's OKRs is thousands of rows.
 */
export const HISTORY = tab('History', [
  { header: 'Date', required: true, format: 'yyyy-mm-dd hh:mm' },
  { header: 'ID', required: true, format: '@' },
  { header: 'Progress', format: PERCENT },
  { header: 'Confidence' },
  { header: 'Status' },
]);

/**
 * Every summary and reminder sent, or deferred for want of quota, one row per
 * recipient, week and kind, hidden: what keeps a week's mail from going to
 * the same person twice, and what the next run sends first.
 */
export const MAIL_LOG = tab('Mail log', [
  { header: 'Week', required: true, format: '@' },
  { header: 'Kind', required: true },
  { header: 'Recipient', required: true, format: '@' },
  { header: 'Status', required: true },
  { header: 'Time', format: 'yyyy-mm-dd hh:mm' },
]);

/**
 * Every closed cycle, one row per objective and per key result, written once
 * by Close the cycle as values (never formulas), so later edits to the OKRs
 * never change the record. OKR_CYCLE_STATS reads it to compare cycles.
 * Visible: it is the organisation's record, read and kept by people.
 */
export const ARCHIVE = tab('Archive', [
  // Plain text: a cycle named 2026 stays the text 2026, as typed.
  { header: 'Cycle', required: true, format: '@' },
  { header: 'Closed on', required: true, format: 'yyyy-mm-dd' },
  { header: 'Kind', required: true },
  { header: 'ID', required: true, format: '@' },
  { header: 'Parent ID', format: '@' },
  { header: 'Title', format: '@' },
  { header: 'Owner', format: '@' },
  { header: 'Team', format: '@' },
  { header: 'Progress', format: PERCENT },
  { header: 'Score', required: true, format: '0.0' },
  { header: 'Confidence' },
  { header: 'Check-ins', required: true, format: '0' },
  { header: 'Reflection', format: '@' },
]);

/** The Kind of an Archive row. */
export const ARCHIVE_KINDS = { objective: 'objective', keyResult: 'key result' } as const;

export type ArchiveColumn = (typeof ARCHIVE.headers)[number];

/** What a setting's default depends on: today's month, and the fiscal year set so far. */
export interface SettingContext {
  year: number;
  month: number;
  fiscal: FiscalYear;
  /** The spreadsheet's own name. */
  spreadsheetName: string;
}

/** One row of the Settings tab, and the named range formulas use to read its value. */
export interface SettingSpec {
  key: SettingKey;
  name: string;
  rangeName: string;
  about: string;
  fallback: (context: SettingContext) => string | number;
  check?: Check;
}

/** The "Email summaries" section, after the OKR settings; each row's about starts with the section's name. */
export const SUMMARY_SETTING_ROWS: readonly (SettingSpec & { key: SummarySettingKey })[] = [
  {
    key: 'summaryEnabled',
    name: 'Email summaries',
    rangeName: 'OKR_SUMMARY_ENABLED',
    about:
      'Email summaries: yes sends a weekly summary of the OKRs (what is at risk, who has not checked in, what moved, what was achieved) on the day and hour below. Change these with OKR Sheets > Email summaries…, which also sets the schedule.',
    fallback: () => 'no',
    check: { kind: 'list', values: YES_NO, strict: true, help: 'Choose yes or no.' },
  },
  {
    key: 'summaryRecipients',
    name: 'Summary goes to',
    rangeName: 'OKR_SUMMARY_RECIPIENTS',
    about: 'Email summaries: owners (everyone who owns an objective or key result this cycle), list (the addresses below) or both.',
    fallback: () => 'owners',
    check: { kind: 'list', values: SUMMARY_RECIPIENTS, strict: true, help: 'Choose owners, list or both.' },
  },
  {
    key: 'summaryList',
    name: 'Summary addresses',
    rangeName: 'OKR_SUMMARY_LIST',
    about: 'Email summaries: the addresses that get the summary when it goes to list or both, separated by commas.',
    fallback: () => '',
  },
  {
    key: 'summaryWeekday',
    name: 'Summary day',
    rangeName: 'OKR_SUMMARY_WEEKDAY',
    about: 'Email summaries: the day of the week it goes out.',
    fallback: () => 'Monday',
    check: { kind: 'list', values: WEEKDAYS, strict: true, help: 'Choose a day of the week.' },
  },
  {
    key: 'summaryHour',
    name: 'Summary hour',
    rangeName: 'OKR_SUMMARY_HOUR',
    about:
      "Email summaries: the hour it goes out, 0 to 23, in the spreadsheet's time zone (File > Settings); Google sends it within that hour.",
    fallback: () => 8,
    check: { kind: 'between', min: 0, max: 23, help: 'An hour from 0 to 23.' },
  },
  {
    key: 'summaryReminders',
    name: 'Check-in reminders',
    rangeName: 'OKR_SUMMARY_REMINDERS',
    about: 'Email summaries: yes also sends each owner whose check-ins are due or stale one short reminder listing them.',
    fallback: () => 'yes',
    check: { kind: 'list', values: YES_NO, strict: true, help: 'Choose yes or no.' },
  },
];

export const SETTING_ROWS: readonly SettingSpec[] = [
  {
    key: 'workbookName',
    name: 'Workbook name',
    rangeName: 'OKR_WORKBOOK_NAME',
    about:
      "How other workbooks name this one when they align to it: Name/ID in their Aligned to (Product/P1). A bare ID means this workbook's own objective.",
    fallback: ({ spreadsheetName }) => shortWorkbookName(spreadsheetName),
  },
  {
    key: 'cycle',
    name: 'Current cycle',
    rangeName: 'OKR_CURRENT_CYCLE',
    about:
      'The cycle the Status and Forecast columns measure a row against when its objective has no Cycle: 2026-Q4 (a quarter), 2026-H1 (a half year), 2026 (a year), FY2027-Q1 (a fiscal quarter) or a cycle of the Cycles tab.',
    fallback: ({ year, month, fiscal }) => quarterOf(utcDay(year, month - 1, 1), fiscal),
    check: CYCLE_CHECK,
  },
  {
    key: 'cadence',
    name: 'Check-in cadence',
    rangeName: 'OKR_CHECKIN_CADENCE',
    about: `How often owners check in on their key results: ${CADENCES.join(', ')}.`,
    fallback: () => 'weekly',
    check: { kind: 'list', values: CADENCES, strict: true, help: `Choose ${CADENCES.join(', ')}.` },
  },
  {
    key: 'atRiskGap',
    name: 'At-risk gap',
    rangeName: 'OKR_AT_RISK_GAP',
    about: `A key result is on track while its progress trails the time elapsed by at most this much (${DEFAULT_AT_RISK_GAP} = ${Math.round(DEFAULT_AT_RISK_GAP * 100)} points).`,
    fallback: () => DEFAULT_AT_RISK_GAP,
  },
  {
    key: 'offTrackGap',
    name: 'Off-track gap',
    rangeName: 'OKR_OFF_TRACK_GAP',
    about: 'Beyond the at-risk gap it is at risk, and beyond this one off track.',
    fallback: () => DEFAULT_OFF_TRACK_GAP,
  },
  {
    key: 'fiscalStart',
    name: 'Fiscal year starts',
    rangeName: 'OKR_FISCAL_START',
    about:
      'The month your fiscal year starts in. Fiscal cycles are named FY2027, FY2027-H1, FY2027-Q1; calendar names (2026-Q4) keep their calendar meaning.',
    fallback: () => MONTHS[0],
    check: { kind: 'list', values: MONTHS, strict: true, help: 'Choose the month the fiscal year starts in.' },
  },
  {
    key: 'fiscalNaming',
    name: 'Fiscal year named by',
    rangeName: 'OKR_FISCAL_NAMING',
    about:
      'Whether FY2027 is the fiscal year that ends in 2027 (the usual way) or the one that starts in 2027. With a February start named by its end, FY2027 runs from 1 February 2026 to 31 January 2027.',
    fallback: () => 'the year it ends',
    check: { kind: 'list', values: Object.keys(FISCAL_NAMINGS), strict: true, help: 'Choose the year a fiscal year is named by.' },
  },
  // The "Email summaries" section (declared below).
  ...SUMMARY_SETTING_ROWS,
];

export function settingSpec(key: SettingKey): SettingSpec {
  return SETTING_ROWS.find((s) => s.key === key)!;
}
