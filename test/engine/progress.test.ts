import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/okr/errors';
import { keyResultProgress } from '../../src/okr/progress';

const invalid = (fn: () => unknown, message: RegExp) => {
  expect(fn).toThrow(UserError);
  expect(fn).toThrow(message);
};

describe('keyResultProgress: increase and decrease', () => {
  it('scales current linearly from start to target', () => {
    expect(keyResultProgress(0, 100, 25, 'increase')).toBe(0.25);
    expect(keyResultProgress(10, 20, 15)).toBe(0.5);
    expect(keyResultProgress(100, 50, 75, 'decrease')).toBe(0.5);
    expect(keyResultProgress(100, 50, 60)).toBeCloseTo(0.8, 12);
  });

  it('clamps to [0, 1]', () => {
    expect(keyResultProgress(0, 100, 150)).toBe(1);
    expect(keyResultProgress(0, 100, -20)).toBe(0);
    expect(keyResultProgress(100, 50, 10, 'decrease')).toBe(1);
    expect(keyResultProgress(100, 50, 120, 'decrease')).toBe(0);
  });

  it('lands a boundary value within 1e-9 on the bound', () => {
    expect(keyResultProgress(0.1, 0.3, 0.3)).toBe(1);
    expect(keyResultProgress(0, 1, 1 - 1e-10)).toBe(1);
    expect(keyResultProgress(0, 1, 1e-10)).toBe(0);
  });

  it('reads metric names case-insensitively with spaces around', () => {
    expect(keyResultProgress(0, 10, 5, '  INCREASE ')).toBe(0.5);
    expect(keyResultProgress(10, 0, 5, 'Decrease')).toBe(0.5);
  });

  it('accepts numbers typed as text', () => {
    expect(keyResultProgress(' 0 ', '10', '2.5')).toBe(0.25);
  });

  it('gives blank for a blank current: no data yet is not zero', () => {
    expect(keyResultProgress(0, 100, '')).toBe('');
    expect(keyResultProgress(0, 100, '   ')).toBe('');
    expect(keyResultProgress('', '', '', 'milestone')).toBe('');
  });

  it('refuses a target equal to start', () => {
    invalid(() => keyResultProgress(5, 5, 5), /target equals start/);
    invalid(() => keyResultProgress(5, 5 + 1e-12, 5, 'increase'), /target equals start/);
  });

  it('refuses a direction that contradicts the metric', () => {
    invalid(() => keyResultProgress(100, 50, 60, 'increase'), /metric is increase but target \(50\) is below start \(100\)/);
    invalid(() => keyResultProgress(0, 50, 10, 'decrease'), /metric is decrease but target \(50\) is above start \(0\)/);
  });

  it('names the argument that is not a number', () => {
    invalid(() => keyResultProgress('abc', 10, 5), /start is "abc", not a number/);
    invalid(() => keyResultProgress(0, '', 5), /target is blank: it must be a number/);
    invalid(() => keyResultProgress(0, 10, true), /current is TRUE, not a number/);
    invalid(() => keyResultProgress(0, 10, new Date(2026, 0, 1)), /current is a date, not a number/);
  });

  it('refuses an unknown metric', () => {
    invalid(() => keyResultProgress(0, 10, 5, 'grow'), /metric is "grow": use one of increase, decrease, at least, at most, milestone/);
  });
});

describe('keyResultProgress: levels to hold', () => {
  it('at least is 1 at or above target, else 0, whatever the start', () => {
    expect(keyResultProgress('ignored', 95, 95, 'at least')).toBe(1);
    expect(keyResultProgress('', 95, 99, 'at least')).toBe(1);
    expect(keyResultProgress('', 95, 94.9, 'at least')).toBe(0);
    expect(keyResultProgress('', 0.3, 0.1 + 0.2, 'at least')).toBe(1);
  });

  it('at most is 1 at or below target, else 0', () => {
    expect(keyResultProgress('', 2, 2, 'at most')).toBe(1);
    expect(keyResultProgress('', 2, 1, 'At Most')).toBe(1);
    expect(keyResultProgress('', 2, 2.01, 'at most')).toBe(0);
    expect(keyResultProgress('', 0.1 + 0.2, 0.3, 'at most')).toBe(1);
  });

  it('needs a numeric target and current', () => {
    invalid(() => keyResultProgress('', 'x', 3, 'at least'), /target is "x", not a number/);
    invalid(() => keyResultProgress('', 3, 'x', 'at most'), /current is "x", not a number/);
  });
});

describe('keyResultProgress: milestones', () => {
  it.each([true, 1, 'done', 'yes', ' DONE ', 'Yes'])('%s is done', (value) => {
    expect(keyResultProgress('', '', value, 'milestone')).toBe(1);
  });
  it.each([false, 0, 'no', 'not done', 'Not Done'])('%s is not done', (value) => {
    expect(keyResultProgress('', '', value, 'milestone')).toBe(0);
  });
  it('refuses anything else', () => {
    invalid(() => keyResultProgress('', '', 'half', 'milestone'), /a milestone is done or not done/);
    invalid(() => keyResultProgress('', '', 0.5, 'milestone'), /current is 0.5/);
  });
});
