// TEXT(value, format) for the common patterns: numbers ("0", "0.00", "#,##0",
// "0%", "$#,##0.00", sections "pos;neg;zero") and dates ("yyyy-mm-dd",
// "dd/mm/yyyy", "mmm d, yyyy", "dddd", "hh:mm:ss", "h:mm AM/PM").
import { serialToWallClock, type WallTime } from '../../dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Splits a format into literal text and pattern characters; quoted text and \x are literal. */
function pieces(format: string): { text: string; literal: boolean }[] {
  const out: { text: string; literal: boolean }[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      out.push({ text: format.slice(i + 1, stop), literal: true });
      i = stop;
    } else if (ch === '\\' && i + 1 < format.length) {
      out.push({ text: format[++i]!, literal: true });
    } else {
      out.push({ text: ch, literal: false });
    }
  }
  return out;
}

function isDateFormat(format: string): boolean {
  const pattern = pieces(format)
    .filter((p) => !p.literal)
    .map((p) => p.text)
    .join('');
  return /[ydhs]|am\/pm|mmm/i.test(pattern) || (/m/i.test(pattern) && !/[0#?]/.test(pattern));
}

export function formatText(value: number, format: string): string {
  if (isDateFormat(format)) return formatDate(value, format);
  const sections = splitSections(format);
  if (value < 0 && sections.length > 1) return formatNumber(-value, sections[1]!);
  if (value === 0 && sections.length > 2) return formatNumber(0, sections[2]!);
  const text = formatNumber(Math.abs(value), sections[0]!);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

function splitSections(format: string): string[] {
  const sections: string[] = [''];
  for (const piece of pieces(format)) {
    if (!piece.literal && piece.text === ';') sections.push('');
    else sections[sections.length - 1] += piece.literal ? `"${piece.text}"` : piece.text;
  }
  return sections;
}

function formatNumber(value: number, format: string): string {
  const parts = pieces(format);
  const isDigit = (p: { text: string; literal: boolean }) => !p.literal && /[0#?.,]/.test(p.text);
  const first = parts.findIndex(isDigit);
  if (first < 0) return parts.map((p) => (p.literal || p.text !== '%' ? p.text : '')).join('');
  let last = parts.length - 1;
  while (!isDigit(parts[last]!)) last--;
  const core = parts
    .slice(first, last + 1)
    .map((p) => p.text)
    .join('');
  const percent = parts.some((p) => !p.literal && p.text === '%');
  const [integerPattern = '', fractionPattern = ''] = core.split('.');
  const minInteger = (integerPattern.match(/0/g) ?? []).length;
  const grouping = integerPattern.includes(',');
  const minFraction = (fractionPattern.match(/0/g) ?? []).length;
  const maxFraction = (fractionPattern.match(/[0#?]/g) ?? []).length;
  const scaled = Number((percent ? value * 100 : value).toPrecision(15));
  const rounded = Math.round(Number(`${scaled}e${maxFraction}`));
  let [integer = '0', fraction = ''] = (rounded / 10 ** maxFraction).toFixed(maxFraction).split('.');
  while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  if (integer === '0' && minInteger === 0) integer = '';
  integer = integer.padStart(minInteger, '0');
  if (grouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = integer + (fraction || (core.includes('.') && maxFraction === 0) ? `.${fraction}` : '');
  const literal = (slice: typeof parts) => slice.map((p) => p.text).join('');
  return literal(parts.slice(0, first)) + number + literal(parts.slice(last + 1));
}

function formatDate(serial: number, format: string): string {
  const d = serialToWallClock(serial);
  const parts = pieces(format);
  const hasAmPm = /am\/pm/i.test(
    parts
      .filter((p) => !p.literal)
      .map((p) => p.text)
      .join(''),
  );
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < parts.length;) {
    const piece = parts[i]!;
    if (piece.literal) {
      out += piece.text;
      i++;
      continue;
    }
    // A literal piece reads as a quote, which no other piece holds, so a run of letters stops there.
    const rest = parts
      .slice(i)
      .map((p) => (p.literal ? '"' : p.text))
      .join('');
    if (/^am\/pm/i.test(rest)) {
      out += d.hour < 12 ? 'AM' : 'PM';
      i += 5;
      continue;
    }
    const run = /^([ymdhs])\1*/i.exec(rest);
    if (!run) {
      out += piece.text;
      i++;
      continue;
    }
    const token = run[0].toLowerCase();
    const letter = token[0]!;
    // "m" after an hour or before seconds is minutes; otherwise it is the month.
    const minutes: boolean = letter === 'm' && token.length <= 2 && (lastWasHour || /^m{1,2}[^a-z"]*s/i.test(rest));
    out += dateToken(letter, token.length, d, minutes, hasAmPm);
    lastWasHour = letter === 'h' || (lastWasHour && letter !== 's' && !minutes);
    i += token.length;
  }
  return out;
}

function dateToken(letter: string, length: number, d: WallTime, minutes: boolean, twelveHour: boolean): string {
  const two = (n: number) => String(n).padStart(2, '0');
  switch (letter) {
    case 'y':
      return length <= 2 ? two(d.year % 100) : String(d.year);
    case 'm':
      if (minutes) return length === 2 ? two(d.minute) : String(d.minute);
      return length >= 4
        ? MONTHS[d.month - 1]!
        : length === 3
          ? MONTHS[d.month - 1]!.slice(0, 3)
          : length === 2
            ? two(d.month)
            : String(d.month);
    case 'd':
      return length >= 4
        ? WEEKDAYS[d.weekday]!
        : length === 3
          ? WEEKDAYS[d.weekday]!.slice(0, 3)
          : length === 2
            ? two(d.day)
            : String(d.day);
    case 'h': {
      const hour = twelveHour ? ((d.hour + 11) % 12) + 1 : d.hour;
      return length >= 2 ? two(hour) : String(hour);
    }
    default:
      return length >= 2 ? two(d.second) : String(d.second);
  }
}
