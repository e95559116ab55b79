// A small FormulaContext over literal grids, for the formula tests.
import { evaluateFormula, FormulaError, type CellValue, type FormulaContext, type RangeRef } from '../../dev/runtime/index';

export interface FakeOptions {
  sheets: Record<string, CellValue[][]>;
  at?: { sheet?: string; row?: number; column?: number };
  named?: Record<string, RangeRef>;
  custom?: Record<string, (...args: (CellValue | CellValue[][])[]) => CellValue | CellValue[][]>;
  now?: Date;
  timeZone?: string;
  /** Whether a range holds a formula that depends on NOW() or RAND(); none by default. */
  readsVolatile?: (ref: RangeRef) => boolean;
  /** IMPORTRANGE's other spreadsheets; none by default (every import is #REF!). */
  importRange?: FormulaContext['importRange'];
}

export interface FakeContext extends FormulaContext {
  /** Every call of a custom function, with the arguments it received. */
  calls: { name: string; args: (CellValue | CellValue[][])[] }[];
  reads: RangeRef[];
}

/** Open-ended ends resolve to the sheet's last row/column holding data, as the spreadsheet side does. */
export function fakeContext(options: FakeOptions): FakeContext {
  const calls: FakeContext['calls'] = [];
  const reads: RangeRef[] = [];
  const first = Object.keys(options.sheets)[0]!;
  return {
    sheet: options.at?.sheet ?? first,
    row: options.at?.row ?? 1,
    column: options.at?.column ?? 1,
    timeZone: options.timeZone ?? 'UTC',
    now: () => options.now ?? new Date('2026-03-15T12:00:00Z'),
    calls,
    reads,
    read(ref) {
      reads.push(ref);
      const grid = options.sheets[ref.sheet ?? first];
      if (!grid) throw new FormulaError('#REF!', `Unresolved sheet name '${ref.sheet}'.`);
      const lastRow = Math.max(grid.length, 1);
      const lastColumn = Math.max(1, ...grid.map((row) => row.length));
      const endRow = ref.endRow ?? lastRow;
      const endColumn = ref.endColumn ?? lastColumn;
      const out: CellValue[][] = [];
      for (let r = ref.startRow; r <= endRow; r++) {
        const row: CellValue[] = [];
        for (let c = ref.startColumn; c <= endColumn; c++) row.push(grid[r - 1]?.[c - 1] ?? '');
        out.push(row);
      }
      return out;
    },
    namedRange: (name) => options.named?.[name],
    readsVolatile: (ref) => options.readsVolatile?.(ref) ?? false,
    importRange(spreadsheet, range) {
      if (!options.importRange) throw new FormulaError('#REF!', 'No other spreadsheets here.');
      return options.importRange(spreadsheet, range);
    },
    isCustomFunction: (name) => Object.keys(options.custom ?? {}).some((key) => key.toUpperCase() === name.toUpperCase()),
    callCustom(name, args) {
      calls.push({ name, args });
      const fn = Object.entries(options.custom ?? {}).find(([key]) => key.toUpperCase() === name.toUpperCase())![1];
      return fn(...args);
    },
  };
}

/**
 * `run` evaluates a formula over these options (a test's own options win, key by key);
 * `failure` returns the FormulaError a formula raises, and fails the test when it raises none.
 */
export function formulaRunner(base: FakeOptions) {
  const run = (formula: string, options: Partial<FakeOptions> = {}) => evaluateFormula(formula, fakeContext({ ...base, ...options }));
  const failure = (formula: string, options: Partial<FakeOptions> = {}): FormulaError => {
    try {
      run(formula, options);
    } catch (error) {
      if (error instanceof FormulaError) return error;
      throw error;
    }
    throw new Error(`${formula} did not fail`);
  };
  return { run, failure };
}
