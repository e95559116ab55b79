// CellInfo: one cell as a person sees it, for tests and the playground.

import { formatA1 } from '../a1';
import { displayOf, readCell } from './cells';
import { ruleMatches } from './conditional-match';
import { offsetFormula } from './formula-refs';
import { boxContains, getCell, type DocData, type SheetData, type ValidationData } from './model';
import { protectionAt } from './protection-rules';
import type { Recalculator } from './recalc';
import type { CellInfo } from './types';
import { isRangeArg, type RangeArg } from './validation-criteria';
import { isDate } from './values';

/** Whether a custom formula, written for `anchor`, holds at (row, column). */
export function formulaHoldsAt(
  recalc: Recalculator,
  sheet: SheetData,
  formula: string,
  anchor: { row: number; column: number },
  row: number,
  column: number,
): boolean {
  const result = recalc.evaluateAt(sheet, row, column, offsetFormula(formula, row - anchor.row, column - anchor.column));
  if ('error' in result) return false;
  let value = result.value;
  while (Array.isArray(value)) value = value[0];
  return value === true || (typeof value === 'number' && value !== 0);
}

export function validationList(doc: DocData, recalc: Recalculator, data: ValidationData): string[] | undefined {
  if (data.criteria === 'VALUE_IN_LIST') return ((data.args[0] as unknown[]) ?? []).map(String);
  if (data.criteria !== 'VALUE_IN_RANGE') return undefined;
  const arg = data.args[0] as RangeArg;
  const sheet = doc.sheets.find((s) => s.id === arg.range.sheetId);
  if (!sheet) return [];
  const list: string[] = [];
  for (let r = arg.range.box.r1; r <= arg.range.box.r2; r++) {
    for (let c = arg.range.box.c1; c <= arg.range.box.c2; c++) {
      const text = displayOf(doc, readCell(doc, recalc, sheet, r, c));
      if (text !== '') list.push(text);
    }
  }
  return list;
}

export function inspectCell(doc: DocData, recalc: Recalculator, sheet: SheetData, row: number, column: number): CellInfo {
  const read = readCell(doc, recalc, sheet, row, column);
  const cell = getCell(sheet, row, column);
  const style = cell?.style ?? {};
  let background = style.background ?? '#ffffff';
  let fontColor = style.fontColor ?? '#000000';
  let bold = style.fontWeight === 'bold';
  const rule = sheet.rules.find((r) => {
    if (!r.ranges.some((x) => x.sheetId === sheet.id && boxContains(x.box, row, column))) return false;
    const first = r.ranges[0]!.box;
    return ruleMatches(r, read.value, (f) => formulaHoldsAt(recalc, sheet, f, { row: first.r1, column: first.c1 }, row, column));
  });
  if (rule) {
    background = rule.background ?? background;
    fontColor = rule.fontColor ?? fontColor;
    bold = rule.bold ?? bold;
  }
  const info: CellInfo = {
    value: read.value,
    display: displayOf(doc, read),
    formula: read.formula,
    numberFormat: style.numberFormat ?? read.format ?? 'General',
    background,
    fontColor,
    bold,
    note: cell?.note ?? '',
    ...(cell?.link ? { link: cell.link } : {}),
    merged: sheet.merges.some((m) => boxContains(m, row, column)),
  };
  if (read.error) info.error = read.error;
  const drawing = cell?.formula !== undefined ? recalc.computed(sheet, row, column)?.sparkline : undefined;
  if (drawing) info.sparkline = structuredClone(drawing);
  const v = cell?.validation;
  if (v) {
    const values = v.args.map((a) => {
      if (isRangeArg(a)) {
        const target = doc.sheets.find((s) => s.id === a.range.sheetId);
        const box = a.range.box;
        return formatA1({ sheet: target?.name ?? '#REF!', startRow: box.r1, startColumn: box.c1, endRow: box.r2, endColumn: box.c2 });
      }
      return isDate(a) ? new Date(a.getTime()) : a;
    });
    const list = validationList(doc, recalc, v);
    info.validation = { criteria: v.criteria, values, allowInvalid: v.allowInvalid, helpText: v.helpText, ...(list ? { list } : {}) };
  }
  const protection = protectionAt(sheet, row, column);
  if (protection) info.protection = { description: protection.description, warningOnly: protection.warningOnly, type: protection.type };
  return info;
}
