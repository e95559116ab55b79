import { Cell, isBlank, normalise, showId, text } from './cells';
import { loopsOf } from './loops';
import { splitReference } from './objective-progress';
import { LINKED, ObjectiveColumn } from './schema';
import { Table, TableRow, Where, readTable } from './table';
import { Add } from './findings';
import { Alignments, checkOtherCycle } from './validate-support';

// What Validate says about linked team workbooks: broken links, linked
// objectives aligned to an objective (or key result) this workbook does not
// have, or to a key result of another cycle, and alignments that loop through
// other workbooks. A linked row aligned to another workbook is that
// workbook's business, not an error here.

export interface Links {
  /** This workbook's name (Settings > Workbook name). */
  workbook: Cell;
  /** The Linked OKRs tab as read, header row included. */
  linked: readonly (readonly Cell[])[];
}

type Objectives = Table<ObjectiveColumn>;

/** What to do about a broken link, by the reason OKR_LINKED gives. */
function advice(reason: string): string {
  if (/allow access/i.test(reason))
    return 'In Linked OKRs, click the cell that shows #REF! and choose "Allow access"; if there is none, check the link in Teams. Then run OKR Sheets > Update links.';
  if (/no objectives tab/i.test(reason))
    return "Check that the link in Teams is the team's OKR workbook, and that it was set up with OKR Sheets.";
  if (/has no .* column/i.test(reason))
    return 'Ask the team to run OKR Sheets > Set up the OKR workbook in theirs, which adds the missing headers.';
  return 'Check the link in Teams, then run OKR Sheets > Update links.';
}

export function checkLinks(objectives: Objectives, links: Links, alignments: Alignments, add: Add): void {
  const linked = readTable(links.linked, LINKED);
  const self = normalise(links.workbook);
  for (const row of linked.rows) {
    const team = text(row.get('Team')).trim();
    const status = text(row.get('Status'));
    if (/^link broken: /.test(status)) {
      const reason = status.replace(/^link broken: /, '');
      add('warning', 'broken-link', row.where('Status'), `The link to ${team} is broken: ${reason}. ${advice(reason)}`);
      continue;
    }
    const parent = text(row.get('Aligned to'));
    const named = splitReference(parent);
    if (named === undefined || self === '' || named.name !== self) continue;
    const target = alignments.resolve(parent);
    const name = `${team}'s objective ${showId(row.get('ID'))}`;
    if (target === undefined) {
      add(
        'error',
        'unknown-parent',
        row.where('Aligned to'),
        `${name} is aligned to ${showId(parent)}, which is no objective or key result in this workbook: ask ${team} to fix its Aligned to, or add the objective here.`,
      );
      continue;
    }
    const realign = (own: string) => `ask ${team} to align it to a key result of ${own}, or correct the Cycle that is wrong.`;
    checkOtherCycle(alignments, target, { name, cycle: row.get('Cycle'), where: row.where('Aligned to'), advice: realign }, add);
  }
  for (const loop of loopsAcross(objectives, linked, links.workbook, alignments)) {
    add(
      'error',
      'alignment-cycle',
      loop.where,
      `Objectives are aligned in a loop across workbooks (${loop.path}): an objective cannot sit above itself.`,
    );
  }
}

interface Node {
  /** How a loop message names it; worked out only for a node in a loop. */
  label: () => string;
  parent: string | undefined;
  /** Where to report a loop through it: only this workbook's objectives have a place here. */
  where?: Where;
  row: number;
}

/**
 * Loops of `Aligned to` that pass through at least one linked workbook and
 * one objective of this one (loops inside this workbook are reported on
 * their own; loops inside a team's workbook are the team's to fix). A key
 * result of ours that an objective supports is a step toward its objective.
 */
function loopsAcross(
  objectives: Objectives,
  linked: Table<(typeof LINKED.headers)[number]>,
  workbook: Cell,
  alignments: Alignments,
): { where: Where; path: string }[] {
  // Such a loop passes through a linked row: with none, there is nothing to walk.
  if (linked.rows.length === 0) return [];
  const self = normalise(workbook);
  const nodes = new Map<string, Node>();
  // An objective's id wins over a key result's, as the Progress formula resolves them.
  const ours = (id: Cell) => {
    const key = normalise(id);
    return alignments.objectives.has(key) || !alignments.keyResults.has(key) ? `o:${key}` : `k:${key}`;
  };
  const theirs = (team: Cell, id: Cell) => `l:${normalise(team)}/${normalise(id)}`;
  const target = (reference: Cell, team: string | undefined): string | undefined => {
    if (isBlank(reference)) return undefined;
    const named = splitReference(reference);
    if (!named) return team === undefined ? ours(reference) : theirs(team, reference);
    return named.name === self ? ours(named.id) : theirs(named.name, named.id);
  };
  for (const row of objectives.rows as TableRow<ObjectiveColumn>[]) {
    if (isBlank(row.get('ID'))) continue;
    const key = ours(row.get('ID'));
    if (!nodes.has(key))
      nodes.set(key, {
        label: () => showId(row.get('ID')),
        parent: target(row.get('Aligned to'), undefined),
        where: row.where('Aligned to'),
        row: row.row,
      });
  }
  for (const row of linked.rows) {
    if (isBlank(row.get('ID'))) continue;
    const team = text(row.get('Team')).trim();
    const key = theirs(team, row.get('ID'));
    if (!nodes.has(key))
      nodes.set(key, {
        label: () => `${team}/${showId(row.get('ID'))}`,
        parent: target(row.get('Aligned to'), normalise(team)),
        row: Infinity,
      });
  }
  for (const [key, keyResult] of alignments.keyResults) {
    const parent = keyResult.objective === undefined ? undefined : `o:${keyResult.objective}`;
    nodes.set(`k:${key}`, { label: () => showId(keyResult.id), parent, row: Infinity });
  }
  const parentOf = (key: string) => {
    const parent = nodes.get(key)!.parent;
    return parent !== undefined && nodes.has(parent) ? parent : undefined;
  };
  const loops: { where: Where; path: string }[] = [];
  for (const loop of loopsOf(nodes.keys(), parentOf, (key) => nodes.get(key)!.row)) {
    if (!loop.some((k) => k.startsWith('o:')) || !loop.some((k) => k.startsWith('l:'))) continue;
    loops.push({ where: nodes.get(loop[0]!)!.where!, path: [...loop, loop[0]!].map((k) => nodes.get(k)!.label()).join(' → ') });
  }
  return loops;
}
