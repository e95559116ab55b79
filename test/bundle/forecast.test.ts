import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { wallClockIn } from '../wall-clock';
import { loadBundle } from './bundle';

// OKR_FORECAST and OKR_CHECKIN_RATE through dist/Code.js, as Sheets calls
// them: a date cell arrives as the instant of its local time in the
// spreadsheet's time zone. Every figure is worked by hand in the comments.

function sheetIn(timeZone: string) {
  const clock = wallClockIn(timeZone);
  const context = loadBundle({
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => timeZone }) },
    Session: { getScriptTimeZone: () => 'Etc/UTC' },
    Utilities: { formatDate: (date: Date) => new Date(clock(date)).toISOString().slice(0, 23) },
  });
  /** The instant a date-time cell holding this local time arrives as. */
  const at = (y: number, m: number, d: number, h = 0, min = 0) => {
    const guess = Date.UTC(y, m - 1, d, h, min);
    return new Date(guess - (clock(new Date(guess)) - guess));
  };
  const call = (source: string, values: Record<string, unknown> = {}) => {
    Object.assign(context, values);
    return vm.runInContext(source, context) as unknown;
  };
  const messageOf = (source: string, values: Record<string, unknown> = {}): string => {
    try {
      call(source, values);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${source} did not fail`);
  };
  return { call, at, messageOf };
}

const utc = sheetIn('Etc/UTC');
const column = (...cells: unknown[]) => cells.map((cell) => [cell]);

/**
 * 2026-Q4 runs from 1 October (day 0) to the midnight after 31 December, day 92.
 * The worked line: start 0 at day 0, check-ins of 10 on 8 October (day 7),
 * 18 on 15 October (day 14) and 33 on 22 October (day 21).
 *   mean x = (0 + 7 + 14 + 21) / 4 = 10.5;  mean y = (0 + 10 + 18 + 33) / 4 = 15.25
 *   Σ(x − x̄)² = 10.5² + 3.5² + 3.5² + 10.5² = 245
 *   Σ(x − x̄)(y − ȳ) = (−10.5)(−15.25) + (−3.5)(−5.25) + (3.5)(2.75) + (10.5)(17.75) = 374.5
 *   slope = 374.5 / 245 = 107/70 a day;  intercept = 15.25 − 10.5 × 107/70 = −0.8
 *   at day 92: −0.8 + 92 × 107/70 = 4894/35 ≈ 139.83
 */
const AT_END = 4894 / 35;
const { at } = utc;
const paper = {
  ids: column('KR1', 'KR1', 'KR1'),
  times: column(at(2026, 10, 8), at(2026, 10, 15), at(2026, 10, 22)),
  values: column(10, 18, 33),
  asOf: at(2026, 11, 15),
};
const forecast = (krs: string, cycle = '"2026-Q4"', asOf = 'asOf') => `OKR_FORECAST(${krs}, ids, times, values, ${cycle}, ${asOf})`;

describe('OKR_FORECAST', () => {
  it('reads the least-squares line through start and the check-ins at the end of the cycle', () => {
    // Target 200: 139.83 / 200 = 4894/7000 ≈ 0.699.
    expect(utc.call(forecast('"KR1", 0, 200, "increase"'), paper)).toBeCloseTo(AT_END / 200, 12);
    expect(AT_END / 200).toBeCloseTo(0.699, 3);
    expect(utc.call(forecast('[["KR1"]], [[0]], [[200]], [[""]]'), paper)).toEqual([[expect.closeTo(4894 / 7000, 12)]]);
    // Past its target it is done: clamped to 1, as OKR_PROGRESS clamps.
    expect(utc.call(forecast('"KR1", 0, 100, "increase"'), paper)).toBe(1);
  });

  it('takes the cycle as two date cells (first day, last day) too', () => {
    const days = [[at(2026, 10, 1), at(2026, 12, 31)]];
    expect(utc.call(forecast('"KR1", 0, 200, "increase"', 'days'), { ...paper, days })).toBeCloseTo(4894 / 7000, 12);
  });

  it('decrease mirrors increase', () => {
    // Values 100 − the worked ones: at day 92 the line reads 100 − 139.83; from 100 toward −100 that is 139.83 / 200 of the way.
    const values = column(90, 82, 67);
    expect(utc.call(forecast('"KR1", 100, -100, "decrease"'), { ...paper, values })).toBeCloseTo(4894 / 7000, 12);
  });

  it('at least and at most give 1 or 0 on where the line ends (139.83)', () => {
    expect(utc.call(forecast('"KR1", 0, 100, "at least"'), paper)).toBe(1);
    expect(utc.call(forecast('"KR1", 0, 150, "at least"'), paper)).toBe(0);
    expect(utc.call(forecast('"KR1", 0, 150, "at most"'), paper)).toBe(1);
    expect(utc.call(forecast('"KR1", 0, 100, "at most"'), paper)).toBe(0);
    // With no start, the line is the check-ins' alone: (7, 10), (14, 18), (21, 33):
    // x̄ = 14, ȳ = 61/3; Σ(x − x̄)² = 98; Σ(x − x̄)(y − ȳ) = (−7)(10 − 61/3) + 7(33 − 61/3) = 161; slope 161/98 = 23/14;
    // at day 92: 61/3 + (92 − 14) × 23/14 ≈ 148.48, so below 150 and above 145.
    expect(utc.call(forecast('"KR1", "", 150, "at most"'), paper)).toBe(1);
    expect(utc.call(forecast('"KR1", "", 145, "at most"'), paper)).toBe(0);
  });

  it('leaves out check-ins after as_of', () => {
    // As of 20 October only (0, 0), (7, 10), (14, 18) count: x̄ = 7, ȳ = 28/3; Σ(x − x̄)² = 98;
    // Σ(x − x̄)(y − ȳ) = (−7)(−28/3) + 7(26/3) = 126; slope 9/7, intercept 28/3 − 9 = 1/3;
    // at day 92: 1/3 + 92 × 9/7 = 2491/21 ≈ 118.62; of 200: 2491/4200 ≈ 0.593.
    expect(utc.call(forecast('"KR1", 0, 200, "increase"'), { ...paper, asOf: at(2026, 10, 20) })).toBeCloseTo(2491 / 4200, 12);
    // As of the first check-in's very moment, it counts: (0, 0), (7, 10) reach 10/7 × 92 ≈ 131.43 of 200.
    expect(utc.call(forecast('"KR1", 0, 200, "increase"'), { ...paper, asOf: at(2026, 10, 8) })).toBeCloseTo((92 * 10) / 7 / 200, 12);
    // Before any check-in: blank.
    expect(utc.call(forecast('"KR1", 0, 200, "increase"'), { ...paper, asOf: at(2026, 10, 7, 23, 59) })).toBe('');
  });

  it('is blank for a cycle that has not started, or one with no check-in of the key result', () => {
    // 2027-Q1 starts 1 January 2027: the October check-ins are not in it.
    expect(utc.call(forecast('"KR1", 0, 200, "increase"', '"2027-Q1"', 'new Date(Date.UTC(2027, 5, 1))'), paper)).toBe('');
    expect(utc.call(forecast('[["KR1"],["KR2"]], 0, 200, "increase"'), paper)).toEqual([[expect.closeTo(4894 / 7000, 12)], ['']]);
  });

  it('uses now when as_of is blank or left out', () => {
    // A cycle long past takes every check-in; one in 2099 has none yet.
    const past = { ids: column('KR1'), times: column(at(2020, 10, 8)), values: column(10) };
    // (0, 0), (7, 10): at day 92, 920/7 of target 200.
    expect(utc.call('OKR_FORECAST("KR1", 0, 200, "", ids, times, values, "2020-Q4")', past)).toBeCloseTo(920 / 7 / 200, 12);
    expect(utc.call('OKR_FORECAST("KR1", 0, 200, "", ids, times, values, "2020-Q4", "")', past)).toBeCloseTo(920 / 7 / 200, 12);
    const future = { ids: column('KR1'), times: column(at(2099, 1, 8)), values: column(10) };
    expect(utc.call('OKR_FORECAST("KR1", 0, 200, "", ids, times, values, "2099-Q1")', future)).toBe('');
  });

  it("counts a check-in by the cycle's days in the spreadsheet's time zone", () => {
    // 2026-09-30 10:00 UTC is 00:00 on 1 October in Kiritimati (UTC+14): day 0 of 2026-Q4, in the cycle.
    // Every point is then on day 0, (0, 0) and (0, 10): no spread to give a slope, so the line is flat at their mean, 5: 5/100.
    // In UTC and in Pago Pago (UTC−11) it is still 30 September (10:00, and 23:00 on the 29th): before the cycle, blank.
    const checkins = { ids: column('KR1'), times: column(new Date(Date.UTC(2026, 8, 30, 10))), values: column(10), asOf: at(2026, 11, 15) };
    const call = 'OKR_FORECAST("KR1", 0, 100, "increase", ids, times, values, "2026-Q4", asOf)';
    expect(sheetIn('Pacific/Kiritimati').call(call, checkins)).toBe(0.05);
    expect(utc.call(call, checkins)).toBe('');
    expect(sheetIn('Pacific/Pago_Pago').call(call, checkins)).toBe('');
    // 2027-01-01 10:30 UTC is 23:30 on 31 December in Pago Pago: in 2026-Q4 there, after it in UTC.
    // Pago Pago: (0, 0), (91 + 23.5/24, 10): the line reaches 10 × 92 / (91 + 23.5/24) at day 92, of 100.
    const late = { ...checkins, times: column(new Date(Date.UTC(2027, 0, 1, 10, 30))), asOf: new Date(Date.UTC(2027, 1, 1)) };
    expect(sheetIn('Pacific/Pago_Pago').call(call, late)).toBeCloseTo((10 * 92) / (91 + 23.5 / 24) / 100, 12);
    expect(utc.call(call, late)).toBe('');
  });

  it('gives a milestone 1 once its latest check-in reads done, else blank', () => {
    const checkins = {
      ids: column('M1', 'M1', 'M2'),
      times: column(at(2026, 10, 8), at(2026, 10, 22), at(2026, 10, 8)),
      values: column('not done', 'done', false),
    };
    const call = 'OKR_FORECAST(krs, "", "", "milestone", ids, times, values, "2026-Q4", asOf)';
    const krs = column('M1', 'M2', 'M3');
    expect(utc.call(call, { ...checkins, krs, asOf: at(2026, 11, 15) })).toEqual([[1], [''], ['']]);
    // As of 15 October, M1's latest check-in still reads not done.
    expect(utc.call(call, { ...checkins, krs, asOf: at(2026, 10, 15) })).toEqual([[''], [''], ['']]);
    // A value that is neither done nor not done is named, not read as either.
    const maybe = { ...checkins, values: column('not done', 'maybe', false), krs, asOf: at(2026, 11, 15) };
    expect(utc.call(call, maybe)).toEqual([
      ['invalid: check-in of 2026-10-22 (row 2 of checkin_values) is "maybe": a milestone is done or not done (TRUE/FALSE, yes/no, 1/0)'],
      [''],
      [''],
    ]);
  });

  it('refuses a bad start, target or metric with the words of OKR_PROGRESS, even before any check-in', () => {
    const rows =
      'OKR_FORECAST([["KR1"],["KR9"],["KR1"],["KR1"]], [["x"],["x"],[0],[10]], [[200],[200],[200],[10]], [[""],[""],["grow"],[""]], ids, times, values, "2026-Q4", asOf)';
    const progress = utc.call('OKR_PROGRESS([["x"],[0],[10]], [[200],[200],[10]], [[5],[5],[5]], [[""],["grow"],[""]])') as string[][];
    expect(progress.map(([cell]) => cell)).toEqual([
      'invalid: start is "x", not a number',
      'invalid: metric is "grow": use one of increase, decrease, at least, at most, milestone',
      'invalid: target equals start (10): there is no change to measure',
    ]);
    expect(utc.call(rows, paper)).toEqual([[progress[0]![0]], [progress[0]![0]], [progress[1]![0]], [progress[2]![0]]]);
    expect(utc.messageOf(forecast('"KR1", "x", 200, ""'), paper)).toBe(utc.messageOf('OKR_PROGRESS("x", 200, 5)'));
  });

  it('matches ids as OKR_ROLLUP does: whatever the case and the spaces', () => {
    const ids = column(' kr  one ', 'Kr One', 'KR\u00a0ONE');
    expect(utc.call(forecast('"KR One", 0, 200, "increase"'), { ...paper, ids })).toBeCloseTo(4894 / 7000, 12);
  });

  it('ignores check-in rows whose id is blank', () => {
    const withBlank = {
      ...paper,
      ids: column('KR1', 'KR1', 'KR1', ''),
      times: column(...paper.times.flat(), ''),
      values: column(10, 18, 33, 'x'),
    };
    expect(utc.call(forecast('"KR1", 0, 200, "increase"'), withBlank)).toBeCloseTo(4894 / 7000, 12);
  });

  it('takes a column of cycles, one per row', () => {
    // KR1 in 2026-Q3 (1 July to 30 September, 92 days): (0, 0), (46, 25) reach 50 at day 92: 0.5.
    // KR2 in 2026-Q4: (0, 0), (23, 10) reach 40 at day 92: 0.4. Each ignores the other quarter's check-in.
    const checkins = {
      ids: column('KR1', 'KR1', 'KR2', 'KR2'),
      times: column(at(2026, 8, 16), at(2026, 10, 24), at(2026, 10, 24), at(2026, 8, 16)),
      values: column(25, 99, 10, 99),
      cycles: column('2026-Q3', '2026-Q4'),
      asOf: at(2026, 12, 1),
    };
    expect(utc.call('OKR_FORECAST([["KR1"],["KR2"]], 0, 100, "increase", ids, times, values, cycles, asOf)', checkins)).toEqual([
      [0.5],
      [expect.closeTo(0.4, 12)],
    ]);
  });

  it('makes a row invalid, naming the check-in, when a value is not a number or a time not a date', () => {
    const checkins = {
      ids: column('KR1', 'KR1', 'KR2', 'KR3'),
      times: column(at(2026, 10, 8), at(2026, 11, 9), 'soon', at(2026, 10, 8)),
      values: column(10, 'abc', 5, 5),
      asOf: at(2026, 11, 15),
    };
    expect(utc.call('OKR_FORECAST([["KR1"],["KR2"],["KR3"]], 0, 100, "", ids, times, values, "2026-Q4", asOf)', checkins)).toEqual([
      ['invalid: check-in of 2026-11-09 (row 2 of checkin_values) has value "abc", not a number'],
      ['invalid: row 3 of checkin_times is "soon", not a date'],
      [expect.closeTo(((5 / 7) * 92) / 100, 12)],
    ]);
  });
});

describe('OKR_CHECKIN_RATE', () => {
  const rate = (source: string, values: Record<string, unknown>) => utc.call(source, values);

  it('weekly: a check-in counts for 7 days and a grace day; never checked in is stale', () => {
    // As of 15 November: 12 November (3 days ago) and 7 November (8 days ago, fresh through the 15th) count;
    // 6 November (9 days ago, fresh through the 14th) and never do not: 2 of 4. The row with no id is left out.
    const values = {
      ids: column('KR1', 'KR2', 'KR3', 'KR4', ''),
      last: column(at(2026, 11, 12), at(2026, 11, 7, 23, 0), at(2026, 11, 6), '', at(2026, 1, 1)),
      asOf: at(2026, 11, 15, 18),
    };
    expect(rate('OKR_CHECKIN_RATE(ids, last, "weekly", asOf)', values)).toBe(0.5);
    expect(rate('OKR_CHECKIN_RATE(ids, last, "", asOf)', values)).toBe(0.5);
    // Every two weeks (any case): 6 November is fresh through the 21st: 3 of 4.
    expect(rate('OKR_CHECKIN_RATE(ids, last, "Every Two Weeks", asOf)', values)).toBe(0.75);
  });

  it('monthly: the same day next month, and a grace day', () => {
    // As of 15 November: 14 October is fresh through 15 November; 13 October only through the 14th;
    // 31 October through 1 December (30 November, the last day of the month, and a grace day): 2 of 3.
    const values = {
      ids: column('KR1', 'KR2', 'KR3'),
      last: column(at(2026, 10, 14), at(2026, 10, 13), at(2026, 10, 31)),
      asOf: at(2026, 11, 15),
    };
    expect(rate('OKR_CHECKIN_RATE(ids, last, "monthly", asOf)', values)).toBe(2 / 3);
  });

  it('is blank with no key results', () => {
    expect(
      rate('OKR_CHECKIN_RATE(ids, last, "weekly", asOf)', {
        ids: column('', ' '),
        last: column('', at(2026, 11, 1)),
        asOf: at(2026, 11, 15),
      }),
    ).toBe('');
  });

  it('refuses a bad cadence or last check-in, naming it', () => {
    const values = { ids: column('KR1', 'KR2'), last: column('', 'soon'), asOf: at(2026, 11, 15) };
    expect(utc.messageOf('OKR_CHECKIN_RATE(ids, last, "daily", asOf)', values)).toBe(
      'cadence is "daily": use weekly, every two weeks or monthly',
    );
    expect(utc.messageOf('OKR_CHECKIN_RATE(ids, last, "weekly", asOf)', values)).toBe('row 2 of last_checkins is "soon", not a date');
  });
});
