import { describe, expect, it } from 'vitest';
import { NOTE_MAX, checkCheckin, isDue, notationOf, parseTypedNumber, periodStart } from '../../src/okr/checkin';

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
  const us = notationOf('en_US');
  const german = notationOf('de_DE');
  const french = notationOf('fr_FR');

  it("reads numbers as people type them, in the sheet's notation", () => {
    expect(parseTypedNumber(' 42 ', us)).toBe(42);
    expect(parseTypedNumber('1,234.5', us)).toBe(1234.5);
    expect(parseTypedNumber('-3', us)).toBe(-3);
    expect(parseTypedNumber('48%', us)).toBe(0.48);
    expect(parseTypedNumber('.5', us)).toBe(0.5);
    // In a German sheet 1.500 is fifteen hundred and 1,5 one and a half; in an American one the reverse.
    expect(parseTypedNumber('1.500', german)).toBe(1500);
    expect(parseTypedNumber('1,5', german)).toBe(1.5);
    expect(parseTypedNumber('1.234,5', german)).toBe(1234.5);
    expect(parseTypedNumber('1.500', us)).toBe(1.5);
    expect(parseTypedNumber('1,500', us)).toBe(1500);
    expect(parseTypedNumber('1 234,5', french)).toBe(1234.5);
    expect(parseTypedNumber('1\u202F234,5', french)).toBe(1234.5);
  });

  it('refuses what is not a number, or not one way only in that notation', () => {
    for (const text of ['', 'abc', '1,2', '12abc', '=1+1', '1.2.3', '1.234,5']) expect(parseTypedNumber(text, us)).toBeUndefined();
    for (const text of ['1.5', '1,234.5', '1.23']) expect(parseTypedNumber(text, german)).toBeUndefined();
  });

  it('knows the notation of a locale, and falls back to en_US', () => {
    expect(notationOf('de_DE')).toEqual({ tag: 'de-DE', decimal: ',', group: '.' });
    expect(notationOf('no_SUCH_LOCALE_AT_ALL_x')).toMatchObject({ decimal: '.', group: ',' });
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
