// What a Sheet, a Range and a Protection share: the ids they were made with,
// looked up in the store on every call, so a deleted sheet is noticed. When a
// script passes one of them back (deleteSheet, setNamedRange, setRanges,
// requireValueInRange), the receiving class reads its ids through these base
// classes, with `instanceof`, and needs no import of sheet.ts or range.ts.

import type { Ctx } from './context';
import type { Box, DocData, SheetData } from './model';

export abstract class SheetBound {
  constructor(
    protected readonly ctx: Ctx,
    readonly docId: string,
    readonly sheetId: number,
  ) {}

  protected get doc(): DocData {
    return this.ctx.store.doc(this.docId);
  }

  protected get sheet(): SheetData {
    const sheet = this.doc.sheets.find((s) => s.id === this.sheetId);
    if (!sheet) throw new Error('This sheet has been deleted.');
    return sheet;
  }
}

/** A Range's base: the cells it stands for, besides its sheet. */
export abstract class RangeBound extends SheetBound {
  constructor(
    ctx: Ctx,
    docId: string,
    sheetId: number,
    readonly box: Box,
  ) {
    super(ctx, docId, sheetId);
  }
}
