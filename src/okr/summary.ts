import type { KeyResultView } from '../shared/checkin-api';
import { Cell, EPSILON, asNumber, isBlank, normalise, showId, text, uniqueTexts } from './cells';
import { CycleCalendar, resolveCycle } from './cycles';
import { WallClock, isoDay } from './dates';
import { UserError } from './errors';
import { Snapshot, SnapshotItem } from './history';
import { People } from './people';
import { Contributions } from './rollup';
import { LINKED, OBJECTIVES, ObjectiveColumn } from './schema';
import { Settings } from './settings';
import { isStale } from './stale';
import { TableRow, readTable } from './table';
import { Tables, expectedOrUndefined, inCurrentCycle, keyResultViews, unplacedObjectives } from './views';

// The weekly summary as a model, from the tables as read: what a busy leader
// reads on a phone, in this order: where the cycle stands, what is at risk,
// who has not checked in, what moved, what was achieved. summary-mail.ts
// writes it as HTML and text; nothing here knows about mail or sheets.

export type ItemStatus = string;

/** An objective or key result as the summary lists it. */
export interface SummaryItem {
  kind: 'objective' | 'key result';
  /** As written; a linked team's objective as Team/ID. */
  id: string;
  title: string;
  owner: string;
  team: string;
  /** done, on track, at risk, off track, no data, or stale (never on track when stale). */
  status: ItemStatus;
  progress: number | null;
  confidence: number | null;
  /** Since the last summary; null when either side is unknown. */
  progressChange: number | null;
  confidenceChange: number | null;
  /** The latest check-in's note ("" for objectives and when none). */
  note: string;
  /** yyyy-mm-dd on the wall clock, or null. */
  lastCheckin: string | null;
}

/** An owner's key results that are stale, or (for reminders) due. */
export interface OwnerCheckins {
  owner: string;
  /** Where reminders go; undefined when People gives no address. */
  email: string | undefined;
  keyResults: { id: string; title: string; lastCheckin: string | null; stale: boolean }[];
}

export interface Headline {
  /** Overall progress of the cycle's top-level objectives, by the rollup rule; null with `problem` when it cannot be shown. */
  progress: number | null;
  /** The share of the cycle elapsed; null when the cycle cannot be read. */
  expected: number | null;
  /** Change since the last summary; null when there is none to compare with. */
  change: number | null;
  problem: string | null;
}

export interface Summary {
  workbook: string;
  url: string;
  cycle: string;
  /** yyyy-mm-dd: the day the summary is for. */
  date: string;
  headline: Headline;
  atRisk: SummaryItem[];
  /** Owners with stale key results, by owner. */
  stale: OwnerCheckins[];
  moved: SummaryItem[];
  wins: SummaryItem[];
  /** Owners written in this cycle's OKRs whom no address reaches (not an email, and no Email in People). */
  unreachable: string[];
  /** Objectives whose Cycle names no cycle, as `Q3 ("Q4 2026")`: left out of the summary, which says so. */
  unplaced: string[];
  errors: number;
  /** Whether an earlier summary's snapshot was there to compare with. */
  compared: boolean;
  /** Every reachable owner of the cycle's objectives and key results, each once. */
  owners: string[];
  /** Owners with due or stale key results (done ones left out), reachable or not. */
  reminders: OwnerCheckins[];
  /** What this run records in History. */
  snapshot: SnapshotItem[];
}

export interface SummaryInputs {
  tables: Tables;
  /** The Linked OKRs tab ([] when there is none). */
  linked: Cell[][];
  settings: Settings;
  calendar: CycleCalendar;
  now: Date;
  wallClock: WallClock;
  /** The latest snapshot of each id (normalised) from before this week. */
  before: Map<string, Snapshot>;
  /** Whether History holds any snapshot from before this week. */
  compared: boolean;
  errors: number;
  workbook: string;
  url: string;
}

const AT_RISK = ['off track', 'at risk'];

export function buildSummary(inputs: SummaryInputs): Summary {
  const { tables, settings, calendar, now, wallClock, before } = inputs;
  const people = new People(tables.people);
  const ours = (name: Cell) => normalise(name) === normalise(settings.workbookName);
  const objectiveRows = readTable(tables.objectives, OBJECTIVES).rows;
  const inCycle = objectiveRows.filter((row) => !isBlank(row.get('ID')) && inCurrentCycle(row, settings.cycle));
  const objectiveIds = new Set(inCycle.map((row) => normalise(row.get('ID'))));
  const views = keyResultViews(tables, settings, calendar, now, wallClock);
  const keyResults = views.filter((kr) => objectiveIds.has(normalise(kr.objectiveId)));
  const cycleStart = safe(() => resolveCycle(settings.cycle, calendar).start);
  const nowWall = wallClock(now);
  const notStarted = cycleStart !== undefined && nowWall < cycleStart;
  const stale = (kr: KeyResultView) =>
    kr.status !== 'done' &&
    isStale(kr.lastCheckin === null ? undefined : wallClock(new Date(kr.lastCheckin)), cycleStart, nowWall, settings.cadence);
  const day = (iso: string | null) => (iso === null ? null : isoDay(wallClock(new Date(iso))));
  const change = (id: string, field: 'progress' | 'confidence', value: number | null) => {
    const was = before.get(normalise(id))?.[field];
    return value === null || was === null || was === undefined ? null : value - was;
  };

  const krItems = keyResults.map((kr): SummaryItem => {
    const isStaleNow = stale(kr);
    return {
      kind: 'key result',
      id: kr.id,
      title: kr.title,
      owner: kr.owner,
      team: kr.team,
      status: isStaleNow && !AT_RISK.includes(kr.status) ? 'stale' : kr.status,
      progress: kr.progress,
      confidence: kr.confidence,
      progressChange: change(kr.id, 'progress', kr.progress),
      confidenceChange: change(kr.id, 'confidence', kr.confidence),
      note: kr.recent[0]?.note ?? '',
      lastCheckin: day(kr.lastCheckin),
    };
  });
  const objectiveItem = (row: TableRow<string>, id: string, team: string): SummaryItem => {
    const progress = fraction(row.get('Progress'));
    return {
      kind: 'objective',
      id,
      title: text(row.get('Objective')),
      owner: text(row.get('Owner')).trim(),
      team,
      status: normalise(row.get('Status')),
      progress,
      confidence: null,
      progressChange: change(id, 'progress', progress),
      confidenceChange: null,
      note: '',
      lastCheckin: null,
    };
  };
  const objectiveItems = inCycle.map((row) =>
    objectiveItem(row as TableRow<string>, text(row.get('ID')).trim(), people.teamOf(row.get('Team'), row.get('Owner'))),
  );
  // A linked team's objectives that support ours (Aligned to Name/ID, ID one of this cycle's objectives or key results).
  const supported = new Set([...objectiveIds, ...keyResults.map((kr) => normalise(kr.id))]);
  const linkedItems = readTable(inputs.linked, LINKED)
    .rows.filter((row) => {
      const aligned = text(row.get('Aligned to'));
      const slash = aligned.indexOf('/');
      return !isBlank(row.get('ID')) && slash > 0 && ours(aligned.slice(0, slash)) && supported.has(normalise(aligned.slice(slash + 1)));
    })
    .map((row) =>
      objectiveItem(row as TableRow<string>, `${text(row.get('Team')).trim()}/${text(row.get('ID')).trim()}`, text(row.get('Team')).trim()),
    );

  const objectives = [...objectiveItems, ...linkedItems];
  const severity = (s: string) => AT_RISK.indexOf(s);
  const atRisk = [...objectives, ...krItems]
    .filter((item) => AT_RISK.includes(item.status))
    .sort((a, b) => severity(a.status) - severity(b.status) || Number(a.kind === 'key result') - Number(b.kind === 'key result'));
  const movement = (item: SummaryItem) => Math.max(Math.abs(item.progressChange ?? 0), Math.abs(item.confidenceChange ?? 0) / 10);
  const moved = [...objectives, ...krItems].filter((item) => movement(item) > EPSILON).sort((a, b) => movement(b) - movement(a));
  const wins = krItems.filter((item) => item.status === 'done' && (before.get(normalise(item.id))?.progress ?? 0) < 1 - EPSILON);

  const checkinsOf = (pick: (kr: KeyResultView) => boolean) => byOwner(keyResults.filter(pick), people, day, stale);
  const ownerCells = [...inCycle.map((row) => row.get('Owner')), ...keyResults.map((kr) => kr.owner)].filter((o) => !isBlank(o));
  const unreachable = uniqueTexts(ownerCells.filter((o) => people.resolve(o).email === undefined).map((o) => text(o).trim()));
  const owners = uniqueTexts(ownerCells.map((o) => people.resolve(o).email).filter((e): e is string => e !== undefined));

  return {
    workbook: inputs.workbook,
    url: inputs.url,
    cycle: settings.cycle,
    date: isoDay(nowWall),
    headline: headline(inCycle, settings.workbookName, expectedOrUndefined(settings, calendar, now, wallClock), before),
    atRisk,
    stale: checkinsOf(stale),
    moved,
    wins,
    unreachable,
    unplaced: unplacedObjectives(objectiveRows, settings.cycle, calendar),
    errors: inputs.errors,
    compared: inputs.compared,
    owners,
    // Before the cycle starts nothing is due: a plan written ahead gets no reminders.
    reminders: checkinsOf((kr) => !notStarted && kr.status !== 'done' && (kr.due || stale(kr))),
    snapshot: [
      ...objectives.map(({ id, progress, status }) => ({ id, progress, confidence: null, status })),
      ...krItems.map(({ id, progress, confidence, status }) => ({ id, progress, confidence, status })),
    ],
  };
}

/**
 * Overall progress: the weighted mean of the cycle's top-level objectives
 * (aligned to nothing in this workbook) by the one rollup rule, read from the
 * Progress column the formulas computed; any invalid one means no number.
 */
function headline(
  objectives: TableRow<ObjectiveColumn>[],
  workbookName: string,
  expected: number | undefined,
  before: Map<string, Snapshot>,
): Headline {
  const top = objectives.filter((row) => {
    const aligned = text(row.get('Aligned to')).trim();
    if (aligned === '') return true;
    const slash = aligned.indexOf('/');
    return slash > 0 && normalise(aligned.slice(0, slash)) !== normalise(workbookName);
  });
  const overall = (progressOf: (row: TableRow<ObjectiveColumn>) => Cell) => {
    const contributions = new Contributions();
    for (const row of top) {
      const id = showId(row.get('ID'));
      contributions.add(progressOf(row), row.get('Weight'), () => ({ progress: `${id}'s progress`, weight: `${id}'s weight` }));
    }
    return contributions.result();
  };
  const now = overall((row) => row.get('Progress'));
  const expectedOrNull = expected ?? null;
  if (top.length === 0)
    return { progress: null, expected: expectedOrNull, change: null, problem: 'No objective of this cycle stands on its own yet.' };
  if (now instanceof UserError)
    return { progress: null, expected: expectedOrNull, change: null, problem: `Overall progress cannot be shown: ${now.message}.` };
  if (now === '')
    return { progress: null, expected: expectedOrNull, change: null, problem: 'No progress has been recorded this cycle yet.' };
  const then = overall((row) => before.get(normalise(row.get('ID')))?.progress ?? '');
  const known = top.every((row) => typeof before.get(normalise(row.get('ID')))?.progress === 'number');
  return { progress: now, expected: expectedOrNull, change: known && typeof then === 'number' ? now - then : null, problem: null };
}

function byOwner(
  keyResults: KeyResultView[],
  people: People,
  day: (iso: string | null) => string | null,
  stale: (kr: KeyResultView) => boolean,
): OwnerCheckins[] {
  const owners = new Map<string, OwnerCheckins>();
  for (const kr of keyResults) {
    const email = people.resolve(kr.owner).email;
    const key = email ? email.toLowerCase() : normalise(kr.owner);
    const entry = owners.get(key) ?? { owner: kr.owner || '(no owner)', email, keyResults: [] };
    entry.keyResults.push({ id: kr.id, title: kr.title, lastCheckin: day(kr.lastCheckin), stale: stale(kr) });
    owners.set(key, entry);
  }
  return [...owners.values()].sort((a, b) => b.keyResults.length - a.keyResults.length || a.owner.localeCompare(b.owner));
}

/** A progress cell as a fraction, or null when blank or not a number (an invalid one). */
function fraction(value: Cell): number | null {
  const n = asNumber(value);
  return n === undefined ? null : n;
}

function safe<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}
