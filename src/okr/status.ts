import { Cell, EPSILON, isBlank, requireNumber } from './cells';
import { UserError } from './errors';
import { parseMetric } from './metric';

export type Status = 'done' | 'on track' | 'at risk' | 'off track' | 'no data';

export const DEFAULT_AT_RISK_GAP = 0.15;
export const DEFAULT_OFF_TRACK_GAP = 0.3;

/** How a formula's row reads when its input was bad: `invalid: <reason>` (see byRow). */
const INVALID = 'invalid: ';

/**
 * Compares progress with the share of the cycle elapsed: `done` at 1, then
 * on track / at risk / off track by how far progress trails the time elapsed.
 * A milestone (metric) that is not done has no progress to compare until it
 * is done, so its status is its owner's confidence (see milestoneStatus).
 * An expected that is itself `invalid: <reason>` (OKR_EXPECTED's row for a
 * cycle it cannot read) is passed on, so the status says what is wrong with
 * the cycle rather than that expected is not a number.
 */
export function status(
  progress: Cell,
  expected: Cell,
  atRiskGap: Cell = '',
  offTrackGap: Cell = '',
  metric: Cell = '',
  confidence: Cell = '',
): Status {
  const milestone = !isBlank(metric) && parseMetric(metric) === 'milestone';
  // A row with no expected has no cycle yet (no ID): nothing to judge, milestone or not.
  if (isBlank(progress) && (!milestone || isBlank(expected))) return 'no data';
  const p = isBlank(progress) ? 0 : requireNumber(progress, 'progress');
  if (p >= 1 - EPSILON) return 'done';
  const e = expectedShare(expected);
  if (milestone) return milestoneStatus(e, confidence);
  const atRisk = gapOrDefault(atRiskGap, 'at_risk_gap', DEFAULT_AT_RISK_GAP);
  const offTrack = gapOrDefault(offTrackGap, 'off_track_gap', DEFAULT_OFF_TRACK_GAP);
  if (atRisk > offTrack + EPSILON) {
    throw new UserError(`at_risk_gap (${atRisk}) is larger than off_track_gap (${offTrack}): the at-risk gap must be the smaller`);
  }
  const gap = e - p;
  if (gap <= atRisk + EPSILON) return 'on track';
  if (gap <= offTrack + EPSILON) return 'at risk';
  return 'off track';
}

/** The share of the cycle elapsed, 0 to 1, or OKR_EXPECTED's own reason it has none. */
function expectedShare(expected: Cell): number {
  if (typeof expected === 'string' && expected.startsWith(INVALID)) throw new UserError(expected.slice(INVALID.length));
  const e = requireNumber(expected, 'expected');
  if (e < -EPSILON || e > 1 + EPSILON) {
    throw new UserError(`expected is ${e}: it is the share of the cycle elapsed, from 0 to 1 (as OKR_EXPECTED gives it)`);
  }
  return e;
}

/** Confidence from which a milestone not yet done is on track, and from which it is at risk rather than off track. */
export const MILESTONE_ON_TRACK = 7;
export const MILESTONE_AT_RISK = 4;

/**
 * A milestone not done: 0 % until the day it is done says nothing about how
 * it goes, so its owner's latest confidence does (7 to 10 on track, 4 to 6
 * at risk, 0 to 3 off track, blank no data) until the cycle ends; then it is
 * off track, as it was not done in time.
 */
function milestoneStatus(expected: number, confidence: Cell): Status {
  if (expected >= 1 - EPSILON) return 'off track';
  if (isBlank(confidence)) return 'no data';
  const c = requireNumber(confidence, 'confidence');
  if (c < -EPSILON || c > 10 + EPSILON) throw new UserError(`confidence is ${c}: it goes from 0 (no chance) to 10 (certain)`);
  if (c >= MILESTONE_ON_TRACK - EPSILON) return 'on track';
  if (c >= MILESTONE_AT_RISK - EPSILON) return 'at risk';
  return 'off track';
}

function gapOrDefault(value: Cell, name: string, fallback: number): number {
  if (isBlank(value)) return fallback;
  const gap = requireNumber(value, name);
  if (gap < 0) throw new UserError(`${name} is ${gap}: a gap must be 0 or more`);
  return gap;
}

/**
 * The end-of-cycle grade on the 0.0-1.0 scale: progress rounded to one
 * decimal, halves up (0.65 gives 0.7). Progress outside [0, 1] is clamped.
 */
export function score(progress: Cell): number | '' {
  if (isBlank(progress)) return '';
  const p = Math.min(1, Math.max(0, requireNumber(progress, 'progress')));
  return Math.floor(p * 10 + 0.5 + EPSILON) / 10;
}
