import { describe, expect, it } from 'vitest';
import { carryId } from '../../src/okr/cycle-close';

describe('carryId', () => {
  it.each([
    ['P1-KR2', '2026-Q4', '2027-Q1', 'P1-KR2-2027Q1'],
    // A suffix an earlier carry-over gave is replaced, not stacked.
    ['P1-KR2-2026Q4', '2026-Q4', '2027-Q1', 'P1-KR2-2027Q1'],
    ['p1-kr2-2026q4', '2026-Q4', '2027-Q1', 'p1-kr2-2027Q1'],
    // One shaped like a built-in cycle's, from a row someone moved to another cycle by hand.
    ['P1-KR2-2026Q3', '2026-Q4', '2027-Q1', 'P1-KR2-2027Q1'],
    ['P1-2026H2', '2026-H2', '2027-H1', 'P1-2027H1'],
    ['P1', '2026', '2027', 'P1-2027'],
    ['KR-FY2027Q4', 'FY2027-Q4', 'FY2028-Q1', 'KR-FY2028Q1'],
    // A cycle of the Cycles tab: its letters and digits.
    ['KR1-Sprint14', 'Sprint 14', 'Sprint 15', 'KR1-Sprint15'],
    ['KR1', 'Wave 1 (Jan–Feb)', 'Wave 2 (Mar–Apr)', 'KR1-Wave2MarApr'],
    // An id that is nothing but a suffix keeps it: an id is never emptied.
    ['2026Q4', '2026-Q4', '2027-Q1', '2026Q4-2027Q1'],
    ['-2026Q4', '2026-Q4', '2027-Q1', '-2026Q4-2027Q1'],
  ])('%s closed in %s, carried into %s: %s', (id, closed, next, expected) => {
    expect(carryId(id, closed, next)).toBe(expected);
  });
});
