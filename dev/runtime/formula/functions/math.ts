// Aggregates and rounding.
import { toNumber } from '../coerce';
import { FormulaError } from '../types';
import { flatten, gridOf, isArrayValue, type Scalar, type Value } from '../values';
import { integerArg, numbersOf } from './args';
import { all, type Builtin, type Call } from './builtin';

/** Removes binary noise (0.1*3 = 0.30000000000000004) before rounding, as Sheets' decimal display does. */
function clean(value: number): number {
  return Number(value.toPrecision(15));
}

function rounder(mode: (x: number) => number): Builtin['fn'] {
  return ([value, places], call) => {
    const x = toNumber(value as Scalar, call, 1);
    const digits = integerArg(places, call, 2, 0);
    const factor = 10 ** digits;
    return (Math.sign(x) * mode(clean(Math.abs(x) * factor))) / factor;
  };
}

function divideByZero(call: Call): FormulaError {
  return new FormulaError('#DIV/0!', `Evaluation of function ${call.fn} caused a divide by zero error.`);
}

function count(args: Value[], counts: (value: Scalar, typed: boolean) => boolean): number {
  let total = 0;
  for (const arg of args) {
    if (isArrayValue(arg)) total += flatten(gridOf(arg)).filter((value) => counts(value, false)).length;
    else if (counts(arg, true)) total += 1;
  }
  return total;
}

export const MATH: Record<string, Builtin> = {
  SUM: { min: 1, max: Infinity, range: all, fn: (args, call) => numbersOf(args, call).reduce((a, b) => a + b, 0) },
  AVERAGE: {
    min: 1,
    max: Infinity,
    range: all,
    fn(args, call) {
      const numbers = numbersOf(args, call);
      if (numbers.length === 0) throw divideByZero(call);
      return numbers.reduce((a, b) => a + b, 0) / numbers.length;
    },
  },
  MIN: { min: 1, max: Infinity, range: all, fn: (args, call) => minMax(numbersOf(args, call), Math.min) },
  MAX: { min: 1, max: Infinity, range: all, fn: (args, call) => minMax(numbersOf(args, call), Math.max) },
  COUNT: { min: 1, max: Infinity, range: all, fn: (args) => count(args, (value) => typeof value === 'number' || value instanceof Date) },
  // A typed argument counts even when it is "" (COUNTA("") is 1); a blank cell does not.
  COUNTA: { min: 1, max: Infinity, range: all, fn: (args) => count(args, (value, typed) => typed || value !== '') },
  COUNTBLANK: { min: 1, max: 1, range: all, fn: (args) => count(args, (value) => value === '') },
  ROUND: { min: 1, max: 2, fn: rounder(Math.round) },
  ROUNDUP: { min: 1, max: 2, fn: rounder(Math.ceil) },
  ROUNDDOWN: { min: 1, max: 2, fn: rounder(Math.floor) },
  INT: { min: 1, max: 1, fn: ([value], call) => Math.floor(toNumber(value as Scalar, call, 1)) },
  ABS: { min: 1, max: 1, fn: ([value], call) => Math.abs(toNumber(value as Scalar, call, 1)) },
  MOD: {
    min: 2,
    max: 2,
    fn([a, b], call) {
      const [x, y] = [toNumber(a as Scalar, call, 1), toNumber(b as Scalar, call, 2)];
      if (y === 0) throw new FormulaError('#DIV/0!', 'Function MOD parameter 2 cannot be zero.');
      return x - y * Math.floor(x / y);
    },
  },
  SUMPRODUCT: {
    min: 1,
    max: Infinity,
    range: all,
    arrayArgs: true,
    fn(args, call) {
      const grids = args.map(gridOf);
      const size = flatten(grids[0]!).length;
      if (grids.some((grid) => flatten(grid).length !== size || grid.length !== grids[0]!.length)) {
        throw new FormulaError('#VALUE!', 'SUMPRODUCT has mismatched range sizes.');
      }
      const lists = grids.map(flatten);
      let total = 0;
      for (let i = 0; i < size; i++) {
        total += lists.reduce((product, list) => {
          const value = list[i]!;
          if (value instanceof FormulaError) throw value;
          return (
            product *
            (typeof value === 'number'
              ? value
              : typeof value === 'boolean'
                ? Number(value)
                : value instanceof Date
                  ? toNumber(value, call, 1)
                  : 0)
          );
        }, 1);
      }
      return total;
    },
  },
};

function minMax(numbers: number[], pick: (...values: number[]) => number): number {
  return numbers.length === 0 ? 0 : numbers.reduce((a, b) => pick(a, b));
}
