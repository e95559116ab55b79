// A cell holds at most 50,000 characters. A function whose text result is longer
// makes the cell #VALUE!, with the message Sheets shows naming the function
// ("Text result of JOIN is longer than the limit of 50000 characters."; for an
// add-on's custom function Sheets says the same of it, "text result of
// importjsonapi is longer than the limit of 50000 characters" as reported at
// github.com/qeet/importjsonapi/issues/10). In an array, only the cells over it.
import { FormulaError } from './types';
import { mapGrid, RangeValue, type Scalar, type Value } from './values';

/** The most characters one cell holds, text or formula. */
export const CELL_CHARACTERS = 50_000;

/** The function's result, with any text over the limit replaced by #VALUE!. */
export function limitText(fn: string, value: Value): Value {
  const over = (scalar: Scalar) => typeof scalar === 'string' && scalar.length > CELL_CHARACTERS;
  const limit = (scalar: Scalar): Scalar =>
    over(scalar)
      ? new FormulaError('#VALUE!', `Text result of ${fn.toUpperCase()} is longer than the limit of ${CELL_CHARACTERS} characters.`)
      : scalar;
  if (Array.isArray(value)) return value.some((row) => row.some(over)) ? mapGrid(value, limit) : value;
  return value instanceof RangeValue ? value : limit(value);
}
