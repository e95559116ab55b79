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
  // https://support.google.com/docs/answer/3094126 (FIND): case-sensitive, 1-based; not found is #VALUE!.
  FIND: {
    min: 2,
    max: 3,
    fn([search, within, from], call) {
      const [needle, haystack] = [toText(search as Scalar, call), toText(within as Scalar, call)];
      const start = from === undefined ? 1 : Math.trunc(toNumber(from as Scalar, call, 3));
      if (start < 1 || start > haystack.length + 1)
        throw new FormulaError(
          '#VALUE!',
          `Function FIND parameter 3 value is ${start}. Valid values are between 1 and ${haystack.length + 1} inclusive.`,
        );
      const at = haystack.indexOf(needle, start - 1);
      if (at < 0) throw new FormulaError('#VALUE!', `In FIND evaluation, cannot find '${needle}' within '${haystack}'.`);
      return at + 1;
    },
  },
  // https://support.google.com/docs/answer/3094079 (LEFT): the first characters, one by default.
  LEFT: {
    min: 1,
    max: 2,
    fn([value, count], call) {
      const n = count === undefined ? 1 : Math.trunc(toNumber(count as Scalar, call, 2));
      if (n < 0) throw new FormulaError('#VALUE!', `Function LEFT parameter 2 value is ${n}. It should be greater than or equal to 0.`);
      return toText(value as Scalar, call).slice(0, n);
    },
  },
  // https://support.google.com/docs/answer/3094129 (MID): `length` characters from the 1-based `start`.
  MID: {
    min: 3,
    max: 3,
    fn([value, from, length], call) {
      const start = Math.trunc(toNumber(from as Scalar, call, 2));
      const n = Math.trunc(toNumber(length as Scalar, call, 3));
      if (start < 1)
        throw new FormulaError('#VALUE!', `Function MID parameter 2 value is ${start}. It should be greater than or equal to 1.`);
      if (n < 0) throw new FormulaError('#VALUE!', `Function MID parameter 3 value is ${n}. It should be greater than or equal to 0.`);
      return toText(value as Scalar, call).slice(start - 1, start - 1 + n);
    },
  },
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
