import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../dev/runtime/index';
import { formulaRunner } from './formula-fake';

// An instant: 2026-03-31 00:00 UTC, which is 02:00 in Berlin and 20:00 the day before in New York.
const instant = new Date('2026-03-31T00:00:00Z');
const sheets: Record<string, CellValue[][]> = { Sheet1: [[instant, '2026-03-01', 45000]] };

const { run, failure } = formulaRunner({ sheets });

describe('TODAY and NOW', () => {
  it('TODAY is the instant of midnight of the current day in the spreadsheet time zone', () => {
    const now = new Date('2026-03-15T05:00:00Z');
    // Los Angeles (PDT, UTC-7): still the 14th.
    expect(run('=TODAY()', { now, timeZone: 'America/Los_Angeles' })).toEqual(new Date('2026-03-14T07:00:00Z'));
    // Tokyo (UTC+9): already the 15th, 14:00.
    expect(run('=TODAY()', { now, timeZone: 'Asia/Tokyo' })).toEqual(new Date('2026-03-14T15:00:00Z'));
    expect(run('=TODAY()', { now, timeZone: 'UTC' })).toEqual(new Date('2026-03-15T00:00:00Z'));
  });

  it('TODAY is a Date that counts as its serial number', () => {
    const now = new Date('2026-03-15T05:00:00Z');
    expect(run('=TODAY()', { now })).toBeInstanceOf(Date);
    expect(run('=TODAY()-DATE(2026,3,1)', { now })).toBe(14);
    expect(run('=TODAY()&""', { now })).toBe('46096');
    expect(run('=NOW()', { now })).toEqual(now);
    expect(run('=NOW()-TODAY()', { now })).toBeCloseTo(5 / 24, 9);
  });
});

describe('dates as serial numbers on the spreadsheet clock', () => {
  it('reads a Date cell on the wall clock of the time zone', () => {
    expect(run('=DAY(A1)', { timeZone: 'Europe/Berlin' })).toBe(31);
    expect(run('=DAY(A1)', { timeZone: 'America/New_York' })).toBe(30);
    expect(run('=A1*1', { timeZone: 'Europe/Berlin' })).toBeCloseTo(46112 + 2 / 24, 9);
  });

  it('a date plus days is a date; two dates subtract to days', () => {
    const next = run('=DATE(2026, 1, 31) + 1', { timeZone: 'Europe/Berlin' });
    expect(next).toEqual(new Date('2026-01-31T23:00:00Z'));
    expect(run('=DATE(2026, 3, 1) - 1')).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(run('=DATE(2026, 12, 25) - DATE(2026, 1, 1)')).toBe(358);
    expect(run('=INT(A1) - B1', { timeZone: 'UTC' })).toBe(30);
  });

  it('dates compare as serial numbers', () => {
    expect(run('=A1 > DATE(2026, 3, 30)')).toBe(true);
    expect(run('=A1 = DATE(2026, 3, 31)')).toBe(true);
    expect(run('=A1 = DATE(2026, 3, 31)', { timeZone: 'Europe/Berlin' })).toBe(false);
    expect(run('=C1 < A1')).toBe(true);
  });

  it('DATE rolls months and days over, and reads years below 1900 as 1900+', () => {
    expect(run('=DATE(2026, 13, 1)')).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(run('=DATE(2026, 3, 0)')).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(run('=YEAR(DATE(26, 1, 1))')).toBe(1926);
    expect(failure('=DATE(-1, 1, 1)').code).toBe('#NUM!');
  });

  it('YEAR, MONTH, DAY read numbers, Dates and date text', () => {
    expect(run('=YEAR(45000)')).toBe(2023);
    expect(run('=MONTH(B1)')).toBe(3);
    expect(run('=DAY("2026-02-14")')).toBe(14);
    expect(failure('=MONTH("soon")').code).toBe('#VALUE!');
  });

  it('EOMONTH is the last day of the month, months later', () => {
    expect(run('=EOMONTH(DATE(2026, 1, 15), 1)')).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(run('=EOMONTH(DATE(2026, 1, 15), 0)')).toEqual(new Date('2026-01-31T00:00:00Z'));
    expect(run('=EOMONTH(DATE(2026, 3, 15), -1)', { timeZone: 'Asia/Tokyo' })).toEqual(new Date('2026-02-27T15:00:00Z'));
  });

  it("EDATE is the same day months later, or that month's last day", () => {
    expect(run('=EDATE(DATE(2026, 1, 31), 1)')).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(run('=EDATE(DATE(2028, 1, 31), 1)')).toEqual(new Date('2028-02-29T00:00:00Z'));
    expect(run('=EDATE(DATE(2026, 11, 15), 2)')).toEqual(new Date('2027-01-15T00:00:00Z'));
    expect(run('=EDATE(DATE(2026, 3, 15), -1)')).toEqual(new Date('2026-02-15T00:00:00Z'));
  });

  it('DATEDIF counts whole days, months and years', () => {
    expect(run('=DATEDIF("2026-01-15", "2026-03-14", "D")')).toBe(58);
    expect(run('=DATEDIF("2026-01-15", "2026-03-14", "M")')).toBe(1);
    expect(run('=DATEDIF("2024-01-15", "2026-03-15", "Y")')).toBe(2);
    expect(run('=DATEDIF("2026-01-15", "2026-03-14", "MD")')).toBe(27);
    expect(run('=DATEDIF("2024-01-15", "2026-03-15", "YM")')).toBe(2);
    expect(run('=DATEDIF("2025-12-20", "2026-01-10", "YD")')).toBe(21);
    expect(failure('=DATEDIF("2026-03-14", "2026-01-15", "D")').code).toBe('#NUM!');
  });
});
