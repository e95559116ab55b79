// Set-up done the naive way: what the add-on's set-up writes into a new
// workbook (src/addon/setup.ts, then the example OKRs), written cell by cell.
// Whatever has no cell-by-cell form (a tab, a named range, a sheet's
// conditional-format rules, a protection, a frozen row, a column width) takes
// the same one call as in the add-on. The naive script reads nothing first:
// it knows the workbook is new, so it skips the add-on's checks (about 30
// calls), which favours it.
import { Cell } from '../../src/okr/cells';
import { calendarOf } from '../../src/okr/cycles';
import { readSettings } from '../../src/okr/settings';
import { CYCLES, GUIDE_TAB, KEY_RESULTS, OBJECTIVES, PEOPLE, SETTING_ROWS, SETTINGS, TABLE_TABS, TabSpec } from '../../src/okr/schema';
import { cycleChoices } from '../../src/addon/setup-settings';
import { colourRules, dataValidation, FORMULA_PROTECTION } from '../../src/addon/formats';
import { columnLetter } from '../../src/addon/a1';
import { GUIDE_ROWS } from '../../src/addon/guide';
import { formulaRefs, headerFormula } from '../../src/addon/header-formulas';
import { exampleKeyResults, exampleObjectives, examplePeople } from '../../src/addon/examples';
import { spreadsheetWallClock } from '../../src/addon/timezone';
import { todayIn } from '../../src/addon/today';
import { asWritten } from '../../src/addon/write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A column's 1-based number in a new tab: the headers are written in order. */
const columnOf = (spec: TabSpec, header: string) => spec.headers.indexOf(header) + 1;
const columnsOf = (spec: TabSpec) => new Map(spec.headers.map((header, i) => [header, i]));
/** The number format the naive script gave a column (it knows, having set them). */
const formatOf = (spec: TabSpec, header: string) => spec.columns.find((c) => c.header === header)?.format ?? '';

/** Every data cell of a column, row 2 to the grid's last, one at a time. */
function eachDataCell(sheet: Sheet, column: number, write: (cell: GoogleAppsScript.Spreadsheet.Range) => void): void {
  const rows = sheet.getMaxRows();
  for (let row = 2; row <= rows; row++) write(sheet.getRange(row, column));
}

export function naiveSetUp(spreadsheet: Spreadsheet): void {
  const today = todayIn(new Date(), spreadsheet);
  const tabs = new Map<TabSpec, Sheet>();
  for (const spec of TABLE_TABS) {
    const sheet = spreadsheet.insertSheet(spec.name, spreadsheet.getSheets().length);
    spec.headers.forEach((header, i) => {
      sheet.getRange(1, i + 1).setValue(header);
      sheet.getRange(1, i + 1).setFontWeight('bold');
    });
    sheet.setFrozenRows(1);
    tabs.set(spec, sheet);
  }
  const settings = readSettings([], today);
  const cycleNames = cycleChoices(today.year, calendarOf(settings.fiscal, [], spreadsheetWallClock()));
  const context = { ...today, fiscal: settings.fiscal, spreadsheetName: spreadsheet.getName() };

  const settingsTab = tabs.get(SETTINGS)!;
  SETTING_ROWS.forEach((setting, i) => {
    [setting.name, setting.fallback(context), setting.about].forEach((value, c) =>
      settingsTab.getRange(i + 2, c + 1).setValue(asWritten(value, '')),
    );
  });
  SETTING_ROWS.forEach((setting, i) => {
    if (setting.check) settingsTab.getRange(i + 2, 2).setDataValidation(dataValidation(setting.check, cycleNames));
  });
  SETTING_ROWS.forEach((setting, i) => spreadsheet.setNamedRange(setting.rangeName, settingsTab.getRange(i + 2, 2)));
  spreadsheet.setNamedRange(CYCLES.rangeName!, tabs.get(CYCLES)!.getRange('A:C'));

  // Key Results first, as the add-on does: the Objectives' rollup reads its Progress column.
  for (const spec of [KEY_RESULTS, ...TABLE_TABS.filter((t) => t !== KEY_RESULTS)]) {
    const refs = formulaRefs(spec, columnsOf);
    for (const { header, formula } of spec.columns) {
      if (formula)
        tabs
          .get(spec)!
          .getRange(1, columnOf(spec, header))
          .setFormula(headerFormula(header, formula(refs)));
    }
  }
  for (const [spec, sheet] of tabs) {
    for (const { header, check } of spec.columns) {
      if (!check) continue;
      const rule = dataValidation(check, cycleNames);
      eachDataCell(sheet, columnOf(spec, header), (cell) => cell.setDataValidation(rule));
    }
  }
  for (const [spec, sheet] of tabs) {
    const column = (header: string) => sheet.getRange(2, columnOf(spec, header), sheet.getMaxRows() - 1, 1);
    const status = spec.headers.includes('Status') ? columnLetter(columnOf(spec, 'Status')) : '';
    const rules = spec.columns.flatMap(({ header, colours }) => (colours ? colourRules(colours, column(header), status) : []));
    if (rules.length) sheet.setConditionalFormatRules(rules);
    for (const header of spec.computed) {
      column(header).protect().setDescription(`${FORMULA_PROTECTION} (${header})`).setWarningOnly(true);
    }
  }
  for (const [spec, sheet] of tabs) {
    for (const { header, format } of spec.columns) {
      if (format) eachDataCell(sheet, columnOf(spec, header), (cell) => cell.setNumberFormat(format));
    }
    for (const { header, note } of spec.columns) if (note) sheet.getRange(1, columnOf(spec, header)).setNote(note);
    // The add-on's layout, a column and a cell at a time: widths, wrapped titles, the frozen ID column.
    for (const { header, width, wrap } of spec.columns) {
      if (width) sheet.setColumnWidth(columnOf(spec, header), width);
      if (wrap) eachDataCell(sheet, columnOf(spec, header), (cell) => cell.setWrap(true));
    }
    if (spec.columns[0]?.freeze) sheet.setFrozenColumns(1);
  }

  const guide = spreadsheet.insertSheet(GUIDE_TAB, spreadsheet.getSheets().length);
  GUIDE_ROWS.forEach((line, i) => guide.getRange(i + 1, 1).setValue(asWritten(line, '')));
  guide.getRange(1, 1).setFontWeight('bold');
  guide.setColumnWidth(1, 900);
  GUIDE_ROWS.forEach((_, i) => guide.getRange(i + 1, 1).setWrap(true));

  const cycleRow = SETTING_ROWS.findIndex((s) => s.key === 'cycle') + 2;
  const cycle = String(settingsTab.getRange(cycleRow, 2).getValue()).trim();
  const examples: [TabSpec, Record<string, Cell>[]][] = [
    [OBJECTIVES, exampleObjectives(cycle)],
    [KEY_RESULTS, exampleKeyResults()],
    [PEOPLE, examplePeople()],
  ];
  for (const [spec, rows] of examples) {
    const sheet = tabs.get(spec)!;
    rows.forEach((example, r) => {
      // Every cell of the row, the computed columns' blank ones too, as the add-on's block write does.
      spec.headers.forEach((header, c) => sheet.getRange(r + 2, c + 1).setValue(asWritten(example[header] ?? '', formatOf(spec, header))));
    });
  }
}
