import { Cell, isBlank, normalise, showId, text } from './cells';
import { UserError } from './errors';
import { Child, Contributions, RollupResult, childNames } from './rollup';

// An objective's progress through every level: the weighted mean of its
// direct contributors (its key results, the objectives of this workbook
// aligned to it, and the objectives of linked workbooks aligned to it), each
// counted by the rollup rule, so errors travel upward and nothing unmeasured
// looks finished. An objective aligned to a key result counts toward that key
// result's objective; the key result itself is never driven by it (its
// progress is its own measure). Linear in rows: every lookup goes through an
// index by id.

export interface ObjectiveRow {
  id: Cell;
  alignedTo: Cell;
  weight: Cell;
}

/** `Name/ID` taken apart at its last slash, each part as ids are matched; undefined for a bare id. */
export function splitReference(reference: Cell): { name: string; id: string } | undefined {
  const written = text(reference);
  const slash = written.lastIndexOf('/');
  return slash < 0 ? undefined : { name: normalise(written.slice(0, slash)), id: normalise(written.slice(slash + 1)) };
}

/**
 * Resolves a reference to one of `ids` of this workbook (its objectives, or
 * its key results): an id as written (trimmed, case-insensitive), or
 * `Name/ID` where Name is this workbook's name. Any other workbook's name
 * never counts here.
 */
export function referenceResolver(ids: { has(key: string): boolean }, workbook: Cell): (reference: Cell) => string | undefined {
  const self = normalise(workbook);
  // Thousands of rows name a few hundred parents: each distinct text is worked out once.
  const known = new Map<Cell, string | undefined>();
  const resolve = (reference: Cell): string | undefined => {
    if (isBlank(reference)) return undefined;
    const key = normalise(reference);
    if (ids.has(key)) return key;
    const named = splitReference(reference);
    if (named === undefined || self === '' || named.name !== self) return undefined;
    return ids.has(named.id) ? named.id : undefined;
  };
  return (reference) => {
    if (known.has(reference)) return known.get(reference);
    const key = resolve(reference);
    known.set(reference, key);
    return key;
  };
}

/** A key result an objective may support: its id and its Objective ID, as written. */
export interface KeyResultLink {
  id: Cell;
  objectiveId: Cell;
}

/**
 * The key results of this workbook by normalised id, the first of each id.
 * Blank ids are left out, and so are `Team/ID` ones: a linked team's
 * objective is never what an objective here supports.
 */
export function keyResultIndex(keyResults: Iterable<KeyResultLink>): Map<string, KeyResultLink> {
  const index = new Map<string, KeyResultLink>();
  for (const link of keyResults) {
    const key = normalise(link.id);
    if (key && !key.includes('/') && !index.has(key)) index.set(key, link);
  }
  return index;
}

/**
 * What an `Aligned to` names here: an objective, or a key result, which
 * counts toward its own objective (undefined when its Objective ID names none).
 */
export type AlignmentTarget = { objective: string; keyResult?: undefined } | { objective: string | undefined; keyResult: string };

/**
 * Resolves an `Aligned to` to what it names in this workbook, as references
 * are resolved: an objective's id wins over a key result's of the same text
 * (Validate reports the duplicate). A key result's own Objective ID only
 * ever names an objective. `keyResults` is asked for only when a reference
 * names no objective: most workbooks align objectives to objectives, and
 * never pay for indexing every key result.
 */
export function alignmentResolver(
  objectiveIds: { has(key: string): boolean },
  keyResults: () => ReadonlyMap<string, KeyResultLink>,
  workbook: Cell,
): (reference: Cell) => AlignmentTarget | undefined {
  const objective = referenceResolver(objectiveIds, workbook);
  let keyResult: ((reference: Cell) => string | undefined) | undefined;
  const resolve = (reference: Cell): AlignmentTarget | undefined => {
    const key = objective(reference);
    if (key !== undefined) return { objective: key };
    if (isBlank(reference)) return undefined;
    keyResult ??= referenceResolver(keyResults(), workbook);
    const supported = keyResult(reference);
    return supported === undefined ? undefined : { keyResult: supported, objective: objective(keyResults().get(supported)!.objectiveId) };
  };
  // As in referenceResolver: each distinct text once, and one target object for all the rows that name it.
  const known = new Map<Cell, AlignmentTarget | undefined>();
  return (reference) => {
    if (known.has(reference)) return known.get(reference);
    const target = resolve(reference);
    known.set(reference, target);
    return target;
  };
}

/** A child row written `Team/ID`: a linked team's objective, which may support a key result of ours. */
function isLinked(id: Cell): boolean {
  return text(id).includes('/');
}

/**
 * The progress of each objective row, "" while it has no progress yet, or
 * the reason it is invalid. Objectives aligned in a loop are invalid, naming
 * the loop; everything that does not depend on it still computes.
 */
export function objectiveProgress(
  objectives: readonly ObjectiveRow[],
  children: readonly Child[],
  workbook: Cell,
  childIds?: readonly Cell[],
): RollupResult[] {
  // Each objective is known by the row of its id's first appearance (a duplicate shares it):
  // from here on, lists indexed by that row hold its state, not maps keyed by id.
  const first = new Map<string, number>();
  objectives.forEach((row, index) => {
    const key = normalise(row.id);
    if (key && !first.has(key)) first.set(key, index);
  });
  // Without the children's ids (the earlier formula) no key result can be named, as before.
  let keyResults: Map<string, KeyResultLink> | undefined;
  const keyResultsOf = () =>
    (keyResults ??= keyResultIndex(
      childIds === undefined ? [] : children.map((child, i) => ({ id: childIds[i], objectiveId: child.parentId })),
    ));
  const resolve = alignmentResolver(first, keyResultsOf, workbook);
  const contributions: Contributions[] = [];
  for (const row of first.values()) contributions[row] = new Contributions();

  const nameChild = (at: number) => childNames(children[at]!, at);
  children.forEach((child, index) => {
    const target = resolve(child.parentId);
    if (target === undefined) return;
    // A key result counts toward an objective only; a linked team's objective may support a key result of ours.
    const parent = target.keyResult === undefined || (childIds !== undefined && isLinked(childIds[index])) ? target.objective : undefined;
    if (parent === undefined) return;
    contributions[first.get(parent)!]!.add(child.progress, child.weight, nameChild, index);
  });

  // Objectives aligned to another of this workbook, or to one of its key results: each waits for its own contributors (Kahn's order).
  const parentOf: number[] = [];
  /** The key result an objective supports, when it is aligned to one: the loop message names it. */
  const through = new Map<number, string>();
  const waiting: number[] = [];
  for (const row of first.values()) waiting[row] = 0;
  for (const row of first.values()) {
    const target = resolve(objectives[row]!.alignedTo);
    if (target?.objective === undefined) continue;
    const parent = first.get(target.objective)!;
    parentOf[row] = parent;
    if (target.keyResult !== undefined) through.set(row, target.keyResult);
    waiting[parent]!++;
  }
  const results: RollupResult[] = [];
  const ready: number[] = [];
  for (const row of first.values()) if (waiting[row] === 0) ready.push(row);
  while (ready.length > 0) {
    const row = ready.pop()!;
    const result = contributions[row]!.result();
    results[row] = result;
    const parent = parentOf[row];
    if (parent === undefined) continue;
    const objective = objectives[row]!;
    const aligned = () => `aligned to ${showId(objective.alignedTo)}`;
    contributions[parent]!.add(result, objective.weight, () => ({
      progress: `objective ${showId(objective.id)} (${aligned()})`,
      weight: `row ${row + 1} of weights (objective ${showId(objective.id)}, ${aligned()})`,
    }));
    if (--waiting[parent]! === 0) ready.push(parent);
  }
  // What is left waits on itself: each has one parent, so it is a loop, and nothing outside one depends on it.
  const name = (row: number) => showId(objectives[row]!.id);
  const step = (row: number) => {
    const keyResult = through.get(row);
    return keyResult === undefined ? [name(row)] : [name(row), showId(keyResultsOf().get(keyResult)!.id)];
  };
  for (const row of first.values()) {
    if (results[row] === undefined) results[row] = new UserError(`alignment loop ${loopThrough(row, parentOf, step, name)}`);
  }
  return objectives.map((row) => {
    const key = normalise(row.id);
    return key === '' ? '' : results[first.get(key)!]!;
  });
}

/**
 * `O1 → O2 → O1`, or `O1 → KR5 → O2 → O1` through a key result O1 supports:
 * the loop through the objective of row `row`, from its earliest row, ids as written.
 */
function loopThrough(row: number, parentOf: readonly number[], step: (row: number) => string[], name: (row: number) => string): string {
  const loop = [row];
  for (let next = parentOf[row]!; next !== row; next = parentOf[next]!) loop.push(next);
  const start = Math.min(...loop);
  const at = loop.indexOf(start);
  return [...[...loop.slice(at), ...loop.slice(0, at)].flatMap(step), name(start)].join(' → ');
}
