import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyResultProgress } from '../../src/okr/progress';

// Values a key result plausibly holds: finite, away from float overflow.
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const distinct = fc.tuple(value, value).filter(([start, target]) => Math.abs(target - start) > 1e-6);

describe('progress invariants', () => {
  it('stays within [0, 1]', () => {
    fc.assert(
      fc.property(distinct, value, ([start, target], current) => {
        const p = keyResultProgress(start, target, current) as number;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never falls as current moves toward the target', () => {
    fc.assert(
      fc.property(distinct, value, value, ([start, target], a, b) => {
        const toward = target > start ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
        const before = keyResultProgress(start, target, toward[0]!) as number;
        const after = keyResultProgress(start, target, toward[1]!) as number;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('mirrors: a decrease key result is an increase one turned upside down', () => {
    fc.assert(
      fc.property(distinct, value, ([a, b], current) => {
        const [start, target] = a < b ? [a, b] : [b, a];
        const up = keyResultProgress(start, target, current, 'increase');
        const down = keyResultProgress(-start, -target, -current, 'decrease');
        expect(down).toBe(up);
      }),
    );
  });

  it('reaches 1 exactly at the target and 0 exactly at the start', () => {
    fc.assert(
      fc.property(distinct, ([start, target]) => {
        expect(keyResultProgress(start, target, target)).toBe(1);
        expect(keyResultProgress(start, target, start)).toBe(0);
      }),
    );
  });
});
