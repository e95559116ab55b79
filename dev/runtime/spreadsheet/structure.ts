// Inserting and deleting rows and columns: content, formats, merges, named
// ranges, protections, conditional-format ranges and formula references all
// move with the cells, as in Sheets.

import { shiftFormula } from './formula-refs';
import type { Box, CellData, DocData, SheetData } from './model';

type Dimension = 'row' | 'column';

/** Moves a box edge-wise; undefined when deletion removes it entirely. */
function shiftBox(box: Box, dimension: Dimension, at: number, count: number): Box | undefined {
  const [lo, hi] = dimension === 'row' ? (['r1', 'r2'] as const) : (['c1', 'c2'] as const);
  const out = { ...box };
  if (count > 0) {
    if (out[lo] >= at) out[lo] += count;
    if (out[hi] >= at) out[hi] += count;
    return out;
  }
  const n = -count;
  const end = at + n - 1;
  const move = (p: number) => (p > end ? p - n : p >= at ? at : p);
  const newLo = move(out[lo]);
  const newHi = out[hi] > end ? out[hi] - n : out[hi] >= at ? at - 1 : out[hi];
  if (newHi < newLo) return undefined;
  out[lo] = newLo;
  out[hi] = newHi;
  return out;
}

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
  adjust(doc, sheet, dimension, at, count);
}

export function remove(doc: DocData, sheet: SheetData, dimension: Dimension, at: number, count: number): void {
  if (dimension === 'row') {
    sheet.rows.splice(at - 1, count);
    sheet.maxRows -= count;
  } else {
    for (const line of sheet.rows) line?.splice(at - 1, count);
    sheet.maxColumns -= count;
  }
  adjust(doc, sheet, dimension, at, -count);
}

function adjust(doc: DocData, sheet: SheetData, dimension: Dimension, at: number, count: number): void {
  const keep = <T>(items: T[], box: (t: T) => Box | undefined, set: (t: T, b: Box) => void): T[] =>
    items.filter((item) => {
      const b = box(item);
      if (!b) return true;
      const moved = shiftBox(b, dimension, at, count);
      if (!moved) return false;
      set(item, moved);
      return true;
    });
  sheet.merges = sheet.merges
    .map((m) => shiftBox(m, dimension, at, count))
    .filter((m): m is Box => !!m && (m.r1 !== m.r2 || m.c1 !== m.c2));
  sheet.protections = keep(
    sheet.protections,
    (p) => p.box,
    (p, b) => (p.box = b),
  );
  doc.namedRanges = keep(
    doc.namedRanges.filter((n) => n.sheetId === sheet.id),
    (n) => n.box,
    (n, b) => (n.box = b),
  ).concat(doc.namedRanges.filter((n) => n.sheetId !== sheet.id));
  for (const s of doc.sheets) {
    for (const rule of s.rules) {
      rule.ranges = keep(
        rule.ranges.filter((r) => r.sheetId === sheet.id),
        (r) => r.box,
        (r, b) => (r.box = b),
      ).concat(rule.ranges.filter((r) => r.sheetId !== sheet.id));
    }
    s.rules = s.rules.filter((r) => r.ranges.length > 0);
    // Formulas anywhere that point into the changed sheet follow their cells.
    for (const line of s.rows) {
      for (const cell of line ?? []) {
        if (cell?.formula) cell.formula = shiftFormula(cell.formula, s.name, sheet.name, dimension, at, count);
      }
    }
  }
}
