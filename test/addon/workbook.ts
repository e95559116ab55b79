import { Cell } from '../../src/okr/cells';
import { CallCounter, Runtime, createSpreadsheetApp, type RuntimeOptions } from '../../dev/runtime/index';

export const CHAMPION = 'champion@example.com';
/** Sunday 15 November 2026, mid-morning in New York: 45 of 2026-Q4's 92 days are behind us. */
export const NOW = new Date('2026-11-15T15:00:00Z');

/**
 * The runtime the tests run the add-on in. Its scripted champion declines the
 * dashboard set-up offers at its end unless a test answers that question:
 * a dashboard is a tab of whole-column formulas that every later edit
 * recalculates, which only the dashboard's own tests need.
 */
export function okrRuntime(options: RuntimeOptions = {}): Runtime {
  const rt = new Runtime(options);
  rt.ui.onDialog = (dialog) => (DASHBOARD_OFFER.test(dialog.message ?? '') ? { button: 'NO' } : undefined);
  return rt;
}

/** A runtime running the built bundle, with one spreadsheet open as a new user would have it. */
export function newWorkbook(sheets = ['Sheet1'], locale = 'en_US'): { rt: Runtime; id: string } {
  const rt = okrRuntime({ now: NOW });
  const id = rt.createSpreadsheet({ name: 'Team OKRs', timeZone: 'America/New_York', locale, sheets, owner: CHAMPION });
  return { rt, id };
}

/** Runs a menu item as the champion would click it, answering its dialogs in order. */
export function click(rt: Runtime, id: string, functionName: string, ...buttons: ('OK' | 'YES' | 'NO')[]): void {
  rt.answer(...buttons.map((button) => ({ button })));
  rt.run(functionName, { spreadsheetId: id, user: CHAMPION });
  if (rt.ui.pendingAnswers !== 0) throw new Error(`${functionName} asked fewer questions than expected`);
}

/** Set-up's last question when the workbook has no dashboard (okrRuntime declines it). */
export const DASHBOARD_OFFER = /^Build a Dashboard tab too\?/;

/** The last alert's message: what the action said, not set-up's closing offer of a dashboard. */
export function lastAlert(rt: Runtime): string {
  const alerts = rt.ui.dialogs.filter((dialog) => dialog.kind === 'alert' && !DASHBOARD_OFFER.test(dialog.message ?? ''));
  return alerts.at(-1)?.message ?? '';
}

/**
 * A tab's rows below the header as records by header, skipping rows whose
 * first column is blank (formula columns spill "" down the whole grid).
 */
export function records(rt: Runtime, id: string, sheet: string): Record<string, Cell>[] {
  const [header, ...rows] = rt.store.values(id, sheet) as Cell[][];
  return rows.filter((row) => row[0] !== '').map((row) => Object.fromEntries(header!.map((h, i) => [String(h), row[i]!])));
}

/**
 * The spreadsheet as a person editing it by hand sees it: the runtime's own
 * SpreadsheetApp, outside the bundle, with calls counted apart from the add-on's.
 */
export function byHand(rt: Runtime, id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const execution = { mode: 'FULL' as const, user: CHAMPION, activeSpreadsheetId: id, calls: new CallCounter(), realm: undefined };
  return createSpreadsheetApp(rt.store, execution, () => {
    throw new Error('no dialogs by hand');
  }).getActiveSpreadsheet();
}

/** Writes rows into a tab by hand, creating the tab when needed. */
export function fill(rt: Runtime, id: string, sheet: string, grid: Cell[][], row = 1, column = 1): void {
  const spreadsheet = byHand(rt, id);
  const tab = spreadsheet.getSheetByName(sheet) ?? spreadsheet.insertSheet(sheet);
  const width = Math.max(...grid.map((r) => r.length));
  tab.getRange(row, column, grid.length, width).setValues(grid.map((r) => [...r, ...new Array(width - r.length).fill('')]));
}

/** A linked workbook's address, as the Teams tab holds it. */
export const workbookUrl = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

/**
 * A workbook set up by the add-on, named `Acme — <name> OKRs` (so its workbook
 * name is `name`), with its OKRs typed in: objectives [ID, Objective, Owner,
 * Team, Cycle, Aligned to, Weight] and key results [ID, Objective ID, Key
 * result, Owner, Metric, Start, Target, Current].
 */
export function teamWorkbook(rt: Runtime, name: string, objectives: Cell[][], keyResults: Cell[][]): string {
  const id = rt.createSpreadsheet({ name: `Acme — ${name} OKRs`, timeZone: 'Europe/Berlin', owner: CHAMPION });
  rt.answer({ button: 'NO' });
  rt.run('setUpWorkbook', { spreadsheetId: id, user: CHAMPION });
  if (objectives.length) fill(rt, id, 'Objectives', objectives, 2);
  if (keyResults.length) fill(rt, id, 'Key Results', keyResults, 2);
  return id;
}

/** The message of what `fn` throws (a server function's error, as the panel would get it); fails when it throws nothing. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}
