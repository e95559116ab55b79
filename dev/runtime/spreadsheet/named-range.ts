// Class NamedRange (developers.google.com/apps-script/reference/spreadsheet/named-range).
// Which names are allowed is decided in names.ts.

import type { Ctx, GNamedRange, GRange } from './context';
import { signatureError } from './geometry';
import type { NamedRangeData } from './model';
import { checkRangeName, findNamed } from './names';
import { RangeBound } from './sheet-bound';
import { standIn } from '../stand-in';

export class NamedRangeImpl implements Pick<GNamedRange, 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'> {
  constructor(
    private readonly ctx: Ctx,
    readonly docId: string,
    private name: string,
  ) {}

  private get data(): NamedRangeData {
    const data = findNamed(this.ctx.store.doc(this.docId), this.name);
    if (!data) throw new Error(`Named range ${this.name} was removed.`);
    return data;
  }

  getName(): string {
    this.ctx.call('NamedRange.getName', 'read');
    return this.data.name;
  }

  getRange(): GRange {
    this.ctx.call('NamedRange.getRange', 'read');
    const data = this.data;
    return this.ctx.make.range(this.docId, data.sheetId, { ...data.box });
  }

  remove(): void {
    this.ctx.call('NamedRange.remove', 'write');
    const doc = this.ctx.store.doc(this.docId);
    const data = this.data;
    doc.namedRanges = doc.namedRanges.filter((n) => n !== data);
    this.ctx.store.touch(doc);
  }

  setName(name: string): GNamedRange {
    this.ctx.call('NamedRange.setName', 'write');
    checkRangeName(name);
    const doc = this.ctx.store.doc(this.docId);
    const data = this.data;
    const clash = findNamed(doc, name);
    if (clash && clash !== data) throw new Error(`A named range called "${name}" already exists.`);
    data.name = name;
    this.name = name;
    this.ctx.store.touch(doc);
    return standIn<GNamedRange>(this);
  }

  setRange(range: GRange): GNamedRange {
    this.ctx.call('NamedRange.setRange', 'write');
    if (!(range instanceof RangeBound)) throw signatureError([range], 'SpreadsheetApp.NamedRange.setRange');
    const data = this.data;
    data.sheetId = range.sheetId;
    data.box = { ...range.box };
    this.ctx.store.touch(this.ctx.store.doc(this.docId));
    return standIn<GNamedRange>(this);
  }
}
