// All the in-memory spreadsheets of a runtime, with the helpers tests and the
// playground use to look inside them (those are not Apps Script calls, so not counted).

import { randomBytes } from 'node:crypto';
import { parseA1 } from '../a1';
import { FormulaError } from '../formula/index';
import { chartView, type ChartView } from './chart-series';
import { clearContent, displayOf, readCell } from './cells';
import { checkTimeZone } from '../dates';
import { ImportLinks, NEEDS_ACCESS } from './import-range';
import { inspectCell } from './inspect';
import { hasContent, newSheet, type Box, type CellValue, type DocData, type SheetData, type Toast } from './model';
import { Recalculator } from './recalc';
import { fromJSON, toJSON } from './serialize';
import type { CellInfo, EditCheck, Evaluate, StoreOptions, UserEditResult } from './types';
import { checkEdit, userEdit } from './user-edit';
import { isDate } from './values';
import { defaultEvaluate } from './default-evaluate';

export interface CreateOptions {
  name: string;
  id?: string;
  timeZone?: string;
  locale?: string;
  sheets?: string[];
  /** The owner's address; editors besides the owner. */
  owner?: string;
  editors?: string[];
}

export const DEFAULT_OWNER = 'owner@example.com';

export { spreadsheetUrl } from './urls';

export class SpreadsheetStore {
  private readonly docs = new Map<string, DocData>();
  private readonly recalcs = new Map<string, Recalculator>();
  private readonly customCache = new Map<string, { value: CellValue | CellValue[][] } | { error: string }>();
  private customCalls = 0;
  private readonly evaluate: Evaluate;
  private readonly imports = new ImportLinks(this);

  constructor(readonly options: StoreOptions) {
    this.evaluate = options.evaluate ?? defaultEvaluate;
  }

  create(options: CreateOptions): string {
    const id = options.id ?? randomBytes(33).toString('base64url');
    if (this.docs.has(id)) throw new Error(`A spreadsheet with id ${id} already exists.`);
    const timeZone = options.timeZone ?? 'Etc/GMT';
    checkTimeZone(timeZone);
    const names = options.sheets?.length ? options.sheets : ['Sheet1'];
    const sheets = names.map((name, i) => newSheet(i === 0 ? 0 : 1000 + i, name));
    this.docs.set(id, {
      id,
      name: options.name,
      timeZone,
      locale: options.locale ?? 'en_US',
      owner: options.owner ?? DEFAULT_OWNER,
      editors: options.editors ?? [],
      sheets,
      activeSheetId: sheets[0]!.id,
      namedRanges: [],
      nextSheetId: 1000 + names.length,
      nextProtectionId: 1,
      toasts: [],
      version: 0,
    });
    return id;
  }

  ids(): string[] {
    return [...this.docs.keys()];
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** The model of a spreadsheet (for the Apps Script classes). */
  doc(id: string): DocData {
    const doc = this.docs.get(id);
    if (!doc) throw new Error(`No spreadsheet with id ${id}.`);
    return doc;
  }

  recalc(id: string): Recalculator {
    let recalc = this.recalcs.get(id);
    if (!recalc) {
      const doc = this.doc(id);
      recalc = new Recalculator(doc, {
        evaluate: this.evaluate,
        callCustom: (name, args) => this.callCustom(id, name, args),
        isCustomFunction: this.options.isCustomFunction ?? ((name) => !name.endsWith('_')),
        now: () => this.now(),
        importRange: (spreadsheet, range, cell) => this.imports.read(id, spreadsheet, range, cell),
        importsChanged: () => this.imports.changed(id),
        forgetImports: () => this.imports.forget(id),
      });
      this.recalcs.set(id, recalc);
    }
    return recalc;
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /**
   * A person clicks "Allow access" on an IMPORTRANGE cell: `importerId` may read
   * `sourceId` from now on, for everyone (import-range.ts). Throws, changing
   * nothing, when the person cannot edit the importer or cannot open the source.
   */
  allowImport(importerId: string, sourceId: string, user: string): void {
    this.imports.allow(importerId, sourceId, user);
    this.touch(this.doc(importerId));
  }

  /** Marks the spreadsheet changed, so formulas recalculate before the next read. */
  touch(doc: DocData): void {
    doc.version++;
  }

  /** How many times a custom formula really ran (cache misses). */
  customFunctionCalls(): number {
    return this.customCalls;
  }

  /**
   * Sheets caches a custom formula's result per arguments and reruns it only
   * when they change; so does this.
   */
  private callCustom(id: string, name: string, args: (CellValue | CellValue[][])[]): CellValue | CellValue[][] {
    const key = `${id}\u0000${name.toUpperCase()}\u0000${JSON.stringify(cacheable(args))}`;
    let entry = this.customCache.get(key);
    if (!entry) {
      this.customCalls++;
      try {
        entry = { value: customResult(this.options.customFunctions(id, name, args)) };
      } catch (e) {
        entry = { error: e instanceof Error ? e.message : String(e) };
      }
      this.customCache.set(key, entry);
    }
    if ('error' in entry) throw new FormulaError('#ERROR!', entry.error);
    return entry.value;
  }

  /** The toasts Spreadsheet.toast showed, oldest first. */
  toasts(id: string): Toast[] {
    return this.doc(id).toasts.map((t) => ({ ...t }));
  }

  sheetNames(id: string): string[] {
    return this.doc(id).sheets.map((s) => s.name);
  }

  values(id: string, sheet: string, a1?: string): CellValue[][] {
    return this.grid(id, sheet, a1, (doc, s, r, c) => readCell(doc, this.recalc(id), s, r, c).value);
  }

  displayValues(id: string, sheet: string, a1?: string): string[][] {
    return this.grid(id, sheet, a1, (doc, s, r, c) => displayOf(doc, readCell(doc, this.recalc(id), s, r, c)));
  }

  formulas(id: string, sheet: string, a1?: string): string[][] {
    return this.grid(id, sheet, a1, (doc, s, r, c) => readCell(doc, this.recalc(id), s, r, c).formula);
  }

  cell(id: string, sheet: string, a1: string): CellInfo {
    const doc = this.doc(id);
    const s = this.sheet(doc, sheet);
    const box = this.box(doc, s, a1);
    const info = inspectCell(doc, this.recalc(id), s, box.r1, box.c1);
    const waiting = this.imports.waitingOn(id, `${s.id}:${box.r1}:${box.c1}`);
    if (waiting !== undefined && info.error?.message === NEEDS_ACCESS) info.needsAccessTo = waiting;
    return info;
  }

  /** The embedded charts of a sheet, each with its series read from its ranges' current values (chart-series.ts). */
  charts(id: string, sheet: string): ChartView[] {
    const doc = this.doc(id);
    return (this.sheet(doc, sheet).charts ?? []).map((chart) => chartView(doc, this.recalc(id), chart));
  }

  /**
   * A person types into a cell. `confirmed`: they already answered the "Edit
   * anyway?" of a warning-only protection (see checkEdit), so it is not repeated.
   */
  userEdit(id: string, sheet: string, a1: string, input: string, user: string, options: { confirmed?: boolean } = {}): UserEditResult {
    const doc = this.doc(id);
    const s = this.sheet(doc, sheet);
    const box = this.box(doc, s, a1);
    const result = userEdit(doc, this.recalc(id), s, box.r1, box.c1, input, user, options.confirmed ?? false);
    if (result.ok) this.touch(doc);
    return result;
  }

  /** What Sheets decides before applying a person's edit of the cell, changing nothing. */
  checkEdit(id: string, sheet: string, a1: string, user: string): EditCheck {
    const doc = this.doc(id);
    const s = this.sheet(doc, sheet);
    const box = this.box(doc, s, a1);
    return checkEdit(doc, s, box.r1, box.c1, user);
  }

  /** Clears a cell's content as a person pressing Delete would (for the playground). */
  userClear(id: string, sheet: string, a1: string): void {
    const doc = this.doc(id);
    const s = this.sheet(doc, sheet);
    const box = this.box(doc, s, a1);
    for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) clearContent(s, r, c);
    this.touch(doc);
  }

  toJSON(): unknown {
    return toJSON([...this.docs.values()]);
  }

  static fromJSON(json: unknown, options: StoreOptions): SpreadsheetStore {
    const store = new SpreadsheetStore(options);
    for (const doc of fromJSON(json)) store.docs.set(doc.id, doc);
    return store;
  }

  private sheet(doc: DocData, name: string): SheetData {
    const sheet = doc.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named "${name}" in ${doc.name}.`);
    return sheet;
  }

  private box(doc: DocData, sheet: SheetData, a1: string | undefined): Box {
    if (a1 === undefined) {
      const extent = dataExtent(this.recalc(doc.id), sheet);
      return { r1: 1, c1: 1, r2: Math.max(1, extent.rows), c2: Math.max(1, extent.columns) };
    }
    const ref = parseA1(a1);
    return { r1: ref.startRow, c1: ref.startColumn, r2: ref.endRow ?? sheet.maxRows, c2: ref.endColumn ?? sheet.maxColumns };
  }

  private grid<T>(id: string, sheet: string, a1: string | undefined, read: (doc: DocData, s: SheetData, r: number, c: number) => T): T[][] {
    const doc = this.doc(id);
    const s = this.sheet(doc, sheet);
    const box = this.box(doc, s, a1);
    const out: T[][] = [];
    for (let r = box.r1; r <= box.r2; r++) {
      const line: T[] = [];
      for (let c = box.c1; c <= box.c2; c++) line.push(read(doc, s, r, c));
      out.push(line);
    }
    return out;
  }
}

/**
 * The last row and column holding content. Spilled array results count, also
 * empty-text ones, as in Sheets (where an ARRAYFORMULA down a column moves getLastRow).
 */
export function dataExtent(recalc: Recalculator, sheet: SheetData): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.rows.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (hasContent(cell)) {
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    }),
  );
  for (const [r, c] of recalc.spilledCells(sheet)) {
    rows = Math.max(rows, r);
    columns = Math.max(columns, c);
  }
  return { rows, columns };
}

function cacheable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cacheable);
  if (isDate(value)) return { date: value.getTime() };
  return value;
}

/** A custom formula's return value as a cell sees it (Sheets' rules for returned values). */
function customResult(value: unknown): CellValue | CellValue[][] {
  if (Array.isArray(value)) {
    const rows = value.map((row: unknown) => (Array.isArray(row) ? row.map(scalarResult) : [scalarResult(row)]));
    return rows;
  }
  return scalarResult(value);
}

function scalarResult(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new FormulaError('#ERROR!', 'Unknown type of result.');
}
