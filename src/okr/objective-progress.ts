import { Cell, isBlank, normalise, showId, text } from './cells';
import { UserError } from './errors';
import { Child, Contributions, RollupResult, childNames } from './rollup';

// An objective's progress through every level: the weighted mean of its
// direct contributors (its key results, the objectives of this workbook
// aligned to it, and the objectives of linked workbooks aligned to it), each
// counted by the rollup rule, so errors travel upward and nothing unmeasured
// looks finished. Linear in rows: every lookup goes through an index by id.

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
 * Resolves a reference to an objective of this workbook: an id as written
 * (trimmed, case-insensitive), or `Name/ID` where Name is this workbook's
 * name. Any other workbook's name never counts here.
 */
export function referenceResolver(ids: ReadonlySet<string>, workbook: Cell): (reference: Cell) => string | undefined {
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

/**
 * The progress of each objective row, "" while it has no progress yet, or
 * the reason it is invalid. Objectives aligned in a loop are invalid, naming
 * the loop; everything that does not depend on it still computes.
 */
export function objectiveProgress(objectives: readonly ObjectiveRow[], children: readonly Child[], workbook: Cell): RollupResult[] {
  const first = new Map<string, number>();
  objectives.forEach((row, index) => {
    const key = normalise(row.id);
    if (key && !first.has(key)) first.set(key, index);
  });
  const resolve = referenceResolver(new Set(first.keys()), workbook);
  const contributions = new Map<string, Contributions>([...first.keys()].map((key) => [key, new Contributions()]));

  children.forEach((child, index) => {
    const parent = resolve(child.parentId);
    if (parent === undefined) return;
    contributions.get(parent)!.add(child.progress, child.weight, () => childNames(child, index));
  });

  // Objectives aligned to another of this workbook: each waits for its own contributors (Kahn's order).
  const parentOf = new Map<string, string>();
  const waiting = new Map<string, number>([...first.keys()].map((key) => [key, 0]));
  for (const [key, index] of first) {
    const parent = resolve(objectives[index]!.alignedTo);
    if (parent === undefined) continue;
    parentOf.set(key, parent);
    waiting.set(parent, waiting.get(parent)! + 1);
  }
  const results = new Map<string, RollupResult>();
  const ready = [...waiting].filter(([, count]) => count === 0).map(([key]) => key);
  while (ready.length > 0) {
    const key = ready.pop()!;
    const result = contributions.get(key)!.result();
    results.set(key, result);
    const parent = parentOf.get(key);
    if (parent === undefined) continue;
    const index = first.get(key)!;
    const row = objectives[index]!;
    const aligned = () => `aligned to ${showId(row.alignedTo)}`;
    contributions.get(parent)!.add(result, row.weight, () => ({
      progress: `objective ${showId(row.id)} (${aligned()})`,
      weight: `row ${index + 1} of weights (objective ${showId(row.id)}, ${aligned()})`,
    }));
    const left = waiting.get(parent)! - 1;
    waiting.set(parent, left);
    if (left === 0) ready.push(parent);
  }
  // What is left waits on itself: each has one parent, so it is a loop, and nothing outside one depends on it.
  for (const key of first.keys()) {
    if (!results.has(key)) results.set(key, new UserError(`alignment loop ${loopThrough(key, parentOf, first, objectives)}`));
  }
  return objectives.map((row) => (isBlank(row.id) ? '' : results.get(normalise(row.id))!));
}

/** `O1 → O2 → O1`: the loop through `key`, from its earliest row, ids as written. */
function loopThrough(key: string, parentOf: Map<string, string>, first: Map<string, number>, objectives: readonly ObjectiveRow[]): string {
  const loop = [key];
  for (let next = parentOf.get(key)!; next !== key; next = parentOf.get(next)!) loop.push(next);
  const start = loop.reduce((a, b) => (first.get(b)! < first.get(a)! ? b : a));
  const at = loop.indexOf(start);
  const ordered = [...loop.slice(at), ...loop.slice(0, at), start];
  return ordered.map((k) => showId(objectives[first.get(k)!]!.id)).join(' → ');
}
