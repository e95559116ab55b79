import { ARCHIVE, TabSpec } from '../okr/schema';
import { Tabs } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A tab the add-on keeps a record in (the Archive, History, the Mail log),
 * made when the workbook has none: last among the tabs, its header row from
 * the schema in bold and frozen, and each column's number format from the
 * schema on its data cells (IDs and cycles as plain text, so `2026` stays
 * text); hidden when people are not meant to read it. A tab of that name
 * that exists is returned as it is. `tabs` remembers the new tab for the
 * rest of the action.
 */
export function ensureRecordTab(spreadsheet: Spreadsheet, tabs: Tabs, spec: TabSpec, options: { hidden?: boolean } = {}): Sheet {
  const existing = tabs.get(spec.name);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(spec.name, spreadsheet.getNumSheets());
  tabs.set(spec.name, sheet);
  sheet
    .getRange(1, 1, 1, spec.headers.length)
    .setValues([[...spec.headers]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  const dataRows = sheet.getMaxRows() - 1;
  spec.columns.forEach((column, i) => {
    if (column.format) sheet.getRange(2, i + 1, dataRows, 1).setNumberFormat(column.format);
  });
  if (options.hidden) sheet.hideSheet();
  return sheet;
}

/**
 * The Archive tab (the record of closed cycles), visible: people read and
 * keep it. OKR_CYCLE_STATS reads it by header and says what is missing.
 * Used by Build the dashboard (so its formula never names a missing tab)
 * and by Close the cycle (before it appends the cycle's rows).
 */
export function ensureArchiveTab(spreadsheet: Spreadsheet, tabs: Tabs): Sheet {
  return ensureRecordTab(spreadsheet, tabs, ARCHIVE);
}

/** Adds rows at the end of a tab's grid when it has fewer than `rows`, in one call. */
export function growTo(sheet: Sheet, rows: number): void {
  const grid = sheet.getMaxRows();
  if (rows > grid) sheet.insertRowsAfter(grid, rows - grid);
}
