// Helpers for functions that take whole ranges: Sheets reads numbers from a
// range but ignores its text and blanks, while a value typed as an argument
// is coerced (SUM(A1:A3) skips "x"; SUM("x") is #VALUE!).
import { toNumber, type CallSite } from '../coerce';
import { dateToSerial } from '../../dates';
import { FormulaError } from '../types';
import { flatten, gridOf, isArrayValue, type Scalar, type Value } from '../values';

export function numbersOf(args: Value[], site: CallSite): number[] {
  const numbers: number[] = [];
  args.forEach((arg, i) => {
    if (!isArrayValue(arg)) {
      numbers.push(toNumber(arg, site, i + 1));
      return;
    }
    for (const value of flatten(gridOf(arg))) {
      if (value instanceof FormulaError) throw value;
      if (typeof value === 'number') numbers.push(value);
      else if (value instanceof Date) numbers.push(dateToSerial(value, site.timeZone));
    }
  });
  return numbers;
}

/** A range's number at a spot, or undefined for text, blanks and booleans (SUMIF, AVERAGEIF). */
export function numberIn(value: Scalar, site: CallSite): number | undefined {
  if (value instanceof FormulaError) throw value;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return dateToSerial(value, site.timeZone);
  return undefined;
}

export function integerArg(value: Value | undefined, site: CallSite, param: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (isArrayValue(value)) throw new FormulaError('#VALUE!', `Function ${site.fn} parameter ${param} expects a single value.`);
  return Math.trunc(toNumber(value, site, param));
}
