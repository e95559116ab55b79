// After rows or columns are inserted or deleted (Sheet.insertColumnBefore,
// deleteRows... at developers.google.com/apps-script/reference/spreadsheet/sheet,
// which do what the Insert and Delete menus of Sheets do), every place that
// names cells of the changed sheet follows them, as Sheets keeps formulas and
// ranges pointing at the same cells:
// formulas in the cells of every tab, named ranges, merges, protections and the
// ranges a sheet protection leaves open, conditional formats (their ranges and
// custom formulas), data validation (the range a dropdown lists, custom formulas).
// A range that loses part of itself shrinks; one that loses all of itself is
// gone (in a formula, `#REF!`). The rules for one span are formula-refs.ts'.

import { offsetFormula, shiftFormula, shiftSpan, type Dimension } from './formula-refs';
import type { Box, DocData, SheetData, ValidationData } from './model';
import { isRangeArg } from './validation-criteria';

export type { Dimension };

/** `count` rows or columns inserted (count > 0) or deleted (count < 0) at `at` in `sheet`. */
interface Change {
  doc: DocData;
  sheet: SheetData;
  dimension: Dimension;
  at: number;
  count: number;
}

type Cell = { row: number; column: number };

export function followCells(doc: DocData, sheet: SheetData, dimension: Dimension, at: number, count: number): void {
  const change: Change = { doc, sheet, dimension, at, count };
  sheet.merges = sheet.merges.map((m) => shiftBox(m, change)).filter((m): m is Box => !!m && (m.r1 !== m.r2 || m.c1 !== m.c2));
  for (const protection of sheet.protections) protection.unprotected = moveBoxes(protection.unprotected, change);
  sheet.protections = sheet.protections.filter((p) => {
    if (!p.box) return true;
    const moved = shiftBox(p.box, change);
    if (moved) p.box = moved;
    return moved !== undefined;
  });
  doc.namedRanges = doc.namedRanges.filter((named) => {
    if (named.sheetId !== sheet.id) return true;
    const moved = shiftBox(named.box, change);
    if (moved) named.box = moved;
    return moved !== undefined;
  });
  for (const s of doc.sheets) {
    followRules(s, change);
    // A chart's ranges into the changed sheet move with the cells; one whose cells are all deleted drops out.
    for (const chart of s.charts ?? []) {
      chart.ranges = chart.ranges.flatMap((r) => {
        if (r.sheetId !== sheet.id) return [r];
        const moved = shiftBox(r.box, change);
        return moved ? [{ ...r, box: moved }] : [];
      });
    }
    s.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (!cell) return;
        if (cell.formula) cell.formula = shiftFormula(cell.formula, s.name, sheet.name, dimension, at, count);
        if (cell.validation) cell.validation = followValidation(cell.validation, s, { row: r + 1, column: c + 1 }, change);
      }),
    );
  }
}

/** A box moved edge-wise; undefined when deletion removes all of it. */
function shiftBox(box: Box, change: Change): Box | undefined {
  const [lo, hi] = change.dimension === 'row' ? (['r1', 'r2'] as const) : (['c1', 'c2'] as const);
  const span = shiftSpan(box[lo], box[hi], change.at, change.count);
  return span === null ? undefined : { ...box, [lo]: span[0]!, [hi]: span[1]! };
}

function moveBoxes(boxes: Box[], change: Change): Box[] {
  return boxes.map((box) => shiftBox(box, change)).filter((box): box is Box => box !== undefined);
}

/** Conditional formats on sheet `s`: their ranges into the changed sheet, and their custom formulas. */
function followRules(s: SheetData, change: Change): void {
  for (const rule of s.rules) {
    const first = rule.ranges[0];
    if (rule.criteria === 'CUSTOM_FORMULA' && first) {
      // A rule's custom formula is written for the top-left cell of its first range.
      const anchor = { row: first.box.r1, column: first.box.c1 };
      rule.args = [followFormula(String(rule.args[0] ?? ''), anchor, s, first.sheetId === change.sheet.id, change).formula];
    }
    rule.ranges = rule.ranges.filter((range) => {
      if (range.sheetId !== change.sheet.id) return true;
      const moved = shiftBox(range.box, change);
      if (moved) range.box = moved;
      return moved !== undefined;
    });
  }
  s.rules = s.rules.filter((rule) => rule.ranges.length > 0);
}

/** A cell's validation after the change: its criteria range and custom formula follow their cells. */
function followValidation(rule: ValidationData, s: SheetData, at: Cell, change: Change): ValidationData {
  let args = rule.args;
  let anchor = rule.anchor;
  if (rule.criteria === 'CUSTOM_FORMULA') {
    // Without an anchor the formula is written for the cell itself, which has already moved.
    const followed = followFormula(String(args[0] ?? ''), anchor ?? at, s, anchor !== undefined && s === change.sheet, change);
    args = [followed.formula];
    if (anchor) anchor = followed.anchor;
  }
  args = args.map((arg) => {
    if (!isRangeArg(arg) || arg.range.docId !== change.doc.id || arg.range.sheetId !== change.sheet.id) return arg;
    const box = shiftBox(arg.range.box, change);
    // The listed cells are all gone: the rule lists nothing, as a #REF! range would.
    return box ? { range: { ...arg.range, box } } : '#REF!';
  });
  const same = args.length === rule.args.length && args.every((arg, i) => arg === rule.args[i]) && anchor === rule.anchor;
  return same ? rule : { ...rule, args, ...(anchor ? { anchor } : {}) };
}

/**
 * A custom formula written for `anchor` (a cell of `s`), rewritten for the
 * cells it applies to after the change. `anchorMoves`: the anchor is a cell of
 * the changed sheet. When the anchor itself is deleted, the formula is first
 * written for the first cell after the deleted block, which takes its place.
 */
function followFormula(
  formula: string,
  anchor: Cell,
  s: SheetData,
  anchorMoves: boolean,
  change: Change,
): { formula: string; anchor: Cell } {
  const { dimension, at, count } = change;
  let written = formula;
  const moved = { ...anchor };
  if (anchorMoves) {
    const last = at - count - 1;
    if (count < 0 && moved[dimension] >= at && moved[dimension] <= last) {
      const step = last + 1 - moved[dimension];
      written = offsetFormula(written, dimension === 'row' ? step : 0, dimension === 'column' ? step : 0);
      moved[dimension] = last + 1;
    }
    moved[dimension] = shiftSpan(moved[dimension], moved[dimension], at, count)![0]!;
  }
  return { formula: shiftFormula(written, s.name, change.sheet.name, dimension, at, count), anchor: moved };
}
