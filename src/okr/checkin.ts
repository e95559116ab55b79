import { Metric } from './metric';
import { Cadence } from './schema';

/** A note longer than this is refused: a check-in note is a line, not a report. */
export const NOTE_MAX = 500;

export type CheckinField = 'value' | 'confidence' | 'note';

export interface FieldError {
  field: CheckinField;
  message: string;
}

/**
 * What is wrong with a check-in, field by field, in a person's words. The
 * panel shows these beside the fields before sending; the server checks again.
 */
export function checkCheckin(
  input: { value: unknown; confidence: unknown; note: unknown },
  metric: Metric,
  options: { valueFromFormula?: boolean } = {},
): FieldError[] {
  const errors: FieldError[] = [];
  if (options.valueFromFormula) {
    // Current is a formula of the person's own: its value is recorded, nothing typed.
  } else if (metric === 'milestone') {
    if (typeof input.value !== 'boolean') errors.push({ field: 'value', message: 'Choose done or not done.' });
  } else if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
    errors.push({ field: 'value', message: 'The new value must be a number, such as 42 or 0.5.' });
  }
  const confidence = input.confidence;
  if (typeof confidence !== 'number' || !Number.isInteger(confidence) || confidence < 0 || confidence > 10) {
    errors.push({ field: 'confidence', message: 'Confidence must be a whole number from 0 (no chance) to 10 (certain).' });
  }
  if (typeof input.note !== 'string') {
    errors.push({ field: 'note', message: 'The note must be text.' });
  } else if (input.note.length > NOTE_MAX) {
    errors.push({ field: 'note', message: `The note is ${input.note.length} characters long: keep it to ${NOTE_MAX}.` });
  }
  return errors;
}

/** How a locale writes numbers: its decimal mark and its thousands separator. */
export interface Notation {
  /** The BCP 47 tag for Intl: `de-DE` for Sheets' `de_DE`. */
  tag: string;
  decimal: string;
  group: string;
}

/** The notation of a spreadsheet locale (`en_US`, `de_DE`, `fr_FR`...), from Intl; en-US when the locale is unknown. */
export function notationOf(locale: string): Notation {
  const tag = locale.replace(/_/g, '-');
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(tag).formatToParts(12345.6);
  } catch {
    return notationOf('en_US');
  }
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  return { tag, decimal: part('decimal', '.'), group: part('group', ',') };
}

const SPACES = ' \u00A0\u202F';
const escape = (chars: string) => chars.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');

/**
 * A number as a person types it in the sheet's notation: `1,234.5` in en_US,
 * `1.234,5` in de_DE, `1 234,5` in fr_FR; a trailing `%` divides by 100.
 * Undefined for anything that cannot be read one way only in that notation
 * (`1,5` in en_US, `1.5` in de_DE): refused, never guessed.
 */
export function parseTypedNumber(typed: string, notation: Notation): number | undefined {
  let body = typed.trim();
  const percent = body.endsWith('%');
  if (percent) body = body.slice(0, -1).trim();
  // A space-like thousands separator may be typed as any space; Swiss ’ also as '.
  const groups = SPACES.includes(notation.group) ? SPACES : "'\u2019".includes(notation.group) ? "'\u2019" : notation.group;
  const g = `[${escape(groups)}]`;
  const d = escape(notation.decimal);
  const shape = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d*)(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?$`);
  const match = shape.exec(body);
  if (!match || (match[2] === '' && match[3] === undefined)) return undefined;
  const digits = match[2]!.replace(new RegExp(g, 'g'), '');
  const n = Number(
    `${match[1]}${digits || '0'}${match[3] !== undefined ? `.${match[3]}` : ''}${match[4] !== undefined ? `e${match[4]}` : ''}`,
  );
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

/** A number as the sheet's notation writes it: 1234.5 is `1,234.5` in en_US, `1.234,5` in de_DE. */
export function formatNumber(n: number, notation: Notation, maxDigits = 2): string {
  return n.toLocaleString(notation.tag, { maximumFractionDigits: maxDigits });
}

const DAY = 86_400_000;

/**
 * The first day of the current check-in period, on the wall clock (UTC
 * milliseconds that read like local time): this week's Monday for weekly,
 * last week's Monday for every two weeks, the 1st for monthly.
 */
export function periodStart(today: number, cadence: Cadence): number {
  const midnight = today - (((today % DAY) + DAY) % DAY);
  if (cadence === 'monthly') {
    const d = new Date(midnight);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  const monday = midnight - sinceMonday * DAY;
  return cadence === 'every two weeks' ? monday - 7 * DAY : monday;
}

/** Due: no check-in yet, or none since the current period began. Both times on the wall clock. */
export function isDue(lastCheckin: number | undefined, now: number, cadence: Cadence): boolean {
  return lastCheckin === undefined || lastCheckin < periodStart(now, cadence);
}
