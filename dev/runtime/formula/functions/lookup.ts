// Lookups and references.
import { compareValues, describe, toBoolean, type CallSite } from '../coerce';
import { FormulaError } from '../types';
import { cellAt, columnsOf, flatten, gridOf, RangeValue, rowsOf, type Grid, type Scalar, type Value } from '../values';
import { integerArg } from './args';
import type { Builtin, Call } from './builtin';

/** Lookup equality: like `=` but a blank matches only a blank (VLOOKUP(0, ...) does not find an empty cell). */
function same(a: Scalar, b: Scalar, site: CallSite): boolean {
  if (a instanceof FormulaError || b instanceof FormulaError) return false;
  if (a === '' || b === '') return a === b;
  return compareValues(a, b, site.timeZone) === 0;
}

/** Same kind of value (numbers with dates), for sorted lookups. */
function comparable(a: Scalar, b: Scalar): boolean {
  const kind = (v: Scalar) => (v instanceof FormulaError || v === '' ? 'none' : v instanceof Date ? 'number' : typeof v);
  return kind(a) !== 'none' && kind(a) === kind(b);
}

function notFound(key: Scalar, call: Call): FormulaError {
  return new FormulaError('#N/A', `Did not find value '${describe(key, call.timeZone)}' in ${call.fn} evaluation.`);
}

/**
 * The position of key in a sorted list: the last value not greater than key
 * (ascending), or the last not smaller than key (descending).
 */
function sortedPosition(key: Scalar, values: Scalar[], call: Call, descending = false): number {
  let found = -1;
  values.forEach((value, i) => {
    if (!comparable(value, key)) return;
    const order = compareValues(value, key, call.timeZone);
    if (descending ? order >= 0 : order <= 0) found = i;
  });
  return found;
}

function exactPosition(key: Scalar, values: Scalar[], call: Call, fromEnd = false): number {
  const indices = values.map((_, i) => i);
  if (fromEnd) indices.reverse();
  return indices.find((i) => same(values[i]!, key, call)) ?? -1;
}

/** A single row or column as a list, or undefined for a table. */
function line(grid: Grid): Scalar[] | undefined {
  if (rowsOf(grid) === 1 || columnsOf(grid) === 1) return flatten(grid);
  return undefined;
}

function singleCellOr(grid: Grid): Value {
  return rowsOf(grid) === 1 && columnsOf(grid) === 1 ? grid[0]![0]! : grid;
}

function wildcardPosition(key: Scalar, values: Scalar[], call: Call, fromEnd: boolean): number {
  if (typeof key !== 'string') return exactPosition(key, values, call, fromEnd);
  const source = key.replace(/~([*?~])|([.+^${}()|[\]\\])|(\*)|(\?)/g, (_, escaped, special, star, question) =>
    escaped ? `\\${escaped}` : special ? `\\${special}` : star ? '[\\s\\S]*' : question ? '[\\s\\S]' : '',
  );
  const pattern = new RegExp(`^${source}$`, 'i');
  const indices = values.map((_, i) => i);
  if (fromEnd) indices.reverse();
  return indices.find((i) => typeof values[i] === 'string' && pattern.test(values[i] as string)) ?? -1;
}

function rowsOrColumns(fn: 'ROW' | 'COLUMN'): Builtin {
  return {
    min: 0,
    max: 1,
    range: () => true,
    fn([reference], call) {
      if (reference === undefined) return fn === 'ROW' ? call.context.row : call.context.column;
      if (!(reference instanceof RangeValue)) throw new FormulaError('#VALUE!', `Function ${fn} parameter 1 expects a cell reference.`);
      const { ref } = reference;
      const [first, last] = fn === 'ROW' ? [ref.startRow, ref.endRow] : [ref.startColumn, ref.endColumn];
      // Inside ARRAYFORMULA, ROW(A2:A) is the list of row numbers; outside, the first.
      if (!call.arrayMode || first === last) return first;
      const numbers = Array.from({ length: last - first + 1 }, (_, i) => first + i);
      return fn === 'ROW' ? numbers.map((n) => [n]) : [numbers];
    },
  };
}

export const LOOKUP: Record<string, Builtin> = {
  VLOOKUP: {
    min: 3,
    max: 4,
    range: (i) => i === 1,
    fn([key, table, index, sorted], call) {
      const grid = gridOf(table!);
      const column = integerArg(index, call, 3, 1);
      if (column < 1)
        throw new FormulaError('#VALUE!', `Function VLOOKUP parameter 3 value is ${column}. It should be greater than or equal to 1.`);
      if (column > columnsOf(grid)) throw new FormulaError('#REF!', 'VLOOKUP evaluates to an out of bounds range.');
      const keys = grid.map((row) => row[0]!);
      const isSorted = sorted === undefined ? true : toBoolean(sorted as Scalar, call, 4);
      const row = isSorted ? sortedPosition(key as Scalar, keys, call) : exactPosition(key as Scalar, keys, call);
      if (row < 0) throw notFound(key as Scalar, call);
      return cellAt(grid, row, column - 1);
    },
  },
  MATCH: {
    min: 2,
    max: 3,
    range: (i) => i === 1,
    fn([key, range, type], call) {
      const values = line(gridOf(range!));
      if (!values) throw new FormulaError('#N/A', 'MATCH range must be a single row or a single column.');
      const mode = integerArg(type, call, 3, 1);
      const position =
        mode === 0 ? wildcardPosition(key as Scalar, values, call, false) : sortedPosition(key as Scalar, values, call, mode < 0);
      if (position < 0) throw notFound(key as Scalar, call);
      return position + 1;
    },
  },
  XLOOKUP: {
    min: 3,
    max: 6,
    range: (i) => i === 1 || i === 2,
    fn([key, lookupRange, resultRange, missing, matchMode, searchMode], call) {
      const lookupGrid = gridOf(lookupRange!);
      const values = line(lookupGrid);
      if (!values) throw new FormulaError('#VALUE!', 'XLOOKUP lookup range must be a single row or a single column.');
      const byRow = columnsOf(lookupGrid) === 1 && rowsOf(lookupGrid) > 1;
      const results = gridOf(resultRange!);
      if ((byRow ? rowsOf(results) : columnsOf(results)) !== values.length) {
        throw new FormulaError('#VALUE!', 'XLOOKUP result range must be the same size as the lookup range.');
      }
      const match = integerArg(matchMode, call, 5, 0);
      const fromEnd = integerArg(searchMode, call, 6, 1) < 0;
      let position =
        match === 2 ? wildcardPosition(key as Scalar, values, call, fromEnd) : exactPosition(key as Scalar, values, call, fromEnd);
      if (position < 0 && (match === -1 || match === 1)) position = nearest(key as Scalar, values, call, match);
      if (position < 0) return missing === undefined ? notFound(key as Scalar, call) : missing;
      return singleCellOr(byRow ? [results[position]!] : results.map((row) => [row[position]!]));
    },
  },
  INDEX: {
    min: 1,
    max: 3,
    range: (i) => i === 0,
    fn([reference, rowArg, columnArg], call) {
      const grid = gridOf(reference!);
      let [row, column] = [integerArg(rowArg, call, 2, 0), integerArg(columnArg, call, 3, 0)];
      // A single row indexed by one number is indexed along the row.
      if (columnArg === undefined && rowsOf(grid) === 1 && columnsOf(grid) > 1) [row, column] = [0, row];
      check(row, rowsOf(grid), 2);
      check(column, columnsOf(grid), 3);
      const rows = row === 0 ? grid : [grid[row - 1]!];
      return singleCellOr(column === 0 ? rows : rows.map((r) => [r[column - 1]!]));
    },
  },
  ROW: rowsOrColumns('ROW'),
  COLUMN: rowsOrColumns('COLUMN'),
  ROWS: { min: 1, max: 1, range: () => true, fn: ([value]) => rowsOf(gridOf(value!)) },
  COLUMNS: { min: 1, max: 1, range: () => true, fn: ([value]) => columnsOf(gridOf(value!)) },
};

function check(index: number, size: number, param: number): void {
  if (index < 0 || index > size) {
    throw new FormulaError(
      '#NUM!',
      `Function INDEX parameter ${param} value is ${index}. Valid values are between 0 and ${size} inclusive.`,
    );
  }
}

/** XLOOKUP match mode -1 (next smaller) or 1 (next larger), in any order. */
function nearest(key: Scalar, values: Scalar[], call: Call, mode: number): number {
  let best = -1;
  values.forEach((value, i) => {
    if (!comparable(value, key)) return;
    const order = compareValues(value, key, call.timeZone);
    if (mode < 0 ? order > 0 : order < 0) return;
    if (
      best < 0 ||
      (mode < 0 ? compareValues(value, values[best]!, call.timeZone) > 0 : compareValues(value, values[best]!, call.timeZone) < 0)
    )
      best = i;
  });
  return best;
}
