import { Cell, describe, normalise } from './cells';
import { DAY } from './dates';
import { UserError } from './errors';
import { CADENCES, Cadence } from './schema';

// A key result nobody has checked in on for longer than the cadence allows,
// plus one grace day, is stale: its numbers are old news, so a summary never
// calls it on track, whatever its progress says. Due (checkin.ts) is gentler:
// nothing yet in the current period, which a reminder mentions first.

/** One grace day beyond the cadence: a check-in a day late is late, not stale. */
export const GRACE_DAYS = 1;

/** Midnight of a wall-clock time's day. */
function dayOf(time: number): number {
  return time - (((time % DAY) + DAY) % DAY);
}

/** The last day a check-in made on `day` still counts: the cadence's days (a calendar month for monthly) and the grace day later. */
export function freshUntil(day: number, cadence: Cadence): number {
  const from = dayOf(day);
  if (cadence === 'monthly') {
    const d = new Date(from);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    // The same day next month, or that month's last day (31 January → 28 February).
    const lastOfNext = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return Date.UTC(year, month, Math.min(d.getUTCDate(), lastOfNext)) + GRACE_DAYS * DAY;
  }
  const days = cadence === 'every two weeks' ? 14 : 7;
  return from + (days + GRACE_DAYS) * DAY;
}

/**
 * Stale: the last check-in (or the cycle's first day, when there is none)
 * was longer ago than the cadence and the grace day. All times on the wall
 * clock; whole days count, so the hour of a check-in does not matter.
 */
export function isStale(lastCheckin: number | undefined, cycleStart: number | undefined, now: number, cadence: Cadence): boolean {
  const since = lastCheckin ?? cycleStart;
  if (since === undefined) return true;
  return dayOf(now) > freshUntil(since, cadence);
}

/** A cadence as Settings' Check-in cadence spells it (any case); blank is weekly. */
export function parseCadence(value: Cell): Cadence {
  const word = normalise(value);
  if (word === '') return 'weekly';
  if ((CADENCES as readonly string[]).includes(word)) return word as Cadence;
  throw new UserError(`cadence is ${describe(value)}: use ${CADENCES.slice(0, -1).join(', ')} or ${CADENCES[CADENCES.length - 1]}`);
}

/**
 * The share of key results not stale at `now`, counting one never checked in
 * (undefined) as stale; "" when there are none.
 */
export function checkinRate(lastCheckins: readonly (number | undefined)[], now: number, cadence: Cadence): number | '' {
  if (lastCheckins.length === 0) return '';
  let fresh = 0;
  for (const last of lastCheckins) if (last !== undefined && !isStale(last, undefined, now, cadence)) fresh++;
  return fresh / lastCheckins.length;
}
