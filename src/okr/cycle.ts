import { Cell, describe, isBlank, isDate, text } from './cells';
import { UserError } from './errors';

/**
 * A cycle as days on the wall calendar of the spreadsheet's time zone:
 * `start` is the first day at 00:00, `end` the day after the last day at 00:00,
 * both as milliseconds of a UTC clock that reads like the local wall clock.
 */
export interface CycleRange {
  start: number;
  end: number;
}

/**
 * Turns an instant into the wall-clock time of the spreadsheet's time zone,
 * written as UTC milliseconds (so 2026-11-15 00:00 local is Date.UTC(2026, 10, 15)).
 * Working on the wall clock keeps every day the same length, so a daylight-saving
 * change does not shift a cycle's share by an hour.
 */
export type WallClock = (instant: Date) => number;

const DAY = 86_400_000;
/** Day 0 of Sheets' date serial numbers (what DATEVALUE returns): 1899-12-30. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const CYCLE_NAME = /^(\d{4})(?:-(q[1-4]|h[12]))?$/;
const REVERSED_NAME = /^(q[1-4]|h[12])[\s/-]*(\d{4})$/;

/**
 * Midnight of a calendar day as UTC milliseconds, for any year: Date.UTC reads
 * the years 0 to 99 as 1900 to 1999.
 */
function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/**
 * What is wrong with a cycle name, in a person's words with the corrected
 * name where one can be guessed (`Q2 2027` → `2027-Q2`); undefined for a good name.
 */
export function cycleNameProblem(value: Cell): string | undefined {
  const name = text(value).trim().toLowerCase();
  const match = CYCLE_NAME.exec(name);
  if (match && Number(match[1]) >= 1000) return undefined;
  if (match) return `write the year in full, such as ${2000 + (Number(match[1]) % 100)}${match[2] ? `-${match[2].toUpperCase()}` : ''}`;
  const reversed = REVERSED_NAME.exec(name);
  if (reversed && Number(reversed[2]) >= 1000) return `write it as ${reversed[2]}-${reversed[1]!.toUpperCase()}`;
  return 'write a cycle as 2026-Q4, 2026-H1 or 2026';
}

/** The days of a named cycle: `2026-Q4`, `2026-H1` or `2026`. */
export function parseCycleName(value: Cell): CycleRange {
  const problem = cycleNameProblem(value);
  if (problem) throw new UserError(`cycle is ${describe(value)}: ${problem}`);
  const match = CYCLE_NAME.exec(text(value).trim().toLowerCase())!;
  const year = Number(match[1]);
  const part = match[2];
  if (!part) return { start: utcDay(year, 0, 1), end: utcDay(year + 1, 0, 1) };
  const months = part[0] === 'q' ? 3 : 6;
  const first = (Number(part[1]) - 1) * months;
  return { start: utcDay(year, first, 1), end: utcDay(year, first + months, 1) };
}

/** The calendar quarter a month falls in, as a cycle name: 2026-Q4. */
export function cycleOf(year: number, month: number): string {
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Cycle names a dropdown offers: last year, this year and next, quarters, halves and years. */
export function cycleChoices(year: number): string[] {
  const names: string[] = [];
  for (const y of [year - 1, year, year + 1]) names.push(`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`, `${y}-H1`, `${y}-H2`, `${y}`);
  return names;
}

export function isCycleName(value: Cell): boolean {
  return cycleNameProblem(value) === undefined;
}

/** A cycle given as its first and last day (dates, or `yyyy-mm-dd` text). */
export function cycleFromDays(first: Cell, last: Cell, wallClock: WallClock): CycleRange {
  const start = localDay(first, 'first day of the cycle', wallClock);
  const end = localDay(last, 'last day of the cycle', wallClock) + DAY;
  if (end <= start) throw new UserError('the cycle ends before it starts: give the first day, then the last day');
  return { start, end };
}

/** The share of the cycle elapsed at `asOf`, clamped to [0, 1]. */
export function expectedProgress(cycle: CycleRange, asOf: Cell, wallClock: WallClock): number {
  const now = localTime(asOf, 'as_of', wallClock);
  const share = (now - cycle.start) / (cycle.end - cycle.start);
  return Math.min(1, Math.max(0, share));
}

/** Midnight of the day a cell names, on the wall clock. */
function localDay(value: Cell, name: string, wallClock: WallClock): number {
  const time = localTime(value, name, wallClock);
  return time - (((time % DAY) + DAY) % DAY);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date cell on the wall clock: a Date, a date serial number (days since
 * 1899-12-30, what DATEVALUE gives, already on the sheet's wall clock), or
 * `yyyy-mm-dd` text.
 */
function localTime(value: Cell, name: string, wallClock: WallClock): number {
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
