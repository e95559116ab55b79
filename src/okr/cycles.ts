import { Cell, describe, isBlank, normalise, showId, text } from './cells';
import { BuiltInName, FiscalYear, builtInDays, builtInName, builtInSpelling, formatName, nextBuiltIn } from './cycle-names';
import { DAY, WallClock, isoDay, wallDay } from './dates';
import { UserError } from './errors';
import { CYCLES } from './schema';
import { matchHeaders } from './table';

// What a cycle name means in one workbook: a row of its Cycles tab (which wins
// over the built-in meaning of the same name), else a built-in calendar or
// fiscal name. Every time-based figure resolves names here, so a cycle means
// the same days in every formula, the panel, validation and what comes later.

/** A cycle's days on the wall clock: its first day at 00:00, and the day after its last at 00:00. */
export interface CycleRange {
  start: number;
  end: number;
}

export interface Cycle extends CycleRange {
  /** As written where it was defined: `FY2027-Q1`, `Sprint 14`. */
  name: string;
  custom: boolean;
}

/** A row of the Cycles tab: its days, or what is wrong with it. */
export interface CustomCycle {
  name: string;
  /** 1-based row within the range read. */
  row: number;
  days?: CycleRange;
  problem?: CycleTableProblem;
}

export interface CycleCalendar {
  fiscal: FiscalYear;
  /** The Cycles tab's rows by normalised name; the first row of a name wins. */
  custom: Map<string, CustomCycle>;
}

/** A problem with a row of the Cycles tab, where it is (1-based row within the range read). */
export interface CycleTableProblem {
  row: number;
  column: 'Cycle' | 'Starts' | 'Ends';
  message: string;
}

type CycleColumn = CycleTableProblem['column'];

/**
 * Reads a cycles table: three columns Cycle, Starts, Ends (both days
 * included), with or without a header row (found by its names, in any order),
 * as the formulas' `cycles` argument or the Cycles tab. Rows with no name are
 * skipped; a row that cannot be used is kept with its problem, so a formula
 * asking for that name says what is wrong rather than falling back to a
 * built-in meaning.
 */
export function readCycles(
  values: readonly (readonly Cell[])[],
  wallClock: WallClock,
): { custom: Map<string, CustomCycle>; problems: CycleTableProblem[] } {
  const header = matchHeaders(values[0] ?? [], CYCLES.headers);
  const hasHeader = header.has('Cycle') && header.has('Starts') && header.has('Ends');
  const at = (column: CycleColumn) => (hasHeader ? header.get(column)! : CYCLES.headers.indexOf(column));
  const custom = new Map<string, CustomCycle>();
  const problems: CycleTableProblem[] = [];
  values.forEach((cells, index) => {
    const row = index + 1;
    if (hasHeader && row === 1) return;
    const name = text(cells[at('Cycle')]).trim();
    if (name === '') return;
    const first = custom.get(normalise(name));
    if (first) {
      problems.push({
        row,
        column: 'Cycle',
        message: `The cycle ${showId(name)} is defined twice (first in row ${first.row}): give each cycle one row, or another name.`,
      });
      return;
    }
    const cycle = customCycle(name, cells[at('Starts')], cells[at('Ends')], row, wallClock);
    if (cycle.problem) problems.push(cycle.problem);
    custom.set(normalise(name), cycle);
  });
  return { custom, problems };
}

/** A day of the Cycles tab, or undefined when the cell holds no date. */
function dayIn(cell: Cell, wallClock: WallClock): number | undefined {
  try {
    return wallDay(cell, 'day', wallClock);
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

function customCycle(name: string, starts: Cell, ends: Cell, row: number, wallClock: WallClock): CustomCycle {
  const problem = (column: CycleColumn, message: string): CustomCycle => ({ name, row, problem: { row, column, message } });
  const start = dayIn(starts, wallClock);
  if (start === undefined)
    return problem(
      'Starts',
      `The cycle ${showId(name)} starts on ${describe(starts)}, which is not a date: write its first day, such as 2026-02-01.`,
    );
  const last = dayIn(ends, wallClock);
  if (last === undefined)
    return problem(
      'Ends',
      `The cycle ${showId(name)} ends on ${describe(ends)}, which is not a date: write its last day, such as 2026-03-14.`,
    );
  if (last < start)
    return problem('Ends', `The cycle ${showId(name)} ends (${isoDay(last)}) before it starts (${isoDay(start)}): swap the two days.`);
  return { name, row, days: { start, end: last + DAY } };
}

/**
 * The fiscal year and cycles table as the formulas get them: `cycles` a range
 * (or nothing), `fiscal_start` and `fiscal_naming` single values.
 */
export function calendarOf(fiscal: FiscalYear, cycles: readonly (readonly Cell[])[] | undefined, wallClock: WallClock): CycleCalendar {
  return { fiscal, custom: cycles ? readCycles(cycles, wallClock).custom : new Map() };
}

/** The days a cycle name means in this workbook; a UserError that says what is wrong, with the nearest valid spelling. */
export function resolveCycle(value: Cell, calendar: CycleCalendar): Cycle {
  if (isBlank(value)) throw new UserError('cycle is blank: name a cycle such as 2026-Q4');
  const custom = calendar.custom.get(normalise(value));
  if (custom) {
    if (!custom.days) throw new UserError(`cycle ${showId(custom.name)} cannot be used: ${custom.problem!.message}`);
    return { name: custom.name, ...custom.days, custom: true };
  }
  const name = builtInName(value);
  if (name) return builtIn(name, calendar.fiscal);
  throw new UserError(`unknown cycle ${describe(value)}: ${spellingHint(value, calendar)}`);
}

function builtIn(name: BuiltInName, fiscal: FiscalYear): Cycle {
  return { name: formatName(name), ...builtInDays(name, fiscal), custom: false };
}

/**
 * What to do about a cycle name that names no usable cycle in this workbook
 * (`write it as 2027-Q2`, or what is wrong with its row of the Cycles tab);
 * undefined when it names one.
 */
export function cycleAdvice(value: Cell, calendar: CycleCalendar): string | undefined {
  if (isBlank(value)) return 'name a cycle such as 2026-Q4';
  const custom = calendar.custom.get(normalise(value));
  if (custom) return custom.days ? undefined : custom.problem!.message;
  return builtInName(value) ? undefined : spellingHint(value, calendar);
}

/** Advice as the end of a sentence: a full stop unless it ends in one already, or in a question. */
export function sentence(advice: string): string {
  return /[.?!]$/.test(advice) ? advice : `${advice}.`;
}

/** The nearest valid spelling of a name nobody defines, as advice. */
function spellingHint(value: Cell, calendar: CycleCalendar): string {
  const builtInGuess = builtInSpelling(value);
  if (builtInGuess && builtInName(builtInGuess)) return `write it as ${builtInGuess}`;
  const near = nearestCustom(text(value), calendar);
  if (near) return `did you mean ${near}?`;
  const names = ['2026-Q4', '2026-H1', '2026', ...(calendar.fiscal.startMonth === 1 ? [] : ['FY2027-Q1'])];
  const own = calendar.custom.size > 0 ? 'use a name from the Cycles tab' : 'add it to the Cycles tab';
  return `write a cycle as ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, or ${own}`;
}

/** The Cycles tab's name closest to what was written, when it differs by at most two letters. */
function nearestCustom(written: string, calendar: CycleCalendar): string | undefined {
  const target = normalise(written);
  let best: { name: string; distance: number } | undefined;
  for (const [key, cycle] of calendar.custom) {
    const distance = editDistance(target, key);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: cycle.name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The cycle after this one: one cycle is after another when it starts later.
 * After a custom cycle comes the custom cycle that starts next; after a
 * built-in one, the next of its kind (`FY2027-Q4` → `FY2028-Q1`, `2026-Q4` →
 * `2027-Q1`). Undefined after the last custom cycle.
 */
export function nextCycle(value: Cell, calendar: CycleCalendar): Cycle | undefined {
  const cycle = resolveCycle(value, calendar);
  if (!cycle.custom) return builtIn(nextBuiltIn(builtInName(cycle.name)!), calendar.fiscal);
  const later = [...calendar.custom.values()].filter((c) => c.days && c.days.start > cycle.start);
  const next = later.sort((a, b) => a.days!.start - b.days!.start)[0];
  return next && { name: next.name, ...next.days!, custom: true };
}
