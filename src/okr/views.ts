import type { CheckinView, KeyResultView } from '../shared/checkin-api';
import { Cell, asNumber, isBlank, isDate, normalise, text } from './cells';
import { isDue } from './checkin';
import { WallClock, expectedProgress, parseCycleName } from './cycle';
import { parseMetric } from './metric';
import { keyResultProgress } from './progress';
import { CHECKINS, KEY_RESULTS, KeyResultColumn, OBJECTIVES, ObjectiveColumn } from './schema';
import { Settings } from './settings';
import { status } from './status';
import { TableRow, readTable } from './table';

/** How many past check-ins a key result shows. */
export const RECENT_CHECKINS = 3;

export interface Tables {
  objectives: Cell[][];
  keyResults: Cell[][];
  checkins: Cell[][];
}

/**
 * The key results as the check-in panel shows them, from the tables as read:
 * progress and status computed by the engine, check-ins grouped by key result.
 */
export function keyResultViews(tables: Tables, settings: Settings, now: Date, wallClock: WallClock): KeyResultView[] {
  const objectives = new Map(readTable(tables.objectives, OBJECTIVES).rows.map((row) => [normalise(row.get('ID')), row]));
  const history = checkinsByKeyResult(tables.checkins);
  const expected = expectedOrUndefined(settings, now, wallClock);
  return readTable(tables.keyResults, KEY_RESULTS)
    .rows.filter((row) => !isBlank(row.get('ID')))
    .map((row) =>
      keyResultView(
        row,
        objectives.get(normalise(row.get('Objective ID'))),
        history.get(normalise(row.get('ID'))) ?? [],
        settings,
        expected,
        now,
        wallClock,
      ),
    );
}

export function keyResultView(
  row: TableRow<KeyResultColumn>,
  objective: TableRow<ObjectiveColumn> | undefined,
  checkins: CheckinView[],
  settings: Settings,
  expected: number | undefined,
  now: Date,
  wallClock: WallClock,
): KeyResultView {
  const metric = safe(() => parseMetric(row.get('Metric'))) ?? 'auto';
  const progress = safe(() => keyResultProgress(row.get('Start'), row.get('Target'), row.get('Current'), row.get('Metric')));
  const last = latest(row.get('Last check-in'), checkins[0]?.timestamp);
  const numeric = typeof progress === 'number' ? progress : null;
  return {
    id: text(row.get('ID')).trim(),
    objectiveId: text(row.get('Objective ID')).trim(),
    objective: objective ? text(objective.get('Objective')) : '',
    title: text(row.get('Key result')),
    owner: text(row.get('Owner')).trim(),
    team: objective ? text(objective.get('Team')).trim() : '',
    metric,
    unit: text(row.get('Unit')),
    start: asNumber(row.get('Start')) ?? null,
    target: asNumber(row.get('Target')) ?? null,
    current: currentValue(row.get('Current')),
    progress: numeric,
    status:
      numeric === null
        ? isBlank(row.get('Current'))
          ? 'no data'
          : ''
        : expected === undefined
          ? ''
          : (safe(() => status(numeric, expected, settings.atRiskGap, settings.offTrackGap)) ?? ''),
    confidence: asNumber(row.get('Confidence')) ?? null,
    lastCheckin: last,
    due: isDue(last === null ? undefined : wallClock(new Date(last)), wallClock(now), settings.cadence),
    recent: checkins.slice(0, RECENT_CHECKINS),
  };
}

/** Check-ins by key result id, newest first. */
export function checkinsByKeyResult(values: Cell[][]): Map<string, CheckinView[]> {
  const byId = new Map<string, CheckinView[]>();
  for (const row of readTable(values, CHECKINS).rows) {
    const timestamp = row.get('Timestamp');
    if (!isDate(timestamp)) continue;
    const key = normalise(row.get('Key result ID'));
    const value = row.get('Value');
    byId.set(key, [
      ...(byId.get(key) ?? []),
      {
        timestamp: timestamp.toISOString(),
        value: typeof value === 'number' ? value : text(value),
        confidence: asNumber(row.get('Confidence')) ?? null,
        note: text(row.get('Note')),
        by: text(row.get('By')),
      },
    ]);
  }
  for (const list of byId.values()) list.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
  return byId;
}

export function expectedOrUndefined(settings: Settings, now: Date, wallClock: WallClock): number | undefined {
  return safe(() => expectedProgress(parseCycleName(settings.cycle), now, wallClock));
}

function currentValue(value: Cell): number | string | null {
  if (isBlank(value)) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'done' : 'not done';
  return text(value);
}

function latest(cell: Cell, fromCheckins: string | undefined): string | null {
  const inSheet = isDate(cell) ? cell.toISOString() : undefined;
  const newest = [inSheet, fromCheckins]
    .filter((t): t is string => t !== undefined)
    .sort()
    .pop();
  return newest ?? null;
}

function safe<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}
