// A check-in done the naive way: the key result's row found by reading the ID
// column cell by cell, its Current, Confidence and Last check-in written with
// one setValue each, and the check-in appended to Check-ins cell by cell, as
// the add-on writes them (src/addon/record-checkin.ts). The columns are found
// by reading each tab's header row cell by cell, as the add-on finds them by
// header. It does not check the input nor build the view the panel shows
// afterwards (the add-on's reads of Objectives, People, Settings and Cycles),
// which favours it. appendRow would write the row in one call, but it reads
// text as if typed (an ID like 0042 becomes 42), which is why the add-on
// writes the row with setValues.
import { Cell } from '../../src/okr/cells';
import { CHECKINS, CheckinColumn, KEY_RESULTS } from '../../src/okr/schema';
import { asWritten } from '../../src/addon/write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface NaiveCheckin {
  id: string;
  keyResultId: string;
  value: number;
  confidence: number;
  note: string;
  by: string;
  now: Date;
}

/** Each header's 1-based column, read one header cell at a time. */
function headerColumns(sheet: Sheet): Map<string, number> {
  const columns = new Map<string, number>();
  const width = sheet.getLastColumn();
  for (let c = 1; c <= width; c++) columns.set(String(sheet.getRange(1, c).getValue()), c);
  return columns;
}

export function naiveCheckin(spreadsheet: Spreadsheet, checkin: NaiveCheckin): void {
  const keyResults = spreadsheet.getSheetByName(KEY_RESULTS.name)!;
  const columns = headerColumns(keyResults);
  const column = (header: string) => columns.get(header)!;
  const last = keyResults.getLastRow();
  let row = 2;
  while (row <= last && keyResults.getRange(row, column('ID')).getValue() !== checkin.keyResultId) row++;
  if (row > last) throw new Error(`no key result ${checkin.keyResultId}`);
  keyResults.getRange(row, column('Current')).setValue(checkin.value);
  keyResults.getRange(row, column('Confidence')).setValue(checkin.confidence);
  keyResults.getRange(row, column('Last check-in')).setValue(checkin.now);

  const log = spreadsheet.getSheetByName(CHECKINS.name)!;
  const logColumns = headerColumns(log);
  const next = log.getLastRow() + 1;
  const record: Record<CheckinColumn, Cell> = {
    Timestamp: checkin.now,
    'Key result ID': checkin.keyResultId,
    Value: checkin.value,
    Confidence: checkin.confidence,
    Note: checkin.note,
    By: checkin.by,
    'Check-in ID': checkin.id,
  };
  for (const spec of CHECKINS.columns) {
    // Text kept as typed: the naive script knows the formats set-up gave the columns.
    log.getRange(next, logColumns.get(spec.header)!).setValue(asWritten(record[spec.header], spec.format ?? ''));
  }
}
