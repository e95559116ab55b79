import { Cell, describe, isBlank } from './cells';
import { LINKED, OBJECTIVES } from './schema';
import { readTable } from './table';

// What a linked team workbook's Objectives tab says, as the Linked OKRs tab
// lists it: one row per objective, in LINKED's columns, read by header name
// so a team that reordered or added columns still links. A link that fails
// gives one row saying why, and never touches the rows of the other links.

/** What the formula that imports gives instead of a table when the import fails (see header-formulas.ts). */
export const IMPORT_FAILED = { access: 1, noObjectivesTab: 2 } as const;

/** Headers a linked Objectives tab needs, for its objectives to count above. */
const NEEDED = ['ID', 'Aligned to', 'Progress'] as const;

/**
 * The linked rows of one team: `imported` is its Objectives tab with the
 * header row (what IMPORTRANGE gives), or what stands in for a failed import.
 */
export function linkedRows(team: Cell, imported: Cell | readonly (readonly Cell[])[]): Cell[][] {
  if (!Array.isArray(imported)) return [broken(team, failure(imported as Cell))];
  const table = readTable(imported, OBJECTIVES);
  const missing = NEEDED.filter((header) => !table.has(header));
  if (missing.length > 0) return [broken(team, `its Objectives tab has no ${missing.join(', ')} column`)];
  // The Linked OKRs columns after Team, each copied from the imported tab's column of the same header.
  const copied = LINKED.headers.slice(1) as (typeof OBJECTIVES.headers)[number][];
  const rows = table.rows.filter((row) => !isBlank(row.get('ID'))).map((row) => [team, ...copied.map((header) => row.get(header) ?? '')]);
  return rows.length > 0 ? rows : [LINKED.headers.map((header, i) => (i === 0 ? team : header === 'Status' ? 'no objectives yet' : ''))];
}

function failure(value: Cell): string {
  if (value === IMPORT_FAILED.access) return 'waiting for "Allow access" (or the file cannot be found: check its link in Teams)';
  if (value === IMPORT_FAILED.noObjectivesTab) return 'the linked workbook has no Objectives tab';
  return isBlank(value) ? 'nothing was imported' : `the import gave ${describe(value)}`;
}

/** One row for a link that gives no objectives: the team, blanks, and the reason in Status. */
function broken(team: Cell, reason: string): Cell[] {
  return LINKED.headers.map((header, i) => (i === 0 ? team : header === 'Status' ? `link broken: ${reason}` : ''));
}
