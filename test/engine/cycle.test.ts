import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/okr/errors';
import { cycleFromDays, expectedProgress, isCycleName, parseCycleName } from '../../src/okr/cycle';
import { wallClockIn } from '../wall-clock';

const utc = wallClockIn('Etc/UTC');
const newYork = wallClockIn('America/New_York');
const DAY = 86_400_000;

describe('cycle names', () => {
  it('reads quarters, halves and years', () => {
    expect(parseCycleName('2026-Q4')).toEqual({ start: Date.UTC(2026, 9, 1), end: Date.UTC(2027, 0, 1) });
    expect(parseCycleName(' 2026-q1 ')).toEqual({ start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 3, 1) });
    expect(parseCycleName('2026-H2')).toEqual({ start: Date.UTC(2026, 6, 1), end: Date.UTC(2027, 0, 1) });
    expect(parseCycleName(2026)).toEqual({ start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) });
  });

  it('suggests the right spelling for a reversed name', () => {
    expect(() => parseCycleName('Q4 2026')).toThrow(/cycle is "Q4 2026": write it as 2026-Q4/);
    expect(() => parseCycleName('fall')).toThrow(/write a cycle as 2026-Q4, 2026-H1 or 2026/);
    expect(() => parseCycleName('2026-Q5')).toThrow(UserError);
    expect(isCycleName('2026-Q4')).toBe(true);
    expect(isCycleName('Q4 2026')).toBe(false);
  });
});

describe('expectedProgress', () => {
  it('is 45/92 on 15 November of 2026-Q4', () => {
    const asOf = new Date(Date.UTC(2026, 10, 15));
    expect(expectedProgress(parseCycleName('2026-Q4'), asOf, utc)).toBe(45 / 92);
  });

  it('counts days on the spreadsheet wall clock, across a daylight-saving change', () => {
    // Midnight of 15 November in New York is 05:00 UTC; Q4 spans the end of DST.
    const asOf = new Date(Date.UTC(2026, 10, 15, 5));
    expect(expectedProgress(parseCycleName('2026-Q4'), asOf, newYork)).toBe(45 / 92);
  });

  it('clamps before and after the cycle', () => {
    const q4 = parseCycleName('2026-Q4');
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
    expect(() => cycleFromDays('2026-11-10', '2026-11-01', utc)).toThrow(/ends before it starts/);
    expect(() => expectedProgress(parseCycleName('2026'), 'soon', utc)).toThrow(/as_of is "soon", not a date/);
    expect(() => expectedProgress(parseCycleName('2026'), '', utc)).toThrow(/as_of is blank: it must be a date/);
    expect(() => expectedProgress(parseCycleName('2026'), '2026-02-30', utc)).toThrow(/not a date/);
  });
});
