import { describe, expect, it } from 'vitest';
import { NOTE_MAX, checkCheckin, isDue, parseTypedNumber, periodStart } from '../../src/okr/checkin';

describe('checkCheckin', () => {
  it('accepts a number with a confidence from 0 to 10 and a short note', () => {
    expect(checkCheckin({ value: 42, confidence: 7, note: 'shipped the tour' }, 'increase')).toEqual([]);
    expect(checkCheckin({ value: true, confidence: 0, note: '' }, 'milestone')).toEqual([]);
  });

  it('names each field at fault', () => {
    expect(checkCheckin({ value: 'abc', confidence: 11, note: 'x'.repeat(NOTE_MAX + 1) }, 'auto')).toEqual([
      { field: 'value', message: 'The new value must be a number, such as 42 or 0.5.' },
      { field: 'confidence', message: 'Confidence must be a whole number from 0 (no chance) to 10 (certain).' },
      { field: 'note', message: `The note is ${NOTE_MAX + 1} characters long: keep it to ${NOTE_MAX}.` },
    ]);
    expect(checkCheckin({ value: 1, confidence: 2.5, note: '' }, 'at least')[0]!.field).toBe('confidence');
    expect(checkCheckin({ value: NaN, confidence: 5, note: '' }, 'increase')[0]!.field).toBe('value');
    expect(checkCheckin({ value: 1, confidence: 5, note: '' }, 'milestone')).toEqual([
      { field: 'value', message: 'Choose done or not done.' },
    ]);
  });
});

describe('parseTypedNumber', () => {
  it('reads numbers as people type them', () => {
    expect(parseTypedNumber(' 42 ')).toBe(42);
    expect(parseTypedNumber('1,234.5')).toBe(1234.5);
    expect(parseTypedNumber('-3')).toBe(-3);
    expect(parseTypedNumber('48%')).toBe(0.48);
    expect(parseTypedNumber('.5')).toBe(0.5);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', 'abc', '1,2', '12abc', '=1+1', '1.2.3']) expect(parseTypedNumber(text)).toBeUndefined();
  });
});

describe('due check-ins', () => {
  // Monday 16 November 2026, 09:00 on the wall clock.
  const monday = Date.UTC(2026, 10, 16, 9);
  it('starts periods on Monday, the Monday before for every two weeks, or the 1st', () => {
    expect(new Date(periodStart(monday, 'weekly')).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(new Date(periodStart(Date.UTC(2026, 10, 22, 23), 'weekly')).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(new Date(periodStart(monday, 'every two weeks')).toISOString()).toBe('2026-11-09T00:00:00.000Z');
    expect(new Date(periodStart(monday, 'monthly')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('is due with no check-in, or none this period', () => {
    expect(isDue(undefined, monday, 'weekly')).toBe(true);
    expect(isDue(Date.UTC(2026, 10, 13, 17), monday, 'weekly')).toBe(true);
    expect(isDue(Date.UTC(2026, 10, 16, 8), monday, 'weekly')).toBe(false);
    expect(isDue(Date.UTC(2026, 10, 13, 17), monday, 'every two weeks')).toBe(false);
    expect(isDue(Date.UTC(2026, 9, 31), monday, 'monthly')).toBe(true);
  });
});
