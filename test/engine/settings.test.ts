import { describe, expect, it } from 'vitest';
import { cycleOf } from '../../src/okr/cycle';
import { checkSettings } from '../../src/okr/settings';
import { describeWhere } from '../../src/okr/table';

describe('settings', () => {
  it('names the quarter of a month', () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((month) => cycleOf(2026, month))).toEqual([
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
    ];
    expect(checkSettings(values)).toEqual([]);
  });

  it('names each bad value and its cell', () => {
    const problems = checkSettings([
      ['Setting', 'Value'],
      ['Current cycle', 'Q4 2026'],
      ['Check-in cadence', 'daily'],
      ['At-risk gap', -1],
      ['Off-track gap', ''],
      ['Something of mine', 'kept'],
    ]);
    expect(problems.map((p) => [p.rule, describeWhere(p.where), p.message])).toEqual([
      ['bad-setting', 'Settings row 2, Value', 'The current cycle is "Q4 2026": write it as 2026-Q4.'],
      ['bad-setting', 'Settings row 3, Value', 'The check-in cadence is "daily": use weekly, every two weeks, monthly.'],
      ['bad-setting', 'Settings row 4, Value', 'The at-risk gap is "-1": use a number of 0 or more, such as 0.15.'],
      ['bad-setting', 'Settings row 5, Value', 'The off-track gap is "": use a number of 0 or more, such as 0.15.'],
    ]);
  });
});
