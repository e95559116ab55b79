import { Cell, EPSILON, asNumber, describe, isBlank, normalise, showId } from './cells';
import { UserError } from './errors';

export interface Child {
  parentId: Cell;
  progress: Cell;
  weight: Cell;
}

/** A rollup of one id: the weighted mean, "" when no child has progress yet, or the reason it is invalid. */
export type RollupResult = number | '' | UserError;

/**
 * The contributors of one parent, counted by the rule every rollup follows,
 * so a number shown is never a partial average that looks finished:
 * - a contributor with blank progress counts as 0 once any contributor of that
 *   parent has progress; while none has, the parent is blank (no data yet);
 * - a contributor whose progress is invalid, not a number, or outside 0-1
 *   makes the parent invalid, naming it; so does a negative or non-numeric weight;
 * - a blank weight counts as 1; a weight of 0 leaves the contributor out.
 */
export class Contributions {
  // Two lists side by side rather than an object a contributor: a rollup over 100,000 rows allocates less.
  private readonly weights: number[] = [];
  private readonly progresses: (number | '')[] = [];
  private error: UserError | undefined;

  /**
   * Counts one contributor. `who(at)` names it and its weight in a message
   * (`row 3 of child_progress (a child of O1)`), asked for only on a problem:
   * a rollup over thousands of rows builds no text for the good ones, and
   * with `at` (the contributor's row) one `who` serves them all, not a closure a row.
   */
  add(progress: Cell | UserError, weight: Cell, who: (at: number) => { progress: string; weight: string }, at = 0): void {
    if (this.error) return;
    const w = weightOf(weight);
    if (w === undefined) {
      this.error = new UserError(`${who(at).weight} is ${describe(weight)}: a weight is a number, 0 or more`);
      return;
    }
    if (w === 0) return;
    const p = progressOf(progress);
    if (typeof p === 'object') {
      this.error = new UserError(`${who(at).progress} ${p.problem}`);
      return;
    }
    this.weights.push(w);
    this.progresses.push(p);
  }

  /**
   * Σw·p / Σw, "" while no contributor has progress, or the first problem.
   * Weights are divided by the largest first, so weights near 1e308 do not
   * overflow to Infinity.
   */
  result(): RollupResult {
    if (this.error) return this.error;
    // One pass for both, without a list of weights: an objective rollup asks this of every objective.
    const { weights, progresses } = this;
    let anyProgress = false;
    let largest = 0;
    for (let i = 0; i < weights.length; i++) {
      if (progresses[i] !== '') anyProgress = true;
      largest = Math.max(largest, weights[i]!);
    }
    if (!anyProgress) return '';
    let sum = 0;
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]! / largest;
      const progress = progresses[i]!;
      sum += w * (progress === '' ? 0 : progress);
      total += w;
    }
    return sum / total;
  }
}

/**
 * For each id, the weighted mean of the children whose parent id matches it
 * (the way people type ids), by the rule of `Contributions`.
 */
export function rollup(ids: readonly Cell[], children: readonly Child[]): RollupResult[] {
  const groups = new Map<string, Contributions>();
  const nameChild = (at: number) => childNames(children[at]!, at);
  children.forEach((child, index) => {
    if (isBlank(child.parentId)) return;
    const key = normalise(child.parentId);
    const group = groups.get(key) ?? new Contributions();
    groups.set(key, group);
    group.add(child.progress, child.weight, nameChild, index);
  });
  return ids.map((id) => {
    if (isBlank(id)) return '';
    return groups.get(normalise(id))?.result() ?? '';
  });
}

/** How a message names a child given in the child_ columns, and its weight. */
export function childNames(child: Child, index: number): { progress: string; weight: string } {
  const of = `(a child of ${showId(child.parentId)})`;
  return { progress: `row ${index + 1} of child_progress ${of}`, weight: `row ${index + 1} of child_weights ${of}` };
}

/** A blank weight counts as 1; undefined for one that is not a number of 0 or more. */
function weightOf(weight: Cell): number | undefined {
  if (isBlank(weight)) return 1;
  const n = asNumber(weight);
  return n === undefined || n < 0 ? undefined : n;
}

/**
 * Progress as OKR_PROGRESS gives it (a fraction, or a number written as
 * text), "" when blank, or what is wrong; a UserError is a contributor that
 * is itself invalid (an objective computed in the same rollup).
 */
function progressOf(progress: Cell | UserError): number | '' | { problem: string } {
  if (progress instanceof UserError) return { problem: `is invalid: ${progress.message}` };
  if (isBlank(progress)) return '';
  const n = asNumber(progress);
  if (n === undefined) {
    const said = typeof progress === 'string' ? progress.trim() : '';
    return { problem: /^invalid:/i.test(said) ? `is ${said}` : `is ${describe(progress)}, not a progress from 0 to 1` };
  }
  if (n < -EPSILON || n > 1 + EPSILON) return { problem: `is ${n}: progress is a fraction from 0 to 1` };
  return Math.min(1, Math.max(0, n));
}
