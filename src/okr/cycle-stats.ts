import { Cell, EPSILON, asNumber, describe, isBlank, isDate, normalise, showId, text } from './cells';
import { UserError } from './errors';
import { ARCHIVE, ARCHIVE_KINDS, ArchiveColumn } from './schema';
import { TableRow, readTable } from './table';

// How well the organisation does OKRs, cycle by cycle, from the Archive tab
// Close the cycle writes (OKR_CYCLE_STATS). Trust rule: a figure shown is
// right, or it reads `invalid: …` saying which Archive row to fix; never an
// average of the rows that happened to be readable.

/** The table's header row, as people read it on the dashboard. */
export const CYCLE_STATS_HEADERS = [
  'Cycle',
  'Objectives',
  'Key results',
  'Average score',
  'Completion rate',
  'Check-ins per key result',
  'Objectives per team',
  'Key results per objective',
] as const;

/** A key result scoring this much or more counts as completed (the method's 0.7, "green"). */
export const COMPLETED_SCORE = 0.7;

/** One closed cycle as its Archive rows add up. */
interface CycleTally {
  name: string;
  /** The earliest Closed on (ms), undefined while none is a date. */
  closedOn: number | undefined;
  objectives: number;
  keyResults: number;
  teams: Set<string>;
  scoreSum: number;
  completed: number;
  checkins: number;
  /** Why the scores cannot be averaged: the first key result without a usable Score. */
  scoreProblem?: string;
  /** Why check-ins cannot be counted: the first key result without a usable Check-ins. */
  checkinProblem?: string;
  /** Why nothing of the cycle can be counted: a row whose Kind is neither objective nor key result. */
  kindProblem?: string;
}

/**
 * The table OKR_CYCLE_STATS returns: its header row, then one row per closed
 * cycle, oldest first (by the cycle's earliest Closed on; ties and undated
 * cycles, last, in order of first appearance). `values` is the Archive with
 * its header row; rows with a blank Cycle are skipped.
 */
export function cycleStats(values: readonly (readonly Cell[])[]): Cell[][] {
  const table = readTable(values, ARCHIVE);
  if (table.missing.length > 0) {
    const s = table.missing.length === 1 ? '' : 's';
    throw new UserError(
      `archive has no ${table.missing.join(', ')} column${s}: give the Archive tab with its header row, such as Archive!A1:M`,
    );
  }
  const cycles = new Map<string, CycleTally>();
  // Thousands of rows name a few cycles, written alike: each spelling is matched once.
  const bySpelling = new Map<Cell, CycleTally>();
  for (const row of table.rows) {
    const cycle = row.get('Cycle');
    let tally = bySpelling.get(cycle);
    if (!tally) {
      if (isBlank(cycle)) continue;
      const key = normalise(cycle);
      tally = cycles.get(key);
      if (!tally) {
        tally = {
          name: text(cycle).trim(),
          closedOn: undefined,
          objectives: 0,
          keyResults: 0,
          teams: new Set(),
          scoreSum: 0,
          completed: 0,
          checkins: 0,
        };
        cycles.set(key, tally);
      }
      bySpelling.set(cycle, tally);
    }
    add(tally, row);
  }
  const ordered = [...cycles.values()]
    .map((tally, order) => ({ tally, order }))
    .sort((a, b) => (a.tally.closedOn ?? Infinity) - (b.tally.closedOn ?? Infinity) || a.order - b.order)
    .map(({ tally }) => figures(tally));
  return [[...CYCLE_STATS_HEADERS], ...ordered];
}

function add(tally: CycleTally, row: TableRow<ArchiveColumn>): void {
  const closed = row.get('Closed on');
  if (isDate(closed)) tally.closedOn = Math.min(tally.closedOn ?? Infinity, closed.getTime());
  const written = row.get('Kind');
  // As Close the cycle writes it, else as a person may have typed it.
  const kind = written === ARCHIVE_KINDS.keyResult || written === ARCHIVE_KINDS.objective ? written : normalise(written);
  if (kind === ARCHIVE_KINDS.objective) {
    tally.objectives++;
    tally.teams.add(normalise(row.get('Team')));
  } else if (kind === ARCHIVE_KINDS.keyResult) {
    tally.keyResults++;
    addKeyResult(tally, row);
  } else {
    tally.kindProblem ??= `row ${row.row} of the Archive (${tally.name}) has Kind ${describe(row.get('Kind'))}: write ${ARCHIVE_KINDS.objective} or ${ARCHIVE_KINDS.keyResult}`;
  }
}

function addKeyResult(tally: CycleTally, row: TableRow<ArchiveColumn>): void {
  const score = row.get('Score');
  const n = asNumber(score);
  if (n === undefined) {
    tally.scoreProblem ??= isBlank(score)
      ? `${keyResult(tally, row)} has no score ${where(row)}: write its Score`
      : `${keyResult(tally, row)} has score ${describe(score)} ${where(row)}: write its Score as a number from 0 to 1`;
  } else {
    tally.scoreSum += n;
    if (n >= COMPLETED_SCORE - EPSILON) tally.completed++;
  }
  const checkins = row.get('Check-ins');
  const c = asNumber(checkins);
  if (c === undefined) {
    tally.checkinProblem ??= isBlank(checkins)
      ? `${keyResult(tally, row)} has no Check-ins ${where(row)}: write how many check-ins it had, 0 if none`
      : `${keyResult(tally, row)} has Check-ins ${describe(checkins)} ${where(row)}: write how many check-ins it had, as a number`;
  } else {
    tally.checkins += c;
  }
}

/** `key result P1-KR2 of 2026-Q3`: made only for a message (a company's Archive has thousands of rows). */
function keyResult(tally: CycleTally, row: TableRow<ArchiveColumn>): string {
  const id = row.get('ID');
  return `key result ${isBlank(id) ? '(no ID)' : showId(id)} of ${tally.name}`;
}

function where(row: TableRow<ArchiveColumn>): string {
  return `(row ${row.row} of the Archive)`;
}

/** A cycle's row of the table; a figure that cannot be trusted reads `invalid: why`, a ratio over nothing is blank. */
function figures(tally: CycleTally): Cell[] {
  const { name, objectives, keyResults } = tally;
  if (tally.kindProblem) return [name, ...CYCLE_STATS_HEADERS.slice(1).map(() => `invalid: ${tally.kindProblem}`)];
  const perKeyResult = (sum: number, problem: string | undefined): Cell =>
    problem ? `invalid: ${problem}` : keyResults === 0 ? '' : sum / keyResults;
  return [
    name,
    objectives,
    keyResults,
    perKeyResult(tally.scoreSum, tally.scoreProblem),
    perKeyResult(tally.completed, tally.scoreProblem),
    perKeyResult(tally.checkins, tally.checkinProblem),
    objectives === 0 ? '' : objectives / tally.teams.size,
    objectives === 0 ? '' : keyResults / objectives,
  ];
}
