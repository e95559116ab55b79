import { describe, expect, it } from 'vitest';
import { okrExpected, okrStatus } from '../../src/formulas/formulas';
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
