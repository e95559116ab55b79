// The values that flow through an evaluation. Errors travel as values (so IFERROR
// can catch them and a bad cell spoils only what depends on it); a range keeps
// where it came from, for implicit intersection and ROW()/COLUMN().
import { type CellValue, FormulaError, type RangeRef } from './types';

export type Scalar = CellValue | FormulaError;
export type Grid = Scalar[][];

export class RangeValue {
  constructor(
    /** With the sheet filled in and the ends resolved from what was read. */
    readonly ref: RangeRef & { sheet: string; endRow: number; endColumn: number },
    readonly values: Grid,
  ) {}
}

export type Value = Scalar | Grid | RangeValue;

export function isArrayValue(value: Value): value is Grid | RangeValue {
  return Array.isArray(value) || value instanceof RangeValue;
}

export function gridOf(value: Value): Grid {
  if (value instanceof RangeValue) return value.values;
  return Array.isArray(value) ? value : [[value]];
}

export function rowsOf(grid: Grid): number {
  return grid.length;
}

export function columnsOf(grid: Grid): number {
  return grid[0]?.length ?? 0;
}

/** Every value of a grid, row by row. */
export function flatten(grid: Grid): Scalar[] {
  return grid.flat();
}

export function cellAt(grid: Grid, row: number, column: number): Scalar {
  return grid[row]?.[column] ?? '';
}

export function isError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}

/** The value as a cell shows it: an error inside an array becomes its code, as getValues() returns it. */
export function toCell(value: Scalar): CellValue {
  if (value instanceof FormulaError) return value.code;
  // Sheets has no negative zero (=-0 shows 0).
  return value === 0 ? 0 : value;
}

export function mapGrid<T, U>(grid: T[][], fn: (value: T, row: number, column: number) => U): U[][] {
  return grid.map((cells, r) => cells.map((value, c) => fn(value, r, c)));
}
