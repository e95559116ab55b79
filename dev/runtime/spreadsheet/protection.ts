// Class Protection (developers.google.com/apps-script/reference/spreadsheet/protection).
// Who may edit, and what a new protection starts as, are decided in protection-rules.ts.

import type { Ctx, GNamedRange, GProtection, GRange, GUser } from './context';
import { ProtectionType, memberOf } from './enums';
import type { ProtectionData } from './model';
import { protectionEditors } from './protection-rules';
import { SheetBound } from './sheet-bound';
import { standIn } from '../stand-in';

type Covered =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getRangeName'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setNamedRange'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export class ProtectionImpl extends SheetBound implements Pick<GProtection, Covered> {
  constructor(
    ctx: Ctx,
    docId: string,
    sheetId: number,
    private readonly data: ProtectionData,
  ) {
    super(ctx, docId, sheetId);
  }

  private self(): GProtection {
    return standIn<GProtection>(this);
  }

  private changed(): GProtection {
    this.ctx.store.touch(this.doc);
    return this.self();
  }

  private emails(users: unknown): string[] {
    const list = Array.isArray(users) ? users : [users];
    return list.map((u) => (typeof u === 'string' ? u : (u as GUser).getEmail()));
  }

  addEditor(user: string | GUser): GProtection {
    this.ctx.call('Protection.addEditor', 'write');
    return this.addAll(this.emails(user));
  }

  addEditors(emailAddresses: string[]): GProtection {
    this.ctx.call('Protection.addEditors', 'write');
    return this.addAll(this.emails(emailAddresses));
  }

  private addAll(emails: string[]): GProtection {
    const current = protectionEditors(this.doc, this.data);
    this.data.editors = [...new Set([...current, ...emails])];
    return this.changed();
  }

  removeEditor(user: string | GUser): GProtection {
    this.ctx.call('Protection.removeEditor', 'write');
    return this.removeAll(this.emails(user));
  }

  removeEditors(users: unknown[]): GProtection {
    this.ctx.call('Protection.removeEditors', 'write');
    return this.removeAll(this.emails(users));
  }

  /** The owner and the user running the script cannot be removed (per the reference). */
  private removeAll(emails: string[]): GProtection {
    const keep = new Set([this.doc.owner, this.ctx.execution.user]);
    this.data.editors = protectionEditors(this.doc, this.data).filter((e) => keep.has(e) || !emails.includes(e));
    return this.changed();
  }

  getEditors(): GUser[] {
    this.ctx.call('Protection.getEditors', 'read');
    return protectionEditors(this.doc, this.data).map((e) => this.ctx.user(e));
  }

  canEdit(): boolean {
    this.ctx.call('Protection.canEdit', 'read');
    return protectionEditors(this.doc, this.data).includes(this.ctx.execution.user);
  }

  canDomainEdit(): boolean {
    this.ctx.call('Protection.canDomainEdit', 'read');
    return this.data.domainEdit;
  }

  setDomainEdit(editable: boolean): GProtection {
    this.ctx.call('Protection.setDomainEdit', 'write');
    this.data.domainEdit = !!editable;
    return this.changed();
  }

  getDescription(): string {
    this.ctx.call('Protection.getDescription', 'read');
    return this.data.description;
  }

  setDescription(description: string): GProtection {
    this.ctx.call('Protection.setDescription', 'write');
    this.data.description = String(description);
    return this.changed();
  }

  isWarningOnly(): boolean {
    this.ctx.call('Protection.isWarningOnly', 'read');
    return this.data.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GProtection {
    this.ctx.call('Protection.setWarningOnly', 'write');
    this.data.warningOnly = !!warningOnly;
    return this.changed();
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.ctx.call('Protection.getProtectionType', 'read');
    return memberOf(ProtectionType, this.data.type);
  }

  getRange(): GRange {
    this.ctx.call('Protection.getRange', 'read');
    const sheet = this.sheet;
    const box = this.data.box ?? { r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxColumns };
    return this.ctx.make.range(this.docId, this.sheetId, { ...box });
  }

  setRange(range: GRange): GProtection {
    this.ctx.call('Protection.setRange', 'write');
    if (this.data.type === 'SHEET') throw new Error('You cannot change the range of a sheet protection.');
    this.data.box = { r1: range.getRow(), c1: range.getColumn(), r2: range.getLastRow(), c2: range.getLastColumn() };
    return this.changed();
  }

  getRangeName(): string | null {
    this.ctx.call('Protection.getRangeName', 'read');
    return this.data.rangeName;
  }

  setNamedRange(namedRange: GNamedRange): GProtection {
    this.ctx.call('Protection.setNamedRange', 'write');
    this.data.rangeName = namedRange.getName();
    const range = namedRange.getRange();
    this.data.box = { r1: range.getRow(), c1: range.getColumn(), r2: range.getLastRow(), c2: range.getLastColumn() };
    return this.changed();
  }

  getUnprotectedRanges(): GRange[] {
    this.ctx.call('Protection.getUnprotectedRanges', 'read');
    return this.data.unprotected.map((b) => this.ctx.make.range(this.docId, this.sheetId, { ...b }));
  }

  setUnprotectedRanges(ranges: GRange[]): GProtection {
    this.ctx.call('Protection.setUnprotectedRanges', 'write');
    if (this.data.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.data.unprotected = ranges.map((r) => ({ r1: r.getRow(), c1: r.getColumn(), r2: r.getLastRow(), c2: r.getLastColumn() }));
    return this.changed();
  }

  remove(): void {
    this.ctx.call('Protection.remove', 'write');
    const sheet = this.sheet;
    sheet.protections = sheet.protections.filter((p) => p.id !== this.data.id);
    this.changed();
  }
}
