// Display values: a cell's value formatted by its number format, as Sheets shows it.
// Formats follow Sheets' syntax (developers.google.com/sheets/api/guides/formats):
// sections split by `;`, 0 # ? placeholders, `,` grouping, `%`, quoted text,
// `[$€]` currency, and date/time tokens d m y h s AM/PM.

import type { CellValue } from './model';
import { dateToSerial, serialToWallClock, type WallTime } from '../dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The date pattern a locale shows a date in when the format is General. */
export function localeDateFormat(locale: string): string {
  if (locale === 'en_US' || locale === 'en' || locale.startsWith('en_PH')) return 'M/d/yyyy';
  if (/^(de|ru|pl|fi|nb|cs|tr)/.test(locale)) return 'dd.MM.yyyy';
  if (/^(ja|zh|ko|hu|sv|lt)/.test(locale) || locale === 'en_CA' || locale === 'fr_CA') return 'yyyy-MM-dd';
  return 'dd/MM/yyyy';
}

/** Strips quoted text, escapes and [bracketed] parts, leaving the tokens. */
function bareTokens(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(format: string | undefined): boolean {
  if (!format || /^general$/i.test(format.trim()) || format === '@') return false;
  const first = bareTokens(format.split(';')[0] ?? '');
  return /[dmyhs]/i.test(first.replace(/AM\/PM|A\/P/gi, 'h'));
}

export function isPercentFormat(format: string | undefined): boolean {
  return !!format && bareTokens(format.split(';')[0] ?? '').includes('%');
}

/** How Sheets shows a number under General: about ten significant digits. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mantissa, exponent] = n.toExponential(5).split('e');
    const m = String(Number(mantissa));
    const e = Number(exponent);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

export function displayValue(value: CellValue, format: string | undefined, timeZone: string, locale: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const general = !format || /^general$/i.test(format.trim());
  if (typeof value === 'string') return textSection(format, value);
  if (value instanceof Date) {
    const serial = dateToSerial(value, timeZone);
    if (general) return formatDate(serial, Number.isInteger(serial) ? localeDateFormat(locale) : `${localeDateFormat(locale)} H:mm:ss`);
    return formatNumber(serial, format!);
  }
  if (general || format === '@') return formatGeneral(value);
  return formatNumber(value, format!);
}

function textSection(format: string | undefined, text: string): string {
  const sections = splitSections(format ?? '');
  const fourth = sections[3];
  if (fourth === undefined) return text;
  return fourth.replace(/"([^"]*)"|@/g, (_m, quoted: string | undefined) => (quoted !== undefined ? quoted : text));
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[++i] ?? '');
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

export function formatNumber(n: number, format: string): string {
  const sections = splitSections(format);
  let section = sections[0]!;
  let value = n;
  if (sections.length >= 2 && n < 0) {
    section = sections[1]!;
    value = -n;
  } else if (sections.length >= 3 && n === 0) section = sections[2]!;
  if (isDateFormat(section)) return formatDate(n, section);
  return formatNumberSection(value, section);
}

interface Piece {
  literal?: string;
  placeholder?: string;
}

function tokenize(section: string): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      pieces.push({ literal: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      pieces.push({ literal: section[++i] ?? '' });
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      // [$€] or [$€-407] is a currency symbol; [Red] and the like are colours.
      if (inner.startsWith('$')) pieces.push({ literal: inner.slice(1).split('-')[0] ?? '' });
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      pieces.push({ literal: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else pieces.push({ placeholder: ch });
  }
  return pieces;
}

function formatNumberSection(n: number, section: string): string {
  const pieces = tokenize(section);
  const isDigit = (p: Piece) => p.placeholder !== undefined && '0#?'.includes(p.placeholder);
  const first = pieces.findIndex(isDigit);
  if (first < 0) {
    // No digits in the format: only literals (and maybe @).
    return pieces.map((p) => p.literal ?? (p.placeholder === '@' ? formatGeneral(n) : p.placeholder)).join('');
  }
  let last = pieces.length - 1;
  while (last > first && !(isDigit(pieces[last]!) || pieces[last]!.placeholder === '.' || pieces[last]!.placeholder === ',')) last--;
  const core = pieces
    .slice(first, last + 1)
    .map((p) => p.placeholder ?? '')
    .join('');
  const outside = [...pieces.slice(0, first), ...pieces.slice(last + 1)];
  const percent = outside.filter((p) => p.placeholder === '%').length;
  let value = n * Math.pow(100, percent);
  const exp = /[eE][+-]/.exec(core);
  const mantissaFormat = exp ? core.slice(0, exp.index) : core;
  const [intPart = '', decPart = ''] = mantissaFormat.split('.');
  // Trailing commas scale by a thousand each.
  const trailingCommas = /,+$/.exec(intPart)?.[0].length ?? 0;
  value /= Math.pow(1000, trailingCommas);
  const intFormat = intPart.slice(0, intPart.length - trailingCommas);
  const grouping = intFormat.includes(',');
  const minInt = (intFormat.match(/0/g) ?? []).length;
  const minDec = (decPart.match(/0/g) ?? []).length;
  const maxDec = (decPart.match(/[0#?]/g) ?? []).length;
  let exponentText = '';
  if (exp) {
    const e = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
    value /= Math.pow(10, e);
    const digits = core.slice(exp.index + 2).length;
    exponentText = `E${e < 0 ? '-' : exp[0][1] === '+' ? '+' : ''}${String(Math.abs(e)).padStart(digits, '0')}`;
  }
  const negative = value < 0;
  let fixed = Math.abs(value).toFixed(maxDec);
  let [ints = '0', decs = ''] = fixed.split('.');
  while (decs.length > minDec && decs.endsWith('0')) decs = decs.slice(0, -1);
  ints = ints.replace(/^0+/, '');
  if (ints.length < minInt) ints = ints.padStart(minInt, '0');
  if (grouping) ints = ints.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Like Excel, Sheets keeps the point of "#,##0.##" even when no decimals show.
  fixed = (ints || (mantissaFormat.includes('.') ? '' : '0')) + (mantissaFormat.includes('.') ? '.' + decs : '');
  if (fixed === '.') fixed = '0';
  const render = (ps: Piece[]) => ps.map((p) => p.literal ?? p.placeholder ?? '').join('');
  const isZero = !/[1-9]/.test(fixed);
  return `${negative && !isZero ? '-' : ''}${render(pieces.slice(0, first))}${fixed}${exponentText}${render(pieces.slice(last + 1))}`;
}

/** A date/time section; `n` is a serial number. */
export function formatDate(n: number, section: string): string {
  const w: WallTime = serialToWallClock(n);
  const tokens = dateTokens(section);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  return tokens
    .map((t) => {
      const len = t.text.length;
      switch (t.kind) {
        case 'literal':
          return t.text;
        case 'y':
          return len <= 2 ? String(w.year % 100).padStart(2, '0') : String(w.year);
        case 'M':
          if (len === 1) return String(w.month);
          if (len === 2) return String(w.month).padStart(2, '0');
          if (len === 3) return MONTHS[w.month - 1]!.slice(0, 3);
          if (len === 5) return MONTHS[w.month - 1]!.slice(0, 1);
          return MONTHS[w.month - 1]!;
        case 'd':
          if (len === 1) return String(w.day);
          if (len === 2) return String(w.day).padStart(2, '0');
          if (len === 3) return DAYS[w.weekday]!.slice(0, 3);
          return DAYS[w.weekday]!;
        case 'h': {
          const h = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
          return len >= 2 ? String(h).padStart(2, '0') : String(h);
        }
        case 'm':
          return len >= 2 ? String(w.minute).padStart(2, '0') : String(w.minute);
        case 's':
          return len >= 2 ? String(w.second).padStart(2, '0') : String(w.second);
        case 'ampm': {
          const pm = w.hour >= 12;
          if (/^a\/p$/i.test(t.text)) return pm ? 'P' : 'A';
          const text = pm ? 'PM' : 'AM';
          return t.text === t.text.toLowerCase() ? text.toLowerCase() : text;
        }
      }
    })
    .join('');
}

interface DateToken {
  kind: 'literal' | 'y' | 'M' | 'd' | 'h' | 'm' | 's' | 'ampm';
  text: string;
}

function dateTokens(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < section.length;) {
    const rest = section.slice(i);
    const ampm = /^(AM\/PM|am\/pm|A\/P|a\/p)/.exec(rest);
    if (ampm) {
      tokens.push({ kind: 'ampm', text: ampm[0] });
      i += ampm[0].length;
      continue;
    }
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: 'literal', text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (ch === '[') {
      i = section.indexOf(']', i) < 0 ? section.length : section.indexOf(']', i) + 1;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ydhms'.includes(lower)) {
      let j = i;
      while (j < section.length && section[j]!.toLowerCase() === lower) j++;
      tokens.push({ kind: lower as DateToken['kind'], text: section.slice(i, j) });
      i = j;
      continue;
    }
    tokens.push({ kind: 'literal', text: ch });
    i++;
  }
  // `m` is minutes right after an hour or right before seconds, otherwise the month.
  tokens.forEach((t, k) => {
    if (t.kind !== 'm') return;
    const prev = tokens
      .slice(0, k)
      .reverse()
      .find((x) => x.kind !== 'literal');
    const next = tokens.slice(k + 1).find((x) => x.kind !== 'literal');
    if (prev?.kind !== 'h' && next?.kind !== 's') t.kind = 'M';
  });
  return tokens;
}
