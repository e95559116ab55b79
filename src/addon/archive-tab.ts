import { ARCHIVE } from '../okr/schema';
import { Tabs } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The Archive tab (the record of closed cycles), made when the workbook has
 * none: last among the tabs, visible (people read and keep it), its header
 * row from the ARCHIVE schema in bold and frozen, and each column's number
 * format from the schema on its data cells (Cycle and ID as plain text, so
 * `2026` stays text). A tab named Archive that exists is returned as it is,
 * whatever its columns: OKR_CYCLE_STATS reads it by header and says what is
 * missing. `tabs` remembers the new tab for the rest of the action.
 *
 * Used by Build the dashboard (so its formula never names a missing tab) and
 * by Close the cycle (before it appends the cycle's rows).
 */
export function ensureArchiveTab(spreadsheet: Spreadsheet, tabs: Tabs): Sheet {
  const existing = tabs.get(ARCHIVE.name);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(ARCHIVE.name, spreadsheet.getNumSheets());
  tabs.set(ARCHIVE.name, sheet);
  sheet
    .getRange(1, 1, 1, ARCHIVE.headers.length)
    .setValues([[...ARCHIVE.headers]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  const dataRows = sheet.getMaxRows() - 1;
  ARCHIVE.columns.forEach((column, i) => {
    if (column.format) sheet.getRange(2, i + 1, dataRows, 1).setNumberFormat(column.format);
  });
  return sheet;
}
