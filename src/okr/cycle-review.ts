import type { CycleReview, ReviewKeyResult, ReviewObjective } from '../shared/cycle-review-api';
import { Cell, EPSILON, asNumber, isBlank, isDate, normalise, showId, text } from './cells';
import { Cycle, CycleCalendar, nextCycle, resolveCycle } from './cycles';
import { DAY, WallClock, isoDay } from './dates';
import { UserError } from './errors';
import { People } from './people';
import { keyResultProgress } from './progress';
import { ARCHIVE, ArchiveColumn, CHECKINS, KEY_RESULTS, KeyResultColumn, OBJECTIVES, ObjectiveColumn } from './schema';
import { Settings } from './settings';
import { score } from './status';
import { Table, TableRow, readTable } from './table';
import { Tables, inCurrentCycle, keyResultViews, unplacedObjectives } from './views';

// The current cycle as Close the cycle sees it: its objectives and their key
// results with the figures the Archive keeps (progress, score, status,
// check-ins), from the tables as read. cycle-close.ts checks a request
// against it and plans the writes; nothing here knows about sheets.

/** The tables a review reads: the check-in panel's, and the Archive tab ([] when there is none). */
export interface ReviewTables extends Tables {
  archive: Cell[][];
}

export interface ReviewContext {
  settings: Settings;
  calendar: CycleCalendar;
  now: Date;
  wallClock: WallClock;
}

/** A key result of the cycle: its row, and what the dialog and the Archive show of it. */
export interface CycleKeyResult {
  row: TableRow<KeyResultColumn>;
  view: ReviewKeyResult;
}

export interface CycleObjective {
  row: TableRow<ObjectiveColumn>;
  view: ReviewObjective;
  keyResults: CycleKeyResult[];
}

/** The cycle to close, and every table the close reads, as read. */
export interface CycleRead {
  cycle: Cycle;
  review: CycleReview;
  objectives: CycleObjective[];
  objectiveTable: Table<ObjectiveColumn>;
  keyResultTable: Table<KeyResultColumn>;
  archiveTable: Table<ArchiveColumn>;
}

/**
 * The current cycle (Settings), its objectives (Cycle that cycle, or blank,
 * as the email summary reads them) and their key results. Throws a UserError
 * when Settings names no usable cycle, or a tab lacks a column the close needs.
 */
export function readCycle(tables: ReviewTables, context: ReviewContext): CycleRead {
  const { settings, calendar, now, wallClock } = context;
  let cycle: Cycle;
  try {
    cycle = resolveCycle(settings.cycle, calendar);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(
      `The current cycle in Settings cannot be closed: ${error.message}. Correct Settings > Current cycle, then close it.`,
    );
  }
  const objectiveTable = needColumns(readTable(tables.objectives, OBJECTIVES), ['ID', 'Objective', 'Cycle']);
  const keyResultTable = needColumns(readTable(tables.keyResults, KEY_RESULTS), ['ID', 'Objective ID', 'Key result']);
  const archiveTable = readTable(tables.archive, ARCHIVE);
  // An Archive tab with an empty header row is written afresh; one whose header lost a column is not guessed at.
  if (tables.archive[0]?.some((cell) => !isBlank(cell)) && archiveTable.missing.length > 0)
    throw new UserError(
      `The Archive tab has no ${archiveTable.missing.join(', ')} column: put its header back in row 1 (${ARCHIVE.headers.join(', ')}), so closed cycles stay readable.`,
    );

  const people = new People(tables.people);
  const inCycle = objectiveTable.rows.filter((row) => !isBlank(row.get('ID')) && inCurrentCycle(row, cycle.name));
  // Objectives whose Cycle names no cycle are shown in the panel with the current one, but not closed with it.
  const unplaced = unplacedObjectives(objectiveTable.rows, cycle.name, calendar);
  const views = new Map(keyResultViews(tables, settings, calendar, now, wallClock).map((view) => [normalise(view.id), view]));
  const checkins = checkinCounts(tables.checkins, cycle, wallClock);
  const keyResultsOf = new Map<string, CycleKeyResult[]>();
  for (const row of keyResultTable.rows) {
    const id = normalise(row.get('ID'));
    if (id === '') continue;
    const view = views.get(id);
    const progress = view?.progress ?? null;
    const entry: CycleKeyResult = {
      row,
      view: {
        id: showId(row.get('ID')),
        title: text(row.get('Key result')),
        owner: text(row.get('Owner')).trim(),
        progress,
        score: progress === null ? null : (score(progress) as number),
        status: progress === null ? missingProgress(row) : view!.status,
        checkins: checkins.get(id) ?? 0,
        done: progress !== null && progress >= 1 - EPSILON,
      },
    };
    const parent = normalise(row.get('Objective ID'));
    keyResultsOf.set(parent, [...(keyResultsOf.get(parent) ?? []), entry]);
  }

  const objectives = inCycle.map((row): CycleObjective => {
    const keyResults = keyResultsOf.get(normalise(row.get('ID'))) ?? [];
    const progressCell = row.get('Progress');
    const progress = asNumber(progressCell) ?? null;
    const written = text(row.get('Status')).trim();
    return {
      row,
      keyResults,
      view: {
        id: showId(row.get('ID')),
        title: text(row.get('Objective')),
        team: people.teamOf(row.get('Team'), row.get('Owner')),
        owner: text(row.get('Owner')).trim(),
        progress,
        score: progress === null ? null : (score(progress) as number),
        status: written || (progress === null && !isBlank(progressCell) ? text(progressCell) : progress === null ? 'no data' : ''),
        checkins: keyResults.reduce((sum, kr) => sum + kr.view.checkins, 0),
        keyResults: keyResults.map((kr) => kr.view),
      },
    };
  });

  const next = safeNext(cycle, calendar);
  const review: CycleReview = {
    cycle: cycle.name,
    nextCycle: next,
    closedOn: closedOn(archiveTable, cycle.name, wallClock),
    objectives: objectives.map((o) => o.view),
    notices: notices(cycle, next, objectives, unplaced, wallClock(now)),
  };
  return { cycle, review, objectives, objectiveTable, keyResultTable, archiveTable };
}

function needColumns<Column extends string>(table: Table<Column>, columns: readonly Column[]): Table<Column> {
  const missing = columns.filter((c) => !table.has(c));
  if (missing.length > 0)
    throw new UserError(
      `The ${table.spec.name} tab has no ${missing.join(', ')} column: run OKR Sheets > Set up the OKR workbook, then close the cycle.`,
    );
  return table;
}

/** Why a key result has no progress to score: nothing measured yet, or what is wrong with its values. */
function missingProgress(row: TableRow<KeyResultColumn>): string {
  if (isBlank(row.get('Current'))) return 'no data';
  try {
    keyResultProgress(row.get('Start'), row.get('Target'), row.get('Current'), row.get('Metric'));
    return 'no data';
  } catch (error) {
    if (error instanceof UserError) return `invalid: ${error.message}`;
    throw error;
  }
}

/**
 * Check-ins by key result (normalised id), those from the cycle's first day
 * on: a check-in written after the cycle ended, before it was closed, counts;
 * one of an earlier cycle whose key result had the same id does not.
 */
function checkinCounts(values: Cell[][], cycle: Cycle, wallClock: WallClock): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of readTable(values, CHECKINS).rows) {
    const timestamp = row.get('Timestamp');
    if (!isDate(timestamp) || wallClock(timestamp) < cycle.start) continue;
    const key = normalise(row.get('Key result ID'));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The day the Archive first recorded this cycle, yyyy-mm-dd; null when it holds none of it. */
export function closedOn(archive: Table<ArchiveColumn>, cycle: string, wallClock: WallClock): string | null {
  let first: string | null = null;
  for (const row of archive.rows) {
    if (normalise(row.get('Cycle')) !== normalise(cycle)) continue;
    const cell = row.get('Closed on');
    const day = isDate(cell) ? isoDay(wallClock(cell)) : text(cell).trim();
    if (first === null || (day !== '' && day < first)) first = day;
  }
  return first;
}

function safeNext(cycle: Cycle, calendar: CycleCalendar): string {
  try {
    return nextCycle(cycle.name, calendar)?.name ?? '';
  } catch {
    return '';
  }
}

function notices(cycle: Cycle, next: string, objectives: readonly CycleObjective[], unplaced: readonly string[], today: number): string[] {
  const out: string[] = [];
  if (today < cycle.end)
    out.push(
      `${cycle.name} runs until ${isoDay(cycle.end - DAY)}: closing it now ends it early, and scores its key results where they stand today.`,
    );
  if (objectives.length === 0) out.push(`${cycle.name} has no objectives: closing it only makes the next cycle current.`);
  const unscored = objectives.flatMap((o) => o.keyResults).filter((kr) => kr.view.score === null);
  if (unscored.length > 0) {
    const ids = unscored.slice(0, 5).map((kr) => kr.view.id);
    const more = unscored.length > ids.length ? ` and ${unscored.length - ids.length} more` : '';
    out.push(
      `${count(unscored.length, 'key result has', 'key results have')} no progress to score (${ids.join(', ')}${more}): write their Current before closing, or the Archive keeps them with no score and the effectiveness table says so.`,
    );
  }
  const blank = objectives.filter((o) => isBlank(o.row.get('Cycle')));
  if (blank.length > 0)
    out.push(
      `${count(blank.length, 'objective has', 'objectives have')} no Cycle: closing writes ${cycle.name} into it, so ${blank.length === 1 ? 'it stays' : 'they stay'} in ${cycle.name} when the next cycle begins.`,
    );
  if (unplaced.length > 0) {
    const named = unplaced.slice(0, 5);
    const more = unplaced.length > named.length ? ` and ${unplaced.length - named.length} more` : '';
    const rest = unplaced.length === 1 ? 'It is not closed, and stays open until its' : 'They are not closed, and stay open until their';
    out.push(
      `${count(unplaced.length, 'objective has a Cycle', 'objectives have a Cycle')} that names no cycle: ${named.join(', ')}${more}. ${rest} Cycle is corrected (Validate the OKRs says how).`,
    );
  }
  if (next === '')
    out.push(`The Cycles tab defines no cycle after ${cycle.name}: add the next one there, or write the name of the next cycle below.`);
  return out;
}

/** `1 key result has`, `3 key results have`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
