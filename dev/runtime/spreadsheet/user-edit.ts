// A person typing into a cell: protections first, then the input is read as
// Sheets reads typed text, then data validation accepts, warns or rejects.

import { INPUT_TOO_LONG, writeValue, readCell } from './cells';
import { CELL_CHARACTERS } from '../formula/index';
import { dateToSerial } from '../dates';
import { formulaHoldsAt } from './inspect';
import { cellFor, getCell, tidyCell, type DocData, type SheetData } from './model';
import { protectionAt, protectionEditors } from './protection-rules';
import type { Recalculator } from './recalc';
import type { EditCheck, UserEditResult } from './types';
import { defaultHelp, passes } from './validation-criteria';

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const WARNING_MESSAGE = "Heads up! You're trying to edit part of this sheet that shouldn't be changed accidentally.";

/**
 * What Sheets decides before it applies a person's edit: a protection they may
 * not edit and the hidden part of a merge refuse it; a warning-only protection
 * asks "Edit anyway?" first (`confirm` is the question's text).
 */
export function checkEdit(doc: DocData, sheet: SheetData, row: number, column: number, user: string): EditCheck {
  const protection = protectionAt(sheet, row, column);
  // Editors still mirroring the spreadsheet's: whoever may edit the document may edit here.
  if (protection && !protection.warningOnly && protection.editors !== null && !protectionEditors(doc, protection).includes(user)) {
    return { ok: false, message: PROTECTED_MESSAGE };
  }
  if (sheet.merges.some((m) => row >= m.r1 && row <= m.r2 && column >= m.c1 && column <= m.c2 && (row !== m.r1 || column !== m.c1))) {
    return { ok: false, message: 'This cell is part of a merged range; edit its top-left cell.' };
  }
  return protection?.warningOnly ? { ok: true, confirm: WARNING_MESSAGE } : { ok: true };
}

/**
 * Applies a person's edit. Unless `confirmed` (they already answered the
 * check's "Edit anyway?"), a warning-only protection's message comes back as a
 * warning, as an edit made without asking first would need to show it.
 */
export function userEdit(
  doc: DocData,
  recalc: Recalculator,
  sheet: SheetData,
  row: number,
  column: number,
  input: string,
  user: string,
  confirmed = false,
): UserEditResult {
  const check = checkEdit(doc, sheet, row, column, user);
  if (!check.ok) return check;
  if (input.length > CELL_CHARACTERS) return { ok: false, message: INPUT_TOO_LONG };
  let warning = confirmed ? undefined : check.confirm;
  const before = structuredClone(getCell(sheet, row, column));
  writeValue(doc, sheet, row, column, input);
  doc.version++;
  const rule = getCell(sheet, row, column)?.validation;
  if (rule) {
    const value = readCell(doc, recalc, sheet, row, column).value;
    const ok = passes(rule, value, {
      readRange: (arg) => {
        const target = doc.sheets.find((s) => s.id === arg.range.sheetId);
        const out = [];
        for (let r = arg.range.box.r1; r <= arg.range.box.r2; r++) {
          const line = [];
          for (let c = arg.range.box.c1; c <= arg.range.box.c2; c++) line.push(target ? readCell(doc, recalc, target, r, c).value : '');
          out.push(line);
        }
        return out;
      },
      formulaHolds: (formula) => formulaHoldsAt(recalc, sheet, formula, rule.anchor ?? { row, column }, row, column),
      serial: (date) => dateToSerial(date, doc.timeZone),
    });
    if (!ok) {
      const message = rule.helpText || defaultHelp(rule);
      if (!rule.allowInvalid) {
        restore(sheet, row, column, before);
        doc.version++;
        return { ok: false, message };
      }
      warning = warning ? `${warning}\n${message}` : message;
    }
  }
  return warning ? { ok: true, warning } : { ok: true };
}

function restore(sheet: SheetData, row: number, column: number, before: ReturnType<typeof getCell>): void {
  const line = (sheet.rows[row - 1] ??= []);
  line[column - 1] = before;
  if (before) {
    cellFor(sheet, row, column);
    tidyCell(sheet, row, column);
  }
}
