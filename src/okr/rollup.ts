import { Cell, asNumber, describe, isBlank, normalise } from './cells';
import { UserError } from './errors';

export interface Child {
  parentId: Cell;
  progress: Cell;
  weight: Cell;
}

/** A rollup of one id: the weighted mean, "" when no child has a numeric progress, or the reason it is invalid. */
export type RollupResult = number | '' | UserError;

/**
 * For each id, the weighted mean Σw·p / Σw of the children whose parent id
 * matches it (trimmed, case-insensitive) and whose progress is a number.
 * A blank weight counts as 1, a zero weight leaves the child out, a negative
 * or non-numeric weight makes the parent's result invalid.
 */
export function rollup(ids: readonly Cell[], children: readonly Child[]): RollupResult[] {
  const groups = new Map<string, { sum: number; weight: number; error?: UserError }>();
  children.forEach((child, index) => {
    if (isBlank(child.parentId)) return;
    const key = normalise(child.parentId);
    const group = groups.get(key) ?? { sum: 0, weight: 0 };
    groups.set(key, group);
    const weight = childWeight(child.weight);
    if (weight === undefined) {
      group.error ??= new UserError(
        `child_weights is ${describe(child.weight)} for child ${index + 1} (of ${describe(child.parentId)}): a weight is a number, 0 or more`,
      );
      return;
    }
    // Text such as "invalid: ..." from OKR_PROGRESS, or "" before a check-in, is not progress.
    if (typeof child.progress !== 'number' || !Number.isFinite(child.progress)) return;
    group.sum += weight * child.progress;
    group.weight += weight;
  });
  return ids.map((id) => {
    if (isBlank(id)) return '';
    const group = groups.get(normalise(id));
    if (!group) return '';
    if (group.error) return group.error;
    return group.weight > 0 ? group.sum / group.weight : '';
  });
}

/** A blank weight counts as 1; undefined for one that is not a number of 0 or more. */
function childWeight(weight: Cell): number | undefined {
  if (isBlank(weight)) return 1;
  const n = asNumber(weight);
  return n === undefined || n < 0 ? undefined : n;
}
