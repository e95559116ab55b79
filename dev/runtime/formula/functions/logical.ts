// IF and friends evaluate lazily, as Sheets does: the branch not taken is
// never computed (so a custom function in it is not called). Inside
// ARRAYFORMULA with an array condition they apply element by element.
import { broadcast } from '../broadcast';
import { toBoolean } from '../coerce';
import type { Node } from '../parser';
import { FormulaError } from '../types';
import { flatten, gridOf, isArrayValue, type Scalar, type Value } from '../values';
import { all, type Builtin, type Call, type Evaluate, type LazyBuiltin } from './builtin';

function branch(node: Node | undefined, evaluator: Evaluate, call: Call): Value {
  return node === undefined ? false : evaluator.evaluate(node, call.arrayMode);
}

const IF: LazyBuiltin = {
  min: 2,
  max: 3,
  lazy([condition, then, otherwise], evaluator, call) {
    const test = evaluator.evaluate(condition!, call.arrayMode);
    if (call.arrayMode && isArrayValue(test)) {
      const values = [test, branch(then, evaluator, call), branch(otherwise, evaluator, call)];
      return broadcast('IF', values, ([c, t, e]) => (c instanceof FormulaError ? c : toBoolean(c!, call, 1) ? t! : e!));
    }
    const scalar = evaluator.scalar(test);
    if (scalar instanceof FormulaError) return scalar;
    return branch(toBoolean(scalar, call, 1) ? then : otherwise, evaluator, call);
  },
};

const IFS: LazyBuiltin = {
  min: 2,
  max: Infinity,
  lazy(args, evaluator, call) {
    if (args.length % 2 !== 0)
      throw new FormulaError(
        '#N/A',
        `Wrong number of arguments to IFS. Expected an even number of arguments, but got ${args.length} arguments.`,
      );
    const first = evaluator.evaluate(args[0]!, call.arrayMode);
    if (call.arrayMode && isArrayValue(first)) {
      const values = [first, ...args.slice(1).map((node) => evaluator.evaluate(node, true))];
      return broadcast('IFS', values, (scalars) => pickIfs(scalars, call));
    }
    for (let i = 0; i < args.length; i += 2) {
      const test = evaluator.scalar(i === 0 ? first : evaluator.evaluate(args[i]!, call.arrayMode));
      if (test instanceof FormulaError) return test;
      if (toBoolean(test, call, i + 1)) return evaluator.evaluate(args[i + 1]!, call.arrayMode);
    }
    return noIfsMatch();
  },
};

function pickIfs(scalars: Scalar[], call: Call): Scalar {
  for (let i = 0; i < scalars.length; i += 2) {
    const test = scalars[i]!;
    if (test instanceof FormulaError) return test;
    if (toBoolean(test, call, i + 1)) return scalars[i + 1]!;
  }
  return noIfsMatch();
}

function noIfsMatch(): FormulaError {
  return new FormulaError('#N/A', 'No match.');
}

/** IFERROR and IFNA: outside ARRAYFORMULA an array result (FILTER's) passes through whole. */
function catching(name: string, catches: (error: FormulaError) => boolean): LazyBuiltin {
  return {
    min: 1,
    max: 2,
    lazy([value, fallback], evaluator, call) {
      const result = evaluator.evaluate(value!, call.arrayMode);
      const alternative = () => (fallback === undefined ? '' : evaluator.evaluate(fallback, call.arrayMode));
      if (call.arrayMode && isArrayValue(result)) {
        return broadcast(name, [result, alternative()], ([x, f]) => (x instanceof FormulaError && catches(x) ? f! : x!));
      }
      return result instanceof FormulaError && catches(result) ? alternative() : result;
    },
  };
}

const ARRAYFORMULA: LazyBuiltin = {
  min: 1,
  max: 1,
  lazy([inner], evaluator) {
    return evaluator.evaluate(inner!, true);
  },
};

export const LAZY_LOGICAL: Record<string, LazyBuiltin> = {
  IF,
  IFS,
  IFERROR: catching('IFERROR', () => true),
  IFNA: catching('IFNA', (error) => error.code === '#N/A'),
  ARRAYFORMULA,
};

/** AND/OR: a range's booleans and numbers count, its text and blanks do not; typed text must be TRUE/FALSE. */
function truthValues(args: Value[], call: Call): boolean[] {
  const values: boolean[] = [];
  args.forEach((arg, i) => {
    if (!isArrayValue(arg)) {
      values.push(toBoolean(arg, call, i + 1));
      return;
    }
    for (const value of flatten(gridOf(arg))) {
      if (value instanceof FormulaError) throw value;
      if (typeof value === 'boolean') values.push(value);
      else if (typeof value === 'number') values.push(value !== 0);
    }
  });
  if (values.length === 0) throw new FormulaError('#VALUE!', `${call.fn} has no valid input data.`);
  return values;
}

function is(test: (value: Scalar) => boolean): Builtin {
  return { min: 1, max: 1, takesErrors: true, fn: ([value]) => test(value as Scalar) };
}

export const LOGICAL: Record<string, Builtin> = {
  AND: { min: 1, max: Infinity, range: all, fn: (args, call) => truthValues(args, call).every(Boolean) },
  OR: { min: 1, max: Infinity, range: all, fn: (args, call) => truthValues(args, call).some(Boolean) },
  NOT: { min: 1, max: 1, fn: ([value], call) => !toBoolean(value as Scalar, call, 1) },
  TRUE: { min: 0, max: 0, fn: () => true },
  FALSE: { min: 0, max: 0, fn: () => false },
  NA: { min: 0, max: 0, fn: () => new FormulaError('#N/A', 'Value not available.') },
  // Blank cells read as "", so "" is what ISBLANK can see as blank.
  ISBLANK: is((value) => value === ''),
  ISNUMBER: is((value) => typeof value === 'number' || value instanceof Date),
  ISTEXT: is((value) => typeof value === 'string' && value !== ''),
  ISLOGICAL: is((value) => typeof value === 'boolean'),
  ISERROR: is((value) => value instanceof FormulaError),
  ISERR: is((value) => value instanceof FormulaError && value.code !== '#N/A'),
  ISNA: is((value) => value instanceof FormulaError && value.code === '#N/A'),
};
