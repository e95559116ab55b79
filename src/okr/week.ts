import { DAY } from './dates';

/** A week on the wall clock, Monday to Sunday: its ISO name (`2026-W49`) and its Monday at 00:00. */
export interface Week {
  key: string;
  start: number;
}

/** The ISO week holding a wall-clock time: what a week's mail is recorded under, so it goes out once. */
export function weekOf(wallTime: number): Week {
  const day = wallTime - (((wallTime % DAY) + DAY) % DAY);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
  const start = day - weekday * DAY;
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(start + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start };
}

/**
 * The next time after `nowWall` that falls on `weekday` (0 Monday … 6 Sunday)
 * at `hour`:00, on the wall clock: when a weekly summary next goes out.
 */
export function nextWeekly(nowWall: number, weekday: number, hour: number): number {
  const { start } = weekOf(nowWall);
  let at = start + weekday * DAY + hour * 3_600_000;
  while (at <= nowWall) at += 7 * DAY;
  return at;
}

/**
 * The instant whose wall-clock time is `wall`, given the wall clock of a time
 * zone (its offset read at the guess, then at the answer, so a daylight-saving
 * change in between is followed).
 */
export function instantOf(wall: number, wallClock: (instant: Date) => number): Date {
  let instant = wall;
  for (let i = 0; i < 2; i++) instant = wall - (wallClock(new Date(instant)) - instant);
  return new Date(instant);
}
