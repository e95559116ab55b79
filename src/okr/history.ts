import { Cell, asNumber, isBlank, isDate, normalise, text } from './cells';
import { WallClock } from './dates';
import { HISTORY } from './schema';
import { readLogTable } from './table';

// The History tab: each summary run appends one row per objective and key
// result (Date, ID, Progress, Confidence, Status). "Since the last summary"
// compares with the latest row of each id from before this week, so every
// run of one week (a retry, the rest after a short quota) tells the same story.

/** One id's figures as a summary run recorded them. */
export interface Snapshot {
  progress: number | null;
  confidence: number | null;
  status: string;
}

/** What a run records of one objective or key result. */
export interface SnapshotItem extends Snapshot {
  id: string;
}

/** The rows a run appends, in HISTORY's columns, all with the run's time. */
export function historyRows(time: Date, items: readonly SnapshotItem[]): Cell[][] {
  return items.map((item) => [time, item.id, item.progress ?? '', item.confidence ?? '', item.status]);
}

/** The latest snapshot of each id (normalised) taken before `before` (wall clock); empty when there is none. */
export function snapshotsBefore(values: readonly (readonly Cell[])[], before: number, wallClock: WallClock): Map<string, Snapshot> {
  const latest = new Map<string, { at: number; snapshot: Snapshot }>();
  for (const row of readLogTable(values, HISTORY).rows) {
    const date = row.get('Date');
    if (!isDate(date) || isBlank(row.get('ID'))) continue;
    const at = wallClock(date);
    if (at >= before) continue;
    const key = normalise(row.get('ID'));
    const known = latest.get(key);
    if (known && known.at > at) continue;
    latest.set(key, {
      at,
      snapshot: {
        progress: asNumber(row.get('Progress')) ?? null,
        confidence: asNumber(row.get('Confidence')) ?? null,
        status: text(row.get('Status')),
      },
    });
  }
  return new Map([...latest].map(([key, { snapshot }]) => [key, snapshot]));
}

/** Whether a run already recorded a snapshot at or after `since` (wall clock): one snapshot a week. */
export function hasSnapshotSince(values: readonly (readonly Cell[])[], since: number, wallClock: WallClock): boolean {
  return readLogTable(values, HISTORY).rows.some((row) => {
    const date = row.get('Date');
    return isDate(date) && wallClock(date) >= since;
  });
}
