// Class Spreadsheet (developers.google.com/apps-script/reference/spreadsheet/spreadsheet).

import { parseA1 } from '../a1';
import type { Ctx, GNamedRange, GRange, GSheet, GSpreadsheet, GUser } from './context';
import { checkTimeZone } from '../dates';
import { signatureError } from './geometry';
import { newSheet, type DocData, type SheetData } from './model';
import { checkRangeName, duplicateNameError, findNamed } from './names';
import { RangeBound, SheetBound } from './sheet-bound';
import { spreadsheetUrl } from './urls';
import { standIn } from '../stand-in';

type Covered =
  | 'addEditor'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getNamedRanges'
  | 'getNumSheets'
  | 'getOwner'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'moveActiveSheet'
  | 'removeNamedRange'
  | 'rename'
  | 'setActiveSheet'
  | 'setNamedRange'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export class SpreadsheetImpl implements Pick<GSpreadsheet, Covered> {
  constructor(
    private readonly ctx: Ctx,
    readonly docId: string,
  ) {}

  private get doc(): DocData {
    return this.ctx.store.doc(this.docId);
  }

  private self(): GSpreadsheet {
    return standIn<GSpreadsheet>(this);
  }

  private sheetObject(sheet: SheetData): GSheet {
    return this.ctx.make.sheet(this.docId, sheet.id);
  }

  private activeSheetData(): SheetData {
    const doc = this.doc;
    return doc.sheets.find((s) => s.id === doc.activeSheetId) ?? doc.sheets[0]!;
  }

  getId(): string {
    this.ctx.call('Spreadsheet.getId', 'read');
    return this.docId;
  }

  getUrl(): string {
    this.ctx.call('Spreadsheet.getUrl', 'read');
    return spreadsheetUrl(this.docId);
  }

  getName(): string {
    this.ctx.call('Spreadsheet.getName', 'read');
    return this.doc.name;
  }

  rename(newName: string): void {
    this.ctx.call('Spreadsheet.rename', 'write');
    this.doc.name = String(newName);
    this.ctx.store.touch(this.doc);
  }

  getSpreadsheetTimeZone(): string {
    this.ctx.call('Spreadsheet.getSpreadsheetTimeZone', 'read');
    return this.doc.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.ctx.call('Spreadsheet.setSpreadsheetTimeZone', 'write');
    try {
      checkTimeZone(timezone);
    } catch {
      throw new Error(`Invalid argument: ${timezone}`);
    }
    this.doc.timeZone = timezone;
    this.ctx.store.touch(this.doc);
  }

  getSpreadsheetLocale(): string {
    this.ctx.call('Spreadsheet.getSpreadsheetLocale', 'read');
    return this.doc.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.ctx.call('Spreadsheet.setSpreadsheetLocale', 'write');
    this.doc.locale = String(locale);
    this.ctx.store.touch(this.doc);
  }

  getSheets(): GSheet[] {
    this.ctx.call('Spreadsheet.getSheets', 'read');
    return this.doc.sheets.map((s) => this.sheetObject(s));
  }

  getNumSheets(): number {
    this.ctx.call('Spreadsheet.getNumSheets', 'read');
    return this.doc.sheets.length;
  }

  /** Exact name; the leftmost when several match; null when none (per the reference). */
  getSheetByName(name: string): GSheet | null {
    this.ctx.call('Spreadsheet.getSheetByName', 'read');
    const sheet = this.doc.sheets.find((s) => s.name === name);
    return sheet ? this.sheetObject(sheet) : null;
  }

  getSheetById(id: number): GSheet | null {
    this.ctx.call('Spreadsheet.getSheetById', 'read');
    const sheet = this.doc.sheets.find((s) => s.id === id);
    return sheet ? this.sheetObject(sheet) : null;
  }

  /**
   * insertSheet(), (index), (name), (name, index), with or without options.
   * The new sheet goes after the active one unless an index is given, and becomes active.
   */
  insertSheet(a?: unknown, b?: unknown, c?: unknown): GSheet {
    this.ctx.call('Spreadsheet.insertSheet', 'write');
    void c;
    const doc = this.doc;
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    if (name !== undefined && doc.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw duplicateNameError(name);
    if (index !== undefined && (index < 0 || index > doc.sheets.length || !Number.isInteger(index))) {
      throw new Error(`The sheet index ${index} is out of range.`);
    }
    let sheetName = name;
    for (let n = doc.sheets.length + 1; sheetName === undefined; n++) {
      const candidate = `Sheet${n}`;
      if (!doc.sheets.some((s) => s.name.toLowerCase() === candidate.toLowerCase())) sheetName = candidate;
    }
    const sheet = newSheet((doc.nextSheetId++ * 7919) % 2147483647, sheetName);
    const at = index ?? doc.sheets.findIndex((s) => s.id === doc.activeSheetId) + 1;
    doc.sheets.splice(at, 0, sheet);
    doc.activeSheetId = sheet.id;
    this.ctx.store.touch(doc);
    return this.sheetObject(sheet);
  }

  deleteSheet(sheet: GSheet): void {
    this.ctx.call('Spreadsheet.deleteSheet', 'write');
    if (!(sheet instanceof SheetBound)) throw signatureError([sheet], 'SpreadsheetApp.Spreadsheet.deleteSheet');
    const id = sheet.sheetId;
    const doc = this.doc;
    if (!doc.sheets.some((s) => s.id === id)) throw new Error('Sheet not found.');
    if (doc.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    doc.sheets = doc.sheets.filter((s) => s.id !== id);
    doc.namedRanges = doc.namedRanges.filter((n) => n.sheetId !== id);
    if (doc.activeSheetId === id) doc.activeSheetId = doc.sheets[0]!.id;
    this.ctx.store.touch(doc);
  }

  getActiveSheet(): GSheet {
    this.ctx.call('Spreadsheet.getActiveSheet', 'read');
    return this.sheetObject(this.activeSheetData());
  }

  setActiveSheet(sheet: GSheet, restoreSelection?: boolean): GSheet {
    this.ctx.call('Spreadsheet.setActiveSheet', 'read');
    void restoreSelection;
    if (!(sheet instanceof SheetBound)) throw signatureError([sheet], 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.doc.activeSheetId = sheet.sheetId;
    return sheet;
  }

  moveActiveSheet(pos: number): void {
    this.ctx.call('Spreadsheet.moveActiveSheet', 'write');
    const doc = this.doc;
    if (!(pos >= 1 && pos <= doc.sheets.length)) throw new Error(`The sheet position ${pos} is out of range.`);
    const active = this.activeSheetData();
    doc.sheets = doc.sheets.filter((s) => s !== active);
    doc.sheets.splice(pos - 1, 0, active);
    this.ctx.store.touch(doc);
  }

  /** A1 notation, on the named sheet or else the active one. */
  getRange(a1Notation: string): GRange {
    this.ctx.call('Spreadsheet.getRange', 'read');
    const ref = parseA1(a1Notation);
    const doc = this.doc;
    const sheet = ref.sheet === undefined ? this.activeSheetData() : doc.sheets.find((s) => s.name === ref.sheet);
    if (!sheet) throw new Error('Range not found');
    const box = { r1: ref.startRow, c1: ref.startColumn, r2: ref.endRow ?? sheet.maxRows, c2: ref.endColumn ?? sheet.maxColumns };
    if (box.r2 > sheet.maxRows || box.c2 > sheet.maxColumns) throw new Error('Range not found');
    return this.ctx.make.range(this.docId, sheet.id, box);
  }

  getRangeByName(name: string): GRange | null {
    this.ctx.call('Spreadsheet.getRangeByName', 'read');
    const named = findNamed(this.doc, name);
    return named ? this.ctx.make.range(this.docId, named.sheetId, { ...named.box }) : null;
  }

  setNamedRange(name: string, range: GRange): void {
    this.ctx.call('Spreadsheet.setNamedRange', 'write');
    checkRangeName(name);
    if (!(range instanceof RangeBound) || range.docId !== this.docId)
      throw signatureError([name, range], 'SpreadsheetApp.Spreadsheet.setNamedRange');
    const doc = this.doc;
    const existing = findNamed(doc, name);
    if (existing) {
      existing.sheetId = range.sheetId;
      existing.box = { ...range.box };
    } else doc.namedRanges.push({ name, sheetId: range.sheetId, box: { ...range.box } });
    this.ctx.store.touch(doc);
  }

  getNamedRanges(): GNamedRange[] {
    this.ctx.call('Spreadsheet.getNamedRanges', 'read');
    return this.doc.namedRanges.map((n) => this.ctx.make.namedRange(this.docId, n.name));
  }

  removeNamedRange(name: string): void {
    this.ctx.call('Spreadsheet.removeNamedRange', 'write');
    const doc = this.doc;
    const named = findNamed(doc, name);
    doc.namedRanges = doc.namedRanges.filter((n) => n !== named);
    this.ctx.store.touch(doc);
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.call('Spreadsheet.toast', 'read');
    this.doc.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title), timeoutSeconds: timeoutSeconds ?? 5 });
  }

  getOwner(): GUser | null {
    this.ctx.call('Spreadsheet.getOwner', 'read');
    return this.ctx.user(this.doc.owner);
  }

  getEditors(): GUser[] {
    this.ctx.call('Spreadsheet.getEditors', 'read');
    const doc = this.doc;
    return [doc.owner, ...doc.editors.filter((e) => e !== doc.owner)].map((e) => this.ctx.user(e));
  }

  addEditor(emailAddress: string | GUser): GSpreadsheet {
    this.ctx.call('Spreadsheet.addEditor', 'write');
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    if (!this.doc.editors.includes(email)) this.doc.editors.push(email);
    return this.self();
  }
}
