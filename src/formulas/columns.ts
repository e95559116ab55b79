import { Cell, isBlank } from '../okr/cells';
import { UserError } from '../okr/errors';

/** What Sheets passes a custom formula: one cell's value, or a range as rows of cells. */
export type Arg = Cell | Cell[][];
/** What a custom formula returns: one value, or rows of values that Sheets spills. */
export type Output = Cell | Cell[][];

export function isRange(arg: Arg | undefined): arg is Cell[][] {
  return Array.isArray(arg);
}

/** A range read row by row into one list; a single value is a list of one. */
export function cellsOf(arg: Arg | undefined): Cell[] {
  if (!isRange(arg)) return [arg === undefined ? '' : arg];
  // Plain loops into a list made at its size: Array.prototype.flat, or a list grown cell by cell,
  // is several times slower on the long, one-wide columns formulas get.
  let size = 0;
  for (const row of arg) size += row.length;
  const cells: Cell[] = new Array<Cell>(size);
  let i = 0;
  for (const row of arg) for (const cell of row) cells[i++] = cell;
  return cells;
}

/**
 * Runs `compute` once per row, so one formula fills a whole column.
 * Single values are repeated down the rows; ranges must all have the same size.
 * With only single values, bad input throws and Sheets shows the message on
 * the cell; with ranges, a bad row reads `invalid: <reason>` and the others are
 * computed. A row whose range cells are all blank stays blank.
 */
export function byRow(args: Record<string, Arg | undefined>, compute: (row: Cell[]) => Cell): Output {
  const names = Object.keys(args);
  const values = names.map((name) => args[name]);
  const isRangeAt = values.map(isRange);
  if (!isRangeAt.includes(true)) return single(() => compute(values.map((arg) => (arg === undefined ? '' : (arg as Cell)))));

  // Each argument read once into a column (a single value is a column of one).
  const columns = values.map(cellsOf);
  const ranges = names.map((_, i) => i).filter((i) => isRangeAt[i]);
  const length = single(() => sameLength(ranges.map((i) => [names[i]!, columns[i]!.length] as const)));
  const multiCell = ranges.filter((i) => columns[i]!.length > 1);
  // Plain loops from here: this runs once per row, thousands of times a call. One row list serves
  // every row (compute reads it and keeps nothing of it): 100,000 rows leave no garbage behind.
  const results: Cell[] = new Array<Cell>(length);
  const row: Cell[] = new Array<Cell>(columns.length);
  for (let r = 0; r < length; r++) {
    fillRow(row, columns, r);
    results[r] = multiCell.length > 0 && allBlank(row, multiCell) ? '' : computeRow(compute, row);
  }
  const longest = ranges.find((i) => columns[i]!.length === length) ?? ranges[0]!;
  return shapeLike(values[longest] as Cell[][], results);
}

/** Row `r` across the columns, into `row`; a column of one cell gives that cell on every row. */
function fillRow(row: Cell[], columns: readonly Cell[][], r: number): void {
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    row[i] = column.length === 1 ? column[0] : column[r];
  }
}

/** Whether the row's cells at these indexes are all blank. */
function allBlank(row: readonly Cell[], indexes: readonly number[]): boolean {
  for (const i of indexes) if (!isBlank(row[i])) return false;
  return true;
}

/** One row's value, as perRow gives it, without a closure per row. */
function computeRow(compute: (row: Cell[]) => Cell, row: Cell[]): Cell {
  try {
    return compute(row);
  } catch (error) {
    return invalidRow(error);
  }
}

/** Computes one value for the whole formula: bad input becomes an error Sheets shows. */
export function single<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw sheetsError(error);
  }
}

/** Computes one row's value: bad input becomes `invalid: <reason>` in that row. */
export function perRow(compute: () => Cell): Cell {
  try {
    return compute();
  } catch (error) {
    return invalidRow(error);
  }
}

/** A row's bad input reads `invalid: <reason>`; a bug of ours still fails the formula. */
function invalidRow(error: unknown): Cell {
  if (error instanceof UserError) return `invalid: ${error.message}`;
  throw sheetsError(error);
}

/**
 * The Error Sheets shows on the formula's cell: a UserError's own message, or
 * for a bug of ours a short request to report it; never a stack trace.
 */
export function sheetsError(error: unknown): Error {
  if (error instanceof UserError) return new Error(error.message);
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(`OKR Sheets could not compute this (${detail}). Please report it with the formula's arguments.`);
}

/** The common number of cells of several ranges; a range of one cell is repeated. */
export function sameLength(sizes: readonly (readonly [string, number])[]): number {
  const longest = sizes.reduce((max, [, size]) => Math.max(max, size), 1);
  const odd = sizes.find(([, size]) => size !== 1 && size !== longest);
  if (odd) {
    const [longName] = sizes.find(([, size]) => size === longest)!;
    throw new UserError(`${odd[0]} has ${odd[1]} cells but ${longName} has ${longest}: give ranges of the same size.`);
  }
  return longest;
}

/**
 * Results in the shape of the range they came from: a row for a row, a
 * column for a column, rows × columns for a block, so each result lands
 * beside its input.
 */
export function shapeLike(range: readonly (readonly Cell[])[], results: readonly Cell[]): Cell[][] {
  const width = range[0]?.length ?? 1;
  if (width <= 1) return results.map((value) => [value]);
  const rows: Cell[][] = [];
  for (let r = 0; r < results.length; r += width) rows.push(results.slice(r, r + width));
  return rows;
}
