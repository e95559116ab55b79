import { Cell, isBlank, normalise, showId, text } from './cells';
import { loopsOf } from './loops';
import { AlignmentTarget, KeyResultLink, alignmentResolver, keyResultIndex, referenceResolver } from './objective-progress';
import { KeyResultColumn, ObjectiveColumn } from './schema';
import { Table, TableRow, Where } from './table';
import { Add } from './findings';

// What Validate follows when an `Aligned to` names a key result rather than
// an objective: the objective counts toward that key result's objective, as
// the Progress formula counts it, so alignment loops pass through key
// results, and a key result of another cycle is worth a word.

export interface SupportedKeyResult extends KeyResultLink {
  /** Its objective, when its Objective ID names one of this workbook. */
  objective: string | undefined;
}

/** This workbook's objectives and key results, by normalised id, and what an `Aligned to` names among them. */
export interface Alignments {
  objectives: ReadonlyMap<string, TableRow<ObjectiveColumn>>;
  keyResults: ReadonlyMap<string, SupportedKeyResult>;
  resolve(reference: Cell): AlignmentTarget | undefined;
}

export function alignmentsOf(
  objectives: ReadonlyMap<string, TableRow<ObjectiveColumn>>,
  keyResults: Table<KeyResultColumn>,
  workbook: Cell,
): Alignments {
  const objectiveOf = referenceResolver(objectives, workbook);
  // Built on first use: only a workbook whose objectives support key results (or that links teams) needs it.
  let supported: Map<string, SupportedKeyResult> | undefined;
  const keyResultsOf = () => {
    if (supported) return supported;
    supported = new Map();
    const index = keyResultIndex(keyResults.rows.map((row) => ({ id: row.get('ID'), objectiveId: row.get('Objective ID') })));
    for (const [key, link] of index)
      supported.set(key, { id: link.id, objectiveId: link.objectiveId, objective: objectiveOf(link.objectiveId) });
    return supported;
  };
  return {
    objectives,
    get keyResults() {
      return keyResultsOf();
    },
    resolve: alignmentResolver(objectives, keyResultsOf, workbook),
  };
}

/**
 * The loops of `Aligned to` inside this workbook, each from its objective of
 * lowest row, a key result an objective supports being a step toward that
 * key result's objective: `O1 → KR5 → O2 → O1`.
 */
export function alignmentLoops(alignments: Alignments): { first: TableRow<ObjectiveColumn>; path: string }[] {
  // alignments.keyResults is read only for a key result's node: it is built on first use.
  const { objectives, resolve } = alignments;
  const parentOf = (node: string): string | undefined => {
    const key = node.slice(2);
    if (node.startsWith('k:')) {
      const objective = alignments.keyResults.get(key)!.objective;
      return objective === undefined ? undefined : `o:${objective}`;
    }
    const target = resolve(objectives.get(key)!.get('Aligned to'));
    if (target === undefined) return undefined;
    return target.keyResult === undefined ? `o:${target.objective}` : `k:${target.keyResult}`;
  };
  const label = (node: string) =>
    showId(node.startsWith('k:') ? alignments.keyResults.get(node.slice(2))!.id : objectives.get(node.slice(2))!.get('ID'));
  // Key results rank after every objective, so each loop starts at an objective's row.
  const rank = (node: string) => (node.startsWith('k:') ? Infinity : objectives.get(node.slice(2))!.row);
  const starts = [...objectives.keys()].map((key) => `o:${key}`);
  return loopsOf(starts, parentOf, rank).map((loop) => ({
    first: objectives.get(loop[0]!.slice(2))!,
    path: [...loop, loop[0]!].map(label).join(' → '),
  }));
}

/**
 * A suggestion when an objective supports a key result whose objective is in
 * another cycle (both cycles written): its progress then counts in a cycle
 * other than its own. `advice` says what to do, given the supporter's cycle.
 */
export function checkOtherCycle(
  alignments: Alignments,
  target: AlignmentTarget | undefined,
  supporter: { name: string; cycle: Cell; where: Where; advice: (cycle: string) => string },
  add: Add,
): void {
  if (target?.keyResult === undefined || target.objective === undefined) return;
  const objective = alignments.objectives.get(target.objective)!;
  const cycle = objective.get('Cycle');
  if (isBlank(supporter.cycle) || isBlank(cycle) || normalise(supporter.cycle) === normalise(cycle)) return;
  const own = text(supporter.cycle).trim();
  const keyResult = showId(alignments.keyResults.get(target.keyResult)!.id);
  add(
    'info',
    'other-cycle',
    supporter.where,
    `${supporter.name} (${own}) supports key result ${keyResult}, whose objective ${showId(objective.get('ID'))} is in ${text(cycle).trim()}, so its progress counts in another cycle: ${supporter.advice(own)}`,
  );
}
