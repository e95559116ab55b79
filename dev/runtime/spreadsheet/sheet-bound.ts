// What a Sheet, a Range and a Protection share: the ids they were made with,
// looked up in the store on every call, so a deleted sheet is noticed.

import type { Ctx } from './context';
import type { DocData, SheetData } from './model';

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
