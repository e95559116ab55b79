// Text functions.
import { parseNumberText, toBoolean, toNumber, toText } from '../coerce';
import { dateToSerial } from '../../dates';
import { FormulaError } from '../types';
import { flatten, gridOf, isArrayValue, type Scalar, type Value } from '../values';
import type { Builtin, Call } from './builtin';
import { formatText } from './textFormat';

function texts(args: Value[], call: Call): string[] {
  return args.flatMap((arg) => (isArrayValue(arg) ? flatten(gridOf(arg)) : [arg])).map((value) => toText(value, call));
}

function oneText(transform: (text: string) => Value): Builtin {
  return { min: 1, max: 1, fn: ([value], call) => transform(toText(value as Scalar, call)) };
}

/** SPLIT's pieces are read as numbers when they look like plain numbers, as Sheets does. */
function splitPiece(text: string): Scalar {
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : text;
}

export const TEXT_FUNCTIONS: Record<string, Builtin> = {
  LEN: oneText((text) => text.length),
  // Sheets' TRIM removes leading and trailing spaces and collapses runs of spaces.
  TRIM: oneText((text) => text.replace(/ +/g, ' ').replace(/^ | $/g, '')),
  LOWER: oneText((text) => text.toLowerCase()),
  UPPER: oneText((text) => text.toUpperCase()),
  CONCATENATE: { min: 1, max: Infinity, range: () => true, fn: (args, call) => texts(args, call).join('') },
  CONCAT: { min: 2, max: 2, fn: ([a, b], call) => toText(a as Scalar, call) + toText(b as Scalar, call) },
  VALUE: {
    min: 1,
    max: 1,
    fn([value], call) {
      const x = value as Scalar;
      if (typeof x === 'number') return x;
      if (x instanceof Date) return dateToSerial(x, call.timeZone);
      if (x === '') return 0;
      const parsed = typeof x === 'string' ? parseNumberText(x) : undefined;
      if (parsed === undefined) throw new FormulaError('#VALUE!', `VALUE parameter '${toText(x, call)}' cannot be parsed to number.`);
      return parsed;
    },
  },
  TEXT: {
    min: 2,
    max: 2,
    fn([value, format], call) {
      const x = value as Scalar;
      // Text that is not a number passes through unchanged.
      if (typeof x === 'string' && parseNumberText(x) === undefined) return x;
      return formatText(toNumber(x, call, 1), toText(format as Scalar, call));
    },
  },
  SPLIT: {
    min: 2,
    max: 4,
    fn([value, delimiter, byEach, removeEmpty], call) {
      const text = toText(value as Scalar, call);
      const delimiters = toText(delimiter as Scalar, call);
      if (delimiters === '') throw new FormulaError('#VALUE!', 'Function SPLIT parameter 2 value should be non-empty.');
      const eachCharacter = byEach === undefined ? true : toBoolean(byEach as Scalar, call, 3);
      const dropEmpty = removeEmpty === undefined ? true : toBoolean(removeEmpty as Scalar, call, 4);
      const pattern = eachCharacter ? new RegExp(`[${delimiters.replace(/[\\\]^-]/g, '\\$&')}]`) : delimiters;
      const pieces = text.split(pattern).filter((piece) => !dropEmpty || piece !== '');
      return [pieces.length === 0 ? [''] : pieces.map(splitPiece)];
    },
  },
  JOIN: {
    min: 2,
    max: Infinity,
    range: (i) => i > 0,
    fn: ([delimiter, ...values], call) => texts(values, call).join(toText(delimiter as Scalar, call)),
  },
  TEXTJOIN: {
    min: 3,
    max: Infinity,
    range: (i) => i > 1,
    fn([delimiter, ignoreEmpty, ...values], call) {
      const skip = toBoolean(ignoreEmpty as Scalar, call, 2);
      return texts(values, call)
        .filter((text) => !skip || text !== '')
        .join(toText(delimiter as Scalar, call));
    },
  },
  HYPERLINK: {
    min: 1,
    max: 2,
    fn: ([url, label]) => (label === undefined ? (url as Scalar) : (label as Scalar)),
  },
};
