// The panel's status for a milestone, and the line that says why a key result
// has its status, worked by hand.
import { describe, expect, it } from 'vitest';
import { CALENDAR_YEAR } from '../../src/okr/cycle-names';
import { readCycles } from '../../src/okr/cycles';
import { cycleTiming, statusReason, type CycleTiming } from '../../src/okr/views';
import { wallClockIn } from '../wall-clock';

const UTC = wallClockIn('UTC');

describe('cycleTiming', () => {
  const calendar = { fiscal: CALENDAR_YEAR, custom: new Map() };
  const at = (iso: string) => new Date(iso);

  it('says the share elapsed and what a person calls the cycle', () => {
    // 2026-Q4 is 92 days; 2026-11-30 00:00 is 60 of them.
    const q4 = cycleTiming('2026-Q4', calendar, at('2026-11-30T00:00:00Z'), UTC)!;
    expect(q4.kind).toBe('quarter');
    expect(q4.expected).toBeCloseTo(60 / 92, 9);
    expect(cycleTiming('2026-H2', calendar, at('2026-10-01T00:00:00Z'), UTC)!.kind).toBe('half year');
    expect(cycleTiming('FY2027', calendar, at('2026-10-01T00:00:00Z'), UTC)!.kind).toBe('year');
    expect(cycleTiming('2026-Q4', calendar, at('2027-02-01T00:00:00Z'), UTC)!.expected).toBe(1);
  });

  it('calls a cycle of the Cycles tab a cycle, even one named like a quarter, and is undefined for a name it cannot read', () => {
    const custom = readCycles(
      [
        ['Cycle', 'Starts', 'Ends'],
        ['Sprint 14', '2026-11-16', '2026-11-29'],
        ['2026-Q4', '2026-10-05', '2026-12-20'],
      ],
      UTC,
    ).custom;
    const withTab = { fiscal: CALENDAR_YEAR, custom };
    expect(cycleTiming('Sprint 14', withTab, at('2026-11-23T00:00:00Z'), UTC)).toEqual({ expected: 0.5, kind: 'cycle' });
    expect(cycleTiming('2026-Q4', withTab, at('2026-11-23T00:00:00Z'), UTC)!.kind).toBe('cycle');
    expect(cycleTiming('Q4 2026', calendar, at('2026-11-23T00:00:00Z'), UTC)).toBeUndefined();
  });
});

describe('statusReason', () => {
  const quarter = (expected: number): CycleTiming => ({ expected, kind: 'quarter' });
  const number = { metric: 'increase', confidence: 6 };

  it('compares progress with the share of the cycle gone, in the status words', () => {
    expect(statusReason({ ...number, status: 'off track', progress: 0.33, timing: quarter(0.67) })).toBe(
      '33% done with 67% of the quarter gone: off track',
    );
    expect(statusReason({ ...number, status: 'on track', progress: 0.75, timing: quarter(0.66) })).toBe(
      '75% done with 66% of the quarter gone: on track',
    );
    expect(statusReason({ ...number, status: 'at risk', progress: 0.4, timing: { expected: 0.6, kind: 'half year' } })).toBe(
      '40% done with 60% of the half year gone: at risk',
    );
    expect(statusReason({ ...number, status: 'done', progress: 1, timing: quarter(0.5) })).toBe('Target reached: done');
  });

  it('says a key result with no value has no data, and says nothing without a status', () => {
    expect(statusReason({ ...number, status: 'no data', progress: null, timing: quarter(0.5) })).toBe('No value checked in yet: no data');
    expect(statusReason({ ...number, status: '', progress: 0.5, timing: undefined })).toBe('');
  });

  it('gives a milestone its confidence, or the end of its cycle, as the reason', () => {
    const milestone = { metric: 'milestone', progress: 0 };
    expect(statusReason({ ...milestone, status: 'on track', confidence: 8, timing: quarter(0.67) })).toBe(
      'A milestone, not done yet: confidence 8 of 10: on track',
    );
    expect(statusReason({ ...milestone, status: 'at risk', confidence: 6, timing: quarter(0.67) })).toBe(
      'A milestone, not done yet: confidence 6 of 10: at risk',
    );
    expect(statusReason({ ...milestone, status: 'no data', confidence: null, timing: quarter(0.67) })).toBe(
      'A milestone, not done yet: no confidence given: no data',
    );
    expect(statusReason({ ...milestone, status: 'off track', confidence: 9, timing: { expected: 1, kind: 'year' } })).toBe(
      'A milestone, not done when the year ended: off track',
    );
    expect(statusReason({ ...milestone, status: 'done', progress: 1, confidence: 9, timing: quarter(0.67) })).toBe(
      'A milestone, done: done',
    );
  });
});
