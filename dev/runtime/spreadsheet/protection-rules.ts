// Protections as Sheets applies them: which protection covers a cell, who may
// edit under it, and what a new one starts as. Per the reference, a new
// protection's editors mirror the spreadsheet's until a script changes them,
// "which effectively means that the range remains unprotected". Pure rules over
// the model, used by the Protection class, Range.protect, Sheet.protect and the
// edit path alike.

import { boxContains, type Box, type DocData, type ProtectionData, type SheetData } from './model';

/** A new protection as Sheets makes it: not warning-only, its editors mirroring the spreadsheet's (null) until a script sets them. */
export function newProtection(doc: DocData, type: 'RANGE' | 'SHEET', box: Box | undefined): ProtectionData {
  return {
    id: doc.nextProtectionId++,
    type,
    box,
    description: '',
    warningOnly: false,
    editors: null,
    domainEdit: true,
    unprotected: [],
    rangeName: null,
  };
}

/** Who may edit: the owner always; the spreadsheet's people while the editors mirror it. */
export function protectionEditors(doc: DocData, data: ProtectionData): string[] {
  const list = data.editors ?? doc.editors;
  return [doc.owner, ...list.filter((e) => e !== doc.owner)];
}

/** The protection over a cell: a range protection holding it, or a sheet protection it is not excepted from. */
export function protectionAt(sheet: SheetData, row: number, column: number): ProtectionData | undefined {
  return sheet.protections.find((p) =>
    p.type === 'RANGE' ? !!p.box && boxContains(p.box, row, column) : !p.unprotected.some((b) => boxContains(b, row, column)),
  );
}
