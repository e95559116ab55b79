import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { wallClockIn } from '../wall-clock';
import { loadBundle } from './bundle';

// Fiscal years and custom cycles through dist/Code.js, as Sheets calls the
// formulas: a date cell arrives as the instant of local midnight in the
// spreadsheet's time zone. The figures are counted by hand in each test.

function sheetIn(timeZone: string) {
  const clock = wallClockIn(timeZone);
  const context = loadBundle({
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => timeZone }) },
    Session: { getScriptTimeZone: () => 'Etc/UTC' },
    Utilities: { formatDate: (date: Date) => new Date(clock(date)).toISOString().slice(0, 23) },
  });
  /** The instant a date cell holding this local day arrives as. */
  const dateCell = (y: number, m: number, d: number) => {
    const guess = Date.UTC(y, m - 1, d);
    return new Date(guess - (clock(new Date(guess)) - guess));
  };
  const call = (source: string, values: Record<string, unknown> = {}) => {
    Object.assign(context, values);
    return vm.runInContext(source, context);
  };
  return { call, dateCell };
}

const utc = sheetIn('Etc/UTC');

describe('fiscal cycles', () => {
  it('FY2027-Q1 with a February start runs 1 February to 30 April 2026: on 17 March, 44 of its 89 days are gone', () => {
    // February 2026 has 28 days: 28 + 16 = 44 days before 17 March; 28 + 31 + 30 = 89 in all.
    const { call, dateCell } = utc;
    expect(call('OKR_EXPECTED("FY2027-Q1", asOf, "", "February", "the year it ends")', { asOf: dateCell(2026, 3, 17) })).toBe(44 / 89);
    expect(call('OKR_EXPECTED("FY2027-Q1", asOf, "", 2)', { asOf: dateCell(2026, 2, 1) })).toBe(0);
    expect(call('OKR_EXPECTED("FY2027-Q1", asOf, "", 2)', { asOf: dateCell(2026, 5, 1) })).toBe(1);
    // The calendar name keeps its calendar meaning: 2026-Q1 is January to March, 75 of 90 days on 17 March.
    expect(call('OKR_EXPECTED("2026-Q1", asOf, "", 2)', { asOf: dateCell(2026, 3, 17) })).toBe(75 / 90);
  });

  it('FY2027 with a July start is 1 July 2026 to 30 June 2027 named by its end, a year later named by its start', () => {
    const { call, dateCell } = utc;
    const at = (y: number, m: number, d: number, naming: string) =>
      call(`OKR_EXPECTED("FY2027", asOf, "", "July", "${naming}")`, { asOf: dateCell(y, m, d) });
    expect(at(2026, 6, 30, 'end')).toBe(0);
    // 1 January 2027 is 184 days into a 365-day year (July 31, August 31, September 30, October 31, November 30, December 31).
    expect(at(2027, 1, 1, 'end')).toBe(184 / 365);
    expect(at(2027, 7, 1, 'end')).toBe(1);
    expect(at(2027, 7, 1, 'start')).toBe(0);
    expect(at(2028, 1, 1, 'the year it starts')).toBe(184 / 366);
  });

  it('counts the same days in a time zone far from UTC', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const { call, dateCell } = sheetIn(zone);
      expect(call('OKR_EXPECTED("FY2027-Q1", asOf, "", "February")', { asOf: dateCell(2026, 3, 17) })).toBe(44 / 89);
    }
  });
});

describe('custom cycles', () => {
  const cycles = [
    ['Cycle', 'Starts', 'Ends'],
    ['Sprint 1', '2026-01-05', '2026-02-15'],
    ['2026-Q1', '2026-01-05', '2026-03-29'],
  ];

  it('mean their own days, and win over the built-in meaning of the same name', () => {
    const { call, dateCell } = utc;
    // Sprint 1: 42 days from 5 January; 21 gone on 26 January.
    expect(call('OKR_EXPECTED("sprint 1", asOf, cycles)', { asOf: dateCell(2026, 1, 26), cycles })).toBe(21 / 42);
    // 2026-Q1 redefined as 5 January to 29 March: 84 days, 42 gone on 16 February.
    expect(call('OKR_EXPECTED("2026-Q1", asOf, cycles)', { asOf: dateCell(2026, 2, 16), cycles })).toBe(42 / 84);
  });

  it('say what is wrong with a name nobody defines, with the nearest spelling', () => {
    const { call, dateCell } = utc;
    expect(call('OKR_EXPECTED([["Sprint l"], ["FY27 Q1"]], asOf, cycles, "February")', { asOf: dateCell(2026, 1, 26), cycles })).toEqual([
      ['invalid: unknown cycle "Sprint l": did you mean Sprint 1?'],
      ['invalid: unknown cycle "FY27 Q1": write it as FY2027-Q1'],
    ]);
  });

  it('are checked by OKR_VALIDATE: an objective whose cycle nobody defines', () => {
    const { call } = utc;
    const findings = call(
      'OKR_VALIDATE([["ID","Objective","Owner","Cycle"],["O1","Grow","ann","Sprint 1"],["O2","Keep","ann","Sprnt 1"]], [["ID","Objective ID","Key result","Owner","Start","Target","Current"],["KR1","O1","Ship","ann",0,1,""],["KR2","O2","Ship","ann",0,1,""]], cycles)',
      { cycles },
    ) as string[][];
    const cycleFindings = findings.filter((row) => row[1] === 'bad-cycle');
    expect(cycleFindings).toEqual([
      ['warning', 'bad-cycle', 'Objectives row 3, Cycle', 'Objective O2 has cycle "Sprnt 1": did you mean Sprint 1?'],
    ]);
  });
});
