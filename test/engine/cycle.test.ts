import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/okr/errors';
import { cycleFromDays, expectedProgress } from '../../src/okr/cycle';
import { CALENDAR_YEAR, FiscalYear, builtInChoices, monthNumber, parseFiscalYear, quarterOf } from '../../src/okr/cycle-names';
import { CycleCalendar, calendarOf, cycleAdvice, nextCycle, readCycles, resolveCycle } from '../../src/okr/cycles';
import { wallClockIn } from '../wall-clock';

const utc = wallClockIn('Etc/UTC');
const newYork = wallClockIn('America/New_York');
const DAY = 86_400_000;
const calendar = (fiscal: FiscalYear = CALENDAR_YEAR, cycles?: unknown[][]): CycleCalendar => calendarOf(fiscal, cycles as never, utc);
const days = (name: string, cal = calendar()) => {
  const cycle = resolveCycle(name, cal);
  return [new Date(cycle.start).toISOString().slice(0, 10), new Date(cycle.end - DAY).toISOString().slice(0, 10)];
};
const february: FiscalYear = { startMonth: 2, naming: 'end' };

describe('calendar names', () => {
  it('reads quarters, halves and years', () => {
    expect(resolveCycle('2026-Q4', calendar())).toMatchObject({ start: Date.UTC(2026, 9, 1), end: Date.UTC(2027, 0, 1), custom: false });
    expect(days(' 2026-q1 ')).toEqual(['2026-01-01', '2026-03-31']);
    expect(days('2026-H2')).toEqual(['2026-07-01', '2026-12-31']);
    expect(days('2026')).toEqual(['2026-01-01', '2026-12-31']);
    expect(resolveCycle(2026, calendar()).name).toBe('2026');
  });

  it('keep their calendar meaning whatever the fiscal year', () => {
    expect(days('2026-Q1', calendar(february))).toEqual(['2026-01-01', '2026-03-31']);
  });

  it('suggest the right spelling for a name nobody defines', () => {
    expect(() => resolveCycle('Q4 2026', calendar())).toThrow(/^unknown cycle "Q4 2026": write it as 2026-Q4$/);
    expect(() => resolveCycle('fy27 q1', calendar())).toThrow(/write it as FY2027-Q1/);
    expect(() => resolveCycle('0026-Q4', calendar())).toThrow(/write it as 2026-Q4/);
    expect(() => resolveCycle('fall', calendar())).toThrow(/write a cycle as 2026-Q4, 2026-H1 or 2026, or add it to the Cycles tab$/);
    expect(() => resolveCycle('2026-Q5', calendar())).toThrow(UserError);
    expect(cycleAdvice('2026-Q4', calendar())).toBeUndefined();
  });
});

describe('fiscal names', () => {
  it('FY2027-Q1 with a February start is 1 February to 30 April 2026: 89 days, 44/89 on 17 March', () => {
    expect(days('FY2027-Q1', calendar(february))).toEqual(['2026-02-01', '2026-04-30']);
    const q1 = resolveCycle('FY2027-Q1', calendar(february));
    expect((q1.end - q1.start) / DAY).toBe(89);
    expect(expectedProgress(q1, new Date(Date.UTC(2026, 2, 17)), utc)).toBe(44 / 89);
    expect(days('FY2027', calendar(february))).toEqual(['2026-02-01', '2027-01-31']);
  });

  it('FY2027 with a July start is July 2026 to June 2027 named by its end, a year later named by its start', () => {
    expect(days('FY2027', calendar({ startMonth: 7, naming: 'end' }))).toEqual(['2026-07-01', '2027-06-30']);
    expect(days('FY2027', calendar({ startMonth: 7, naming: 'start' }))).toEqual(['2027-07-01', '2028-06-30']);
    expect(days('FY2027-H2', calendar({ startMonth: 7, naming: 'end' }))).toEqual(['2027-01-01', '2027-06-30']);
    expect(days('FY2027-Q4', calendar({ startMonth: 10, naming: 'end' }))).toEqual(['2027-07-01', '2027-09-30']);
  });

  it('with a January start are the calendar years', () => {
    expect(days('FY2027-Q1')).toEqual(['2027-01-01', '2027-03-31']);
  });

  it('take the month and naming as people write them', () => {
    expect([1, '2', 'February', ' feb ', 'DECEMBER', ''].map((m) => monthNumber(m as never))).toEqual([1, 2, 2, 2, 12, 1]);
    expect(monthNumber(13)).toBeUndefined();
    expect(parseFiscalYear('July', 'the year it starts')).toEqual({ startMonth: 7, naming: 'start' });
    expect(parseFiscalYear('', '')).toEqual(CALENDAR_YEAR);
    expect(() => parseFiscalYear('Smarch', 'end')).toThrow(/^fiscal_start is "Smarch"/);
    expect(() => parseFiscalYear(2, 'middle')).toThrow(/^fiscal_naming is "middle"/);
  });

  it("name today's quarter in the workbook's naming", () => {
    expect(quarterOf(Date.UTC(2026, 10, 15), CALENDAR_YEAR)).toBe('2026-Q4');
    expect(quarterOf(Date.UTC(2026, 2, 17), february)).toBe('FY2027-Q1');
    expect(quarterOf(Date.UTC(2026, 0, 17), february)).toBe('FY2026-Q4');
    expect(quarterOf(Date.UTC(2026, 7, 1), { startMonth: 7, naming: 'start' })).toBe('FY2026-Q1');
  });

  it('are offered in the dropdown only when the fiscal year does not start in January', () => {
    expect(builtInChoices(2026, CALENDAR_YEAR).some((n) => n.startsWith('FY'))).toBe(false);
    expect(builtInChoices(2026, february)).toEqual(expect.arrayContaining(['2026-Q4', 'FY2027-Q1', 'FY2028']));
  });
});

describe('custom cycles', () => {
  const table = [
    ['Cycle', 'Starts', 'Ends'],
    ['Sprint 1', '2026-01-05', '2026-02-15'],
    ['Sprint 2', '2026-02-16', '2026-03-29'],
    ['2026-Q1', '2026-01-05', '2026-03-29'],
  ];

  it('mean their own days, both included, and win over a built-in name', () => {
    expect(days('sprint 1', calendar(CALENDAR_YEAR, table))).toEqual(['2026-01-05', '2026-02-15']);
    expect(days('2026-Q1', calendar(CALENDAR_YEAR, table))).toEqual(['2026-01-05', '2026-03-29']);
    expect(resolveCycle('Sprint 2', calendar(CALENDAR_YEAR, table))).toMatchObject({ name: 'Sprint 2', custom: true });
  });

  it('are read without a header row too, and suggest a near name', () => {
    expect(days('Sprint 2', calendar(CALENDAR_YEAR, table.slice(1)))).toEqual(['2026-02-16', '2026-03-29']);
    expect(() => resolveCycle('Sprnt 2', calendar(CALENDAR_YEAR, table))).toThrow(/did you mean Sprint 2\?/);
  });

  it('report rows that cannot be used, and refuse to resolve them', () => {
    const bad = [
      ['Cycle', 'Starts', 'Ends'],
      ['Late', '2026-03-01', '2026-02-01'],
      ['Vague', 'spring', '2026-06-01'],
      ['Late', '2026-01-01', '2026-02-01'],
    ];
    expect(readCycles(bad, utc).problems).toEqual([
      { row: 2, column: 'Ends', message: 'The cycle Late ends (2026-02-01) before it starts (2026-03-01): swap the two days.' },
      {
        row: 3,
        column: 'Starts',
        message: 'The cycle Vague starts on "spring", which is not a date: write its first day, such as 2026-02-01.',
      },
      { row: 4, column: 'Cycle', message: 'The cycle Late is defined twice (first in row 2): give each cycle one row, or another name.' },
    ]);
    expect(() => resolveCycle('Late', calendar(CALENDAR_YEAR, bad))).toThrow(/^cycle Late cannot be used: The cycle Late ends/);
  });
});

describe('the cycle after', () => {
  it('is the next of its kind for a built-in name, the next to start for a custom one', () => {
    expect(nextCycle('FY2027-Q4', calendar(february))?.name).toBe('FY2028-Q1');
    expect(nextCycle('2026-Q4', calendar())?.name).toBe('2027-Q1');
    expect(nextCycle('2026-H2', calendar())?.name).toBe('2027-H1');
    expect(nextCycle('2026', calendar())?.name).toBe('2027');
    const sprints = [
      ['Cycle', 'Starts', 'Ends'],
      ['Sprint 2', '2026-02-16', '2026-03-29'],
      ['Sprint 1', '2026-01-05', '2026-02-15'],
    ];
    expect(nextCycle('Sprint 1', calendar(CALENDAR_YEAR, sprints))?.name).toBe('Sprint 2');
    expect(nextCycle('Sprint 2', calendar(CALENDAR_YEAR, sprints))).toBeUndefined();
  });
});

describe('expectedProgress', () => {
  it('is 45/92 on 15 November of 2026-Q4', () => {
    const asOf = new Date(Date.UTC(2026, 10, 15));
    expect(expectedProgress(resolveCycle('2026-Q4', calendar()), asOf, utc)).toBe(45 / 92);
  });

  it('counts days on the spreadsheet wall clock, across a daylight-saving change', () => {
    // Midnight of 15 November in New York is 05:00 UTC; Q4 spans the end of DST.
    const asOf = new Date(Date.UTC(2026, 10, 15, 5));
    expect(expectedProgress(resolveCycle('2026-Q4', calendar()), asOf, newYork)).toBe(45 / 92);
  });

  it('clamps before and after the cycle', () => {
    const q4 = resolveCycle('2026-Q4', calendar());
    expect(expectedProgress(q4, new Date(Date.UTC(2026, 5, 1)), utc)).toBe(0);
    expect(expectedProgress(q4, new Date(Date.UTC(2027, 5, 1)), utc)).toBe(1);
  });

  it('takes a cycle as first and last day, the last day counted whole', () => {
    const range = cycleFromDays(new Date(Date.UTC(2026, 10, 1)), new Date(Date.UTC(2026, 10, 10)), utc);
    expect(range).toEqual({ start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 10, 11) });
    expect(expectedProgress(range, '2026-11-06', utc)).toBe(0.5);
    expect(expectedProgress(range, new Date(Date.UTC(2026, 10, 6) + DAY / 2), utc)).toBeCloseTo(0.55, 12);
  });

  it('refuses a cycle that ends before it starts, and an as_of that is no date', () => {
    const year = resolveCycle('2026', calendar());
    expect(() => cycleFromDays('2026-11-10', '2026-11-01', utc)).toThrow(/ends before it starts/);
    expect(() => expectedProgress(year, 'soon', utc)).toThrow(/as_of is "soon", not a date/);
    expect(() => expectedProgress(year, '', utc)).toThrow(/as_of is blank: it must be a date/);
    expect(() => expectedProgress(year, '2026-02-30', utc)).toThrow(/not a date/);
  });
});
