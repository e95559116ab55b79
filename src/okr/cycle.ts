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
const CYCLE_NAME = /^(\d{4})(?:-(q[1-4]|h[12]))?$/;
const REVERSED_NAME = /^(q[1-4]|h[12])[\s/-]*(\d{4})$/;

/** The days of a named cycle: `2026-Q4`, `2026-H1` or `2026`. */
export function parseCycleName(value: Cell): CycleRange {
  const name = text(value).trim().toLowerCase();
  const match = CYCLE_NAME.exec(name);
  if (!match) {
    const reversed = REVERSED_NAME.exec(name);
    const hint = reversed ? `write it as ${reversed[2]}-${reversed[1]!.toUpperCase()}` : 'write a cycle as 2026-Q4, 2026-H1 or 2026';
    throw new UserError(`cycle is ${describe(value)}: ${hint}`);
  }
  const year = Number(match[1]);
  const part = match[2];
  if (!part) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  const months = part[0] === 'q' ? 3 : 6;
  const first = (Number(part[1]) - 1) * months;
  return { start: Date.UTC(year, first, 1), end: Date.UTC(year, first + months, 1) };
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
  return CYCLE_NAME.test(text(value).trim().toLowerCase());
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

function localTime(value: Cell, name: string, wallClock: WallClock): number {
  if (isDate(value)) return wallClock(value);
  if (typeof value === 'string') {
    const match = ISO_DAY.exec(value.trim());
    if (match) {
      const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const time = Date.UTC(y, m - 1, d);
      if (new Date(time).getUTCDate() === d) return time;
    }
  }
  throw new UserError(isBlank(value) ? `${name} is blank: it must be a date` : `${name} is ${describe(value)}, not a date`);
}
