import { Cell, isBlank, text, uniqueTexts } from '../okr/cells';
import { UserError } from '../okr/errors';
import { ARCHIVE, HISTORY, KEY_RESULTS, LINKED, OBJECTIVES, PEOPLE, TabSpec } from '../okr/schema';
import { columnLetter, quoteSheet } from './a1';
import { ensureArchiveTab } from './record-tab';
import { CHART_TITLES, ChartSpec, DashboardLayout, dashboardLayout } from './dashboard-layout';
import { matchHeaderCells } from './header-formulas';
import { Tabs } from './tabs';

// Builds the Dashboard tab (menu: Build the dashboard). The tab the add-on
// made carries the named range OKR_DASHBOARD on its A1: that is how a rebuild
// finds it (renamed or not) and how a Dashboard tab a person made is told
// apart and never overwritten. The charts it built are remembered by id in
// the document's properties, so a rebuild replaces them and no other chart.

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DASHBOARD_TAB = 'Dashboard';
export const DASHBOARD_RANGE = 'OKR_DASHBOARD';
const CHARTS_PROPERTY = 'OKR_DASHBOARD_CHARTS';

/** The columns each tab must have for the dashboard's formulas. */
const NEEDS: [TabSpec, string[]][] = [
  [OBJECTIVES, ['ID', 'Objective', 'Owner', 'Team', 'Cycle', 'Aligned to', 'Weight', 'Progress', 'Status', 'Forecast']],
  [KEY_RESULTS, ['ID', 'Objective ID', 'Owner', 'Confidence', 'Status', 'Last check-in']],
  [PEOPLE, ['Name', 'Email', 'Team']],
  [LINKED, ['Team', 'ID', 'Cycle', 'Aligned to', 'Weight', 'Progress', 'Status']],
];

/** The add-on's own Dashboard tab, if it made one (under whatever name it has now). */
export function ownDashboard(spreadsheet: Spreadsheet): Sheet | undefined {
  return spreadsheet.getRangeByName(DASHBOARD_RANGE)?.getSheet();
}

/** Whether set-up should offer to build the dashboard: there is none, and the name is free. */
export function dashboardMissing(spreadsheet: Spreadsheet): boolean {
  return ownDashboard(spreadsheet) === undefined && spreadsheet.getSheetByName(DASHBOARD_TAB) === null;
}

/**
 * Builds the dashboard, or builds it again in the tab it made before: its
 * cells and the charts it made are replaced; no other tab is touched. Call
 * it holding the document lock. Returns what to tell the person.
 */
export function buildDashboard(spreadsheet: Spreadsheet): string {
  const tabs = new Tabs(spreadsheet);
  const own = ownDashboard(spreadsheet);
  if (!own && tabs.has(DASHBOARD_TAB)) {
    throw new UserError(
      `There is already a tab called ${DASHBOARD_TAB} that OKR Sheets did not make, so nothing was changed. Rename that tab, then build the dashboard again.`,
    );
  }
  const found = NEEDS.map(([spec, headers]) => ({ spec, columns: columnsIn(tabs, spec, headers) }));
  const history = tabs.get(HISTORY.name);
  const historyColumns = history ? headerColumns(history, HISTORY.headers) : undefined;
  const linkedTeams = namesIn(tabs.get(LINKED.name)!, found[3]!.columns.get('Team')!);
  const objectiveSheet = tabs.get(OBJECTIVES.name)!;
  const objectives = namesIn(objectiveSheet, found[0]!.columns.get('ID')!).length;
  const ownTeams = namesIn(objectiveSheet, found[0]!.columns.get('Team')!);
  const archive = archiveRef(spreadsheet, tabs);
  const layout = dashboardLayout({
    column: (spec, header) => {
      const columns = spec === HISTORY ? historyColumns! : found.find((f) => f.spec === spec)!.columns;
      const letter = columnLetter(columns.get(header)! + 1);
      return `${quoteSheet(spec.name)}!${letter}2:${letter}`;
    },
    linkedTeams,
    history: historyColumns !== undefined && HISTORY.required.every((h) => historyColumns.has(h)) && historyColumns.has('Progress'),
    teamRows: Math.max(8, ownTeams.length + linkedTeams.length + 3),
    objectiveRows: Math.max(15, objectives + 10),
    archive: archive.a1,
    // Two years of quarterly closes to come before the table meets the objectives: a rebuild makes room again.
    cycleRows: archive.cycles + 8,
  });

  // First among the tabs: where a leader looks.
  const sheet = own ?? spreadsheet.insertSheet(DASHBOARD_TAB, 0);
  if (own) {
    removeOwnCharts(own);
    own.clear();
  } else {
    spreadsheet.setNamedRange(DASHBOARD_RANGE, sheet.getRange('A1'));
  }
  write(sheet, layout);
  const others = new Set(sheet.getCharts().map((chart) => String(chart.getChartId())));
  for (const spec of layout.charts) insertChart(sheet, spec);
  const ids = sheet
    .getCharts()
    .map((chart) => String(chart.getChartId()))
    .filter((id) => !others.has(id));
  PropertiesService.getDocumentProperties().setProperty(CHARTS_PROPERTY, JSON.stringify(ids));
  spreadsheet.setActiveSheet(sheet);
  return own
    ? `The ${sheet.getName()} tab was built again: its figures and its four charts are up to date, and nothing else was changed.`
    : `Added the ${DASHBOARD_TAB} tab: the cycle at a glance. Every figure is a formula, so it stays current as people check in.`;
}

/**
 * The Archive tab (made when missing, so the formula never names a missing
 * tab) as OKR_CYCLE_STATS reads it: from A1 to its last ARCHIVE column where
 * its headers are now, and how many cycles it holds, for the rows to keep.
 */
function archiveRef(spreadsheet: Spreadsheet, tabs: Tabs): { a1: string; cycles: number } {
  const existed = tabs.has(ARCHIVE.name);
  const sheet = ensureArchiveTab(spreadsheet, tabs);
  // A new tab has the schema's columns; an existing one is read where its headers are.
  const columns = existed ? headerColumns(sheet, ARCHIVE.headers) : new Map(ARCHIVE.headers.map((h, i) => [h, i]));
  const last = Math.max(ARCHIVE.headers.length - 1, ...columns.values());
  const cycle = columns.get('Cycle');
  const cycles = existed && cycle !== undefined ? namesIn(sheet, cycle).length : 0;
  return { a1: `${quoteSheet(ARCHIVE.name)}!A1:${columnLetter(last + 1)}`, cycles };
}

/** A tab's columns by header, or a refusal naming what set-up would add. */
function columnsIn(tabs: Tabs, spec: TabSpec, headers: readonly string[]): Map<string, number> {
  const sheet = tabs.get(spec.name);
  if (!sheet)
    throw new UserError(
      `The dashboard reads the ${spec.name} tab, which this workbook lacks. Run OKR Sheets > Set up the OKR workbook first.`,
    );
  const columns = headerColumns(sheet, headers);
  const missing = headers.filter((header) => !columns.has(header));
  if (missing.length > 0) {
    throw new UserError(
      `The dashboard reads the ${missing.join(', ')} column${missing.length === 1 ? '' : 's'} of ${spec.name}, not found in its first row. Run OKR Sheets > Set up the OKR workbook first: it adds the columns it can.`,
    );
  }
  return columns;
}

/** The columns of `headers` in a tab's first row, computed ones found by their formula too. */
function headerColumns(sheet: Sheet, headers: readonly string[]): Map<string, number> {
  const width = Math.max(1, sheet.getLastColumn());
  const range = sheet.getRange(1, 1, 1, width);
  return matchHeaderCells(range.getValues()[0] as Cell[], range.getFormulas()[0]!, headers);
}

/** The names in a column (a team column), each once as ids compare, in the order the tab lists them. */
function namesIn(sheet: Sheet, column: number): string[] {
  const rows = sheet.getLastRow() - 1;
  if (rows < 1) return [];
  const cells = (sheet.getRange(2, column + 1, rows, 1).getValues() as Cell[][]).map(([cell]) => cell);
  return uniqueTexts(cells.filter((cell) => !isBlank(cell) && !/^link broken/i.test(text(cell))).map((cell) => text(cell).trim()));
}

function write(sheet: Sheet, layout: DashboardLayout): void {
  // A new tab has 26 columns and 1,000 rows: the chart data sits further right, and a company's objectives may run further down.
  const width = Math.max(...layout.blocks.map((block) => block.column + block.values[0]!.length - 1));
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const height = Math.max(...layout.blocks.map((block) => block.row + block.values.length - 1));
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  for (const block of layout.blocks) {
    sheet.getRange(block.row, block.column, block.values.length, block.values[0]!.length).setValues(block.values);
  }
  for (const [a1, format] of layout.formats) sheet.getRange(a1).setNumberFormat(format);
  for (const a1 of layout.headers) sheet.getRange(a1).setFontWeight('bold');
  sheet.getRange('A1').setFontSize(14);
  sheet.getRange('A2').setFontStyle('italic').setFontColor('#5f6368');
  for (const [column, width] of layout.widths) sheet.setColumnWidth(column, width);
}

function insertChart(sheet: Sheet, spec: ChartSpec): void {
  const builder = sheet.newChart();
  const typed = spec.kind === 'pie' ? builder.asPieChart() : spec.kind === 'column' ? builder.asColumnChart() : builder.asLineChart();
  for (const a1 of spec.ranges) typed.addRange(sheet.getRange(a1));
  const chart = typed
    .setTitle(spec.title)
    .setColors(spec.colors)
    .setNumHeaders(1)
    .setPosition(spec.row, spec.column, 0, 0)
    .setOption('width', spec.width)
    .setOption('height', spec.height)
    .build();
  sheet.insertChart(chart);
}

/** Removes the charts an earlier build made: by the ids it kept, or (with none kept, as in a copy of the file) by their titles. */
function removeOwnCharts(sheet: Sheet): void {
  const kept = JSON.parse(PropertiesService.getDocumentProperties().getProperty(CHARTS_PROPERTY) ?? '[]') as string[];
  for (const chart of sheet.getCharts()) {
    const ours =
      kept.length > 0
        ? kept.includes(String(chart.getChartId()))
        : (CHART_TITLES as readonly string[]).includes(String(chart.getOptions().get('title')));
    if (ours) sheet.removeChart(chart);
  }
}
