// Validation done the naive way: every cell the add-on's validateOkrs reads
// (src/addon/report.ts: the used range of Objectives, Key Results, Settings,
// Cycles, Linked OKRs and People, and the Key Results' number formats) read
// with getRange(row, column).getValue() / getNumberFormat(), the same engine
// run on them, and the report written cell by cell into a new Validation tab.
// It skips the add-on's merged-header and blocked-formula checks (three
// calls a tab), which favours it.
import { Cell } from '../../src/okr/cells';
import { KEY_RESULTS, TabSpec, VALIDATION } from '../../src/okr/schema';
import { ReportRow, readTables, reportValues, ruleRows } from '../../src/addon/report';
import { asWritten } from '../../src/addon/write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type Row = ReportRow;

/** Every cell of a tab's used range, one getValue (or `read`) each. */
function cellByCell<T>(sheet: Sheet, read: (cell: GoogleAppsScript.Spreadsheet.Range) => T): T[][] {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  const values: T[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: T[] = [];
    for (let c = 1; c <= columns; c++) line.push(read(sheet.getRange(r, c)));
    values.push(line);
  }
  return values;
}

export function naiveValidate(spreadsheet: Spreadsheet): void {
  const sheets = new Map(spreadsheet.getSheets().map((sheet) => [sheet.getName(), sheet]));
  const tab = (spec: TabSpec): Sheet => {
    const sheet = sheets.get(spec.name);
    if (!sheet) throw new Error(`the naive validation expects the ${spec.name} tab`);
    return sheet;
  };
  const read = (spec: TabSpec) => cellByCell(tab(spec), (cell) => cell.getValue() as Cell);
  const tables = readTables(read);
  // The same rules as the add-on's (src/addon/report.ts), on what was read cell by cell.
  const keyResultFormats = () => cellByCell(tab(KEY_RESULTS), (cell) => cell.getNumberFormat());
  const rows = ruleRows(spreadsheet, tables, keyResultFormats, (name) => sheets.get(name));
  const order = { error: 0, warning: 1, info: 2 };
  rows.sort((a, b) => order[a.severity] - order[b.severity]);
  writeReport(spreadsheet, rows);
}

/** A new Validation tab, its header and each finding written one cell at a time. */
function writeReport(spreadsheet: Spreadsheet, rows: Row[]): void {
  const sheet = spreadsheet.insertSheet(VALIDATION.name, spreadsheet.getSheets().length);
  sheet.setFrozenRows(1);
  VALIDATION.headers.forEach((_, c) => sheet.getRange(1, c + 1).setFontWeight('bold'));
  sheet.setColumnWidth(4, 600);
  const values = reportValues(rows);
  if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      // The Where column holds a formula; the rest is text kept as typed (a new tab's cells have no number format).
      const isLink = r > 0 && c === 2 && rows.length > 0;
      sheet.getRange(r + 1, c + 1).setValue(isLink ? value : asWritten(value, ''));
    }),
  );
}
