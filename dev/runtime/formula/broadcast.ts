// Array semantics. Inside ARRAYFORMULA an operator or an element-wise function
// applies to each element, a single row or column stretching along the other
// operand; outside it, a range where one value is expected gives the value in
// the formula's own row or column (implicit intersection), or #VALUE!.
import { FormulaError } from './types';
import { cellAt, columnsOf, gridOf, isArrayValue, RangeValue, rowsOf, type Grid, type Scalar, type Value } from './values';

/** Where the formula sits, for implicit intersection. */
export interface Position {
  row: number;
  column: number;
}

export function scalarOf(value: Value, at: Position): Scalar {
  if (!isArrayValue(value)) return value;
  if (Array.isArray(value)) return cellAt(value, 0, 0);
  const { ref, values } = value;
  const [rows, columns] = [rowsOf(values), columnsOf(values)];
  if (rows === 1 && columns === 1) return cellAt(values, 0, 0);
  const rowInside = at.row >= ref.startRow && at.row <= ref.endRow;
  const columnInside = at.column >= ref.startColumn && at.column <= ref.endColumn;
  if (columns === 1 && rowInside) return cellAt(values, at.row - ref.startRow, 0);
  if (rows === 1 && columnInside) return cellAt(values, 0, at.column - ref.startColumn);
  if (rowInside && columnInside) return cellAt(values, at.row - ref.startRow, at.column - ref.startColumn);
  return new FormulaError('#VALUE!', 'An array value could not be found.');
}

/** The size both operands stretch to, or undefined when they cannot. */
export function combinedShape(values: Value[]): [number, number] | undefined {
  let [rows, columns] = [1, 1];
  for (const value of values) {
    if (!isArrayValue(value)) continue;
    const grid = gridOf(value);
    const [r, c] = [rowsOf(grid), columnsOf(grid)];
    if (r !== 1 && rows !== 1 && r !== rows) return undefined;
    if (c !== 1 && columns !== 1 && c !== columns) return undefined;
    rows = r === 1 ? rows : r;
    columns = c === 1 ? columns : c;
  }
  return [rows, columns];
}

function elementOf(value: Value, row: number, column: number): Scalar {
  if (!isArrayValue(value)) return value;
  const grid = value instanceof RangeValue ? value.values : value;
  return cellAt(grid, rowsOf(grid) === 1 ? 0 : row, columnsOf(grid) === 1 ? 0 : column);
}

/** Runs `fn` for each element; a FormulaError thrown for one element becomes that element. */
export function broadcast(name: string, values: Value[], fn: (scalars: Scalar[]) => Value): Value {
  const shape = combinedShape(values);
  if (!shape) return new FormulaError('#VALUE!', `Array arguments to ${name} are of different size.`);
  const [rows, columns] = shape;
  const results: Value[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Value[] = [];
    for (let c = 0; c < columns; c++) row.push(guard(() => fn(values.map((value) => elementOf(value, r, c)))));
    results.push(row);
  }
  return stitch(results);
}

export function guard(fn: () => Value): Value {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
}

/**
 * Joins per-element results into one grid. A column of one-row results (SPLIT
 * over a column) becomes a table, padded with blanks; any other array result
 * keeps its first value.
 */
function stitch(results: Value[][]): Grid {
  const expands = results.every((row) => row.length === 1) && results.some((row) => isArrayValue(row[0]!));
  if (expands) {
    const rows = results.map(([value]) => gridOf(value!)[0] ?? ['']);
    const width = Math.max(...rows.map((row) => row.length));
    return rows.map((row) => [...row, ...Array<Scalar>(width - row.length).fill('')]);
  }
  return results.map((row) => row.map((value) => (isArrayValue(value) ? cellAt(gridOf(value), 0, 0) : value)));
}
