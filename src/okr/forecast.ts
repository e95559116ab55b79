import { Cell, asNumber, describe, isBlank, isDate, normalise } from './cells';
import { CycleRange } from './cycles';
import { DAY, WallClock, isoDay, wallTime } from './dates';
import { UserError } from './errors';
import { parseMetric } from './metric';
import { keyResultProgress } from './progress';

// Where a key result will be at the end of its cycle if it keeps its pace:
// the least-squares line through (day 0, Start) and (day d, Value) of each of
// its check-ins this cycle, read at the cycle's end, then scored as
// OKR_PROGRESS scores a current value. All times on the spreadsheet's wall clock.

/**
 * The check-ins grouped by normalised key-result id, once for the column:
 * group g's rows are order[first[g]] up to order[first[g + 1]] (typed arrays,
 * not a list an id: 100,000 check-ins make few objects), with each row's wall
 * time (NaN when it is not a date: its key result is then invalid).
 */
export interface CheckinIndex {
  /** An id's group, as normalise matches ids, or undefined when no check-in has that id. */
  groupOf: (id: Cell) => number | undefined;
  first: Int32Array;
  order: Int32Array;
  times: Float64Array;
  values: readonly Cell[];
  /** The first bad time of each group that has one. */
  badTime: Map<number, UserError>;
}

/** Quarter-hours: every time zone's offset changes on one (Lord Howe's half-hour and Chatham's :45 shifts included). */
const QUARTER_HOUR = 15 * 60_000;

const floorTo = (time: number, step: number) => time - (((time % step) + step) % step);

/**
 * The wall clock for many check-ins, converting few instants (in Apps Script
 * each new one is a Utilities call): a time takes the offset of the UTC
 * midnights around it when both have the same (no zone changes its offset
 * and back within a day), else the offset of its quarter-hour.
 */
function checkinClock(wallClock: WallClock): (time: number) => number {
  const offsets = new Map<number, number>();
  const offsetAt = (instant: number) => {
    let offset = offsets.get(instant);
    if (offset === undefined) offsets.set(instant, (offset = wallClock(new Date(instant)) - instant));
    return offset;
  };
  return (time) => {
    const day = floorTo(time, DAY);
    const offset = offsetAt(day);
    return time + (offset === offsetAt(day + DAY) ? offset : offsetAt(floorTo(time, QUARTER_HOUR)));
  };
}

/** Indexes the Check-ins columns (a single value is repeated); rows whose id is blank are left out. */
export function indexCheckins(ids: readonly Cell[], times: readonly Cell[], values: readonly Cell[], wallClock: WallClock): CheckinIndex {
  const groups = new Map<string, number>();
  // Ids as written, each normalised once: a column repeats each id about ten times.
  const written = new Map<Cell, number>();
  const groupOf = (id: Cell) => {
    let group = written.get(id);
    if (group === undefined) {
      group = groups.get(normalise(id));
      if (group !== undefined) written.set(id, group);
    }
    return group;
  };
  const rowGroup = new Int32Array(ids.length).fill(-1);
  const sizes: number[] = [];
  const wall = new Float64Array(ids.length);
  const badTime = new Map<number, UserError>();
  const clock = checkinClock(wallClock);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (isBlank(id)) continue;
    let group = groupOf(id);
    if (group === undefined) {
      group = sizes.length;
      groups.set(normalise(id), group);
      written.set(id, group);
      sizes.push(0);
    }
    rowGroup[i] = group;
    sizes[group]!++;
    const time = times.length === 1 ? times[0] : times[i];
    try {
      wall[i] = isDate(time) ? clock(time.getTime()) : wallTime(time, `row ${i + 1} of checkin_times`, wallClock);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      wall[i] = NaN;
      if (!badTime.has(group)) badTime.set(group, error);
    }
  }
  const first = new Int32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) first[g + 1] = first[g]! + sizes[g]!;
  const next = first.slice(0, sizes.length);
  const order = new Int32Array(first[sizes.length]!);
  for (let i = 0; i < ids.length; i++) if (rowGroup[i]! >= 0) order[next[rowGroup[i]!]!++] = i;
  return { groupOf, first, order, times: wall, values: values.length === 1 ? ids.map(() => values[0]) : values, badTime };
}

/**
 * The progress a key result will have at the end of `cycle` at the pace of
 * its check-ins in the cycle up to `asOf` (a wall time), or "" when it has
 * none yet. Start, target and metric are checked first, with OKR_PROGRESS's
 * messages, so a broken row is invalid even before its first check-in.
 * - A milestone is 1 once its latest check-in reads done, else "".
 * - Start is the line's first point (day 0) whenever it is a number; at
 *   least and at most may leave it blank, and their line is then the
 *   check-ins' alone.
 * - When every point sits on one day (day 0: no spread to give a slope), the
 *   line is flat at their mean.
 * Throws a UserError naming a check-in whose value is not a number (or not
 * done / not done for a milestone): never a line through part of them.
 */
export function forecastProgress(
  id: Cell,
  start: Cell,
  target: Cell,
  metric: Cell,
  cycle: CycleRange,
  asOf: number,
  index: CheckinIndex,
): number | '' {
  const kind = parseMetric(metric);
  keyResultProgress(start, target, kind === 'milestone' ? false : 0, metric);
  if (isBlank(id)) return '';
  const group = index.groupOf(id);
  if (group === undefined) return '';
  const bad = index.badTime.get(group);
  if (bad) throw bad;
  const rows = index.order.subarray(index.first[group]!, index.first[group + 1]!);
  // A check-in counts when in the cycle (its first midnight to the midnight after its last day) and not after as_of.
  const counts = (time: number) => time >= cycle.start && time < cycle.end && time <= asOf;
  if (kind === 'milestone') return milestoneDone(rows, counts, index) ? 1 : '';
  const end = lineAt(
    (cycle.end - cycle.start) / DAY,
    asNumber(start),
    rows,
    (time) => (counts(time) ? (time - cycle.start) / DAY : NaN),
    index,
  );
  return end === undefined ? '' : keyResultProgress(start, target, end, metric);
}

/** A check-in as a message names it: `check-in of 2026-11-09 (row 7 of checkin_values)`. */
function which(row: number, index: CheckinIndex): string {
  return `check-in of ${isoDay(index.times[row]!)} (row ${row + 1} of checkin_values)`;
}

/** Whether the latest of these check-ins that count reads done. */
function milestoneDone(rows: Int32Array, counts: (time: number) => boolean, index: CheckinIndex): boolean {
  const { times, values } = index;
  let latest = -1;
  for (const row of rows) if (counts(times[row]!) && (latest < 0 || times[row]! >= times[latest]!)) latest = row;
  if (latest < 0) return false;
  try {
    return keyResultProgress('', '', values[latest], 'milestone') === 1;
  } catch {
    throw new UserError(
      `${which(latest, index)} is ${describe(values[latest])}: a milestone is done or not done (TRUE/FALSE, yes/no, 1/0)`,
    );
  }
}

/**
 * The least-squares line through (0, start) when start is a number and
 * (day, value) of each check-in whose `day` is a number, read at day `end`;
 * undefined with no such check-in. Values are taken from start, so large
 * ones lose no digits.
 */
function lineAt(
  end: number,
  start: number | undefined,
  rows: Int32Array,
  day: (time: number) => number,
  index: CheckinIndex,
): number | undefined {
  const base = start ?? 0;
  // Start's point, (0, 0) once taken from base, adds nothing to the sums but its count.
  let n = start === undefined ? 0 : 1;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let checkins = 0;
  for (const row of rows) {
    const x = day(index.times[row]!);
    if (Number.isNaN(x)) continue;
    const y = asNumber(index.values[row]);
    if (y === undefined) throw new UserError(`${which(row, index)} has value ${describe(index.values[row])}, not a number`);
    checkins++;
    n++;
    sx += x;
    sy += y - base;
    sxx += x * x;
    sxy += x * (y - base);
  }
  if (checkins === 0) return undefined;
  const spread = n * sxx - sx * sx;
  // No spread in x (every point on day 0): no slope to read, so the line is flat at the points' mean.
  const slope = Math.abs(spread) <= 1e-12 * Math.max(1, n * sxx) ? 0 : (n * sxy - sx * sy) / spread;
  return base + sy / n + slope * (end - sx / n);
}
