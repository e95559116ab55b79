// Sheets' coercions: "" is 0 in arithmetic and "" in text, TRUE is 1, numeric
// text converts, other text is #VALUE!; dates are serial day numbers.
import { dateToSerial, serialOfParts } from '../dates';
import { FormulaError } from './types';
import type { Scalar } from './values';

/** Who is coercing, for Sheets' error wording ("Function MULTIPLY parameter 2 ..."). */
export interface CallSite {
  fn: string;
  timeZone: string;
}

const NUMBER_TEXT = /^([+-]?)\$?((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:e[+-]?\d+)?)(%?)$/i;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A number written as text ("12", "1,000", "50%", "$3", "2026-01-31"), or undefined. */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim();
  const number = NUMBER_TEXT.exec(trimmed);
  if (number && /\d/.test(number[2]!)) {
    const value = Number(number[2]!.replace(/,/g, '')) * (number[1] === '-' ? -1 : 1);
    return number[3] ? value / 100 : value;
  }
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = US_DATE.exec(trimmed);
  if (us) return validDate(Number(us[3]), Number(us[1]), Number(us[2]));
  return undefined;
}

function validDate(year: number, month: number, day: number): number | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? serialOfParts(year, month, day) : undefined;
}

export function toNumber(value: Scalar, site: CallSite, param: number): number {
  if (value instanceof FormulaError) throw value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return dateToSerial(value, site.timeZone);
  if (value === '') return 0;
  const parsed = parseNumberText(value);
  if (parsed === undefined) {
    throw new FormulaError(
      '#VALUE!',
      `Function ${site.fn} parameter ${param} expects number values. But '${value}' is a text and cannot be coerced to a number.`,
    );
  }
  return parsed;
}

/** A number as Sheets writes it in text: at most 15 significant digits. */
export function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const text = String(Number(value.toPrecision(15)));
  return text.replace(/e([+-])(\d)$/, 'E$10$2').replace(/e/, 'E');
}

export function toText(value: Scalar, site: CallSite): string {
  if (value instanceof FormulaError) throw value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatGeneral(dateToSerial(value, site.timeZone));
  return formatGeneral(value);
}

export function toBoolean(value: Scalar, site: CallSite, param: number): boolean {
  if (value instanceof FormulaError) throw value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (value instanceof Date) return true;
  if (value === '') return false;
  const upper = value.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  throw new FormulaError(
    '#VALUE!',
    `Function ${site.fn} parameter ${param} expects boolean values. But '${value}' is a text and cannot be coerced to a boolean.`,
  );
}

/** Sheets' sort order across types: numbers (and dates), then text, then booleans. */
function rank(value: number | string | boolean): number {
  return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
}

function plain(value: Exclude<Scalar, FormulaError>, timeZone: string): number | string | boolean {
  return value instanceof Date ? dateToSerial(value, timeZone) : value;
}

/**
 * Compares as the comparison operators do: a blank takes the other side's
 * zero (0, "", FALSE); text compares case-insensitively; no coercion across types.
 */
export function compareValues(a: Scalar, b: Scalar, timeZone: string): number {
  if (a instanceof FormulaError) throw a;
  if (b instanceof FormulaError) throw b;
  let x = plain(a, timeZone);
  let y = plain(b, timeZone);
  if (x === '' && y !== '') x = zeroOf(y);
  if (y === '' && x !== '') y = zeroOf(x);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') {
    const [lx, ly] = [x.toLowerCase(), y.toLowerCase()];
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  }
  const [nx, ny] = [Number(x), Number(y)];
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

function zeroOf(value: number | string | boolean): number | string | boolean {
  return typeof value === 'number' ? 0 : typeof value === 'boolean' ? false : '';
}

/** Text for a message: 'x' in "Did not find value 'x' in VLOOKUP evaluation." */
export function describe(value: Scalar, timeZone: string): string {
  if (value instanceof FormulaError) return value.code;
  return toText(value, { fn: '', timeZone });
}
