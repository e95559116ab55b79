// How Sheets reads text typed into a cell (and text written by setValue/setValues,
// which Apps Script parses the same way): formulas, numbers, percentages,
// booleans and dates become typed values; a leading apostrophe or the plain-text
// format "@" keeps the text exactly as typed.

import { dateToSerial, fromWallClock } from '../dates';

export interface ParsedInput {
  /** A literal value (dates as serial numbers, with a date numberFormat). */
  value?: string | number | boolean;
  formula?: string;
  /** The format Sheets applies because of what was typed (e.g. "0%"), when the cell has none. */
  numberFormat?: string;
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export function parseInput(text: string, cellFormat: string | undefined, timeZone: string, locale: string): ParsedInput {
  if (cellFormat === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return parseNumber(trimmed) ?? parseDate(trimmed, timeZone, locale) ?? { value: text };
}

function parseNumber(text: string): ParsedInput | undefined {
  let body = text;
  let percent = false;
  let currency = '';
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  const cur = /^([+-]?)([$€£¥])\s*(.*)$/.exec(body);
  if (cur) {
    currency = cur[2]!;
    body = cur[1]! + cur[3]!;
  }
  const m = NUMBER.exec(body);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return undefined;
  const grouped = m[2]!.includes(',');
  let n = Number((m[1] ?? '') + m[2]!.replace(/,/g, '') + (m[3] !== undefined ? '.' + m[3] : '') + (m[4] !== undefined ? 'e' + m[4] : ''));
  if (!Number.isFinite(n)) return undefined;
  const decimals = m[3]?.length ?? 0;
  const fraction = decimals ? '.' + '0'.repeat(decimals) : '';
  if (percent) {
    n /= 100;
    return { value: n, numberFormat: `0${fraction}%` };
  }
  if (currency) return { value: n, numberFormat: `"${currency}"#,##0.00` };
  if (grouped) return { value: n, numberFormat: `#,##0${fraction}` };
  return { value: n };
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseDate(text: string, timeZone: string, locale: string): ParsedInput | undefined {
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    s = 0;
  let format: string;
  const iso = ISO.exec(text);
  const slashed = iso ? null : SLASHED.exec(text);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) [h, mi, s] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    format = iso[4] !== undefined ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd';
  } else if (slashed) {
    // en_US reads month first; most other locales day first.
    const monthFirst = locale === 'en_US' || locale === 'en';
    y = Number(slashed[3]);
    mo = Number(monthFirst ? slashed[1] : slashed[2]);
    d = Number(monthFirst ? slashed[2] : slashed[1]);
    if (slashed[4] !== undefined) [h, mi, s] = [Number(slashed[4]), Number(slashed[5]), Number(slashed[6] ?? 0)];
    const base = monthFirst ? 'M/d/yyyy' : 'd/M/yyyy';
    format = slashed[4] !== undefined ? `${base} H:mm:ss` : base;
  } else return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const instant = fromWallClock(y, mo, d, h, mi, s, 0, timeZone);
  return { value: dateToSerial(instant, timeZone), numberFormat: format };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
