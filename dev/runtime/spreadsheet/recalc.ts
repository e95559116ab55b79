// Recalculation: every formula cell of a spreadsheet is evaluated (lazily, before
// the first read after a write) through the formula engine; array results spill
// into the cells below and to the right, as Sheets does.

import { columnLetter } from '../a1';
import { FormulaError, formulaDependsOnVolatile, type FormulaContext, type RangeRef, type SparklineDrawing } from '../formula/index';
import { dateToSerial } from '../dates';
import { getCell, hasContent, type CellValue, type DocData, type SheetData } from './model';
import { localeDateFormat } from './number-format';
import type { CellError, Evaluate } from './types';
import { isDate, outwardValue } from './values';

/** A formula cell's result, or a cell an array result spilled into. */
export interface Computed {
  value: string | number | boolean;
  error?: CellError;
  /** The format a date result brings when the cell has none. */
  format?: string;
  /** For spilled cells: the formula cell the array came from. */
  spillOf?: { row: number; column: number };
  /** A SPARKLINE cell: what it draws (its value reads ""). */
  sparkline?: SparklineDrawing;
}

export interface RecalcEnv {
  evaluate: Evaluate;
  /** Throws a FormulaError the cell shows. */
  callCustom(name: string, args: (CellValue | CellValue[][])[]): CellValue | CellValue[][];
  isCustomFunction(name: string): boolean;
  now(): Date;
  /** IMPORTRANGE in the formula at `cell` (`sheetId:row:column`); throws the FormulaError it gives (import-range.ts). */
  importRange(spreadsheet: string, range: string, cell: string): (CellValue | FormulaError)[][];
  /** Whether a spreadsheet the last recalculation imported from has changed since. */
  importsChanged(): boolean;
  /** A recalculation starts: what the last one imported no longer counts. */
  forgetImports(): void;
}

export const CIRCULAR = 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';

/** Thrown to undo a look-ahead evaluation that ran into the chain that asked for it. */
class SpeculationAbort extends Error {}

const DONE = -1;

export class Recalculator {
  private version = -1;
  private results = new Map<number, Map<string, Computed>>();
  /** Cell key → its index on the stack while being evaluated, DONE after. */
  private state = new Map<string, number>();
  private stack: string[] = [];
  private speculations: number[] = [];
  /**
   * A cell whose speculative evaluation was abandoned because it read a cell
   * still being evaluated → that cell: it cannot finish before it, so settling
   * spills skips it until then (were it to spill into the range being read,
   * that would be a circular reference). Without this, every later read of a
   * range starts it again, and a tab of formulas reading each other's spills
   * takes exponential time.
   */
  private blocked = new Map<string, string>();
  private abortTarget: number | undefined;
  private formulaCells = new Map<number, [number, number][]>();
  private settledUpTo = new Map<number, number>();
  /** Formula cell key → whether it depends on a volatile function (false while being found out, so a cycle ends). */
  private volatile = new Map<string, boolean>();
  /** Per sheet, the rectangles array results spilled into, with the formula cell each came from. */
  private spills = new Map<number, { row: number; column: number; lastRow: number; lastColumn: number }[]>();

  constructor(
    private readonly doc: DocData,
    private readonly env: RecalcEnv,
  ) {}

  /** The result at a cell (formula or spilled), recalculating first when stale. */
  computed(sheet: SheetData, row: number, column: number): Computed | undefined {
    this.ensure();
    return this.results.get(sheet.id)?.get(`${row}:${column}`);
  }

  /** Evaluates a formula as if it sat in a cell (conditional formats, validation formulas). */
  evaluateAt(sheet: SheetData, row: number, column: number, formula: string): { value: unknown } | { error: CellError } {
    this.ensure();
    try {
      return { value: this.env.evaluate(formula, this.context(sheet, row, column)) };
    } catch (e) {
      return { error: toCellError(e) };
    }
  }

  /** Positions of the cells array results spilled into. */
  spilledCells(sheet: SheetData): [number, number][] {
    this.ensure();
    const cells: [number, number][] = [];
    for (const [key, computed] of this.results.get(sheet.id) ?? []) {
      if (!computed.spillOf) continue;
      const [r, c] = key.split(':').map(Number) as [number, number];
      cells.push([r, c]);
    }
    return cells;
  }

  /**
   * A range's values for IMPORTRANGE (from another spreadsheet, or this one),
   * recalculated first; an error cell as its FormulaError.
   */
  importValues(ref: RangeRef & { sheet: string }): (CellValue | FormulaError)[][] {
    this.ensure();
    return this.read(this.doc.sheets[0]!, ref);
  }

  ensure(): void {
    // An import's source may have changed though this spreadsheet did not.
    if (this.version === this.doc.version && !this.env.importsChanged()) return;
    this.version = this.doc.version;
    this.env.forgetImports();
    this.results.clear();
    this.state.clear();
    this.formulaCells.clear();
    this.settledUpTo.clear();
    this.volatile.clear();
    this.spills.clear();
    this.blocked.clear();
    for (const sheet of this.doc.sheets) {
      const cells: [number, number][] = [];
      sheet.rows.forEach((line, r) => line?.forEach((cell, c) => cell?.formula !== undefined && cells.push([r + 1, c + 1])));
      this.formulaCells.set(sheet.id, cells);
      this.results.set(sheet.id, new Map());
    }
    for (const sheet of this.doc.sheets) {
      for (const [r, c] of this.formulaCells.get(sheet.id) ?? []) this.evaluateCell(sheet, r, c);
    }
  }

  private evaluateCell(sheet: SheetData, row: number, column: number): void {
    const key = `${sheet.id}:${row}:${column}`;
    const formula = getCell(sheet, row, column)?.formula;
    if (this.state.has(key) || formula === undefined) return;
    const index = this.stack.length;
    this.stack.push(key);
    this.state.set(key, index);
    let outcome: { value: unknown } | { error: CellError };
    let drawing: SparklineDrawing | undefined;
    const context = { ...this.context(sheet, row, column), sparkline: (d: SparklineDrawing) => (drawing = d) };
    try {
      outcome = { value: this.env.evaluate(formula, context) };
    } catch (e) {
      outcome = { error: toCellError(e) };
    } finally {
      this.stack.pop();
    }
    if (this.abortTarget !== undefined && index >= this.abortTarget) {
      this.state.delete(key);
      throw new SpeculationAbort();
    }
    this.state.set(key, DONE);
    this.place(sheet, row, column, outcome);
    // Only a cell that reads as the sparkline's "" shows it (not =SPARKLINE(...)&"x" or an array).
    const placed = this.results.get(sheet.id)?.get(`${row}:${column}`);
    if (drawing && placed && placed.value === '' && !placed.error && !Array.isArray((outcome as { value?: unknown }).value))
      placed.sparkline = drawing;
  }

  private context(sheet: SheetData, row: number, column: number): FormulaContext {
    return {
      sheet: sheet.name,
      row,
      column,
      read: (ref) => this.read(sheet, ref),
      namedRange: (name) => this.namedRange(name),
      isCustomFunction: (name) => this.env.isCustomFunction(name),
      callCustom: (name, args) => this.env.callCustom(name, args),
      importRange: (spreadsheet, range) => this.env.importRange(spreadsheet, range, `${sheet.id}:${row}:${column}`),
      readsVolatile: (ref) => this.readsVolatile(sheet, ref),
      now: () => this.env.now(),
      timeZone: this.doc.timeZone,
    };
  }

  private namedRange(name: string): RangeRef | undefined {
    const named = this.doc.namedRanges.find((n) => n.name.toLowerCase() === name.toLowerCase());
    const sheet = named && this.doc.sheets.find((s) => s.id === named.sheetId);
    if (!named || !sheet) return undefined;
    return { sheet: sheet.name, startRow: named.box.r1, startColumn: named.box.c1, endRow: named.box.r2, endColumn: named.box.c2 };
  }

  private sheetOf(from: SheetData, ref: RangeRef): SheetData | undefined {
    return ref.sheet === undefined ? from : this.doc.sheets.find((s) => s.name.toLowerCase() === ref.sheet!.toLowerCase());
  }

  /**
   * Whether a formula in the range, or one whose array spills into it, depends
   * on a volatile function (called after the range was read, so its spills are placed).
   */
  private readsVolatile(from: SheetData, ref: RangeRef): boolean {
    const sheet = this.sheetOf(from, ref);
    if (!sheet) return false;
    const [lastRow, lastColumn] = [ref.endRow ?? sheet.maxRows, ref.endColumn ?? sheet.maxColumns];
    const inside = (r: number, c: number) => r >= ref.startRow && r <= lastRow && c >= ref.startColumn && c <= lastColumn;
    const spilledInto = ({
      row,
      column,
      lastRow: r2,
      lastColumn: c2,
    }: {
      row: number;
      column: number;
      lastRow: number;
      lastColumn: number;
    }) => row <= lastRow && r2 >= ref.startRow && column <= lastColumn && c2 >= ref.startColumn;
    const cells = (this.formulaCells.get(sheet.id) ?? []).filter(([r, c]) => inside(r, c));
    const sources = [...cells, ...(this.spills.get(sheet.id) ?? []).filter(spilledInto).map((s): [number, number] => [s.row, s.column])];
    return sources.some(([r, c]) => this.formulaIsVolatile(sheet, r, c));
  }

  private formulaIsVolatile(sheet: SheetData, row: number, column: number): boolean {
    const key = `${sheet.id}:${row}:${column}`;
    const known = this.volatile.get(key);
    if (known !== undefined) return known;
    const formula = getCell(sheet, row, column)?.formula;
    if (formula === undefined) return false;
    this.volatile.set(key, false);
    const found = formulaDependsOnVolatile(formula, {
      namedRange: (name) => this.namedRange(name),
      readsVolatile: (ref) => this.readsVolatile(sheet, ref),
    });
    this.volatile.set(key, found);
    return found;
  }

  private read(from: SheetData, ref: RangeRef): CellValue[][] {
    if (this.abortTarget !== undefined) throw new SpeculationAbort();
    const sheet = this.sheetOf(from, ref);
    if (!sheet) throw new FormulaError('#REF!', `Unresolved sheet name '${ref.sheet}'.`);
    const lastRow = ref.endRow ?? sheet.maxRows;
    const lastColumn = ref.endColumn ?? sheet.maxColumns;
    this.settleSpills(sheet, lastRow, lastColumn);
    const grid: CellValue[][] = [];
    for (let r = ref.startRow; r <= lastRow; r++) {
      const line: CellValue[] = [];
      for (let c = ref.startColumn; c <= lastColumn; c++) line.push(this.readCell(sheet, r, c) as CellValue);
      grid.push(line);
    }
    return grid;
  }

  /**
   * Evaluates, ahead of a read, the formulas whose arrays could spill into it
   * (those above and to the left of its far corner). One that turns out to
   * depend on the reader is undone, not reported as circular: the spill order
   * must not invent cycles that Sheets does not see.
   */
  private settleSpills(sheet: SheetData, lastRow: number, lastColumn: number): void {
    const cells = this.formulaCells.get(sheet.id) ?? [];
    // Cells are in row order; skip the settled ones at the front once, for good.
    let start = this.settledUpTo.get(sheet.id) ?? 0;
    while (start < cells.length && this.state.get(`${sheet.id}:${cells[start]![0]}:${cells[start]![1]}`) === DONE) start++;
    this.settledUpTo.set(sheet.id, start);
    for (let i = start; i < cells.length; i++) {
      const [r, c] = cells[i]!;
      if (r > lastRow) break;
      const key = `${sheet.id}:${r}:${c}`;
      if (c > lastColumn) continue;
      const state = this.state.get(key);
      if (state !== undefined) {
        // Still being evaluated below us: its spill, not yet placed, may land in the range being read.
        if (state !== DONE) this.waitInSpeculation(state, key);
        continue;
      }
      const blocker = this.blocked.get(key);
      const blockerState = blocker === undefined ? undefined : this.state.get(blocker);
      if (blockerState !== undefined && blockerState !== DONE) {
        // The reader may need this cell's spill, so it waits on the same cell.
        this.waitInSpeculation(blockerState, blocker!);
        continue;
      }
      const depth = this.stack.length;
      this.speculations.push(depth);
      try {
        this.evaluateCell(sheet, r, c);
      } catch (e) {
        if (!(e instanceof SpeculationAbort) || this.abortTarget !== depth) throw e;
        this.abortTarget = undefined;
      } finally {
        this.speculations.pop();
      }
    }
  }

  /**
   * A read needs `key`, a cell still being evaluated at stack index `state`:
   * a speculation started above it is given up and waits for that cell (it is
   * evaluated again once the cell is done) rather than finishing without it;
   * the cell that started it all reads on without it.
   */
  private waitInSpeculation(state: number, key: string): void {
    const innermost = this.speculations[this.speculations.length - 1];
    if (innermost === undefined || state >= innermost) return;
    this.blocked.set(this.stack[innermost]!, key);
    this.abortTarget = innermost;
    throw new SpeculationAbort();
  }

  private readCell(sheet: SheetData, row: number, column: number): CellValue | FormulaError {
    const cell = getCell(sheet, row, column);
    if (cell?.formula !== undefined) {
      const state = this.state.get(`${sheet.id}:${row}:${column}`);
      if (state === undefined) this.evaluateCell(sheet, row, column);
      else if (state !== DONE) {
        this.waitInSpeculation(state, `${sheet.id}:${row}:${column}`);
        return new FormulaError('#REF!', CIRCULAR);
      }
    } else if (cell?.value !== undefined) {
      return outwardValue(cell.value, cell.style?.numberFormat, this.doc.timeZone);
    }
    const result = this.results.get(sheet.id)?.get(`${row}:${column}`);
    if (!result) return '';
    if (result.error) return new FormulaError(result.error.code as FormulaError['code'], result.error.message);
    return outwardValue(result.value, cell?.style?.numberFormat ?? result.format, this.doc.timeZone);
  }

  private place(sheet: SheetData, row: number, column: number, outcome: { value: unknown } | { error: CellError }): void {
    const results = this.results.get(sheet.id)!;
    const at = `${row}:${column}`;
    if ('error' in outcome) {
      results.set(at, { value: outcome.error.code, error: outcome.error });
      return;
    }
    const grid = toGrid(outcome.value);
    if (!grid) {
      results.set(at, this.toComputed(outcome.value));
      return;
    }
    const height = grid.length;
    const width = Math.max(...grid.map((line) => line.length));
    const problem = this.spillProblem(sheet, results, row, column, height, width);
    if (problem) {
      results.set(at, { value: '#REF!', error: { code: '#REF!', message: problem } });
      return;
    }
    const spills = this.spills.get(sheet.id) ?? [];
    spills.push({ row, column, lastRow: row + height - 1, lastColumn: column + width - 1 });
    this.spills.set(sheet.id, spills);
    grid.forEach((line, i) => {
      for (let j = 0; j < width; j++) {
        const computed = this.toComputed(line[j] ?? '');
        if (i > 0 || j > 0) computed.spillOf = { row, column };
        results.set(`${row + i}:${column + j}`, computed);
      }
    });
  }

  private spillProblem(
    sheet: SheetData,
    results: Map<string, Computed>,
    row: number,
    column: number,
    height: number,
    width: number,
  ): string | undefined {
    if (row + height - 1 > sheet.maxRows)
      return `Result was not automatically expanded, please insert more rows (${row + height - 1 - sheet.maxRows}).`;
    if (column + width - 1 > sheet.maxColumns) {
      return `Result was not automatically expanded, please insert more columns (${column + width - 1 - sheet.maxColumns}).`;
    }
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        if (i === 0 && j === 0) continue;
        const [r, c] = [row + i, column + j];
        if (hasContent(getCell(sheet, r, c)) || results.has(`${r}:${c}`)) {
          return `Array result was not expanded because it would overwrite data in ${columnLetter(c)}${r}.`;
        }
      }
    }
    return undefined;
  }

  private toComputed(value: unknown): Computed {
    if (isFormulaErrorLike(value)) return { value: value.code, error: { code: value.code, message: value.message } };
    if (isDate(value)) {
      const serial = dateToSerial(value, this.doc.timeZone);
      const date = localeDateFormat(this.doc.locale);
      return { value: serial, format: Number.isInteger(serial) ? date : `${date} H:mm:ss` };
    }
    if (value === null || value === undefined) return { value: '' };
    if (typeof value === 'number' && !Number.isFinite(value))
      return { value: '#NUM!', error: { code: '#NUM!', message: 'Result was not a finite number.' } };
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
    return { value: String(value) };
  }
}

function isFormulaErrorLike(value: unknown): value is { code: string; message: string } {
  return value instanceof Error && 'code' in value && typeof value.code === 'string' && value.code.startsWith('#');
}

function toCellError(e: unknown): CellError {
  if (isFormulaErrorLike(e)) return { code: e.code, message: e.message };
  return { code: '#ERROR!', message: e instanceof Error ? e.message : String(e) };
}

/** An array result as rows; a one-dimensional array is a column, as Sheets reads it. */
function toGrid(value: unknown): unknown[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return [['']];
  return value.map((line: unknown) => (Array.isArray(line) ? (line.length ? line : ['']) : [line]));
}
