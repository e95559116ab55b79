// The naive way's execution: a SpreadsheetApp (and Utilities, Session) over
// the runtime's spreadsheets, outside the bundle, with its own call counter,
// so the cell-by-cell scripts below are counted as exactly as the add-on is.
import { CallCounter, Runtime, createServices, createSpreadsheetApp, type Execution } from '../../dev/runtime/index';

export interface ByHand {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  calls: CallCounter;
  /**
   * Runs `fn` with this execution's SpreadsheetApp, Utilities and Session as
   * globals, as Apps Script gives them: the add-on's pure helpers the naive
   * scripts borrow (the rule builders of formats.ts, the spreadsheet's wall
   * clock) then count their calls here.
   */
  run<T>(fn: () => T): T;
}

export function byHand(rt: Runtime, id: string, user: string): ByHand {
  const calls = new CallCounter();
  const execution: Execution = { mode: 'FULL', user, activeSpreadsheetId: id, calls, realm: undefined };
  const app = createSpreadsheetApp(rt.store, execution, () => {
    throw new Error('the naive scripts ask nothing');
  });
  const services = createServices({ world: rt.world, execution });
  const globals: Record<string, unknown> = { SpreadsheetApp: app, Utilities: services.Utilities, Session: services.Session };
  const spreadsheet = app.getActiveSpreadsheet();
  return {
    spreadsheet,
    calls,
    run: <T>(fn: () => T): T => {
      const scope = globalThis as Record<string, unknown>;
      const saved = Object.fromEntries(Object.keys(globals).map((name) => [name, scope[name]]));
      Object.assign(scope, globals);
      try {
        return fn();
      } finally {
        Object.assign(scope, saved);
      }
    },
  };
}
