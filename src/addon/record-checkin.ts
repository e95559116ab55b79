import type { CheckinInput, CheckinView, KeyResultView } from '../shared/checkin-api';
import { Cell, asNumber, normalise, text } from '../okr/cells';
import { checkCheckin } from '../okr/checkin';
import { UserError } from '../okr/errors';
import { Metric, parseMetric } from '../okr/metric';
import { CHECKINS, CheckinColumn, KEY_RESULTS, KeyResultColumn, OBJECTIVES, PEOPLE, SETTINGS } from '../okr/schema';
import { People } from '../okr/people';
import { Settings, readSettings } from '../okr/settings';
import { Table, TableRow, readTable } from '../okr/table';
import { CellLook, cellLook, checkinsByKeyResult, cycleOf, cycleTiming, keyResultView } from '../okr/views';
import { workbookCalendar } from './calendar';
import { withDocumentLock } from './errors';
import { TabLookup, Tabs, appendHeaders, usedWidth } from './tabs';
import { spreadsheetWallClock } from './timezone';
import { todayIn } from './today';
import { RowCells, writeValues } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The key-result cells a check-in updates. */
const UPDATED: readonly KeyResultColumn[] = ['Current', 'Confidence', 'Last check-in'];

/** How long a check-in waits for another one's lock before it says to try again. */
export const CHECKIN_LOCK_WAIT_MS = 10_000;

/**
 * Records one check-in under the document lock: one row added to Check-ins,
 * and the key result's Current, Confidence and Last check-in written, those
 * cells only, never over a formula of the person's own. A check-in whose id
 * is already recorded is not recorded again (a retry, a double click), unless
 * it says something else, which is refused. Throws a UserError the panel shows.
 */
export function recordCheckin(input: CheckinInput): KeyResultView {
  const checkin = parseInput(input);
  const user = Session.getActiveUser().getEmail();
  const by = user || (checkin.as ? `${checkin.as} (chosen in the panel; Google did not share the address)` : '');
  if (!by) throw new UserError('Google did not share your address: pick your name at the top of the panel, then check in.');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(
    () => record(spreadsheet, checkin, by),
    CHECKIN_LOCK_WAIT_MS,
    'Someone else is saving a check-in right now. Nothing was recorded: please try again.',
  );
}

function record(spreadsheet: Spreadsheet, checkin: CheckinInput, by: string): KeyResultView {
  const sheets = new Tabs(spreadsheet);
  const keyResultSheet = sheets.get(KEY_RESULTS.name);
  if (!keyResultSheet) throw new UserError('There is no Key Results tab: run OKR Sheets > Set up the OKR workbook.');
  const krValues = keyResultSheet.getDataRange().getValues() as Cell[][];
  const table = readTable(krValues, KEY_RESULTS);
  const needed = (['ID', ...UPDATED] as const).filter((c) => !table.has(c));
  if (needed.length)
    throw new UserError(`The Key Results tab has no ${needed.join(', ')} column: run OKR Sheets > Set up the OKR workbook.`);
  const row = table.rows.find((r) => normalise(r.get('ID')) === normalise(checkin.keyResultId));
  if (!row)
    throw new UserError(
      `Key result ${checkin.keyResultId} no longer exists: it may have been renamed or deleted. The list has been refreshed.`,
    );
  // Start and Target too: the view returned says whether the values are percentages.
  const read: KeyResultColumn[] = [...UPDATED, ...(['Start', 'Target'] as const).filter((c) => table.has(c))];
  const cells = RowCells.read(
    keyResultSheet,
    row.row,
    read.map((header) => table.columns.get(header)!),
  );
  const look = cellLook(table, cells);
  const currentFromFormula = look.currentFromFormula;

  const checkinSheet = sheets.get(CHECKINS.name) ?? recreateCheckins(spreadsheet);
  const checkins = checkinTable(checkinSheet);
  const now = new Date();
  const settings = readSettings(
    sheets.has(SETTINGS.name) ? (sheets.get(SETTINGS.name)!.getDataRange().getValues() as Cell[][]) : [],
    todayIn(now, spreadsheet),
  );
  const previous = checkins.table.rows.find((r) => text(r.get('Check-in ID')) === checkin.id);
  let added: CheckinView | undefined;
  if (previous) {
    if (!sameCheckin(previous, checkin, row))
      throw new UserError(
        'This check-in was already recorded with other values; nothing was recorded. Reload the panel to check in again.',
      );
  } else {
    const errors = checkCheckin(checkin, metricOf(row.get('Metric')), { valueFromFormula: currentFromFormula });
    if (errors.length) throw new UserError(errors.map((e) => e.message).join(' '));
    const value: Cell = currentFromFormula ? row.get('Current') : asCell(checkin.value!);
    appendCheckin(checkinSheet, checkins, {
      Timestamp: now,
      'Key result ID': row.get('ID'),
      Value: value,
      Confidence: checkin.confidence,
      Note: checkin.note,
      By: by,
      'Check-in ID': checkin.id,
    });
    const changes: Partial<Record<KeyResultColumn, Cell>> = { Current: value, Confidence: checkin.confidence, 'Last check-in': now };
    updateKeyResult(cells, krValues, table, row.row, changes);
    added = {
      timestamp: now.toISOString(),
      value: typeof value === 'number' ? value : text(value),
      confidence: checkin.confidence,
      note: checkin.note,
      by,
    };
  }
  return viewAfter(sheets, krValues, checkins.values, added, row.row, look, settings, now);
}

/** The check-in as sent, or a UserError: the bridge passes whatever the page sends. */
function parseInput(input: unknown): CheckinInput {
  const given = (input ?? {}) as Record<string, unknown>;
  if (typeof given.id !== 'string' || !/^[A-Za-z0-9_-]{8,100}$/.test(given.id))
    throw new UserError('The check-in has no valid id: reload the panel and try again.');
  if (typeof given.keyResultId !== 'string' || given.keyResultId.trim() === '') throw new UserError('Choose a key result to check in on.');
  return {
    id: given.id,
    keyResultId: given.keyResultId.trim(),
    value: given.value === undefined ? null : (given.value as number | boolean | null),
    confidence: given.confidence as number,
    note: typeof given.note === 'string' ? given.note.trim() : (given.note as string),
    as: typeof given.as === 'string' ? given.as.trim() : undefined,
  };
}

/** A milestone's true / false as the sheet keeps it: done / not done. */
function asCell(value: number | boolean): Cell {
  return typeof value === 'boolean' ? (value ? 'done' : 'not done') : value;
}

/** The recorded check-in says what this one says: a retry, recorded once. Current's formula value is not compared. */
function sameCheckin(recorded: TableRow<CheckinColumn>, checkin: CheckinInput, keyResult: TableRow<KeyResultColumn>): boolean {
  const value = recorded.get('Value');
  const sameValue =
    checkin.value === null ||
    (typeof checkin.value === 'number' ? asNumber(value) === checkin.value : normalise(value) === normalise(asCell(checkin.value)));
  return (
    normalise(recorded.get('Key result ID')) === normalise(keyResult.get('ID')) &&
    sameValue &&
    asNumber(recorded.get('Confidence')) === checkin.confidence &&
    text(recorded.get('Note')) === checkin.note
  );
}

function metricOf(metric: Cell): Metric {
  try {
    return parseMetric(metric);
  } catch {
    throw new UserError(
      `This key result's metric is "${text(metric)}", which OKR Sheets does not know: fix it in the Key Results tab first.`,
    );
  }
}

interface Checkins {
  values: Cell[][];
  table: Table<CheckinColumn>;
  columns: Map<string, number>;
}

/** The Check-ins tab read by header; headers it lacks are added after the last column. */
function checkinTable(sheet: Sheet): Checkins {
  const read = sheet.getDataRange().getValues() as Cell[][];
  const values = usedWidth(read) === 0 ? [] : read;
  const columns = appendHeaders(sheet, values, CHECKINS.headers).columns;
  return { values, table: readTable(values, CHECKINS), columns };
}

function recreateCheckins(spreadsheet: Spreadsheet): Sheet {
  const sheet = spreadsheet.insertSheet(CHECKINS.name, spreadsheet.getSheets().length);
  sheet.setFrozenRows(1);
  return sheet;
}

/**
 * Writes the check-in in the row below the last one, growing the grid when it
 * is full. Under the document lock nobody else writes there meanwhile; text
 * goes in as text (see write.ts), which appendRow cannot promise.
 */
function appendCheckin(sheet: Sheet, checkins: Checkins, record: Record<CheckinColumn, Cell>): void {
  const row: Cell[] = new Array(Math.max(...checkins.columns.values()) + 1).fill('');
  for (const [header, value] of Object.entries(record)) row[checkins.columns.get(header)!] = value;
  const rowNumber = Math.max(checkins.values.length, 1) + 1;
  if (rowNumber > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rowNumber - sheet.getMaxRows());
  writeValues(sheet.getRange(rowNumber, 1, 1, row.length), [row]);
}

/**
 * Writes the key result's changed cells and nothing else: a cell holding a
 * formula of the person's own (Current fed from a data tab) is left as it is.
 * `values` is updated to match, for the view returned to the panel.
 */
function updateKeyResult(
  cells: RowCells,
  values: Cell[][],
  table: Table<KeyResultColumn>,
  rowNumber: number,
  changes: Partial<Record<KeyResultColumn, Cell>>,
): void {
  const written = new Map<number, Cell>();
  for (const [header, value] of Object.entries(changes) as [KeyResultColumn, Cell][]) {
    const column = table.columns.get(header)!;
    if (cells.hasFormula(column)) continue;
    written.set(column, value);
    values[rowNumber - 1]![column] = value;
  }
  cells.write(written);
}

/** The key result as the panel shows it once the check-in is in, from what was read and written. */
function viewAfter(
  sheets: TabLookup,
  krValues: Cell[][],
  checkinValues: Cell[][],
  added: CheckinView | undefined,
  rowNumber: number,
  look: CellLook,
  settings: Settings,
  now: Date,
): KeyResultView {
  const valuesOf = (name: string) => (sheets.get(name)?.getDataRange().getValues() as Cell[][] | undefined) ?? [];
  const objectiveValues = valuesOf(OBJECTIVES.name);
  const table = readTable(krValues, KEY_RESULTS);
  const row = table.rows.find((r) => r.row === rowNumber)!;
  const objective = readTable(objectiveValues, OBJECTIVES).rows.find((o) => normalise(o.get('ID')) === normalise(row.get('Objective ID')));
  const wallClock = spreadsheetWallClock();
  const history = [...(added ? [added] : []), ...(checkinsByKeyResult(checkinValues).get(normalise(row.get('ID'))) ?? [])];
  const calendar = workbookCalendar(settings.fiscal, sheets);
  return keyResultView(row, {
    objective,
    people: new People(valuesOf(PEOPLE.name)),
    checkins: history,
    look,
    settings,
    timing: cycleTiming(cycleOf(objective, settings), calendar, now, wallClock),
    now,
    wallClock,
  });
}
