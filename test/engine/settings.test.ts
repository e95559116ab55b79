import { describe, expect, it } from 'vitest';
import { CALENDAR_YEAR, quarterOf } from '../../src/okr/cycle-names';
import { calendarOf } from '../../src/okr/cycles';
import { checkSettings, readSettings } from '../../src/okr/settings';
import { describeWhere } from '../../src/okr/table';

const calendar = calendarOf(CALENDAR_YEAR, undefined, (d) => d.getTime());

describe('settings', () => {
  it('names the quarter of a month', () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((month) => quarterOf(Date.UTC(2026, month - 1, 1), CALENDAR_YEAR))).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q2',
      '2026-Q3',
      '2026-Q3',
      '2026-Q4',
      '2026-Q4',
    ]);
  });

  it('accepts good settings, by name, in any row order', () => {
    const values = [
      ['Value', 'Setting'],
      [0.3, 'Off-track gap'],
      ['2026-Q4', ' current CYCLE '],
      ['weekly', 'Check-in cadence'],
      [0.15, 'At-risk gap'],
      ['February', 'Fiscal year starts'],
      ['the year it starts', 'Fiscal year named by'],
    ];
    expect(checkSettings(values, calendar)).toEqual([]);
    expect(readSettings(values, { year: 2026, month: 11 }).fiscal).toEqual({ startMonth: 2, naming: 'start' });
  });

  it("falls back to today's quarter in the workbook's naming when the current cycle is blank", () => {
    const values = [
      ['Setting', 'Value'],
      ['Current cycle', ''],
      ['Fiscal year starts', 'February'],
    ];
    expect(readSettings(values, { year: 2026, month: 3 }).cycle).toBe('FY2027-Q1');
  });

  it('names each bad value and its cell', () => {
    const problems = checkSettings(
      [
        ['Setting', 'Value'],
        ['Current cycle', 'Q4 2026'],
        ['Check-in cadence', 'daily'],
        ['At-risk gap', -1],
        ['Off-track gap', ''],
        ['Fiscal year starts', 'Smarch'],
        ['Fiscal year named by', 'the middle'],
        ['Something of mine', 'kept'],
      ],
      calendar,
    );
    expect(problems.map((p) => [p.rule, describeWhere(p.where), p.message])).toEqual([
      ['bad-setting', 'Settings row 2, Value', 'The current cycle is "Q4 2026": write it as 2026-Q4.'],
      ['bad-setting', 'Settings row 3, Value', 'The check-in cadence is "daily": use weekly, every two weeks, monthly.'],
      ['bad-setting', 'Settings row 4, Value', 'The at-risk gap is "-1": use a number of 0 or more, such as 0.15.'],
      ['bad-setting', 'Settings row 5, Value', 'The off-track gap is "": use a number of 0 or more, such as 0.15.'],
      ['bad-setting', 'Settings row 6, Value', 'The fiscal year starts in "Smarch", which is not a month: choose one, such as February.'],
      [
        'bad-setting',
        'Settings row 7, Value',
        'A fiscal year is named by "the middle": choose the year it ends (FY2027 ends in 2027) or the year it starts.',
      ],
    ]);
  });
});
