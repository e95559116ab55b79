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
 * The check-ins, grouped by normalised key-result id once, so each key result
 * reads its own in one look-up: the row of each check-in, and its wall time
 * (NaN when its time is not a date: its key result is then invalid).
 */
export interface CheckinIndex {
  rows: Map<string, number[]>;
  times: Float64Array;
  values: readonly Cell[];
  /** The first bad time of each id that has one. */
  badTime: Map<string, UserError>;
}

/** Quarter-hours: every time zone's offset changes on one (Lord Howe's half-hour and Chatham's :45 shifts included). */
const QUARTER_HOUR = 15 * 60_000;

/**
 * A check-in time on the wall clock. A Date's offset is that of its
 * quarter-hour, so thousands of check-ins cost one conversion per
 * quarter-hour (in Apps Script each new instant is a Utilities call).
 */
function checkinTime(cell: Cell, name: string, wallClock: WallClock): number {
  if (!isDate(cell)) return wallTime(cell, name, wallClock);
  const time = cell.getTime();
  const quarter = time - (((time % QUARTER_HOUR) + QUARTER_HOUR) % QUARTER_HOUR);
  return wallClock(new Date(quarter)) + (time - quarter);
}

/** Indexes the Check-ins columns; rows whose id is blank are left out. */
export function indexCheckins(ids: readonly Cell[], times: readonly Cell[], values: readonly Cell[], wallClock: WallClock): CheckinIndex {
  const rows = new Map<string, number[]>();
  const wall = new Float64Array(ids.length);
  const badTime = new Map<string, UserError>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (isBlank(id)) continue;
    const key = normalise(id);
    let list = rows.get(key);
    if (list === undefined) rows.set(key, (list = []));
    list.push(i);
    try {
      wall[i] = checkinTime(times.length === 1 ? times[0] : times[i], `row ${i + 1} of checkin_times`, wallClock);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      wall[i] = NaN;
      if (!badTime.has(key)) badTime.set(key, error);
    }
  }
  return { rows, times: wall, values: values.length === 1 ? ids.map(() => values[0]) : values, badTime };
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
  const key = normalise(id);
  const bad = index.badTime.get(key);
  if (bad) throw bad;
  const rows = index.rows.get(key);
  if (rows === undefined) return '';
  const { times, values } = index;
  // In the cycle (from its first midnight to the midnight after its last day) and not after as_of.
  const counts = (row: number) => times[row]! >= cycle.start && times[row]! < cycle.end && times[row]! <= asOf;
  const at = (row: number) => `check-in of ${isoDay(times[row]!)} (row ${row + 1} of checkin_values)`;

  if (kind === 'milestone') {
    let latest = -1;
    for (const row of rows) if (counts(row) && (latest < 0 || times[row]! >= times[latest]!)) latest = row;
    if (latest < 0) return '';
    try {
      return keyResultProgress(start, target, values[latest], metric) === 1 ? 1 : '';
    } catch {
      throw new UserError(`${at(latest)} is ${describe(values[latest])}: a milestone is done or not done (TRUE/FALSE, yes/no, 1/0)`);
    }
  }

  // Sums for the line, its values taken from start so large values lose no digits.
  const s = asNumber(start);
  const base = s ?? 0;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  const add = (x: number, y: number) => {
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  };
  if (s !== undefined) add(0, 0);
  let checkins = 0;
  for (const row of rows) {
    if (!counts(row)) continue;
    const value = asNumber(values[row]);
    if (value === undefined) throw new UserError(`${at(row)} has value ${describe(values[row])}, not a number`);
    checkins++;
    add((times[row]! - cycle.start) / DAY, value - base);
  }
  if (checkins === 0) return '';
  const spread = n * sxx - sx * sx;
  const end = (cycle.end - cycle.start) / DAY;
  // No spread in x (every point on day 0): no slope to read, so the line is flat at the points' mean.
  const slope = Math.abs(spread) <= 1e-12 * Math.max(1, n * sxx) ? 0 : (n * sxy - sx * sy) / spread;
  const value = base + sy / n + slope * (end - sx / n);
  return keyResultProgress(start, target, value, metric);
}
