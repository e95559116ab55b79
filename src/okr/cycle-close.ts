import { REFLECTION_MAX } from '../shared/cycle-review-api';
import { Cell, isBlank, normalise, showId, text } from './cells';
import { Cycle, CycleCalendar, resolveCycle } from './cycles';
import { WallClock } from './dates';
import { UserError } from './errors';
import { CycleKeyResult, CycleObjective, CycleRead, closedOn } from './cycle-review';
import { ARCHIVE_KINDS, ArchiveColumn, KeyResultColumn, ObjectiveColumn } from './schema';
import { TableRow } from './table';

// What closing a cycle writes, checked and planned from the cycle as read
// (cycle-review.ts) before anything is written: a request that cannot be
// carried out whole is refused here, so the writes that follow never stop
// half way for a reason of the person's.

/** A row to add to a tab: its values by header, and the row whose number formats it takes. */
export interface NewRow<Column extends string> {
  values: Map<Column, Cell>;
  /** 1-based row of the tab it is copied from. */
  like: number;
}

export interface ClosePlan {
  /** The cycle closed and the new current cycle, as their definitions write them. */
  closed: string;
  next: string;
  archive: Map<ArchiveColumn, Cell>[];
  keyResults: NewRow<KeyResultColumn>[];
  objectives: NewRow<ObjectiveColumn>[];
  /** 1-based rows of the Objectives tab whose blank Cycle gets the closed cycle's name, so they stay in it. */
  blankCycles: number[];
}

/** What the dialog sends, checked for shape. */
interface Request {
  cycle: string;
  nextCycle: string;
  reflections: Map<string, string>;
  carryOver: string[];
}

/**
 * Checks a close request against the cycle as read and plans every write;
 * throws a UserError, in the person's words, for anything that would stop
 * the close: a cycle already archived or no longer current (a stale or
 * repeated request), a next cycle that is not one or not later, a carried id
 * that is no unfinished key result of the cycle, an id the carry-over would
 * give that is taken, a reflection too long.
 */
export function planClose(read: CycleRead, input: unknown, calendar: CycleCalendar, now: Date, wallClock: WallClock): ClosePlan {
  const request = checkShape(input);
  const { cycle, archiveTable } = read;
  for (const name of [request.cycle, cycle.name]) {
    const closed = closedOn(archiveTable, name, wallClock);
    if (closed !== null) throw new UserError(`${name} was already closed on ${closed}: the Archive keeps it.`);
  }
  if (normalise(request.cycle) !== normalise(cycle.name))
    throw new UserError(
      `The dialog was for ${request.cycle || 'no cycle'}, but the current cycle is now ${cycle.name}: close the dialog and open it again.`,
    );
  const next = checkNext(request.nextCycle, cycle, read, calendar, wallClock);

  const objectives = new Map(read.objectives.map((o) => [normalise(o.row.get('ID')), o]));
  for (const [id, reflection] of request.reflections) {
    if (!objectives.has(normalise(id)))
      throw new UserError(`The reflection on ${showId(id)} names no objective of ${cycle.name}: close the dialog and open it again.`);
    if (reflection.length > REFLECTION_MAX)
      throw new UserError(
        `The reflection on ${showId(id)} is ${reflection.length} characters long: keep it to ${REFLECTION_MAX} or fewer.`,
      );
  }
  const reflectionOf = new Map([...request.reflections].map(([id, reflection]) => [normalise(id), reflection.trim()]));

  const carried = carriedKeyResults(read.objectives, request.carryOver, cycle.name);
  const taken = {
    keyResults: new Set(read.keyResultTable.rows.map((row) => normalise(row.get('ID')))),
    objectives: new Set(read.objectiveTable.rows.map((row) => normalise(row.get('ID')))),
  };
  const newObjectives: NewRow<ObjectiveColumn>[] = [];
  const newKeyResults: NewRow<KeyResultColumn>[] = [];
  for (const objective of read.objectives) {
    const mine = objective.keyResults.filter((kr) => carried.has(kr));
    if (mine.length === 0) continue;
    const objectiveId = unused(carryId(text(objective.row.get('ID')).trim(), cycle.name, next.name), taken.objectives, 'Objectives');
    newObjectives.push(objectiveCopy(objective.row, objectiveId, next.name));
    for (const kr of mine) {
      const id = unused(carryId(text(kr.row.get('ID')).trim(), cycle.name, next.name), taken.keyResults, 'Key Results');
      newKeyResults.push(keyResultCopy(kr.row, id, objectiveId));
    }
  }

  const archive = read.objectives.flatMap((objective) => [
    objectiveRecord(objective, cycle.name, now, reflectionOf.get(normalise(objective.row.get('ID'))) ?? ''),
    ...objective.keyResults.map((kr) => keyResultRecord(kr, objective, cycle.name, now)),
  ]);
  return {
    closed: cycle.name,
    next: next.name,
    archive,
    keyResults: newKeyResults,
    objectives: newObjectives,
    blankCycles: read.objectives.filter((o) => isBlank(o.row.get('Cycle'))).map((o) => o.row.row),
  };
}

function checkShape(input: unknown): Request {
  const bad = (what: string) => new UserError(`The dialog sent ${what}: close it and open it again.`);
  if (typeof input !== 'object' || input === null) throw bad('no request');
  const { cycle, nextCycle, reflections, carryOver } = input as Record<string, unknown>;
  if (typeof cycle !== 'string' || typeof nextCycle !== 'string') throw bad('no cycle');
  if (reflections !== undefined && (typeof reflections !== 'object' || reflections === null || Array.isArray(reflections)))
    throw bad('reflections that are not a list by objective');
  const entries = Object.entries((reflections ?? {}) as Record<string, unknown>);
  if (entries.some(([, value]) => typeof value !== 'string')) throw bad('a reflection that is not text');
  if (carryOver !== undefined && (!Array.isArray(carryOver) || carryOver.some((id) => typeof id !== 'string')))
    throw bad('key results to carry over that are not a list of ids');
  return {
    cycle: cycle.trim(),
    nextCycle: nextCycle.trim(),
    reflections: new Map(entries as [string, string][]),
    carryOver: (carryOver ?? []) as string[],
  };
}

function checkNext(written: string, cycle: Cycle, read: CycleRead, calendar: CycleCalendar, wallClock: WallClock): Cycle {
  const example = read.review.nextCycle ? `, such as ${read.review.nextCycle}` : '';
  if (written === '') throw new UserError(`Write the next cycle${example}.`);
  let next: Cycle;
  try {
    next = resolveCycle(written, calendar);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(`The next cycle cannot be used: ${error.message}.`);
  }
  if (next.start <= cycle.start) throw new UserError(`${next.name} does not come after ${cycle.name}: pick a later cycle${example}.`);
  const closed = closedOn(read.archiveTable, next.name, wallClock);
  if (closed !== null) throw new UserError(`${next.name} was closed on ${closed}: pick a cycle that has not been closed${example}.`);
  return next;
}

/** The key results to carry, each once; an id that is no unfinished key result of the cycle is refused. */
function carriedKeyResults(objectives: readonly CycleObjective[], ids: readonly string[], cycle: string): Set<CycleKeyResult> {
  const byId = new Map(objectives.flatMap((o) => o.keyResults).map((kr) => [normalise(kr.row.get('ID')), kr]));
  const carried = new Set<CycleKeyResult>();
  for (const id of ids) {
    const kr = byId.get(normalise(id));
    if (!kr) throw new UserError(`${showId(id)} is not a key result of ${cycle}, so it cannot be carried over.`);
    if (kr.view.done) throw new UserError(`${kr.view.id} is done: only unfinished key results carry over.`);
    carried.add(kr);
  }
  return carried;
}

/** A suffix a cycle's name gives an id: its letters and digits (`2027-Q1` → `2027Q1`, `Sprint 14` → `Sprint14`). */
function suffix(cycle: string): string {
  return cycle.replace(/[^\p{L}\p{N}]/gu, '');
}

/** A suffix shaped like a built-in cycle's: `-2026Q4`, `-2026H2`, `-2026`, `-FY2027Q1`. */
const BUILT_IN_SUFFIX = /-(?:FY)?\d{4}(?:Q[1-4]|H[12])?$/i;

/**
 * The id an objective or key result carried into `next` gets: the next
 * cycle's suffix in place of the one an earlier carry-over gave it (the
 * closed cycle's, or any shaped like a built-in cycle's): `P1-KR2` →
 * `P1-KR2-2027Q1`, and `P1-KR2-2026Q4` → `P1-KR2-2027Q1`, never stacked.
 */
export function carryId(id: string, closed: string, next: string): string {
  const own = `-${suffix(closed)}`;
  let base = id;
  if (own.length > 1 && id.length > own.length && id.toLowerCase().endsWith(own.toLowerCase())) base = id.slice(0, -own.length);
  else if (BUILT_IN_SUFFIX.test(id) && id.replace(BUILT_IN_SUFFIX, '') !== '') base = id.replace(BUILT_IN_SUFFIX, '');
  return `${base}-${suffix(next)}`;
}

/** The id, claimed; a UserError when a row of the tab (or an earlier carry) has it already. */
function unused(id: string, taken: Set<string>, tab: string): string {
  if (taken.has(normalise(id)))
    throw new UserError(
      `${id} is already an ID in ${tab}: carrying over would give that ID to a second row. Rename that row, or do not carry this one over.`,
    );
  taken.add(normalise(id));
  return id;
}

function objectiveCopy(row: TableRow<ObjectiveColumn>, id: string, next: string): NewRow<ObjectiveColumn> {
  const values = new Map<ObjectiveColumn, Cell>([['ID', id]]);
  for (const column of ['Objective', 'Owner', 'Team', 'Aligned to', 'Weight'] as const) values.set(column, row.get(column));
  values.set('Cycle', next);
  return { values, like: row.row };
}

/** The key result again in the next cycle, starting where it stands: Start its current value, nothing measured yet. */
function keyResultCopy(row: TableRow<KeyResultColumn>, id: string, objectiveId: string): NewRow<KeyResultColumn> {
  const values = new Map<KeyResultColumn, Cell>([
    ['ID', id],
    ['Objective ID', objectiveId],
  ]);
  for (const column of ['Key result', 'Owner', 'Metric', 'Target', 'Unit', 'Weight'] as const) values.set(column, row.get(column));
  values.set('Start', isBlank(row.get('Current')) ? row.get('Start') : row.get('Current'));
  for (const column of ['Current', 'Confidence', 'Last check-in'] as const) values.set(column, '');
  return { values, like: row.row };
}

/** A progress as the Archive keeps it: the number, or why there is none (`invalid: …`), or blank. */
function recordedProgress(progress: number | null, status: string): Cell {
  if (progress !== null) return progress;
  return status.startsWith('invalid:') ? status : '';
}

function objectiveRecord(objective: CycleObjective, cycle: string, now: Date, reflection: string): Map<ArchiveColumn, Cell> {
  const { view, row } = objective;
  return new Map<ArchiveColumn, Cell>([
    ['Cycle', cycle],
    ['Closed on', now],
    ['Kind', ARCHIVE_KINDS.objective],
    ['ID', view.id],
    ['Parent ID', text(row.get('Aligned to')).trim()],
    ['Title', view.title],
    ['Owner', view.owner],
    ['Team', view.team],
    ['Progress', recordedProgress(view.progress, view.status)],
    ['Score', view.score ?? ''],
    ['Confidence', ''],
    ['Check-ins', view.checkins],
    ['Reflection', reflection],
  ]);
}

function keyResultRecord(kr: CycleKeyResult, objective: CycleObjective, cycle: string, now: Date): Map<ArchiveColumn, Cell> {
  const { view, row } = kr;
  return new Map<ArchiveColumn, Cell>([
    ['Cycle', cycle],
    ['Closed on', now],
    ['Kind', ARCHIVE_KINDS.keyResult],
    ['ID', view.id],
    ['Parent ID', objective.view.id],
    ['Title', view.title],
    ['Owner', view.owner],
    ['Team', objective.view.team],
    ['Progress', recordedProgress(view.progress, view.status)],
    ['Score', view.score ?? ''],
    ['Confidence', row.get('Confidence')],
    ['Check-ins', view.checkins],
    ['Reflection', ''],
  ]);
}
