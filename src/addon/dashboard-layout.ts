import { HISTORY, KEY_RESULTS, LINKED, OBJECTIVES, PEOPLE, TabSpec } from '../okr/schema';
import { columnLetter } from './a1';

// The Dashboard tab as data: which formula goes in which cell, the formats,
// and the four charts with their ranges. Every figure is a formula over the
// OKR tabs, so the tab stays current as people check in without any script.
// The OKR math stays in the OKR_ formulas (the one rollup rule, expected,
// forecast, check-in rate); the built-ins here only pick the rows of the
// current cycle and count them. dashboard.ts writes it.

/** What the layout's formulas refer to in this workbook. */
export interface DashboardRefs {
  /** The data cells of a column, by header: `'Key Results'!F2:F`. */
  column(tab: TabSpec, header: string): string;
  /** The linked teams' names (Linked OKRs' Team) at build time: a trend line each. */
  linkedTeams: readonly string[];
  /** Whether the workbook has a History tab (the weekly summary's snapshots) for the trend. */
  history: boolean;
  /** Rows kept for teams and for objectives' bars. */
  teamRows: number;
  objectiveRows: number;
  /** The Archive tab with its header row, every column OKR_CYCLE_STATS reads: `Archive!A1:M`. */
  archive: string;
  /** Rows kept for the closed cycles under the effectiveness table's header. */
  cycleRows: number;
}

/** A block of cells written with one setValues: formulas start with `=`, the rest are the add-on's own words. */
export interface Block {
  row: number;
  column: number;
  values: string[][];
}

export interface ChartSpec {
  kind: 'pie' | 'column' | 'line';
  title: string;
  /** A1 ranges on the Dashboard, the first row of each a header. */
  ranges: string[];
  row: number;
  column: number;
  width: number;
  height: number;
  colors: string[];
}

export interface DashboardLayout {
  blocks: Block[];
  /** Number formats by A1 range. */
  formats: [string, string][];
  /** Bold header rows, by A1 range. */
  headers: string[];
  widths: [number, number][];
  charts: ChartSpec[];
}

/** The headline's figures, left to right in row 4 under their labels in row 3. */
export const HEADLINE = [
  'Progress',
  'Expected',
  'Forecast',
  'On track',
  'At risk',
  'Off track',
  'Done',
  'No data',
  'Check-in rate',
  'Confidence',
] as const;

/** The statuses the headline counts, in its order (OKR_STATUS's words). */
const STATUSES = ['on track', 'at risk', 'off track', 'done', 'no data'] as const;
const STATUS_COLOURS = ['#34a853', '#fbbc04', '#ea4335', '#4285f4', '#bdbdbd'];

export const CHART_TITLES = [
  'Key results by status',
  'Progress by objective',
  'Progress over the weeks',
  'Average score and completion rate by cycle',
] as const;

const CYCLE = 'OKR_CURRENT_CYCLE';
const CYCLE_ARGS = 'OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING';
/** The key a History row is matched by: its run's time, to the second. */
const WHEN = '"yyyy-mm-dd hh:mm:ss"';
const CHARTS_ROW = 7;
const TEAMS_ROW = 21;
/** Rows of the trend: a year's weeks and a spare, so any cycle fits. */
const WEEKS = 54;
const DATA_COLUMN = 13;

/** A text the add-on writes as a formula, so Sheets shows it exactly (a team named `=1+1` stays text). */
export function quoted(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

export function dashboardLayout(refs: DashboardRefs): DashboardLayout {
  const o = (header: string) => refs.column(OBJECTIVES, header);
  const k = (header: string) => refs.column(KEY_RESULTS, header);
  const l = (header: string) => refs.column(LINKED, header);
  const p = (header: string) => refs.column(PEOPLE, header);
  const data = dataColumns(refs.linkedTeams.length);

  // This cycle's objectives: Cycle blank or the current cycle.
  const currentObjective = `(${o('ID')}<>"")*((${o('Cycle')}="")+(TRIM(${o('Cycle')})=TRIM(${CYCLE}))>0)`;
  // Top level, as the weekly summary's headline counts: aligned to nothing, or to another workbook (Name/ID).
  const aligned = o('Aligned to');
  const topLevel = `((${aligned}="")+IFERROR(FIND("/", ${aligned})>1, FALSE)*IFERROR(TRIM(LEFT(${aligned}, FIND("/", ${aligned})-1))<>TRIM(OKR_WORKBOOK_NAME), FALSE)>0)`;
  // An objective's team: its Team, else its owner's team in People (by Name or Email).
  const people = (by: string) => `IFNA(VLOOKUP(${o('Owner')}, ${table(p(by), p('Team'))}, 2, FALSE), "")`;
  const teamOf = `IF(${o('Team')}<>"", TRIM(${o('Team')}), IF(${people('Name')}<>"", ${people('Name')}, IF(${people('Email')}<>"", ${people('Email')}, "(no team)")))`;
  // This cycle's key results: those of this cycle's objectives.
  const currentKr = `(${k('ID')}<>"")*ISNUMBER(MATCH(${k('Objective ID')}, ${list(from4(data.objectives))}, 0))`;
  // A linked team's objective of this cycle: its Cycle is ours, or it supports one of this cycle's objectives or
  // key results here (Aligned to Name/ID, Name this workbook), as the weekly summary lists them: a team may count
  // its own cycles (a fiscal quarter, six-week waves).
  const linkedAligned = l('Aligned to');
  const slash = `FIND("/", ${linkedAligned})`;
  const supported = `{${list(from4(data.objectives))}; ${list(from4(data.keyResults))}}`;
  const supports = `IFERROR(TRIM(LEFT(${linkedAligned}, ${slash}-1))=TRIM(OKR_WORKBOOK_NAME), FALSE)*ISNUMBER(MATCH(IFERROR(TRIM(MID(${linkedAligned}, ${slash}+1, 1000)), ""), ${supported}, 0))`;
  const currentLinked = `(${l('ID')}<>"")*((${l('Cycle')}="")+(TRIM(${l('Cycle')})=TRIM(${CYCLE}))+${supports}>0)`;

  // The data blocks' columns (see dataColumns), from row 4 down.
  const ours = (offset: number) => from4(data.objectives + offset);
  const linked = (offset: number) => from4(data.linked + offset);
  const krTeam = `IFNA(VLOOKUP(${k('Objective ID')}, ${table(ours(0), ours(1))}, 2, FALSE), "")`;
  // Stale as the email summaries count it: no check-in within the cadence and a grace day (never is stale).
  const last = k('Last check-in');
  const stale = `IFERROR((${last}="")+(INT(TODAY())>IF(OKR_CHECKIN_CADENCE="monthly", EDATE(INT(${last}), 1), INT(${last})+IF(OKR_CHECKIN_CADENCE="every two weeks", 14, 7))+1)>0, TRUE)`;
  const rate = (mask: string) =>
    `IF(SUMPRODUCT(${mask})=0, "", OKR_CHECKIN_RATE(FILTER(${k('ID')}, ${mask}), FILTER(${last}, ${mask}), OKR_CHECKIN_CADENCE, TODAY()))`;
  const overall = (offset: number) => `OKR_ROLLUP({"*"}, IF(${ours(6)}=1, "*", ""), ${ours(offset)}, ${ours(5)})`;
  const count = (status: string) => `=ARRAYFORMULA(SUMPRODUCT(${currentKr}*(${k('Status')}="${status}")))`;

  const blocks: Block[] = [
    { row: 1, column: 1, values: [[`="OKR dashboard · "&${CYCLE}`]] },
    {
      row: 2,
      column: 1,
      values: [
        [
          'Live: every figure is a formula, so it moves as people check in. OKR Sheets > Build the dashboard replaces this tab: keep your own notes on another tab.',
        ],
      ],
    },
    {
      row: 3,
      column: 1,
      values: [
        [...HEADLINE],
        [
          `=ARRAYFORMULA(${overall(3)})`,
          `=OKR_EXPECTED(${CYCLE}, TODAY(), ${CYCLE_ARGS})`,
          `=ARRAYFORMULA(${overall(4)})`,
          ...STATUSES.map(count),
          `=ARRAYFORMULA(${rate(currentKr)})`,
          `=ARRAYFORMULA(IFERROR(AVERAGE(FILTER(${k('Confidence')}, ${currentKr}, ${k('Confidence')}<>"")), ""))`,
        ],
      ],
    },
    {
      row: 5,
      column: 1,
      values: [
        [
          'Not checked in',
          `=ARRAYFORMULA(IFERROR(TEXTJOIN(", ", TRUE, SORT(UNIQUE(FILTER(${k('Owner')}, ${currentKr}*${stale}*(${k('Status')}<>"done")*(${k('Owner')}<>""))))), "Everyone is up to date."))`,
        ],
      ],
    },
  ];

  // Teams: the teams of this cycle's objectives and the linked teams, a row each.
  const teamEnd = TEAMS_ROW + 1 + refs.teamRows;
  const teamList = `$${columnLetter(data.teams)}$4:$${columnLetter(data.teams)}`;
  const both = (own: number, other: number) => `{${ours(own)}; ${linked(other)}}`;
  const teamRows: string[][] = [];
  for (let i = 0; i < refs.teamRows; i++) {
    const row = TEAMS_ROW + 2 + i;
    const team = `A${row}`;
    const mine = `(${both(1, 1)}=${team})`;
    teamRows.push([
      `=IFERROR(INDEX(${teamList}, ${i + 1}), "")`,
      `=IF(${team}="", "", SUMPRODUCT(${mine}*1))`,
      i === 0 ? `=ARRAYFORMULA(OKR_ROLLUP(A${row}:A${teamEnd}, ${both(1, 1)}, ${both(3, 3)}, ${both(5, 4)}))` : '',
      `=IF(${team}="", "", SUMPRODUCT(${mine}*((${both(2, 2)}="at risk")+(${both(2, 2)}="off track"))))`,
      `=IF(${team}="", "", ARRAYFORMULA(${rate(`${currentKr}*(${krTeam}=${team})`)}))`,
    ]);
  }
  blocks.push({
    row: TEAMS_ROW,
    column: 1,
    values: [['Teams', '', '', '', ''], ['Team', 'Objectives', 'Progress', 'At risk + off track', 'Check-in rate'], ...teamRows],
  });

  // Effectiveness by cycle: OKR_CYCLE_STATS spills its header and a row per closed cycle into the rows kept.
  const effectivenessRow = teamEnd + 2;
  const statsHeader = effectivenessRow + 1;
  const statsEnd = statsHeader + refs.cycleRows;
  blocks.push({ row: effectivenessRow, column: 1, values: [['Effectiveness by cycle'], [`=OKR_CYCLE_STATS(${refs.archive})`]] });

  // Objectives of this cycle, at the bottom so the list can grow.
  const objectivesRow = statsEnd + 2;
  const first = objectivesRow + 2;
  const bars: string[][] = [];
  for (let i = 0; i < refs.objectiveRows; i++) {
    const row = first + i;
    bars.push([`=IF(ISNUMBER(E${row}), SPARKLINE(E${row}, {"charttype","bar";"max",1;"color1","#4285f4"}), "")`]);
  }
  blocks.push(
    { row: objectivesRow, column: 1, values: [['Objectives']] },
    {
      row: objectivesRow + 1,
      column: 1,
      values: [
        ['ID', 'Objective', 'Team', 'Owner', 'Progress', '', 'Expected', 'Forecast', 'Status'],
        [
          `=ARRAYFORMULA(IFERROR(FILTER({${o('ID')}, ${o('Objective')}, ${teamOf}, ${o('Owner')}, ${o('Progress')}}, ${currentObjective}), ""))`,
          '',
          '',
          '',
          '',
          '',
          `=ARRAYFORMULA(IF(A${first}:A="", "", $B$4))`,
          `=ARRAYFORMULA(IFERROR(FILTER({${o('Forecast')}, ${o('Status')}}, ${currentObjective}), ""))`,
          '',
        ],
      ],
    },
    { row: first, column: 6, values: bars },
  );

  blocks.push(
    ...dataBlocks(data, {
      objectives: `=ARRAYFORMULA(IFERROR(FILTER({${o('ID')}, ${teamOf}, ${o('Status')}, ${o('Progress')}, ${o('Forecast')}, ${o('Weight')}, ${topLevel}*1}, ${currentObjective}), ""))`,
      keyResults: `=ARRAYFORMULA(IFERROR(FILTER(${k('ID')}, ${currentKr}), ""))`,
      linked: `=ARRAYFORMULA(IFERROR(FILTER({TRIM(${l('Team')})&"/"&TRIM(${l('ID')}), TRIM(${l('Team')}), ${l('Status')}, ${l('Progress')}, ${l('Weight')}}, ${currentLinked}), ""))`,
      teams: `=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER(${both(1, 1)}, ${both(1, 1)}<>""))), ""))`,
    }),
    trend(refs, data),
  );

  const lastObjective = first + refs.objectiveRows - 1;
  const letter = columnLetter;
  const trendEnd = 3 + WEEKS;
  return {
    blocks,
    formats: [
      ['A4:C4', '0%'],
      ['D4:H4', '0'],
      ['I4', '0%'],
      ['J4', '0.0'],
      [`C${TEAMS_ROW + 2}:C${teamEnd}`, '0%'],
      [`E${TEAMS_ROW + 2}:E${teamEnd}`, '0%'],
      [`D${statsHeader + 1}:D${statsEnd}`, '0.00'],
      [`E${statsHeader + 1}:E${statsEnd}`, '0%'],
      [`F${statsHeader + 1}:H${statsEnd}`, '0.0'],
      [`E${first}:E`, '0%'],
      [`G${first}:H`, '0%'],
      [`${letter(data.week)}4:${letter(data.week)}`, 'mmm d'],
      [`${letter(data.week + 1)}4:${letter(data.week + 2 + refs.linkedTeams.length)}`, '0%'],
    ],
    headers: [
      'A1',
      'A3:J3',
      `A${TEAMS_ROW}`,
      `A${TEAMS_ROW + 1}:E${TEAMS_ROW + 1}`,
      `A${effectivenessRow}`,
      `A${statsHeader}:H${statsHeader}`,
      `A${objectivesRow}`,
      `A${objectivesRow + 1}:I${objectivesRow + 1}`,
    ],
    widths: [
      [1, 110],
      [2, 250],
      [3, 110],
      [4, 110],
      [5, 80],
      [6, 110],
      [7, 80],
      [8, 80],
      [9, 90],
      [10, 90],
    ],
    charts: [
      {
        kind: 'pie',
        title: CHART_TITLES[0],
        ranges: [`${letter(DATA_COLUMN)}3:${letter(DATA_COLUMN + 1)}8`],
        row: CHARTS_ROW,
        column: 1,
        width: 350,
        height: 260,
        colors: STATUS_COLOURS,
      },
      {
        kind: 'column',
        title: CHART_TITLES[1],
        ranges: [`A${first - 1}:A${lastObjective}`, `E${first - 1}:E${lastObjective}`, `G${first - 1}:G${lastObjective}`],
        row: CHARTS_ROW,
        column: 3,
        width: 290,
        height: 260,
        colors: ['#4285f4', '#bdbdbd'],
      },
      {
        kind: 'line',
        title: CHART_TITLES[2],
        ranges: [`${letter(data.week)}3:${letter(data.week + 2 + refs.linkedTeams.length)}${trendEnd}`],
        row: CHARTS_ROW,
        column: 6,
        width: 450,
        height: 260,
        colors: ['#bdbdbd', '#4285f4', '#34a853', '#fbbc04', '#ea4335', '#a142f4', '#24c1e0', '#ff6d01'],
      },
      {
        kind: 'column',
        title: CHART_TITLES[3],
        ranges: [`A${statsHeader}:A${statsEnd}`, `D${statsHeader}:E${statsEnd}`],
        row: effectivenessRow,
        column: 10,
        width: 380,
        height: 220,
        colors: ['#4285f4', '#34a853'],
      },
    ],
  };
}

/**
 * Where the chart data lives, to the right of what people read: the first
 * column of each block. Each block is one FILTER of this cycle's rows, read
 * by the figures on the left, so each list is worked out once a recalculation.
 */
interface DataColumns {
  /** The trend: Week, Expected, Overall, then a column per linked team. */
  week: number;
  /** This cycle's objectives: ID, Team, Status, Progress, Forecast, Weight, Top level (1 or 0). */
  objectives: number;
  /** This cycle's key result IDs. */
  keyResults: number;
  /** The linked teams' objectives of this cycle: Team/ID, Team, Status, Progress, Weight. */
  linked: number;
  /** The teams of this cycle, sorted. */
  teams: number;
}

function dataColumns(linkedTeams: number): DataColumns {
  const week = DATA_COLUMN + 3;
  const objectives = week + 3 + linkedTeams + 1;
  return { week, objectives, keyResults: objectives + 8, linked: objectives + 10, teams: objectives + 16 };
}

/** A column's cells from row 4 down: `X4:X`. */
function from4(column: number): string {
  const letter = columnLetter(column);
  return `${letter}4:${letter}`;
}

/** A spilled list without its blank cells below: lookups scan only what is there. */
function list(range: string): string {
  return `FILTER(${range}, ${range}<>"")`;
}

/** Two columns side by side, the rows whose first is not blank: a small lookup table. */
function table(keys: string, values: string): string {
  return `FILTER({${keys}, ${values}}, ${keys}<>"")`;
}

function dataBlocks(data: DataColumns, formulas: { objectives: string; keyResults: string; linked: string; teams: string }): Block[] {
  const row = (header: string[], formula: string) => [header, [formula, ...header.slice(1).map(() => '')]];
  return [
    {
      row: 1,
      column: DATA_COLUMN,
      values: [['Chart data: the charts and the figures on the left read these cells, which OKR Sheets fills with formulas.']],
    },
    {
      row: 3,
      column: DATA_COLUMN,
      values: [['Status', 'Key results'], ...STATUSES.map((status, i) => [status, `=${columnLetter(4 + i)}4`])],
    },
    {
      row: 3,
      column: data.objectives,
      values: row(['Objective this cycle', 'Team', 'Status', 'Progress', 'Forecast', 'Weight', 'Top level'], formulas.objectives),
    },
    { row: 3, column: data.keyResults, values: row(['Key result this cycle'], formulas.keyResults) },
    { row: 3, column: data.linked, values: row(['Linked Team/ID', 'Team', 'Status', 'Progress', 'Weight'], formulas.linked) },
    { row: 3, column: data.teams, values: row(['Teams this cycle'], formulas.teams) },
  ];
}

/**
 * Progress over the weeks, from the weekly summary's History snapshots of this
 * cycle: each column is one OKR_ROLLUP over History, so a week's figure
 * follows the one rollup rule (blank counts as 0 once anyone has progress).
 */
function trend(refs: DashboardRefs, data: DataColumns): Block {
  const h = (header: string) => refs.column(HISTORY, header);
  const week = columnLetter(data.week);
  const weeks = `${week}4:${week}${3 + WEEKS}`;
  const headers = ['Week', 'Expected', 'Overall', ...refs.linkedTeams.map(quoted)];
  if (!refs.history) {
    const none = 'No History yet: the weekly email summary (OKR Sheets > Email summaries…) records one snapshot a week.';
    return { row: 3, column: data.week, values: [headers, [none, ...headers.slice(1).map(() => '')]] };
  }
  const ours = (offset: number) => from4(data.objectives + offset);
  const linked = (offset: number) => from4(data.linked + offset);
  const top = `FILTER(${ours(0)}, ${ours(6)}=1)`;
  const topWeights = `FILTER({${ours(0)}, ${ours(5)}}, ${ours(6)}=1)`;
  const when = (dates: string) => `TEXT(${dates}, ${WHEN})`;
  const inCycle = `ISNUMBER(MATCH(${h('ID')}, {${top}; ${list(linked(0))}}, 0))*(OKR_EXPECTED(${CYCLE}, ${h('Date')}, ${CYCLE_ARGS})>0)`;
  const rollupOf = (parents: string, weights: string) =>
    `=ARRAYFORMULA(OKR_ROLLUP(IF(${weeks}="", "", ${when(weeks)}), ${parents}, ${h('Progress')}, ${weights}))`;
  const overall = rollupOf(
    `IF(ISNUMBER(MATCH(${h('ID')}, ${top}, 0)), ${when(h('Date'))}, "")`,
    `IFNA(VLOOKUP(${h('ID')}, ${topWeights}, 2, FALSE), "")`,
  );
  const perTeam = refs.linkedTeams.map((_, i) =>
    rollupOf(
      `IF(IFNA(VLOOKUP(${h('ID')}, ${table(linked(0), linked(1))}, 2, FALSE), "")=${columnLetter(data.week + 3 + i)}$3, ${when(h('Date'))}, "")`,
      `IFNA(VLOOKUP(${h('ID')}, ${table(linked(0), linked(4))}, 2, FALSE), "")`,
    ),
  );
  return {
    row: 3,
    column: data.week,
    values: [
      headers,
      [
        `=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER(${h('Date')}, ${inCycle}))), ""))`,
        `=ARRAYFORMULA(IF(${weeks}="", "", OKR_EXPECTED(${CYCLE}, ${weeks}, ${CYCLE_ARGS})))`,
        overall,
        ...perTeam,
      ],
    ],
  };
}
