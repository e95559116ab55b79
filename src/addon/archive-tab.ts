import { ARCHIVE } from '../okr/schema';
import { Tabs } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The Archive tab, made the first time it is needed: its header row (bold,
 * frozen) and each column's number format, placed last and left visible,
 * as it is the organisation's record of its closed cycles.
 */
export function ensureArchiveTab(spreadsheet: Spreadsheet, tabs: Tabs): Sheet {
  const found = tabs.get(ARCHIVE.name);
  if (found) return found;
  const sheet = spreadsheet.insertSheet(ARCHIVE.name, spreadsheet.getSheets().length);
  tabs.set(ARCHIVE.name, sheet);
  sheet
    .getRange(1, 1, 1, ARCHIVE.headers.length)
    .setValues([[...ARCHIVE.headers]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  sheet
    .getRange(2, 1, rows, ARCHIVE.headers.length)
    .setNumberFormats(Array.from({ length: rows }, () => ARCHIVE.columns.map((column) => column.format ?? 'General')));
  return sheet;
}
