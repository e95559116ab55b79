import { Cell, isBlank, isDate } from '../okr/cells';
import { UserError } from '../okr/errors';
import { cycleFromDays, expectedProgress } from '../okr/cycle';
import { cycleStats } from '../okr/cycle-stats';
import { parseFiscalYear } from '../okr/cycle-names';
import { CycleCalendar, CycleRange, calendarOf, resolveCycle } from '../okr/cycles';
import { WallClock, wallTime } from '../okr/dates';
import { forecastProgress, indexCheckins } from '../okr/forecast';
import { keyResultProgress } from '../okr/progress';
import { linkedRows } from '../okr/linked';
import { objectiveProgress } from '../okr/objective-progress';
import { Child, RollupResult, rollup } from '../okr/rollup';
import { checkinRate, parseCadence } from '../okr/stale';
import { score, status } from '../okr/status';
import { describeWhere } from '../okr/table';
import { VALIDATION } from '../okr/schema';
import { validateOkrs } from '../okr/validate';
import { Arg, Output, byRow, cellsOf, isRange, perRow, sameLength, shapeLike, single, sheetsError } from './columns';

// The custom cell formulas, as pure functions of what Sheets passes them.
// src/main.ts exposes each under its formula name with the JSDoc Sheets shows.

export function okrProgress(start: Arg, target: Arg, current: Arg, metric?: Arg): Output {
  return byRow({ start, target, current, metric }, ([s, t, c, m]) => keyResultProgress(s, t, c, m));
}

export function okrRollup(ids: Arg, childParentIds: Arg, childProgress: Arg, childWeights?: Arg): Output {
  const children = childrenOf(childParentIds, childProgress, childWeights);
  return rollupOutput(
    ids,
    single(() => rollup(cellsOf(ids), children)),
  );
}

/**
 * The trailing arguments of every formula that takes a cycle: the workbook's
 * cycles table and its fiscal year (the named ranges OKR_CYCLES,
 * OKR_FISCAL_START and OKR_FISCAL_NAMING can be passed as they are).
 */
export interface CycleArgs {
  cycles?: Arg;
  fiscalStart?: Arg;
  fiscalNaming?: Arg;
}

/** What cycle names mean, from a formula's cycle arguments. */
export function calendarArg({ cycles, fiscalStart, fiscalNaming }: CycleArgs, wallClock: WallClock): CycleCalendar {
  return single(() => {
    for (const [name, arg] of [
      ['fiscal_start', fiscalStart],
      ['fiscal_naming', fiscalNaming],
    ] as const) {
      if (isRange(arg) && cellsOf(arg).length > 1)
        throw new UserError(`${name} is a range: give one cell, such as OKR_${name.toUpperCase()}`);
    }
    if (cycles !== undefined && !isRange(cycles) && !isBlank(cycles)) {
      throw new UserError('cycles is one value: give the range of your cycles (Cycle, Starts, Ends), such as OKR_CYCLES');
    }
    const fiscal = parseFiscalYear(cellsOf(fiscalStart)[0], cellsOf(fiscalNaming)[0]);
    return calendarOf(fiscal, isRange(cycles) ? cycles : undefined, wallClock);
  });
}

/**
 * Each objective's progress through every level: its key results, the
 * objectives of this workbook aligned to it, and linked rows aligned to it
 * (the child columns stack Key Results and Linked OKRs). With `child_ids`,
 * an objective aligned to a key result counts toward that key result's objective.
 */
export function okrObjectiveProgress(
  ids: Arg,
  alignedTo: Arg,
  weights: Arg,
  childParentIds: Arg,
  childProgress: Arg,
  childWeights?: Arg,
  workbook?: Arg,
  childIds?: Arg,
): Output {
  const objectiveCells = [cellsOf(ids), cellsOf(alignedTo), cellsOf(weights)];
  single(() =>
    sameLength([
      ['ids', objectiveCells[0]!.length],
      ['aligned_to', objectiveCells[1]!.length],
      ['weights', objectiveCells[2]!.length],
    ]),
  );
  const at = (cells: Cell[], i: number) => (cells.length === 1 ? cells[0] : cells[i]);
  const objectives = objectiveCells[0]!.map((id, i) => ({ id, alignedTo: at(objectiveCells[1]!, i), weight: at(objectiveCells[2]!, i) }));
  if (isRange(workbook)) throw sheetsError(new UserError('workbook is a range: give one cell, such as OKR_WORKBOOK_NAME'));
  const children = childrenOf(childParentIds, childProgress, childWeights);
  const keyIds = childIds === undefined ? undefined : cellsOf(childIds);
  if (keyIds !== undefined && keyIds.length !== children.length) {
    throw sheetsError(
      new UserError(
        `child_ids has ${keyIds.length} cells but child_parent_ids has ${children.length}: give the id of each child row, in the same order.`,
      ),
    );
  }
  const results = single(() => objectiveProgress(objectives, children, workbook ?? '', keyIds));
  return rollupOutput(ids, results);
}

/** Children from three columns of the same length (a single cell is repeated), weights optional. */
function childrenOf(childParentIds: Arg, childProgress: Arg, childWeights?: Arg): Child[] {
  const parents = cellsOf(childParentIds);
  const progress = cellsOf(childProgress);
  const weights = childWeights === undefined ? [] : cellsOf(childWeights);
  const sizes: [string, number][] = [
    ['child_parent_ids', parents.length],
    ['child_progress', progress.length],
  ];
  if (childWeights !== undefined) sizes.push(['child_weights', weights.length]);
  const length = single(() => sameLength(sizes));
  const children: Child[] = new Array<Child>(length);
  for (let i = 0; i < length; i++) {
    children[i] = {
      parentId: parents.length === 1 ? parents[0] : parents[i],
      progress: progress.length === 1 ? progress[0] : progress[i],
      weight: weights.length === 0 ? '' : weights.length === 1 ? weights[0] : weights[i],
    };
  }
  return children;
}

/** One rollup result per id, in the ids' shape: a problem reads `invalid: ...` in a range, or fails a single id. */
function rollupOutput(ids: Arg, results: RollupResult[]): Output {
  const unwrap = (result: RollupResult): Cell => {
    if (result instanceof UserError) throw result;
    return result;
  };
  if (!isRange(ids)) return single(() => unwrap(results[0]!));
  return shapeLike(
    ids,
    results.map((result) => perRow(() => unwrap(result))),
  );
}

/** The objectives of one linked team workbook, one row each in the Linked OKRs columns, or one row saying why none. */
export function okrLinked(team: Arg, imported: Arg): Output {
  if (isRange(team) && cellsOf(team).length > 1) throw sheetsError(new UserError('team is a range: give one cell, the team name'));
  return single(() => linkedRows(cellsOf(team)[0], imported ?? ''));
}

export function okrExpected(cycle: Arg, asOf: Arg, cycleArgs: CycleArgs, wallClock: WallClock): Output {
  const days = twoDays(cycle);
  if (days) {
    const range = single(() => cycleFromDays(days[0], days[1], wallClock));
    return byRow({ as_of: asOf }, ([when]) => expectedProgress(range, when, wallClock));
  }
  const calendar = calendarArg(cycleArgs, wallClock);
  const cycleOf = cycleResolver(calendar);
  return byRow({ cycle, as_of: asOf }, ([name, when]) => expectedProgress(cycleOf(name), when, wallClock));
}

/**
 * resolveCycle for a column: thousands of rows name a few cycles, so each
 * distinct name is resolved once (a bad one throws its UserError every time).
 */
function cycleResolver(calendar: CycleCalendar): (name: Cell) => CycleRange {
  const known = new Map<Cell, CycleRange | UserError>();
  return (name) => {
    let cycle = known.get(name);
    if (cycle === undefined) {
      try {
        cycle = resolveCycle(name, calendar);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        cycle = error;
      }
      known.set(name, cycle);
    }
    if (cycle instanceof UserError) throw cycle;
    return cycle;
  };
}

/** A range of exactly two dates is a cycle's first and last day; anything else names cycles. */
function twoDays(cycle: Arg): [Cell, Cell] | undefined {
  if (!isRange(cycle) || !atMostTwoCells(cycle)) return undefined;
  const cells = cycle.flat();
  if (cells.length !== 2 || !cells.some((cell) => isDate(cell))) return undefined;
  return [cells[0], cells[1]];
}

/** Counts a range's cells only up to three: a column of cycle names is long, and is not flattened to find it is not two days. */
function atMostTwoCells(range: Cell[][]): boolean {
  let cells = 0;
  for (const row of range) {
    cells += row.length;
    if (cells > 2) return false;
  }
  return true;
}

/** The check-in columns of OKR_FORECAST, one row per check-in. */
export interface CheckinArgs {
  ids: Arg;
  times: Arg;
  values: Arg;
}

/**
 * Each key result's progress at the end of its cycle at the pace of its
 * check-ins so far (see forecastProgress). `cycle` is resolved as
 * OKR_EXPECTED resolves it; a blank as_of is `now`.
 */
export function okrForecast(
  keyResults: { ids: Arg; start: Arg; target: Arg; metric: Arg },
  checkins: CheckinArgs,
  cycle: Arg,
  asOf: Arg,
  cycleArgs: CycleArgs,
  wallClock: WallClock,
  now: Date,
): Output {
  const columns = [cellsOf(checkins.ids), cellsOf(checkins.times), cellsOf(checkins.values)] as const;
  single(() =>
    sameLength([
      ['checkin_kr_ids', columns[0].length],
      ['checkin_times', columns[1].length],
      ['checkin_values', columns[2].length],
    ]),
  );
  const index = single(() => indexCheckins(...columns, wallClock));
  const asOfTime = asOfReader(wallClock, now);
  const { ids, start, target, metric } = keyResults;
  const days = twoDays(cycle);
  if (days) {
    const range = single(() => cycleFromDays(days[0], days[1], wallClock));
    return byRow({ kr_ids: ids, start, target, metric, as_of: asOf }, ([i, s, t, m, when]) =>
      forecastProgress(i, s, t, m, range, asOfTime(when), index),
    );
  }
  const cycleOf = cycleResolver(calendarArg(cycleArgs, wallClock));
  return byRow({ kr_ids: ids, start, target, metric, cycle, as_of: asOf }, ([i, s, t, m, c, when]) =>
    forecastProgress(i, s, t, m, cycleOf(c), asOfTime(when), index),
  );
}

/** as_of on the wall clock, blank meaning `now`; the last cell is remembered, as a column usually repeats one. */
function asOfReader(wallClock: WallClock, now: Date): (cell: Cell) => number {
  let last: Cell = now;
  let time = wallClock(now);
  return (cell) => {
    const when = isBlank(cell) ? now : cell;
    if (when !== last) {
      time = wallTime(when, 'as_of', wallClock);
      last = when;
    }
    return time;
  };
}

/**
 * The share of key results (non-blank ids) checked in within the cadence
 * and its grace day at as_of (blank: `now`), one never checked in counting
 * as stale; blank when there are none.
 */
export function okrCheckinRate(ids: Arg, lastCheckins: Arg, cadence: Arg, asOf: Arg, wallClock: WallClock, now: Date): Output {
  return single(() => {
    for (const [name, arg] of [
      ['cadence', cadence],
      ['as_of', asOf],
    ] as const) {
      if (isRange(arg) && cellsOf(arg).length > 1) throw new UserError(`${name} is a range: give one cell`);
    }
    const idCells = cellsOf(ids);
    const lastCells = cellsOf(lastCheckins);
    const length = sameLength([
      ['kr_ids', idCells.length],
      ['last_checkins', lastCells.length],
    ]);
    const every = parseCadence(cellsOf(cadence)[0]);
    const at = asOfReader(wallClock, now)(cellsOf(asOf)[0]);
    const last: (number | undefined)[] = [];
    for (let i = 0; i < length; i++) {
      if (isBlank(idCells.length === 1 ? idCells[0] : idCells[i])) continue;
      const cell = lastCells.length === 1 ? lastCells[0] : lastCells[i];
      last.push(isBlank(cell) ? undefined : wallTime(cell, `row ${i + 1} of last_checkins`, wallClock));
    }
    return checkinRate(last, at, every);
  });
}

export function okrStatus(progress: Arg, expected: Arg, atRiskGap?: Arg, offTrackGap?: Arg, metric?: Arg, confidence?: Arg): Output {
  return byRow({ progress, expected, at_risk_gap: atRiskGap, off_track_gap: offTrackGap, metric, confidence }, ([p, e, a, o, m, c]) =>
    status(p, e, a, o, m, c),
  );
}

export function okrScore(progress: Arg): Output {
  return byRow({ progress }, ([p]) => score(p));
}

export function okrValidate(objectives: Arg, keyResults: Arg, cycleArgs: CycleArgs, wallClock: WallClock): Output {
  if (!isRange(objectives) || !isRange(keyResults)) {
    throw sheetsError(
      new UserError(
        `give ${!isRange(objectives) ? 'objectives' : 'key_results'} as a range that includes its header row, such as ${!isRange(objectives) ? 'Objectives!A1:J' : "'Key Results'!A1:O"}`,
      ),
    );
  }
  const calendar = calendarArg(cycleArgs, wallClock);
  const findings = single(() => validateOkrs(objectives, keyResults, calendar));
  if (findings.length === 0) return 'OK';
  return [[...VALIDATION.headers], ...findings.map((f) => [f.severity, f.rule, describeWhere(f.where), f.message])];
}

/** How OKRs went, closed cycle by closed cycle, from the Archive tab with its header row (see cycleStats). */
export function okrCycleStats(archive: Arg): Output {
  if (!isRange(archive)) {
    throw sheetsError(new UserError('give archive as a range that includes its header row, such as Archive!A1:M'));
  }
  return single(() => cycleStats(archive));
}
