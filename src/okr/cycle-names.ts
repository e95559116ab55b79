import { Cell, asNumber, describe, isBlank, normalise, text } from './cells';
import { utcDay } from './dates';
import { UserError } from './errors';

// The cycle names every workbook knows without a Cycles tab: calendar ones
// (`2026`, `2026-H1`, `2026-Q4`, always the calendar's) and fiscal ones
// (`FY2027`, `FY2027-H1`, `FY2027-Q1`), whose days follow the workbook's
// fiscal year: the month it starts in, and whether it is named by the year it
// ends (the usual convention) or the year it starts.

export interface FiscalYear {
  /** 1 (January) to 12. */
  startMonth: number;
  naming: 'end' | 'start';
}

export const CALENDAR_YEAR: FiscalYear = { startMonth: 1, naming: 'end' };

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The words of the Settings dropdown, and what each means. */
export const FISCAL_NAMINGS = { 'the year it ends': 'end', 'the year it starts': 'start' } as const;

/** A month as a person writes it: 1-12, `February`, `feb`; blank is January. Undefined for anything else. */
export function monthNumber(value: Cell): number | undefined {
  if (isBlank(value)) return 1;
  const n = asNumber(value);
  if (n !== undefined) return Number.isInteger(n) && n >= 1 && n <= 12 ? n : undefined;
  const word = normalise(value);
  const index = MONTHS.findIndex((month) => month.toLowerCase() === word || (word.length >= 3 && month.toLowerCase().startsWith(word)));
  return index >= 0 ? index + 1 : undefined;
}

/** `end` / `start`, or the Settings words `the year it ends` / `the year it starts`; blank is `end`. */
export function fiscalNaming(value: Cell): 'end' | 'start' | undefined {
  if (isBlank(value)) return 'end';
  const word = normalise(value);
  if (word === 'end' || word === 'start') return word;
  return (FISCAL_NAMINGS as Record<string, 'end' | 'start'>)[word];
}

/** The fiscal year as the formulas' `fiscal_start` and `fiscal_naming` arguments give it, or a UserError naming the one at fault. */
export function parseFiscalYear(start: Cell, naming: Cell): FiscalYear {
  const startMonth = monthNumber(start);
  if (startMonth === undefined) {
    throw new UserError(
      `fiscal_start is ${describe(start)}: give the month the fiscal year starts in, 1 to 12 or its name, such as February`,
    );
  }
  const named = fiscalNaming(naming);
  if (named === undefined) {
    throw new UserError(`fiscal_naming is ${describe(naming)}: use end (FY2027 ends in 2027) or start (FY2027 starts in 2027)`);
  }
  return { startMonth, naming: named };
}

const BUILT_IN = /^(fy)?(\d{4})(?:-(q[1-4]|h[12]))?$/;

/** A built-in name taken apart: fiscal or not, the year, and the quarter or half (or none for a year). */
export interface BuiltInName {
  fiscal: boolean;
  year: number;
  part?: { kind: 'q' | 'h'; index: number };
}

/** The parts of a built-in name (`2026-Q4`, `FY2027-H1`), or undefined; years before 1000 are not names. */
export function builtInName(value: Cell): BuiltInName | undefined {
  const match = BUILT_IN.exec(text(value).trim().toLowerCase());
  if (!match || Number(match[2]) < 1000) return undefined;
  const part = match[3] ? { kind: match[3][0] as 'q' | 'h', index: Number(match[3][1]) } : undefined;
  return { fiscal: match[1] !== undefined, year: Number(match[2]), ...(part ? { part } : {}) };
}

/** How a built-in name is written: `2026-Q4`, `FY2027`. */
export function formatName(name: BuiltInName): string {
  return `${name.fiscal ? 'FY' : ''}${name.year}${name.part ? `-${name.part.kind.toUpperCase()}${name.part.index}` : ''}`;
}

/** The first day of a built-in cycle and the day after its last, on the wall clock. */
export function builtInDays(name: BuiltInName, fiscal: FiscalYear): { start: number; end: number } {
  const year = name.year;
  const firstMonth = name.fiscal ? fiscal.startMonth - 1 : 0;
  // A fiscal year named by its end year starts the year before, unless it starts in January.
  const firstYear = name.fiscal && fiscal.naming === 'end' && fiscal.startMonth > 1 ? year - 1 : year;
  const months = name.part ? (name.part.kind === 'q' ? 3 : 6) : 12;
  const offset = name.part ? (name.part.index - 1) * months : 0;
  return { start: utcDay(firstYear, firstMonth + offset, 1), end: utcDay(firstYear, firstMonth + offset + months, 1) };
}

/** The built-in cycle of the same kind that follows: `FY2027-Q4` → `FY2028-Q1`, `2026-H2` → `2027-H1`, `2026` → `2027`. */
export function nextBuiltIn(name: BuiltInName): BuiltInName {
  if (!name.part) return { ...name, year: name.year + 1 };
  const last = name.part.kind === 'q' ? 4 : 2;
  return name.part.index === last
    ? { ...name, year: name.year + 1, part: { kind: name.part.kind, index: 1 } }
    : { ...name, part: { kind: name.part.kind, index: name.part.index + 1 } };
}

/**
 * The quarter a wall-clock day falls in, in the naming the workbook uses:
 * the calendar's when its fiscal year starts in January, else the fiscal one.
 */
export function quarterOf(day: number, fiscal: FiscalYear): string {
  const date = new Date(day);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  if (fiscal.startMonth === 1) return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  const sinceStart = (month - fiscal.startMonth + 12) % 12;
  const startYear = month >= fiscal.startMonth ? year : year - 1;
  const fiscalYear = fiscal.naming === 'end' ? startYear + 1 : startYear;
  return `FY${fiscalYear}-Q${Math.floor(sinceStart / 3) + 1}`;
}

/**
 * The built-in names a dropdown offers for a year: last year's, this year's
 * and next year's quarters, halves and years, in calendar naming, and in
 * fiscal naming too when the fiscal year does not start in January.
 */
export function builtInChoices(year: number, fiscal: FiscalYear): string[] {
  const names: string[] = [];
  const add = (fiscalName: boolean, y: number) => {
    const prefix = `${fiscalName ? 'FY' : ''}${y}`;
    names.push(`${prefix}-Q1`, `${prefix}-Q2`, `${prefix}-Q3`, `${prefix}-Q4`, `${prefix}-H1`, `${prefix}-H2`, prefix);
  };
  for (const y of [year - 1, year, year + 1]) add(false, y);
  if (fiscal.startMonth !== 1) for (const y of [year, year + 1, year + 2]) add(true, y);
  return names;
}

/**
 * The built-in name someone most likely meant, from how it is written:
 * `Q2 2027` → `2027-Q2`, `FY27 Q1` → `FY2027-Q1`, `2027q2` → `2027-Q2`,
 * `0026-Q4` → `2026-Q4`. Undefined when nothing looks like one.
 */
export function builtInSpelling(value: Cell): string | undefined {
  const compact = text(value)
    .toLowerCase()
    .replace(/[\s_/.-]+/g, '');
  const forward = /^(fy)?(\d{4}|\d{2})(q[1-4]|h[12])?$/.exec(compact);
  const reversed = /^(q[1-4]|h[12])(fy)?(\d{4}|\d{2})$/.exec(compact);
  const [fy, year, part] = forward ? [forward[1], forward[2]!, forward[3]] : reversed ? [reversed[2], reversed[3]!, reversed[1]] : [];
  if (year === undefined) return undefined;
  const fullYear = year.length === 2 || Number(year) < 1000 ? 2000 + (Number(year) % 100) : Number(year);
  return `${fy ? 'FY' : ''}${fullYear}${part ? `-${part.toUpperCase()}` : ''}`;
}
