import { describe, expect, it } from 'vitest';
import { score, status } from '../../src/okr/status';

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
