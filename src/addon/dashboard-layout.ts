import { HISTORY, KEY_RESULTS, LINKED, OBJECTIVES, PEOPLE, TabSpec } from '../okr/schema';
import { columnLetter } from './a1';

// The Dashboard tab as data: which formula goes in which cell, the formats,
// and the three charts with their ranges. Every figure is a formula over the
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

export const CHART_TITLES = ['Key results by status', 'Progress by objective', 'Progress over the weeks'] as const;

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

  // Rows of this cycle: an objective whose Cycle is blank or the current cycle; a key result of such an objective.
  const currentObjective = `(${o('ID')}<>"")*((${o('Cycle')}="")+(TRIM(${o('Cycle')})=TRIM(${CYCLE}))>0)`;

  // Top level, as the weekly summary's headline counts: aligned to nothing, or to another workbook (Name/ID).
  const aligned = o('Aligned to');
  const topLevel = `((${aligned}="")+IFERROR(FIND("/", ${aligned})>1, FALSE)*IFERROR(TRIM(LEFT(${aligned}, FIND("/", ${aligned})-1))<>TRIM(OKR_WORKBOOK_NAME), FALSE)>0)`;
  // An objective's team: its Team, else its owner's team in People (by Name or Email).
  const people = (by: string) => `IFNA(VLOOKUP(${o('Owner')}, {${p(by)}, ${p('Team')}}, 2, FALSE), "")`;
  const teamOf = `IF(${o('Team')}<>"", TRIM(${o('Team')}), IF(${people('Name')}<>"", ${people('Name')}, IF(${people('Email')}<>"", ${people('Email')}, "(no team)")))`;

  const columns = dataColumns(refs.linkedTeams.length);
  const currentIds = from4(columns.currentIds);
  // A linked team's objective of this cycle: its Cycle is ours, or it supports one of this cycle's objectives or
  // key results here (Aligned to Name/ID, Name this workbook), as the weekly summary lists them: a team may count
  // its own cycles (a fiscal quarter, six-week waves).
  const linkedAligned = l('Aligned to');
  const slash = `FIND("/", ${linkedAligned})`;
  const supports = `IFERROR(TRIM(LEFT(${linkedAligned}, ${slash}-1))=TRIM(OKR_WORKBOOK_NAME), FALSE)*ISNUMBER(MATCH(IFERROR(TRIM(MID(${linkedAligned}, ${slash}+1, 1000)), ""), {${currentIds}; ${from4(columns.currentKrIds)}}, 0))`;
  const currentLinked = `(${l('ID')}<>"")*((${l('Cycle')}="")+(TRIM(${l('Cycle')})=TRIM(${CYCLE}))+${supports}>0)`;
  const currentKr = `(${k('ID')}<>"")*ISNUMBER(MATCH(${k('Objective ID')}, ${currentIds}, 0))`;
  const krTeam = `IFNA(VLOOKUP(${k('Objective ID')}, {${o('ID')}, ${teamOf}}, 2, FALSE), "")`;
  // Stale as the email summaries count it: no check-in within the cadence and a grace day (never is stale).
  const last = k('Last check-in');
  const stale = `IFERROR((${last}="")+(INT(TODAY())>IF(OKR_CHECKIN_CADENCE="monthly", EDATE(INT(${last}), 1), INT(${last})+IF(OKR_CHECKIN_CADENCE="every two weeks", 14, 7))+1)>0, TRUE)`;
  const rate = (mask: string) =>
    `IF(SUMPRODUCT(${mask})=0, "", OKR_CHECKIN_RATE(FILTER(${k('ID')}, ${mask}), FILTER(${last}, ${mask}), OKR_CHECKIN_CADENCE, TODAY()))`;
  const overall = (column: string) => `OKR_ROLLUP({"*"}, IF(${currentObjective}*${topLevel}, "*", ""), ${o(column)}, ${o('Weight')})`;
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
          `=ARRAYFORMULA(${overall('Progress')})`,
          `=OKR_EXPECTED(${CYCLE}, TODAY(), ${CYCLE_ARGS})`,
          `=ARRAYFORMULA(${overall('Forecast')})`,
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
          'Not checked in lately',
          `=ARRAYFORMULA(IFERROR(TEXTJOIN(", ", TRUE, SORT(UNIQUE(FILTER(${k('Owner')}, ${currentKr}*${stale}*(${k('Status')}<>"done")*(${k('Owner')}<>""))))), "Everyone is up to date."))`,
        ],
      ],
    },
  ];

  // Teams: the teams of this cycle's objectives and the linked teams, a row each.
  const teamEnd = TEAMS_ROW + 1 + refs.teamRows;
  const teamList = `$${columnLetter(columns.teams)}$4:$${columnLetter(columns.teams)}`;
  const ownAndLinked = (own: string, linked: string) => `{${own}; ${linked}}`;
  const teamOfAll = ownAndLinked(teamOf, `TRIM(${l('Team')})`);
  const currentAll = ownAndLinked(currentObjective, currentLinked);
  const statusAll = ownAndLinked(o('Status'), l('Status'));
  const teamRows: string[][] = [];
  for (let i = 0; i < refs.teamRows; i++) {
    const row = TEAMS_ROW + 2 + i;
    const team = `A${row}`;
    const mine = `(${teamOfAll}=${team})*${currentAll}`;
    teamRows.push([
      `=IFERROR(INDEX(${teamList}, ${i + 1}), "")`,
      `=IF(${team}="", "", ARRAYFORMULA(SUMPRODUCT(${mine})))`,
      i === 0
        ? `=ARRAYFORMULA(OKR_ROLLUP(A${row}:A${teamEnd}, IF(${currentAll}, ${teamOfAll}, ""), ${ownAndLinked(o('Progress'), l('Progress'))}, ${ownAndLinked(o('Weight'), l('Weight'))}))`
        : '',
      `=IF(${team}="", "", ARRAYFORMULA(SUMPRODUCT(${mine}*((${statusAll}="at risk")+(${statusAll}="off track")))))`,
      `=IF(${team}="", "", ARRAYFORMULA(${rate(`${currentKr}*(${krTeam}=${team})`)}))`,
    ]);
  }
  blocks.push({
    row: TEAMS_ROW,
    column: 1,
    values: [['Teams', '', '', '', ''], ['Team', 'Objectives', 'Progress', 'At risk + off track', 'Check-in rate'], ...teamRows],
  });

  // Objectives of this cycle, at the bottom so the list can grow.
  const objectivesRow = teamEnd + 2;
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

  blocks.push(...chartData(refs, columns, { currentObjective, currentLinked, currentKr, topLevel, teamOf }));

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
      [`E${first}:E`, '0%'],
      [`G${first}:H`, '0%'],
      [`${letter(columns.week)}4:${letter(columns.week)}`, 'mmm d'],
      [`${letter(columns.week + 1)}4:${letter(columns.week + 2 + refs.linkedTeams.length)}`, '0%'],
    ],
    headers: [
      'A1',
      'A3:J3',
      `A${TEAMS_ROW}`,
      `A${TEAMS_ROW + 1}:E${TEAMS_ROW + 1}`,
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
        ranges: [`${letter(columns.week)}3:${letter(columns.week + 2 + refs.linkedTeams.length)}${trendEnd}`],
        row: CHARTS_ROW,
        column: 6,
        width: 450,
        height: 260,
        colors: ['#bdbdbd', '#4285f4', '#34a853', '#fbbc04', '#ea4335', '#a142f4', '#24c1e0', '#ff6d01'],
      },
    ],
  };
}

/** Where the chart data lives, to the right of what people read: a column number a list. */
interface DataColumns {
  /** The trend: Week, Expected, Overall, then a column per linked team. */
  week: number;
  /** This cycle's top-level objectives: ID, Weight. */
  top: number;
  /** This cycle's linked objectives: Team/ID, Team, Weight. */
  linked: number;
  /** This cycle's objective IDs. */
  currentIds: number;
  /** This cycle's key result IDs. */
  currentKrIds: number;
  /** The teams of this cycle, sorted. */
  teams: number;
}

function dataColumns(linkedTeams: number): DataColumns {
  const week = DATA_COLUMN + 3;
  const top = week + 3 + linkedTeams + 1;
  return { week, top, linked: top + 4, currentIds: top + 8, currentKrIds: top + 9, teams: top + 11 };
}

/** A column's cells from row 4 down: `X4:X`. */
function from4(column: number): string {
  const letter = columnLetter(column);
  return `${letter}4:${letter}`;
}

function chartData(
  refs: DashboardRefs,
  columns: DataColumns,
  masks: { currentObjective: string; currentLinked: string; currentKr: string; topLevel: string; teamOf: string },
): Block[] {
  const o = (header: string) => refs.column(OBJECTIVES, header);
  const l = (header: string) => refs.column(LINKED, header);
  const k = (header: string) => refs.column(KEY_RESULTS, header);
  const { currentObjective, currentLinked, currentKr, topLevel, teamOf } = masks;
  return [
    {
      row: 1,
      column: DATA_COLUMN,
      values: [['Chart data: the charts and the lists on the left read these cells, which OKR Sheets fills with formulas.']],
    },
    {
      row: 3,
      column: DATA_COLUMN,
      values: [['Status', 'Key results'], ...STATUSES.map((status, i) => [status, `=${columnLetter(4 + i)}4`])],
    },
    {
      row: 3,
      column: columns.top,
      values: [
        ['Top-level ID', 'Weight'],
        [`=ARRAYFORMULA(IFERROR(FILTER({${o('ID')}, ${o('Weight')}}, ${currentObjective}*${topLevel}), ""))`, ''],
      ],
    },
    {
      row: 3,
      column: columns.linked,
      values: [
        ['Linked Team/ID', 'Team', 'Weight'],
        [
          `=ARRAYFORMULA(IFERROR(FILTER({TRIM(${l('Team')})&"/"&TRIM(${l('ID')}), TRIM(${l('Team')}), ${l('Weight')}}, ${currentLinked}), ""))`,
          '',
          '',
        ],
      ],
    },
    {
      row: 3,
      column: columns.currentIds,
      values: [
        ['Objective ID this cycle', 'Key result ID this cycle'],
        [
          `=ARRAYFORMULA(IFERROR(FILTER(${o('ID')}, ${currentObjective}), ""))`,
          `=ARRAYFORMULA(IFERROR(FILTER(${k('ID')}, ${currentKr}), ""))`,
        ],
      ],
    },
    {
      row: 3,
      column: columns.teams,
      values: [
        ['Teams this cycle'],
        [`=ARRAYFORMULA(IFERROR(SORT(UNIQUE(FILTER({${teamOf}; TRIM(${l('Team')})}, {${currentObjective}; ${currentLinked}}))), ""))`],
      ],
    },
    trend(refs, columns),
  ];
}

/**
 * Progress over the weeks, from the weekly summary's History snapshots of this
 * cycle: each column is one OKR_ROLLUP over History, so a week's figure
 * follows the one rollup rule (blank counts as 0 once anyone has progress).
 */
function trend(refs: DashboardRefs, columns: DataColumns): Block {
  const h = (header: string) => refs.column(HISTORY, header);
  const week = columnLetter(columns.week);
  const weeks = `${week}4:${week}${3 + WEEKS}`;
  const headers = ['Week', 'Expected', 'Overall', ...refs.linkedTeams.map(quoted)];
  if (!refs.history) {
    const none = 'No History yet: the weekly email summary (OKR Sheets > Email summaries…) records one snapshot a week.';
    return { row: 3, column: columns.week, values: [headers, [none, ...headers.slice(1).map(() => '')]] };
  }
  const pair = (column: number, other: number) => `{${from4(column)}, ${from4(other)}}`;
  const top = from4(columns.top);
  const linkedIds = from4(columns.linked);
  const when = (dates: string) => `TEXT(${dates}, ${WHEN})`;
  const inCycle = `ISNUMBER(MATCH(${h('ID')}, {${top}; ${linkedIds}}, 0))*(OKR_EXPECTED(${CYCLE}, ${h('Date')}, ${CYCLE_ARGS})>0)`;
  const rollupOf = (parents: string, weights: string) =>
    `=ARRAYFORMULA(OKR_ROLLUP(IF(${weeks}="", "", ${when(weeks)}), ${parents}, ${h('Progress')}, ${weights}))`;
  const overall = rollupOf(
    `IF(ISNUMBER(MATCH(${h('ID')}, ${top}, 0)), ${when(h('Date'))}, "")`,
    `IFNA(VLOOKUP(${h('ID')}, ${pair(columns.top, columns.top + 1)}, 2, FALSE), "")`,
  );
  const perTeam = refs.linkedTeams.map((_, i) =>
    rollupOf(
      `IF(IFNA(VLOOKUP(${h('ID')}, ${pair(columns.linked, columns.linked + 1)}, 2, FALSE), "")=${columnLetter(columns.week + 3 + i)}$3, ${when(h('Date'))}, "")`,
      `IFNA(VLOOKUP(${h('ID')}, ${pair(columns.linked, columns.linked + 2)}, 2, FALSE), "")`,
    ),
  );
  return {
    row: 3,
    column: columns.week,
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
