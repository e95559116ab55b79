// Shared set-up for the spreadsheet runtime tests: a store, one execution, and
// a small fake formula engine so recalculation is tested on its own.
import {
  CallCounter,
  FormulaError,
  SpreadsheetStore,
  createSpreadsheetApp,
  parseA1,
  type CellValue,
  type Execution,
  type FormulaContext,
  type FormulaValue,
  type RunMode,
  type StoreOptions,
} from '../../dev/runtime/index';

/**
 * Understands just enough: `=A1`, `=Sheet!A1`, `=A1*2`, `=SUM(A1:B2)`,
 * `=SEQ(n)` (a column 1..n), `=GRID(r,c)` (an r×c array of "x"), `=BOOM()`
 * (a #DIV/0!), `=TRUE()`, and any other NAME(range) as a custom function.
 */
export function fakeEvaluate(formula: string, ctx: FormulaContext): FormulaValue {
  const body = formula.slice(1).trim();
  let m: RegExpExecArray | null;
  const num = (v: CellValue): number => {
    if (v instanceof FormulaError) throw v;
    return typeof v === 'number' ? v : Number(v) || 0;
  };
  if ((m = /^SEQ\((\d+)\)$/i.exec(body))) return Array.from({ length: Number(m[1]) }, (_, i) => [i + 1]);
  if ((m = /^GRID\((\d+),(\d+)\)$/i.exec(body))) {
    const [rows, columns] = [Number(m[1]), Number(m[2])];
    return Array.from({ length: rows }, () => Array.from({ length: columns }, () => 'x'));
  }
  if (/^BOOM\(\)$/i.test(body)) throw new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.');
  if (/^TRUE\(\)$/i.test(body)) return true;
  if ((m = /^SUM\((.+)\)$/i.exec(body)))
    return ctx
      .read(parseA1(m[1]!))
      .flat()
      .reduce<number>((a, v) => a + num(v), 0);
  if ((m = /^([A-Z_]+)\((.+)\)$/i.exec(body))) {
    if (!ctx.isCustomFunction(m[1]!)) throw new FormulaError('#NAME?', `Unknown function: '${m[1]}'.`);
    return ctx.callCustom(m[1]!, [ctx.read(parseA1(m[2]!))]);
  }
  if ((m = /^(.+?)\*(\d+)$/.exec(body))) return num(single(ctx, m[1]!)) * Number(m[2]);
  if ((m = /^(.+?)>(\d+)$/.exec(body))) return num(single(ctx, m[1]!)) > Number(m[2]);
  const v = single(ctx, body);
  if (v instanceof FormulaError) throw v;
  return v;
}

function single(ctx: FormulaContext, ref: string): CellValue {
  const named = /^[A-Za-z_][A-Za-z_]+$/.test(ref) ? ctx.namedRange(ref) : undefined;
  return ctx.read(named ?? parseA1(ref))[0]![0]!;
}

export interface Setup {
  store: SpreadsheetStore;
  id: string;
  execution: Execution;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export function setup(
  options: { mode?: RunMode; fake?: boolean; store?: Partial<StoreOptions>; timeZone?: string; sheets?: string[] } = {},
): Setup {
  const store = new SpreadsheetStore({
    customFunctions: () => {
      throw new Error('no custom functions here');
    },
    ...(options.fake === false ? {} : { evaluate: fakeEvaluate }),
    ...options.store,
  });
  const id = store.create({
    name: 'OKRs',
    id: 'doc-1',
    timeZone: options.timeZone ?? 'Europe/Paris',
    sheets: options.sheets ?? ['Objectives', 'Key Results'],
  });
  const execution = newExecution(id, options.mode ?? 'FULL');
  const app = createSpreadsheetApp(store, execution, () => ({ kind: 'ui' }) as unknown as GoogleAppsScript.Base.Ui);
  const ss = options.mode === 'NONE' ? (undefined as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet) : app.getActiveSpreadsheet();
  execution.calls.reset();
  return { store, id, execution, app, ss };
}

export function newExecution(id: string | undefined, mode: RunMode, user = 'owner@example.com'): Execution {
  return { mode, user, activeSpreadsheetId: id, calls: new CallCounter(), realm: undefined };
}

export function appFor(store: SpreadsheetStore, execution: Execution): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return createSpreadsheetApp(store, execution, () => ({ kind: 'ui' }) as unknown as GoogleAppsScript.Base.Ui);
}
