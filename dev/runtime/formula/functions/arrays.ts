// Functions over whole arrays. Their arguments are evaluated as inside
// ARRAYFORMULA, so FILTER(A2:A, B2:B > 0) works on its own, as in Sheets.
import { compareValues, toBoolean } from '../coerce';
import { FormulaError } from '../types';
import { columnsOf, gridOf, isArrayValue, rowsOf, type Grid, type Scalar, type Value } from '../values';
import { integerArg } from './args';
import { all, type Builtin, type Call } from './builtin';

function truthy(value: Scalar, call: Call): boolean {
  if (value instanceof FormulaError) throw value;
  try {
    return toBoolean(value, call, 2);
  } catch {
    return false;
  }
}

function filter(args: Value[], call: Call): Grid {
  const [data, ...conditions] = args.map(gridOf);
  const [rows, columns] = [rowsOf(data!), columnsOf(data!)];
  let keepRows = Array<boolean>(rows).fill(true);
  let keepColumns = Array<boolean>(columns).fill(true);
  for (const condition of conditions) {
    const [r, c] = [rowsOf(condition), columnsOf(condition)];
    if (c === 1 && r === rows) keepRows = keepRows.map((keep, i) => keep && truthy(condition[i]![0]!, call));
    else if (r === 1 && c === columns) keepColumns = keepColumns.map((keep, i) => keep && truthy(condition[0]![i]!, call));
    else {
      throw new FormulaError(
        '#VALUE!',
        `FILTER has mismatched range sizes. Expected row count: ${rows}. column count: 1. Actual row count: ${r}, column count: ${c}.`,
      );
    }
  }
  const result = data!.filter((_, i) => keepRows[i]).map((row) => row.filter((_, i) => keepColumns[i]));
  if (result.length === 0 || result[0]!.length === 0) throw new FormulaError('#N/A', 'No matches are found in FILTER evaluation.');
  return result;
}

function key(row: Scalar[]): string {
  return JSON.stringify(row.map((v) => (v instanceof Date ? { d: v.getTime() } : v instanceof FormulaError ? { e: v.code } : v)));
}

function transpose(grid: Grid): Grid {
  return Array.from({ length: columnsOf(grid) }, (_, c) => grid.map((row) => row[c]!));
}

function unique(args: Value[], call: Call): Grid {
  const byColumn = args[1] === undefined ? false : toBoolean(args[1] as Scalar, call, 2);
  const exactlyOnce = args[2] === undefined ? false : toBoolean(args[2] as Scalar, call, 3);
  const lines = byColumn ? transpose(gridOf(args[0]!)) : gridOf(args[0]!);
  const counts = new Map<string, number>();
  for (const row of lines) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  const seen = new Set<string>();
  const result = lines.filter((row) => {
    const k = key(row);
    if (seen.has(k) || (exactlyOnce && counts.get(k)! > 1)) return false;
    seen.add(k);
    return true;
  });
  if (result.length === 0) throw new FormulaError('#N/A', 'No unique values found.');
  return byColumn ? transpose(result) : result;
}

/** Sheets' order: numbers, then text (case-insensitive), then booleans; blanks always last. */
function sortOrder(a: Scalar, b: Scalar, call: Call): number {
  if (a instanceof FormulaError || b instanceof FormulaError) return a instanceof FormulaError ? (b instanceof FormulaError ? 0 : 1) : -1;
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return compareValues(a, b, call.timeZone);
}

function sort(args: Value[], call: Call): Grid {
  const data = gridOf(args[0]!);
  const keys: { values: (row: number) => Scalar; ascending: boolean }[] = [];
  for (let i = 1; i < args.length; i += 2) {
    const column = args[i]!;
    const ascending = args[i + 1] === undefined ? true : toBoolean(scalarArg(args[i + 1]!), call, i + 2);
    if (isArrayValue(column) && rowsOf(gridOf(column)) > 1) {
      const by = gridOf(column);
      if (rowsOf(by) !== rowsOf(data)) throw new FormulaError('#VALUE!', 'SORT has mismatched range sizes.');
      keys.push({ values: (row) => by[row]![0]!, ascending });
    } else {
      const index = integerArg(scalarArg(column), call, i + 1, 1);
      if (index < 1 || index > columnsOf(data)) {
        throw new FormulaError(
          '#VALUE!',
          `Function SORT parameter ${i + 1} value is ${index}. Valid values are between 1 and ${columnsOf(data)} inclusive.`,
        );
      }
      keys.push({ values: (row) => data[row]![index - 1]!, ascending });
    }
  }
  if (keys.length === 0) keys.push({ values: (row) => data[row]![0]!, ascending: true });
  const order = data.map((_, i) => i);
  order.sort((x, y) => {
    for (const { values, ascending } of keys) {
      const [a, b] = [values(x), values(y)];
      const blank = a === '' || b === '';
      const result = sortOrder(a, b, call);
      // Blanks stay last whichever the direction.
      if (result !== 0) return ascending || blank ? result : -result;
    }
    return x - y;
  });
  return order.map((i) => data[i]!);
}

function scalarArg(value: Value): Scalar {
  return isArrayValue(value) ? (gridOf(value)[0]?.[0] ?? '') : value;
}

export const ARRAYS: Record<string, Builtin> = {
  FILTER: { min: 2, max: Infinity, range: all, arrayArgs: true, fn: filter },
  UNIQUE: { min: 1, max: 3, range: all, arrayArgs: true, fn: unique },
  SORT: { min: 1, max: Infinity, range: all, arrayArgs: true, fn: sort },
};
