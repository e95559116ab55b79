import { Cell, describe, isBlank, isDate } from './cells';
import { UserError } from './errors';

// Dates on the wall clock of the spreadsheet's time zone, as UTC milliseconds
// that read like local time (2026-11-15 00:00 local is Date.UTC(2026, 10, 15)).
// Working on the wall clock keeps every day the same length, so a
// daylight-saving change does not shift a cycle's share by an hour.

/** Turns an instant into the wall-clock time of the spreadsheet's time zone. */
export type WallClock = (instant: Date) => number;

export const DAY = 86_400_000;

/** Day 0 of Sheets' date serial numbers (what DATEVALUE returns): 1899-12-30. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Midnight of a calendar day as UTC milliseconds, for any year (Date.UTC reads
 * the years 0 to 99 as 1900 to 1999); months past 11 roll into the next year.
 */
export function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/**
 * A date cell on the wall clock: a Date, a date serial number (days since
 * 1899-12-30, what DATEVALUE gives, already on the sheet's wall clock), or
 * `yyyy-mm-dd` text. `name` is how a message calls the argument.
 */
export function wallTime(value: Cell, name: string, wallClock: WallClock): number {
  if (isDate(value)) return wallClock(value);
  if (typeof value === 'number' && Number.isFinite(value)) return SERIAL_EPOCH + value * DAY;
  if (typeof value === 'string') {
    const match = ISO_DAY.exec(value.trim());
    if (match) {
      const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const time = utcDay(y, m - 1, d);
      if (new Date(time).getUTCDate() === d) return time;
    }
  }
  throw new UserError(isBlank(value) ? `${name} is blank: it must be a date` : `${name} is ${describe(value)}, not a date`);
}

/** Midnight of the day a date cell names, on the wall clock. */
export function wallDay(value: Cell, name: string, wallClock: WallClock): number {
  const time = wallTime(value, name, wallClock);
  return time - (((time % DAY) + DAY) % DAY);
}

/** `2026-02-01` for a wall-clock day. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
