// Inserting and deleting rows and columns: content and formats move with the
// cells; every reference to them follows (moved-refs.ts).

import type { CellData, DocData, SheetData } from './model';
import { followCells, type Dimension } from './moved-refs';

/** The look a new row or column takes from its neighbour (formats and validation, not content). */
function formatOnly(cell: CellData | undefined): CellData | undefined {
  if (!cell || (!cell.style && !cell.validation)) return undefined;
  const copy: CellData = {};
  if (cell.style) copy.style = { ...cell.style };
  if (cell.validation) copy.validation = structuredClone(cell.validation);
  return copy;
}

/**
 * Inserts `count` rows/columns before position `at` (1-based). `from` names
 * the neighbour whose formatting the new cells take, as Sheets does.
 */
export function insert(doc: DocData, sheet: SheetData, dimension: Dimension, at: number, count: number, from: number | undefined): void {
  if (dimension === 'row') {
    const template = from === undefined ? undefined : sheet.rows[from - 1];
    const fresh = Array.from({ length: count }, () => (template ? template.map(formatOnly) : []));
    while (sheet.rows.length < at - 1) sheet.rows.push([]);
    sheet.rows.splice(at - 1, 0, ...fresh);
    sheet.maxRows += count;
  } else {
    for (const line of sheet.rows) {
      if (!line || line.length < at - 1) continue;
      const template = from === undefined ? undefined : line[from - 1];
      line.splice(at - 1, 0, ...Array.from({ length: count }, () => formatOnly(template)));
    }
    sheet.maxColumns += count;
  }
  followCells(doc, sheet, dimension, at, count);
}

export function remove(doc: DocData, sheet: SheetData, dimension: Dimension, at: number, count: number): void {
  if (dimension === 'row') {
    sheet.rows.splice(at - 1, count);
    sheet.maxRows -= count;
  } else {
    for (const line of sheet.rows) line?.splice(at - 1, count);
    sheet.maxColumns -= count;
  }
  followCells(doc, sheet, dimension, at, -count);
}
