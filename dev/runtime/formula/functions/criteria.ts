// COUNTIF, SUMIF and friends: a criterion is a value ("x", 5, TRUE) or text
// with a comparison in front (">5", "<>", "=done"); text matches case-insensitively
// with * and ? as wildcards (~ escapes them).
import { compareValues, parseNumberText, type CallSite } from '../coerce';
import { dateToSerial } from '../../dates';
import { FormulaError } from '../types';
import { cellAt, columnsOf, gridOf, rowsOf, type Grid, type Scalar, type Value } from '../values';
import { numberIn } from './args';
import type { Builtin, Call } from './builtin';

type Matcher = (value: Scalar) => boolean;

function numeric(value: Scalar, timeZone: string): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return dateToSerial(value, timeZone);
  return undefined;
}

function wildcard(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '~' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, 'i');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function criterionMatcher(criterion: Scalar, site: CallSite): Matcher {
  const tz = site.timeZone;
  if (criterion instanceof FormulaError) throw criterion;
  if (typeof criterion !== 'string') {
    const target = numeric(criterion, tz);
    if (target === undefined) return (value) => value === criterion;
    return (value) => numeric(value, tz) === target;
  }
  const [, op = '', operand = ''] = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion)!;
  const number = parseNumberText(operand);
  if (op === '' || op === '=' || op === '<>') {
    const equal = equality(operand, number, tz);
    return op === '<>' ? (value) => !equal(value) : equal;
  }
  const holds = (order: number) => (op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0);
  if (number !== undefined) {
    return (value) => {
      const n = numeric(value, tz);
      return n !== undefined && holds(n - number);
    };
  }
  return (value) => typeof value === 'string' && value !== '' && holds(compareValues(value, operand, tz));
}

function equality(operand: string, number: number | undefined, tz: string): Matcher {
  if (operand === '') return (value) => value === '';
  const upper = operand.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return (value) => value === (upper === 'TRUE');
  const pattern = wildcard(operand);
  return (value) => {
    if (value instanceof FormulaError) return false;
    if (number !== undefined && numeric(value, tz) === number) return true;
    return typeof value === 'string' && pattern.test(value);
  };
}

/** Visits the cells where every (range, criterion) pair matches; the ranges must all be the size of the first. */
function forEachMatch(pairs: [Grid, Scalar][], call: Call, visit: (row: number, column: number) => void): void {
  const size = pairs[0]![0];
  const [rows, columns] = [rowsOf(size), columnsOf(size)];
  for (const [grid] of pairs) {
    if (rowsOf(grid) !== rows || columnsOf(grid) !== columns) {
      throw new FormulaError('#VALUE!', `Array arguments to ${call.fn} are of different size.`);
    }
  }
  const grids = pairs.map(([grid]) => grid);
  const matchers = pairs.map(([, criterion]) => criterionMatcher(criterion, call));
  // Plain loops: inside ARRAYFORMULA this runs once per criterion over the whole range.
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let hit = true;
      for (let i = 0; hit && i < matchers.length; i++) hit = matchers[i]!(grids[i]![r]![c]!);
      if (hit) visit(r, c);
    }
  }
}

function pairsFrom(args: Value[], first: number): [Grid, Scalar][] {
  const pairs: [Grid, Scalar][] = [];
  for (let i = first; i < args.length; i += 2) pairs.push([gridOf(args[i]!), args[i + 1] as Scalar]);
  return pairs;
}

/** Sums (or averages) the numbers of `values` where the criteria hold; `values` is read from its top-left. */
function aggregate(pairs: [Grid, Scalar][], values: Grid, call: Call, average: boolean): number {
  let [total, count] = [0, 0];
  forEachMatch(pairs, call, (r, c) => {
    const n = numberIn(cellAt(values, r, c), call);
    if (n === undefined) return;
    total += n;
    count += 1;
  });
  if (!average) return total;
  if (count === 0) throw new FormulaError('#DIV/0!', `Evaluation of function ${call.fn} caused a divide by zero error.`);
  return total / count;
}

function countMatches(pairs: [Grid, Scalar][], call: Call): number {
  let count = 0;
  forEachMatch(pairs, call, () => (count += 1));
  return count;
}

function evenArgs(call: Call, args: Value[], first: number): void {
  if ((args.length - first) % 2 !== 0) {
    throw new FormulaError(
      '#N/A',
      `Wrong number of arguments to ${call.fn}. Expected an even number of range and criterion arguments, but got ${args.length} arguments.`,
    );
  }
}

export const CRITERIA: Record<string, Builtin> = {
  COUNTIF: {
    min: 2,
    max: 2,
    range: (i) => i === 0,
    fn: (args, call) => countMatches(pairsFrom(args, 0), call),
  },
  COUNTIFS: {
    min: 2,
    max: Infinity,
    range: (i) => i % 2 === 0,
    fn(args, call) {
      evenArgs(call, args, 0);
      return countMatches(pairsFrom(args, 0), call);
    },
  },
  SUMIF: {
    min: 2,
    max: 3,
    range: (i) => i !== 1,
    fn(args, call) {
      return aggregate(pairsFrom(args.slice(0, 2), 0), gridOf(args[2] ?? args[0]!), call, false);
    },
  },
  SUMIFS: {
    min: 3,
    max: Infinity,
    range: (i) => i === 0 || i % 2 === 1,
    fn(args, call) {
      evenArgs(call, args, 1);
      const values = gridOf(args[0]!);
      const pairs = pairsFrom(args, 1);
      if (rowsOf(values) !== rowsOf(pairs[0]![0]) || columnsOf(values) !== columnsOf(pairs[0]![0])) {
        throw new FormulaError('#VALUE!', 'Array arguments to SUMIFS are of different size.');
      }
      return aggregate(pairs, values, call, false);
    },
  },
  AVERAGEIF: {
    min: 2,
    max: 3,
    range: (i) => i !== 1,
    fn(args, call) {
      return aggregate(pairsFrom(args.slice(0, 2), 0), gridOf(args[2] ?? args[0]!), call, true);
    },
  },
};
