import { describe, expect, it } from 'vitest';
import { okrExpected } from '../../src/formulas/formulas';
import { GUIDE_ROWS } from '../../src/addon/guide';
import { keyResultProgress } from '../../src/okr/progress';
import { status } from '../../src/okr/status';
import { wallClockIn } from '../wall-clock';

// The Guide's worked example is arithmetic a champion checks by hand: these
// pin it to what the formulas compute, so the two cannot drift apart.

const guide = GUIDE_ROWS.join('\n');

describe('the Guide explains every status with one worked example', () => {
  it('names each status, the gaps, expected and the milestone rule in plain words', () => {
    for (const words of ['on track', 'at risk', 'off track', 'no data', 'done', 'share of the cycle gone', 'at-risk gap', 'off-track gap'])
      expect(guide).toContain(words);
    expect(guide).toMatch(
      /milestone .* latest confidence: 7 to 10 on track, 4 to 6 at risk, 0 to 3 off track, none yet: no data\. Once its cycle has ended, a milestone not done is off track/,
    );
  });

  it('computes as the formulas do', () => {
    const expected = okrExpected('2026-Q4', new Date('2026-11-15T00:00:00Z'), {}, wallClockIn('Etc/UTC')) as number;
    expect(expected).toBe(45 / 92);
    expect(Math.round(expected * 100)).toBe(49);
    expect(guide).toContain('45 of the 92 days of 2026-Q4');
    const progress = keyResultProgress(40, 60, 46, 'increase') as number;
    expect(progress).toBeCloseTo(0.3, 12);
    expect(Math.round((expected - progress) * 100)).toBe(19);
    expect(status(progress, expected)).toBe('at risk');
    expect(guide).toContain('19 points behind: more than 15, not more than 30, so at risk');
    expect(status(keyResultProgress(40, 60, 50, 'increase'), expected)).toBe('on track');
    expect(guide).toContain('At 50% activation it would be 50% of the way, ahead of expected: on track');
  });
});
