import type { CheckinView, KeyResultView } from '../shared/checkin-api';
import { Cell, EPSILON, asNumber, isBlank, isDate, normalise, showId, text } from './cells';
import { isDue } from './checkin';
import { builtInName } from './cycle-names';
import { expectedProgress } from './cycle';
import { CycleCalendar, resolveCycle } from './cycles';
import { WallClock } from './dates';
import { parseMetric } from './metric';
import { People } from './people';
import { keyResultProgress } from './progress';
import { CHECKINS, KEY_RESULTS, KeyResultColumn, OBJECTIVES, ObjectiveColumn } from './schema';
import { Settings } from './settings';
import { Status, status } from './status';
import { Table, TableRow, readTable } from './table';

/** How many past check-ins a key result shows. */
export const RECENT_CHECKINS = 3;

export interface Tables {
  objectives: Cell[][];
  keyResults: Cell[][];
  /** The number formats and formulas of the Key Results range read, cell for cell ([] when not read). */
  keyResultFormats: string[][];
  keyResultFormulas: string[][];
  checkins: Cell[][];
  /** The People tab as read ([] when there is none): who owners written by name are. */
  people: Cell[][];
}

/** How a key result's cells are kept: what the panel needs beyond their values. */
export interface CellLook {
  /** Start, Target or Current is formatted as a percentage: the values are fractions (0.46 is 46 %). */
  percent: boolean;
  /** Current holds a formula of the person's own (fed from another tab): the panel shows it, a check-in leaves it. */
  currentFromFormula: boolean;
}

/** The number format of a key-result row's cells, and whether each holds a formula, by 0-based column. */
export interface CellReader {
  format(column: number): string;
  hasFormula(column: number): boolean;
}

/** The look of one key-result row, from its cells as read with its values (or by the check-in's row read). */
export function cellLook(table: Table<KeyResultColumn>, cells: CellReader): CellLook {
  const column = (header: KeyResultColumn) => table.columns.get(header);
  const format = (header: KeyResultColumn) => (column(header) === undefined ? '' : cells.format(column(header)!));
  return {
    percent: (['Start', 'Target', 'Current'] as const).some((header) => format(header).includes('%')),
    currentFromFormula: column('Current') !== undefined && cells.hasFormula(column('Current')!),
  };
}

/** A CellReader over one row of grids read with getNumberFormats and getFormulas (1-based row). */
function gridRow(formats: string[][], formulas: string[][], row: number): CellReader {
  return {
    format: (c) => formats[row - 1]?.[c] ?? '',
    hasFormula: (c) => (formulas[row - 1]?.[c] ?? '') !== '',
  };
}

/** What a key result's view is made from, besides its row. */
export interface ViewInputs {
  objective: TableRow<ObjectiveColumn> | undefined;
  people: People;
  /** Its check-ins, newest first. */
  checkins: CheckinView[];
  look: CellLook;
  settings: Settings;
  /** Where its cycle (its objective's, else the current one) stands, or undefined when the cycle cannot be read. */
  timing: CycleTiming | undefined;
  now: Date;
  wallClock: WallClock;
}

/**
 * The key results as the check-in panel shows them, from the tables as read:
 * progress and status computed by the engine, check-ins grouped by key result.
 */
export function keyResultViews(
  tables: Tables,
  settings: Settings,
  calendar: CycleCalendar,
  now: Date,
  wallClock: WallClock,
): KeyResultView[] {
  const objectives = new Map(readTable(tables.objectives, OBJECTIVES).rows.map((row) => [normalise(row.get('ID')), row]));
  const history = checkinsByKeyResult(tables.checkins);
  const people = new People(tables.people);
  // Status by each key result's own cycle, its objective's (blank: the current one), as the sheet's Status column judges it.
  const timingIn = new Map<string, CycleTiming | undefined>();
  const timingFor = (objective: TableRow<ObjectiveColumn> | undefined): CycleTiming | undefined => {
    const cycle = cycleOf(objective, settings);
    if (!timingIn.has(cycle)) timingIn.set(cycle, cycleTiming(cycle, calendar, now, wallClock));
    return timingIn.get(cycle);
  };
  const table = readTable(tables.keyResults, KEY_RESULTS);
  return table.rows
    .filter((row) => !isBlank(row.get('ID')))
    .map((row) => {
      const objective = objectives.get(normalise(row.get('Objective ID')));
      return keyResultView(row, {
        objective,
        people,
        checkins: history.get(normalise(row.get('ID'))) ?? [],
        look: cellLook(table, gridRow(tables.keyResultFormats, tables.keyResultFormulas, row.row)),
        settings,
        timing: timingFor(objective),
        now,
        wallClock,
      });
    });
}

export function keyResultView(row: TableRow<KeyResultColumn>, inputs: ViewInputs): KeyResultView {
  const { objective, people, checkins, look, settings, timing, now, wallClock } = inputs;
  const metric = safe(() => parseMetric(row.get('Metric'))) ?? 'auto';
  const progress = safe(() => keyResultProgress(row.get('Start'), row.get('Target'), row.get('Current'), row.get('Metric')));
  const last = latest(row.get('Last check-in'), checkins[0]?.timestamp);
  const numeric = typeof progress === 'number' ? progress : null;
  const confidence = asNumber(row.get('Confidence')) ?? null;
  // By OKR_STATUS's rule, as the sheet's Status column judges the row (a milestone by its confidence); blank when its
  // values cannot be read (the sheet says why) or its cycle cannot be.
  const unreadable = numeric === null && !isBlank(row.get('Current'));
  const judged: Status | '' =
    timing === undefined
      ? numeric === null && !unreadable
        ? 'no data'
        : ''
      : unreadable
        ? ''
        : (safe(() =>
            status(numeric ?? '', timing.expected, settings.atRiskGap, settings.offTrackGap, row.get('Metric'), row.get('Confidence')),
          ) ?? '');
  return {
    id: text(row.get('ID')).trim(),
    objectiveId: text(row.get('Objective ID')).trim(),
    objective: objective ? text(objective.get('Objective')) : '',
    title: text(row.get('Key result')),
    owner: text(row.get('Owner')).trim(),
    ownerEmail: people.resolve(row.get('Owner')).email ?? '',
    team: objective ? people.teamOf(objective.get('Team'), objective.get('Owner')) : '',
    metric,
    unit: text(row.get('Unit')),
    percent: look.percent,
    start: asNumber(row.get('Start')) ?? null,
    target: asNumber(row.get('Target')) ?? null,
    current: currentValue(row.get('Current')),
    currentFromFormula: look.currentFromFormula,
    progress: numeric,
    expected: timing?.expected ?? null,
    status: judged,
    reason: unreadableCycle(objective, timing) ?? statusReason({ status: judged, metric, progress: numeric, confidence, timing }),
    confidence,
    lastCheckin: last,
    due: isDue(last === null ? undefined : wallClock(new Date(last)), wallClock(now), settings.cadence),
    recent: checkins.slice(0, RECENT_CHECKINS),
  };
}

/** Where a key result's cycle stands today: the share of it elapsed, and what a person calls it. */
export interface CycleTiming {
  expected: number;
  /** "quarter", "half year", "year", or "cycle" for one of the Cycles tab. */
  kind: string;
}

/** The cycle a key result is judged by: its objective's, else the current one in Settings. */
export function cycleOf(objective: TableRow<ObjectiveColumn> | undefined, settings: Settings): string {
  return objective && !isBlank(objective.get('Cycle')) ? text(objective.get('Cycle')) : settings.cycle;
}

/** An objective of `cycle`, the current one: its Cycle names it, or is blank (which means the current one). */
export function inCurrentCycle(objective: TableRow<ObjectiveColumn>, cycle: Cell): boolean {
  return isBlank(objective.get('Cycle')) || normalise(objective.get('Cycle')) === normalise(cycle);
}

/**
 * What the check-in panel shows with the current cycle: its objectives, and
 * those whose Cycle names no cycle the workbook knows ("Q4 2026"), so their
 * owners still check in and read why there is no status, rather than their key
 * results silently missing. Each distinct Cycle is resolved once.
 */
export function shownWithCycle(cycle: Cell, calendar: CycleCalendar): (objective: TableRow<ObjectiveColumn>) => boolean {
  const unknown = new Map<string, boolean>();
  return (objective) => {
    if (inCurrentCycle(objective, cycle)) return true;
    const key = normalise(objective.get('Cycle'));
    if (!unknown.has(key)) unknown.set(key, safe(() => resolveCycle(objective.get('Cycle'), calendar)) === undefined);
    return unknown.get(key)!;
  };
}

/**
 * The objectives whose Cycle names no cycle the workbook knows, each as
 * `Q3 ("Q4 2026")`: the panel shows them with the current cycle, but the
 * weekly summary and Close the cycle cannot count them in it, and say so.
 */
export function unplacedObjectives(objectives: readonly TableRow<ObjectiveColumn>[], cycle: Cell, calendar: CycleCalendar): string[] {
  const shown = shownWithCycle(cycle, calendar);
  return objectives
    .filter((row) => !isBlank(row.get('ID')) && !inCurrentCycle(row, cycle) && shown(row))
    .map((row) => `${showId(row.get('ID'))} ("${text(row.get('Cycle')).trim()}")`);
}

/** How far a cycle has gone at `now`, undefined when the workbook cannot read its name (Validate says why). */
export function cycleTiming(cycle: Cell, calendar: CycleCalendar, now: Date, wallClock: WallClock): CycleTiming | undefined {
  return safe(() => {
    const resolved = resolveCycle(cycle, calendar);
    const part = resolved.custom ? undefined : builtInName(resolved.name);
    const kind = !part ? 'cycle' : part.part?.kind === 'q' ? 'quarter' : part.part?.kind === 'h' ? 'half year' : 'year';
    return { expected: expectedProgress(resolved, now, wallClock), kind };
  });
}

/** What a status is judged from, for the line that says why. */
export interface StatusFacts {
  status: Status | '';
  metric: string;
  progress: number | null;
  confidence: number | null;
  timing: CycleTiming | undefined;
}

/**
 * One line that says why a key result has its status, in the status's own
 * words: "33% done with 67% of the quarter gone: off track", "A milestone, not
 * done yet: confidence 8 of 10: on track". "" when there is no status.
 */
export function statusReason({ status, metric, progress, confidence, timing }: StatusFacts): string {
  if (status === '') return '';
  if (progress === null) return 'No value checked in yet: no data';
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  if (metric === 'milestone') {
    if (status === 'done') return 'A milestone, done: done';
    if (timing && timing.expected >= 1 - EPSILON) return `A milestone, not done when the ${timing.kind} ended: off track`;
    return `A milestone, not done yet: ${confidence === null ? 'no confidence given' : `confidence ${confidence} of 10`}: ${status}`;
  }
  if (status === 'done') return 'Target reached: done';
  return `${percent(progress)} done with ${percent(timing!.expected)} of the ${timing!.kind} gone: ${status}`;
}

/** Why there is no status when the key result's objective names a cycle that cannot be read ("Q4 2026"), as its Status says. */
function unreadableCycle(objective: TableRow<ObjectiveColumn> | undefined, timing: CycleTiming | undefined): string | undefined {
  if (timing !== undefined || !objective || isBlank(objective.get('Cycle'))) return undefined;
  return `Its objective's Cycle, "${text(objective.get('Cycle')).trim()}", names no cycle: no status until it is corrected (Validate the OKRs says how)`;
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

/** The share of the current cycle elapsed, undefined when Settings names no usable cycle (Validate says why). */
export function expectedOrUndefined(settings: Settings, calendar: CycleCalendar, now: Date, wallClock: WallClock): number | undefined {
  return safe(() => expectedProgress(resolveCycle(settings.cycle, calendar), now, wallClock));
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
