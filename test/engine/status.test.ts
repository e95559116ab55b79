import { describe, expect, it } from 'vitest';
import { okrExpected, okrStatus } from '../../src/formulas/formulas';
import { Cell } from '../../src/okr/cells';
import { score, status } from '../../src/okr/status';
import { wallClockIn } from '../wall-clock';

describe('status', () => {
  it('is done at full progress, whatever the time', () => {
    expect(status(1, 0.1)).toBe('done');
    expect(status(1 - 1e-10, '')).toBe('done');
  });

  it('compares the gap with the default thresholds, boundaries on the side named', () => {
    expect(status(0.5, 0.5)).toBe('on track');
    expect(status(0.8, 0.5)).toBe('on track');
    expect(status(0.35, 0.5)).toBe('on track');
    expect(status(0.34, 0.5)).toBe('at risk');
    expect(status(0.2, 0.5)).toBe('at risk');
    expect(status(0.19, 0.5)).toBe('off track');
    expect(status(0.45, 0.6)).toBe('on track');
    expect(status(0.3, 0.6)).toBe('at risk');
    expect(status(0.7, 0.85)).toBe('on track');
    expect(status(0.4, 0.7)).toBe('at risk');
  });

  it('takes custom gaps', () => {
    expect(status(0.4, 0.5, 0.05, 0.1)).toBe('at risk');
    expect(status(0.39, 0.5, 0.05, 0.1)).toBe('off track');
    expect(status(0.45, 0.5, 0.05, 0.1)).toBe('on track');
  });

  it('says no data for blank progress', () => {
    expect(status('', 0.5)).toBe('no data');
  });

  it('names the argument at fault', () => {
    expect(() => status('x', 0.5)).toThrow(/progress is "x", not a number/);
    expect(() => status(0.5, '')).toThrow(/expected is blank/);
    expect(() => status(0.5, 0.5, -0.1)).toThrow(/at_risk_gap is -0.1: a gap must be 0 or more/);
    expect(() => status(0.5, 0.5, 0.4, 0.2)).toThrow(/at_risk_gap \(0.4\) is larger than off_track_gap \(0.2\)/);
  });

  it("passes on an expected that is OKR_EXPECTED's invalid row, so the status says what is wrong with the cycle", () => {
    expect(() => status(0.5, 'invalid: the cycle is odd')).toThrow(/^the cycle is odd$/);
    // Only that text: anything else that is not a number is still named as expected.
    expect(() => status(0.5, 'invalidated')).toThrow(/expected is "invalidated", not a number/);
    // Done and no data need no expected.
    expect(status(1, 'invalid: the cycle is odd')).toBe('done');
    expect(status('', 'invalid: the cycle is odd')).toBe('no data');
  });

  it('reads, in a column, the same invalid text OKR_EXPECTED gave that row', () => {
    const expected = okrExpected([['2026-Q4'], ['Q4 2026']], new Date('2026-11-15T00:00:00Z'), {}, wallClockIn('Etc/UTC'));
    const typo = (expected as string[][])[1]![0]!;
    expect(typo).toMatch(/^invalid: .*Q4 2026/);
    expect(okrStatus([[0.5], [0.5]], expected)).toEqual([['on track'], [typo]]);
  });
});

describe('status of a milestone', () => {
  // Worked by hand: a milestone is 0 until done, so mid-cycle its status is its owner's confidence
  // (7-10 on track, 4-6 at risk, 0-3 off track, blank no data); when the cycle has ended, not done is off track.
  const milestone = (progress: Cell, expected: Cell, confidence: Cell) => status(progress, expected, '', '', 'milestone', confidence);

  it('follows confidence while the cycle runs, boundaries on the side named', () => {
    expect(milestone(0, 0.67, 10)).toBe('on track');
    expect(milestone(0, 0.67, 7)).toBe('on track');
    expect(milestone(0, 0.67, 6.5)).toBe('at risk');
    expect(milestone(0, 0.67, 6)).toBe('at risk');
    expect(milestone(0, 0.67, 4)).toBe('at risk');
    expect(milestone(0, 0.67, 3.9)).toBe('off track');
    expect(milestone(0, 0.67, 3)).toBe('off track');
    expect(milestone(0, 0.67, 0)).toBe('off track');
    expect(milestone(0, 0.67, '')).toBe('no data');
    // Not yet checked in (blank current, so blank progress) is not done either.
    expect(milestone('', 0.67, 8)).toBe('on track');
    expect(milestone('', 0.67, '')).toBe('no data');
    // A number key result 0 % done with 67 % of the quarter gone is off track, whatever its confidence.
    expect(status(0, 0.67, '', '', 'increase', 9)).toBe('off track');
    expect(status(0, 0.67, '', '', '', 9)).toBe('off track');
  });

  it('ignores the gaps: 0 % of a milestone says nothing about how it goes', () => {
    expect(status(0, 0.9, 0.05, 0.1, 'milestone', 8)).toBe('on track');
    expect(status(0, 0.9, 0.05, 0.1, 'Milestone', 8)).toBe('on track');
  });

  it('is off track once its cycle has ended undone, and done when done', () => {
    expect(milestone(0, 1, 10)).toBe('off track');
    expect(milestone('', 1, '')).toBe('off track');
    expect(milestone(1, 1, 2)).toBe('done');
    expect(milestone(1, 0.2, '')).toBe('done');
  });

  it('has nothing to judge in a row with no cycle yet', () => {
    expect(milestone('', '', '')).toBe('no data');
  });

  it('names the argument at fault', () => {
    expect(() => milestone(0, 0.5, 11)).toThrow(/confidence is 11: it goes from 0 \(no chance\) to 10 \(certain\)/);
    expect(() => milestone(0, 0.5, 'high')).toThrow(/confidence is "high", not a number/);
    expect(() => status(0.5, 0.5, '', '', 'grow')).toThrow(/metric is "grow": use one of/);
    expect(() => milestone(0, 'invalid: the cycle is odd', 8)).toThrow(/^the cycle is odd$/);
  });

  it('reads row by row in columns, metric and confidence ranges like the others', () => {
    const column = (...cells: Cell[]) => cells.map((cell) => [cell]);
    expect(
      okrStatus(
        column(0, 0, 1, 0.1, ''),
        column(0.5, 1, 0.5, 0.5, ''),
        0.15,
        0.3,
        column('milestone', 'milestone', 'milestone', 'increase', ''),
        column(5, 9, '', 9, ''),
      ),
    ).toEqual(column('at risk', 'off track', 'done', 'off track', ''));
  });
});

describe('score', () => {
  it('rounds to one decimal, halves up', () => {
    expect(score(0.65)).toBe(0.7);
    expect(score(0.64)).toBe(0.6);
    expect(score(0.05)).toBe(0.1);
    expect(score(0.35)).toBe(0.4);
    expect(score(0.95)).toBe(1);
    expect(score(0)).toBe(0);
    expect(score(1)).toBe(1);
  });

  it('clamps to the 0.0-1.0 scale and leaves blank blank', () => {
    expect(score(1.4)).toBe(1);
    expect(score(-0.2)).toBe(0);
    expect(score('')).toBe('');
    expect(() => score('most')).toThrow(/progress is "most", not a number/);
  });
});
