import { Cell, EPSILON, describe, isBlank, normalise, requireNumber } from './cells';
import { UserError } from './errors';
import { parseMetric } from './metric';

/**
 * Progress of one key result, from 0 to 1, or "" when there is no current value yet.
 * Throws an UserError that names the argument at fault.
 */
export function keyResultProgress(start: Cell, target: Cell, current: Cell, metric: Cell = ''): number | '' {
  const kind = parseMetric(metric);
  if (isBlank(current)) return '';
  switch (kind) {
    case 'milestone':
      return milestoneProgress(current);
    case 'at least':
      return requireNumber(current, 'current') >= requireNumber(target, 'target') - EPSILON ? 1 : 0;
    case 'at most':
      return requireNumber(current, 'current') <= requireNumber(target, 'target') + EPSILON ? 1 : 0;
    default: {
      const s = requireNumber(start, 'start');
      const t = requireNumber(target, 'target');
      const c = requireNumber(current, 'current');
      checkDirection(kind, s, t);
      return clampUnit(share(c, s, t));
    }
  }
}

/** Throws when start and target cannot describe a change in the metric's direction. */
export function checkDirection(kind: 'increase' | 'decrease' | 'auto', start: number, target: number): void {
  if (Math.abs(target - start) <= EPSILON) {
    throw new UserError(`target equals start (${start}): there is no change to measure`);
  }
  if (kind === 'increase' && target < start) {
    throw new UserError(`metric is increase but target (${target}) is below start (${start}): use decrease, or swap them`);
  }
  if (kind === 'decrease' && target > start) {
    throw new UserError(`metric is decrease but target (${target}) is above start (${start}): use increase, or swap them`);
  }
}

const MILESTONE_DONE = new Set(['done', 'yes', 'true', '1']);
const MILESTONE_NOT_DONE = new Set(['not done', 'no', 'false', '0']);

/** A milestone's value for not done: FALSE, 0, or the words not done, no, false, 0. */
export function isNotDone(value: Cell): boolean {
  return value === false || value === 0 || (typeof value === 'string' && MILESTONE_NOT_DONE.has(normalise(value)));
}

function milestoneProgress(current: Cell): number {
  if (current === true || current === 1) return 1;
  if (current === false || current === 0) return 0;
  if (typeof current === 'string') {
    const word = normalise(current);
    if (MILESTONE_DONE.has(word)) return 1;
    if (MILESTONE_NOT_DONE.has(word)) return 0;
  }
  throw new UserError(`current is ${describe(current)}: a milestone is done or not done (TRUE/FALSE, yes/no, 1/0)`);
}

/**
 * (c - s) / (t - s) without overflow: with numbers near ±1e308 the
 * differences would be Infinity, so they are taken of halves instead (exact
 * for such numbers, and one half of the way is still one half).
 */
function share(c: number, s: number, t: number): number {
  const span = t - s;
  const done = c - s;
  if (Number.isFinite(span) && Number.isFinite(done)) return done / span;
  return (c / 2 - s / 2) / (t / 2 - s / 2);
}

/** Clamps to [0, 1], snapping values within EPSILON of a bound onto it. */
export function clampUnit(ratio: number): number {
  if (ratio >= 1 - EPSILON) return 1;
  if (ratio <= EPSILON) return 0;
  return ratio;
}
