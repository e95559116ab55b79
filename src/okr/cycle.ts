import { Cell } from './cells';
import { CycleRange } from './cycles';
import { DAY, WallClock, wallDay, wallTime } from './dates';
import { UserError } from './errors';

/** A cycle given as its first and last day (dates, serial numbers or `yyyy-mm-dd` text). */
export function cycleFromDays(first: Cell, last: Cell, wallClock: WallClock): CycleRange {
  const start = wallDay(first, 'first day of the cycle', wallClock);
  const end = wallDay(last, 'last day of the cycle', wallClock) + DAY;
  if (end <= start) throw new UserError('the cycle ends before it starts: give the first day, then the last day');
  return { start, end };
}

/** The share of the cycle elapsed at `asOf`, clamped to [0, 1]. */
export function expectedProgress(cycle: CycleRange, asOf: Cell, wallClock: WallClock): number {
  const now = wallTime(asOf, 'as_of', wallClock);
  const share = (now - cycle.start) / (cycle.end - cycle.start);
  return Math.min(1, Math.max(0, share));
}
