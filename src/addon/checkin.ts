import type { CheckinContext, CheckinInput, CheckinView, KeyResultView } from '../shared/checkin-api';
import { Cell, normalise, text } from '../okr/cells';
import { checkCheckin } from '../okr/checkin';
import { Metric, parseMetric } from '../okr/metric';
import { CHECKINS, KEY_RESULTS, KeyResultColumn, OBJECTIVES, SETTINGS } from '../okr/schema';
import { Settings, readSettings } from '../okr/settings';
import { checkinsByKeyResult, expectedOrUndefined, keyResultView, keyResultViews } from '../okr/views';
import { readTable } from '../okr/table';
import { appendHeaders, asText, sheetsByName, usedWidth, writeRowCells } from './tabs';
import { UserError } from '../okr/errors';
import { withDocumentLock } from './errors';
import { spreadsheetWallClock } from './timezone';
import { todayIn } from './today';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function showCheckinPanel(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Check in');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Everything the panel shows, read with one getValues a tab. */
export function checkinContext(): CheckinContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = sheetsByName(spreadsheet);
  const notices: string[] = [];
  const read = (name: string): Cell[][] => {
    const sheet = sheets.get(name);
    if (sheet) return sheet.getDataRange().getValues() as Cell[][];
    if (name !== CHECKINS.name) notices.push(`There is no ${name} tab: run OKR Sheets > Set up the OKR workbook.`);
    return [];
  };
  const tables = { objectives: read(OBJECTIVES.name), keyResults: read(KEY_RESULTS.name), checkins: read(CHECKINS.name) };
  const settings = readSettings(read(SETTINGS.name), todayIn(spreadsheet));
  const missing = readTable(tables.keyResults, KEY_RESULTS).missing;
  if (tables.keyResults.length > 0 && missing.length > 0)
    notices.push(`The Key Results tab has no ${missing.join(', ')} column: run Validate the OKRs to see what to fix.`);
  const now = new Date();
  const wallClock = spreadsheetWallClock();
  const keyResults = keyResultViews(tables, settings, now, wallClock);
  const owners = [...new Set(keyResults.map((kr) => kr.owner).filter((o) => o !== ''))].sort();
  const teams = [...new Set(keyResults.map((kr) => kr.team).filter((t) => t !== ''))].sort();
  return {
    cycle: settings.cycle,
    cadence: settings.cadence,
    today: new Date(wallClock(now)).toISOString().slice(0, 10),
    user: Session.getActiveUser().getEmail(),
    owners,
    teams,
    keyResults,
    notices,
  };
}

/**
 * Records one check-in under the document lock: one row appended to
 * Check-ins and the key result's Current, Confidence and Last check-in
 * updated in one write. A check-in whose id is already recorded is not
 * recorded again. Throws an Error whose message the panel shows.
 */
export function recordCheckin(input: CheckinInput): KeyResultView {
  const checkin = parseInput(input);
  const user = Session.getActiveUser().getEmail();
  const by = user || (checkin.as ? `${checkin.as} (chosen in the panel; Google did not share the address)` : '');
  if (!by) throw new UserError('Google did not share your address: pick your name at the top of the panel, then check in.');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(
    () => record(spreadsheet, checkin, by),
    10_000,
    'Someone else is saving a check-in right now. Nothing was recorded: please try again.',
  );
}

function record(spreadsheet: Spreadsheet, checkin: CheckinInput, by: string): KeyResultView {
  const sheets = sheetsByName(spreadsheet);
  const keyResultSheet = sheets.get(KEY_RESULTS.name);
  if (!keyResultSheet) throw new UserError('There is no Key Results tab: run OKR Sheets > Set up the OKR workbook.');
  const krValues = keyResultSheet.getDataRange().getValues() as Cell[][];
  const table = readTable(krValues, KEY_RESULTS);
  const needed = (['ID', 'Current', 'Confidence', 'Last check-in'] as const).filter((c) => !table.has(c));
  if (needed.length)
    throw new UserError(`The Key Results tab has no ${needed.join(', ')} column: run OKR Sheets > Set up the OKR workbook.`);
  const row = table.rows.find((r) => normalise(r.get('ID')) === normalise(checkin.keyResultId));
  if (!row)
    throw new UserError(
      `Key result ${checkin.keyResultId} no longer exists: it may have been renamed or deleted. The list has been refreshed.`,
    );

  const checkinSheet = sheets.get(CHECKINS.name) ?? recreateCheckins(spreadsheet);
  const { values: checkinValues, columns } = checkinTable(checkinSheet);
  const now = new Date();
  const settings = readSettings(
    sheets.has(SETTINGS.name) ? (sheets.get(SETTINGS.name)!.getDataRange().getValues() as Cell[][]) : [],
    todayIn(spreadsheet),
  );
  const idColumn = columns.get('Check-in ID')!;
  const recorded = checkinValues.slice(1).some((r) => text(r[idColumn]) === checkin.id);
  let added: CheckinView | undefined;
  if (!recorded) {
    const errors = checkCheckin(checkin, metricOf(row.get('Metric')));
    if (errors.length) throw new UserError(errors.map((e) => e.message).join(' '));
    const value: Cell = typeof checkin.value === 'boolean' ? (checkin.value ? 'done' : 'not done') : checkin.value;
    appendCheckin(checkinSheet, columns, {
      Timestamp: now,
      'Key result ID': row.get('ID'),
      Value: value,
      Confidence: checkin.confidence,
      Note: checkin.note,
      By: by,
      'Check-in ID': checkin.id,
    });
    updateKeyResult(keyResultSheet, krValues, table.columns, row.row, {
      Current: value,
      Confidence: checkin.confidence,
      'Last check-in': now,
    });
    added = { timestamp: now.toISOString(), value, confidence: checkin.confidence, note: checkin.note, by };
  }
  return viewAfter(sheets, krValues, checkinValues, added, row.row, settings, now);
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
    value: given.value as number | boolean,
    confidence: given.confidence as number,
    note: typeof given.note === 'string' ? given.note.trim() : (given.note as string),
    as: typeof given.as === 'string' ? given.as.trim() : undefined,
  };
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

/** The Check-ins tab read by header; headers it lacks are added after the last column. */
function checkinTable(sheet: Sheet): { values: Cell[][]; columns: Map<string, number> } {
  const read = sheet.getDataRange().getValues() as Cell[][];
  const values = usedWidth(read) === 0 ? [] : read;
  return { values, columns: appendHeaders(sheet, values, CHECKINS.headers).columns };
}

function recreateCheckins(spreadsheet: Spreadsheet): Sheet {
  const sheet = spreadsheet.insertSheet(CHECKINS.name, spreadsheet.getSheets().length);
  sheet.setFrozenRows(1);
  return sheet;
}

function appendCheckin(sheet: Sheet, columns: Map<string, number>, record: Record<string, Cell>): void {
  const row: Cell[] = new Array(Math.max(...columns.values()) + 1).fill('');
  for (const [header, value] of Object.entries(record)) row[columns.get(header)!] = typeof value === 'string' ? asText(value) : value;
  sheet.appendRow(row);
}

/**
 * Writes the key result's changed cells and nothing else. The add-on's own
 * formulas live only in header cells (see header-formulas.ts), so the cells
 * between these hold the person's values or formulas: none is rewritten.
 * `values` is updated to match, for the view returned to the panel.
 */
function updateKeyResult(
  sheet: Sheet,
  values: Cell[][],
  columns: Map<KeyResultColumn, number>,
  rowNumber: number,
  changes: Partial<Record<KeyResultColumn, Cell>>,
): void {
  const cells = new Map<number, Cell>();
  for (const [header, value] of Object.entries(changes) as [KeyResultColumn, Cell][]) {
    cells.set(columns.get(header)!, value);
    values[rowNumber - 1]![columns.get(header)!] = value;
  }
  writeRowCells(sheet, rowNumber, cells);
}

/** The key result as the panel shows it once the check-in is in, from what was read and written. */
function viewAfter(
  sheets: Map<string, Sheet>,
  krValues: Cell[][],
  checkinValues: Cell[][],
  added: CheckinView | undefined,
  rowNumber: number,
  settings: Settings,
  now: Date,
): KeyResultView {
  const objectives = sheets.get(OBJECTIVES.name);
  const objectiveValues = objectives ? (objectives.getDataRange().getValues() as Cell[][]) : [];
  const table = readTable(krValues, KEY_RESULTS);
  const row = table.rows.find((r) => r.row === rowNumber)!;
  const objective = readTable(objectiveValues, OBJECTIVES).rows.find((o) => normalise(o.get('ID')) === normalise(row.get('Objective ID')));
  const wallClock = spreadsheetWallClock();
  const history = [...(added ? [added] : []), ...(checkinsByKeyResult(checkinValues).get(normalise(row.get('ID'))) ?? [])];
  return keyResultView(row, objective, history, settings, expectedOrUndefined(settings, now, wallClock), now, wallClock);
}
