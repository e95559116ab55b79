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
export function checkCheckin(input: { value: unknown; confidence: unknown; note: unknown }, metric: Metric): FieldError[] {
  const errors: FieldError[] = [];
  if (metric === 'milestone') {
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

/**
 * A number as a person types it: `1,234.5`, ` 42 `, `-3`, `48%` (0.48).
 * Undefined when the text is not a number.
 */
export function parseTypedNumber(typed: string): number | undefined {
  const text = typed.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1).trim() : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return undefined;
  const n = Number(body);
  return percent ? n / 100 : n;
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
