import { describe, expect, it } from 'vitest';
import { freshUntil, isStale } from '../../src/okr/stale';

const day = (iso: string) => Date.parse(`${iso}Z`);

describe('stale check-ins', () => {
  it('weekly: a check-in holds for 7 days and a grace day, then the key result is stale', () => {
    const monday = day('2026-11-02T09:30:00');
    // 2 Nov + 7 days = 9 Nov (due again), + 1 grace day = 10 Nov: still fresh that whole day.
    expect(isStale(monday, undefined, day('2026-11-10T23:59:00'), 'weekly')).toBe(false);
    // 11 Nov: 9 days after, one past the grace day.
    expect(isStale(monday, undefined, day('2026-11-11T00:00:00'), 'weekly')).toBe(true);
    // The hour of the check-in does not matter: whole days count.
    expect(isStale(day('2026-11-02T23:59:00'), undefined, day('2026-11-11T00:01:00'), 'weekly')).toBe(true);
  });

  it('every two weeks: 14 days and a grace day', () => {
    const at = day('2026-11-02T09:00:00');
    expect(isStale(at, undefined, day('2026-11-17T12:00:00'), 'every two weeks')).toBe(false);
    expect(isStale(at, undefined, day('2026-11-18T00:00:00'), 'every two weeks')).toBe(true);
  });

  it('monthly: one calendar month and a grace day; 31 January holds until 1 March', () => {
    expect(freshUntil(day('2026-01-31T10:00:00'), 'monthly')).toBe(day('2026-03-01T00:00:00'));
    expect(isStale(day('2026-01-31T10:00:00'), undefined, day('2026-03-01T18:00:00'), 'monthly')).toBe(false);
    expect(isStale(day('2026-01-31T10:00:00'), undefined, day('2026-03-02T00:00:00'), 'monthly')).toBe(true);
    // 15 October: fresh through 16 November.
    expect(isStale(day('2026-10-15T10:00:00'), undefined, day('2026-11-16T10:00:00'), 'monthly')).toBe(false);
    expect(isStale(day('2026-10-15T10:00:00'), undefined, day('2026-11-17T00:00:00'), 'monthly')).toBe(true);
    // December rolls into January of the next year.
    expect(freshUntil(day('2026-12-20T00:00:00'), 'monthly')).toBe(day('2027-01-21T00:00:00'));
  });

  it('with no check-in, counts from the first day of the cycle', () => {
    const cycleStart = day('2026-10-01T00:00:00');
    expect(isStale(undefined, cycleStart, day('2026-10-09T12:00:00'), 'weekly')).toBe(false);
    expect(isStale(undefined, cycleStart, day('2026-10-10T00:00:00'), 'weekly')).toBe(true);
    // No check-in and no usable cycle: nothing says it is fresh.
    expect(isStale(undefined, undefined, day('2026-10-02T00:00:00'), 'weekly')).toBe(true);
  });
});
