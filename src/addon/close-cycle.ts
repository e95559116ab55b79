import type { CycleClosed, CycleReview } from '../shared/cycle-review-api';
import { Cell, isBlank } from '../okr/cells';
import { ClosePlan, NewRow, planClose } from '../okr/cycle-close';
import { CycleRead, ReviewTables, readCycle } from '../okr/cycle-review';
import { UserError } from '../okr/errors';
import { ARCHIVE, CHECKINS, KEY_RESULTS, OBJECTIVES, PEOPLE, SETTINGS, settingSpec } from '../okr/schema';
import { readSettings } from '../okr/settings';
import { Table, matchHeaders } from '../okr/table';
import { ensureArchiveTab, growTo } from './record-tab';
import { workbookCalendar } from './calendar';
import { withDocumentLock } from './errors';
import { Tabs } from './tabs';
import { spreadsheetWallClock } from './timezone';
import { todayIn } from './today';
import { asWritten } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// Close the cycle: the dialog, what it shows (getCycleReview) and the close
// itself (closeCycle), which writes in a handful of setValues, all or
// nothing: everything is checked before the first write, and should a write
// fail part way, what was written is taken back.

export function showCloseCycleDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('CloseCycle').setWidth(720).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, 'Close the cycle');
}

/** The current cycle as it will be archived. */
export function cycleReview(): CycleReview {
  return read(SpreadsheetApp.getActiveSpreadsheet(), new Date()).cycle.review;
}

/** A tab as read: its values, number formats and formulas, cell for cell. */
interface Grid {
  sheet: Sheet | undefined;
  values: Cell[][];
  formats: string[][];
  formulas: string[][];
}

interface Read {
  cycle: CycleRead;
  tabs: Tabs;
  objectives: Grid;
  keyResults: Grid;
  calendar: ReturnType<typeof workbookCalendar>;
  wallClock: ReturnType<typeof spreadsheetWallClock>;
}

/** Reads every tab the close needs, with one getValues each (and the formats and formulas of the two it adds rows to). */
function read(spreadsheet: Spreadsheet, now: Date): Read {
  const tabs = new Tabs(spreadsheet);
  const values = (name: string): Cell[][] => (tabs.get(name)?.getDataRange().getValues() as Cell[][] | undefined) ?? [];
  const grid = (name: string): Grid => {
    const sheet = tabs.get(name);
    if (!sheet) throw new UserError(`There is no ${name} tab: run OKR Sheets > Set up the OKR workbook.`);
    const range = sheet.getDataRange();
    return { sheet, values: range.getValues() as Cell[][], formats: range.getNumberFormats(), formulas: range.getFormulas() };
  };
  const objectives = grid(OBJECTIVES.name);
  const keyResults = grid(KEY_RESULTS.name);
  const settings = readSettings(values(SETTINGS.name), todayIn(now, spreadsheet));
  const calendar = workbookCalendar(settings.fiscal, tabs);
  const wallClock = spreadsheetWallClock(spreadsheet);
  const tables: ReviewTables = {
    objectives: objectives.values,
    keyResults: keyResults.values,
    keyResultFormats: keyResults.formats,
    keyResultFormulas: keyResults.formulas,
    checkins: values(CHECKINS.name),
    people: values(PEOPLE.name),
    archive: values(ARCHIVE.name),
  };
  return { cycle: readCycle(tables, { settings, calendar, now, wallClock }), tabs, objectives, keyResults, calendar, wallClock };
}

/**
 * Closes the current cycle under the document lock: checks the request
 * whole (a refusal changes nothing and says why), then adds the carried key
 * results and their objectives' copies for the next cycle, writes the closed
 * cycle's name into its objectives' blank Cycle cells, makes the next cycle
 * current in Settings, and last appends the cycle's record to the Archive,
 * whose rows mark the cycle closed (a retry is refused by them).
 */
export function closeCycle(input: unknown): CycleClosed {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(() => {
    const now = new Date();
    const workbook = read(spreadsheet, now);
    let plan: ClosePlan;
    let cycleCell: GoogleAppsScript.Spreadsheet.Range;
    try {
      plan = planClose(workbook.cycle, input, workbook.calendar, now, workbook.wallClock);
      cycleCell = currentCycleCell(spreadsheet);
    } catch (error) {
      if (error instanceof UserError) throw new UserError(`${error.message} Nothing was changed.`);
      throw error;
    }
    const undo: (() => void)[] = [];
    try {
      addRows(workbook.keyResults, workbook.cycle.keyResultTable, plan.keyResults, undo);
      addRows(workbook.objectives, workbook.cycle.objectiveTable, plan.objectives, undo);
      fillBlankCycles(workbook.objectives, workbook.cycle.objectiveTable, plan, undo);
      const was = cycleCell.getValue() as Cell;
      cycleCell.setValue(asWritten(plan.next, cycleCell.getNumberFormat()));
      undo.push(() => cycleCell.setValue(asWritten(was, cycleCell.getNumberFormat())));
      appendToArchive(spreadsheet, workbook.tabs, plan, undo);
    } catch (error) {
      takeBack(undo);
      console.error(error);
      throw stoppedPartWay(plan.closed, error);
    }
    return { archived: plan.archive.length, carriedOver: plan.keyResults.length, cycle: plan.next };
  });
}

/** What the person is told when a write failed and what was written was taken back: the failure, and to try again. */
function stoppedPartWay(cycle: string, error: unknown): UserError {
  const detail = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return new UserError(`Closing ${cycle} stopped part way (${detail}); what it had written was taken back. Please try again.`);
}

/** Settings > Current cycle's value cell; a UserError when it is missing or holds a formula of the person's. */
function currentCycleCell(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Range {
  const spec = settingSpec('cycle');
  const cell = spreadsheet.getRangeByName(spec.rangeName);
  if (!cell) throw new UserError(`Settings has no ${spec.name} row: run OKR Sheets > Set up the OKR workbook.`);
  if (cell.getFormula() !== '')
    throw new UserError(
      `Settings > ${spec.name} holds a formula of yours (${cell.getA1Notation()}), so OKR Sheets cannot make the next cycle current: write the cycle there instead of the formula.`,
    );
  return cell;
}

function takeBack(undo: readonly (() => void)[]): void {
  for (const step of [...undo].reverse()) {
    try {
      step();
    } catch (error) {
      console.error(error);
    }
  }
}

/** The last row holding anything a person typed (a value or a formula) in a column they fill; the header when none. */
function lastUsedRow(grid: Grid, table: Table<string>): number {
  const typed = [...table.columns].filter(([header]) => !table.spec.computed.includes(header)).map(([, index]) => index);
  for (let r = grid.values.length - 1; r >= 1; r--) {
    if (typed.some((c) => !isBlank(grid.values[r]![c]) || (grid.formulas[r]?.[c] ?? '') !== '')) return r + 1;
  }
  return 1;
}

/**
 * Adds rows below the last one in use: the columns the person fills, in one
 * setNumberFormats and one setValues per run of adjacent columns (the
 * computed ones fill themselves from their header formulas), each cell with
 * the number format of the row it copies, so text stays text.
 */
function addRows<Column extends string>(grid: Grid, table: Table<Column>, rows: readonly NewRow<Column>[], undo: (() => void)[]): void {
  if (rows.length === 0) return;
  const sheet = grid.sheet!;
  const first = lastUsedRow(grid, table as Table<string>) + 1;
  const last = first + rows.length - 1;
  growTo(sheet, last);
  const columns = [...table.columns]
    .filter(([header]) => !table.spec.computed.includes(header) && rows[0]!.values.has(header))
    .sort((a, b) => a[1] - b[1]);
  const headerAt = new Map(columns.map(([header, index]) => [index, header]));
  for (const run of runs(columns.map(([, index]) => index))) {
    const range = sheet.getRange(first, run[0]! + 1, rows.length, run.length);
    const formats = rows.map((row) => run.map((c) => grid.formats[row.like - 1]?.[c] ?? 'General'));
    range.setNumberFormats(formats);
    range.setValues(rows.map((row, r) => run.map((c, i) => asWritten(row.values.get(headerAt.get(c)!) ?? '', formats[r]![i]!))));
    undo.push(() => range.setValues(rows.map(() => run.map(() => ''))));
  }
}

/** Runs of adjacent numbers in a sorted list: [0,1,2,5] → [[0,1,2],[5]]. */
function runs(sorted: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const n of sorted) {
    const run = out[out.length - 1];
    if (run && n === run[run.length - 1]! + 1) run.push(n);
    else out.push([n]);
  }
  return out;
}

/** Writes the closed cycle's name into its objectives' blank Cycle cells, one setValues per run of adjacent rows. */
function fillBlankCycles(grid: Grid, table: Table<string>, plan: ClosePlan, undo: (() => void)[]): void {
  const column = table.columns.get('Cycle')!;
  for (const rows of runs(plan.blankCycles)) {
    const range = grid.sheet!.getRange(rows[0]!, column + 1, rows.length, 1);
    range.setValues(rows.map((row) => [asWritten(plan.closed, grid.formats[row - 1]?.[column] ?? '')]));
    undo.push(() => range.setValues(rows.map(() => [''])));
  }
}

/**
 * The cycle's record below the Archive's last row, in one setValues, each
 * value under its header wherever the columns are (an Archive tab someone
 * emptied gets its header row again).
 */
function appendToArchive(spreadsheet: Spreadsheet, tabs: Tabs, plan: ClosePlan, undo: (() => void)[]): void {
  if (plan.archive.length === 0) return;
  if (!tabs.has(ARCHIVE.name))
    undo.push(() => {
      // Made here, perhaps half way: taken away as a whole.
      const made = spreadsheet.getSheetByName(ARCHIVE.name);
      if (made) spreadsheet.deleteSheet(made);
    });
  const sheet = ensureArchiveTab(spreadsheet, tabs);
  let at = matchHeaders(sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0] as Cell[], ARCHIVE.headers);
  if (at.size === 0) {
    sheet.getRange(1, 1, 1, ARCHIVE.headers.length).setValues([[...ARCHIVE.headers]]);
    at = new Map(ARCHIVE.headers.map((header, index) => [header, index]));
  }
  const headerAt = new Map([...at].map(([header, index]) => [index, header]));
  const width = Math.max(...at.values()) + 1;
  const first = sheet.getLastRow() + 1;
  const last = first + plan.archive.length - 1;
  growTo(sheet, last);
  const range = sheet.getRange(first, 1, plan.archive.length, width);
  const formats = range.getNumberFormats();
  range.setValues(
    plan.archive.map((record, r) =>
      Array.from({ length: width }, (_, c) => {
        const header = headerAt.get(c);
        return header === undefined ? '' : asWritten(record.get(header) ?? '', formats[r]?.[c] ?? '');
      }),
    ),
  );
}
