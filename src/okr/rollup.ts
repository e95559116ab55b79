import { Cell, EPSILON, asNumber, describe, isBlank, normalise, showId } from './cells';
import { UserError } from './errors';

export interface Child {
  parentId: Cell;
  progress: Cell;
  weight: Cell;
}

/** A rollup of one id: the weighted mean, "" when no child has progress yet, or the reason it is invalid. */
export type RollupResult = number | '' | UserError;

/** A child that counts: its weight (over 0) and progress (blank counts as 0 once a sibling has progress). */
interface Contributor {
  weight: number;
  progress: number | '';
}

/**
 * For each id, the weighted mean Σw·p / Σw over the children whose parent id
 * matches it (the way people type ids). The rule every rollup follows, so a
 * number shown is never a partial average that looks finished:
 * - a child with blank progress counts as 0 once any child of that parent has
 *   progress; while none has, the parent is blank (no data yet);
 * - a child whose progress is invalid, not a number, or outside 0-1 makes the
 *   parent invalid, naming the child; so does a negative or non-numeric weight;
 * - a blank weight counts as 1; a weight of 0 leaves the child out.
 */
export function rollup(ids: readonly Cell[], children: readonly Child[]): RollupResult[] {
  const groups = new Map<string, { contributors: Contributor[]; error?: UserError }>();
  children.forEach((child, index) => {
    if (isBlank(child.parentId)) return;
    const key = normalise(child.parentId);
    const group = groups.get(key) ?? { contributors: [] };
    groups.set(key, group);
    if (group.error) return;
    const which = `row ${index + 1} of`;
    const of = `(a child of ${showId(child.parentId)})`;
    const weight = childWeight(child.weight);
    if (weight === undefined) {
      group.error = new UserError(`${which} child_weights ${of} is ${describe(child.weight)}: a weight is a number, 0 or more`);
      return;
    }
    if (weight === 0) return;
    const progress = childProgress(child.progress);
    if (typeof progress === 'object') {
      group.error = new UserError(`${which} child_progress ${of} ${progress.problem}`);
      return;
    }
    group.contributors.push({ weight, progress });
  });
  return ids.map((id) => {
    if (isBlank(id)) return '';
    const group = groups.get(normalise(id));
    if (!group) return '';
    return group.error ?? weightedMean(group.contributors);
  });
}

/**
 * Σw·p / Σw, or "" while no contributor has progress. Weights are divided by
 * the largest first, so weights near 1e308 do not overflow to Infinity.
 */
function weightedMean(contributors: readonly Contributor[]): number | '' {
  if (!contributors.some((c) => c.progress !== '')) return '';
  const largest = Math.max(...contributors.map((c) => c.weight));
  let sum = 0;
  let total = 0;
  for (const { weight, progress } of contributors) {
    const w = weight / largest;
    sum += w * (progress === '' ? 0 : progress);
    total += w;
  }
  return sum / total;
}

/** A blank weight counts as 1; undefined for one that is not a number of 0 or more. */
function childWeight(weight: Cell): number | undefined {
  if (isBlank(weight)) return 1;
  const n = asNumber(weight);
  return n === undefined || n < 0 ? undefined : n;
}

/** Progress as OKR_PROGRESS gives it (a fraction, or a number written as text), "" when blank, or what is wrong. */
function childProgress(progress: Cell): number | '' | { problem: string } {
  if (isBlank(progress)) return '';
  const n = asNumber(progress);
  if (n === undefined) {
    const said = typeof progress === 'string' ? progress.trim() : '';
    return { problem: /^invalid:/i.test(said) ? `is ${said}` : `is ${describe(progress)}, not a progress from 0 to 1` };
  }
  if (n < -EPSILON || n > 1 + EPSILON) return { problem: `is ${n}: progress is a fraction from 0 to 1` };
  return Math.min(1, Math.max(0, n));
}
