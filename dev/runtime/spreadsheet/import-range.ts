// IMPORTRANGE across the runtime's spreadsheets: which spreadsheet a URL names,
// whether this one may read it, and its values, recalculated when it changes.
// From Google's help page "IMPORTRANGE" (support.google.com/docs/answer/3093340):
//
// - spreadsheet_url is "The URL of the spreadsheet from where data will be
//   imported" (the page's sample: "https://docs.google.com/spreadsheets/d/abcd123abcd123");
//   the key alone (the spreadsheet's id) is taken too.
// - range_string is "[sheet_name!]range" (e.g. "Sheet1!A2:B6" or "A2:B6"), and "by
//   default IMPORTRANGE will import from the given range of the first sheet". A
//   named range of the source works too (the page's sample "Sales_total").
// - "Spreadsheets must be explicitly granted permission to pull data from other
//   spreadsheets using IMPORTRANGE. The first time the destination sheet pulls
//   data from a new source sheet, the user will be prompted to grant permission":
//   "A #REF! error opens and prompts, 'You need to connect these sheets. Allow
//   Access.'" Someone who cannot open the source sees "You don't have permissions
//   to access that sheet" instead. "Once access is granted, any editor on the
//   destination spreadsheet can use IMPORTRANGE to pull from any part of the
//   source spreadsheet. The access remains in effect until the user who granted
//   access is removed from the source." So access is kept per pair of files, on
//   the destination, with who allowed it (ImportLinks.allow is the click).
// - "Any update to the source document IMPORTRANGE will cause all open receiving
//   documents to refresh", down chains too: "If sheet B has an IMPORTRANGE(sheet A)
//   and sheet C has an IMPORTRANGE(sheet B) ... Any update to sheet A causes sheet
//   B and sheet C to reload." An importer remembers the version of every
//   spreadsheet its values came from, down the chain, and recalculates when one moved.
// - "IMPORTRANGE also waits for calculations to complete on the source document":
//   the source is recalculated before it is read (its custom formulas included).
// - "Avoid cycles of IMPORTRANGE ... This causes a loop between them where each
//   continuously tries to reference the other and never results in an actual
//   data output." Sheets keeps loading; here every spreadsheet of the cycle shows
//   an error instead, whichever is opened first, and nothing hangs.
// - Sheets "is capped at 10MB of received data per request".
//
// Not on the page, so the stricter reading and plain words: the messages for a
// spreadsheet or range that does not exist, for too much data, for a cycle and
// for a chain longer than the runtime follows (the page sets no number; it
// advises to "Limit chains of IMPORTRANGE"). A spreadsheet importing its own
// cells needs no connection (the page's permission is to pull "from other
// spreadsheets"); the runtime knows no viewers, so "can open" is owner or editor.

import { Buffer } from 'node:buffer';
import { parseA1, type GridRef } from '../a1';
import { FormulaError, type CellValue } from '../formula/index';
import type { DocData } from './model';
import type { Recalculator } from './recalc';
import { idInUrl } from './urls';

export const NEEDS_ACCESS = 'You need to connect these sheets.';
export const NO_PERMISSION = "You don't have permissions to access that sheet.";
export const NOT_FOUND = 'Unable to find spreadsheet.';
export const RANGE_NOT_FOUND = 'Unable to find range or sheet for imported range.';
export const TOO_LARGE = 'Result too large.';

/** "10MB", read as 10,000,000 bytes (the smaller reading), counting text as UTF-8 and any other value as 8 bytes. */
export const RECEIVED_LIMIT = 10_000_000;
/** How many spreadsheets one chain of imports may hold before the runtime stops it (its own bound). */
export const CHAIN_LIMIT = 20;

type Values = (CellValue | FormulaError)[][];

export interface ImportHost {
  has(id: string): boolean;
  doc(id: string): DocData;
  recalc(id: string): Recalculator;
}

/** What one spreadsheet's last recalculation imported. */
interface Imported {
  /** Every spreadsheet its values came from, down the chains, with the version read (-1: there was none). */
  versions: Map<string, number>;
  /** Formula cell (`sheetId:row:column`) → the spreadsheet whose "Allow access" it waits on. */
  waiting: Map<string, string>;
  /** The names round the cycle of IMPORTRANGE it is on, first and last the same. */
  cycle?: string[];
}

export class ImportLinks {
  private readonly imported = new Map<string, Imported>();
  /** The spreadsheets recalculating now, each for an IMPORTRANGE of the one before. */
  private readonly chain: string[] = [];

  constructor(private readonly host: ImportHost) {}

  /** Whether a spreadsheet that `id`'s last recalculation imported from has changed since (or now exists). */
  changed(id: string): boolean {
    for (const [source, version] of this.imported.get(id)?.versions ?? []) {
      if ((this.host.has(source) ? this.host.doc(source).version : -1) !== version) return true;
    }
    return false;
  }

  /** `id` recalculates: what it imported before no longer counts. */
  forget(id: string): void {
    this.imported.set(id, { versions: new Map(), waiting: new Map() });
  }

  /** The spreadsheet whose "Allow access" the formula at `cell` of `id` waits on, if any. */
  waitingOn(id: string, cell: string): string | undefined {
    return this.imported.get(id)?.waiting.get(cell);
  }

  /** IMPORTRANGE(spreadsheet, range) in the formula at `cell` of `importerId`; throws the FormulaError the cell shows. */
  read(importerId: string, spreadsheet: string, range: string, cell: string): Values {
    const here = this.state(importerId);
    const sourceId = spreadsheetId(spreadsheet);
    if (sourceId === undefined) throw new FormulaError('#REF!', NOT_FOUND);
    if (!this.host.has(sourceId)) {
      here.versions.set(sourceId, -1);
      throw new FormulaError('#REF!', NOT_FOUND);
    }
    const source = this.host.doc(sourceId);
    if (sourceId === importerId) return this.values(source, range);
    if (!connected(this.host.doc(importerId), source)) {
      if (!here.waiting.has(cell)) here.waiting.set(cell, sourceId);
      throw new FormulaError('#REF!', NEEDS_ACCESS);
    }
    this.settle(importerId, source);
    here.versions.set(sourceId, source.version);
    const there = this.state(sourceId);
    for (const [id, version] of there.versions) if (id !== importerId) here.versions.set(id, version);
    if (there.cycle)
      throw new FormulaError(
        '#REF!',
        `Circular IMPORTRANGE: ${there.cycle.join(' → ')}. Sheets never gets data out of spreadsheets that import from each other.`,
      );
    return this.values(source, range);
  }

  /**
   * The person's click on "Allow access": `importerId` may read `sourceId` from
   * now on, for everyone. Throws when the person may not allow it.
   */
  allow(importerId: string, sourceId: string, user: string): void {
    const importer = this.host.doc(importerId);
    const source = this.host.doc(sourceId);
    if (!canOpen(importer, user)) throw new Error(`Only an editor of "${importer.name}" can allow it to import from another spreadsheet.`);
    if (!canOpen(source, user)) throw new Error(NO_PERMISSION);
    if (connected(importer, source)) return;
    importer.importAccess = [...(importer.importAccess ?? []).filter((g) => g.source !== sourceId), { source: sourceId, grantedBy: user }];
  }

  /** Recalculates the source unless that would go round a cycle or past the chain's bound. */
  private settle(importerId: string, source: DocData): void {
    const root = this.chain.length === 0;
    if (root) this.chain.push(importerId);
    try {
      const at = this.chain.indexOf(source.id);
      if (at >= 0) {
        const round = this.chain.slice(at);
        const names = [...round, source.id].map((id) => this.host.doc(id).name);
        for (const id of round) this.state(id).cycle = names;
        return;
      }
      if (this.chain.length >= CHAIN_LIMIT) {
        throw new FormulaError('#REF!', `IMPORTRANGE chain too long: more than ${CHAIN_LIMIT} spreadsheets each import from the next.`);
      }
      this.chain.push(source.id);
      try {
        this.host.recalc(source.id).ensure();
      } finally {
        this.chain.pop();
      }
    } finally {
      if (root) this.chain.pop();
    }
  }

  private values(source: DocData, text: string): Values {
    const values = this.host.recalc(source.id).importValues(rangeIn(source, text));
    if (receivedBytes(values) > RECEIVED_LIMIT) throw new FormulaError('#ERROR!', TOO_LARGE);
    return values;
  }

  private state(id: string): Imported {
    let state = this.imported.get(id);
    if (!state) {
      state = { versions: new Map(), waiting: new Map() };
      this.imported.set(id, state);
    }
    return state;
  }
}

/** The id in a spreadsheet's URL, or the key given alone. */
function spreadsheetId(text: string): string | undefined {
  const trimmed = text.trim();
  return idInUrl(trimmed) ?? (/^[A-Za-z0-9_-]+$/.test(trimmed) ? trimmed : undefined);
}

function canOpen(doc: DocData, user: string): boolean {
  return user === doc.owner || doc.editors.includes(user);
}

function connected(importer: DocData, source: DocData): boolean {
  const grant = importer.importAccess?.find((g) => g.source === source.id);
  return grant !== undefined && canOpen(source, grant.grantedBy);
}

/** "[sheet_name!]range" in the source, or one of its named ranges; inside the sheet's grid. */
function rangeIn(doc: DocData, text: string): GridRef & { sheet: string } {
  let ref: GridRef | undefined;
  try {
    ref = parseA1(text);
  } catch {
    const named = doc.namedRanges.find((n) => n.name.toLowerCase() === text.trim().toLowerCase());
    const on = named && doc.sheets.find((s) => s.id === named.sheetId);
    if (named && on)
      ref = { sheet: on.name, startRow: named.box.r1, startColumn: named.box.c1, endRow: named.box.r2, endColumn: named.box.c2 };
  }
  const name = ref?.sheet?.toLowerCase();
  const sheet = name === undefined ? doc.sheets[0] : doc.sheets.find((s) => s.name.toLowerCase() === name);
  if (ref === undefined || sheet === undefined) throw new FormulaError('#REF!', RANGE_NOT_FOUND);
  if (Math.max(ref.startRow, ref.endRow ?? 1) > sheet.maxRows || Math.max(ref.startColumn, ref.endColumn ?? 1) > sheet.maxColumns) {
    throw new FormulaError('#REF!', RANGE_NOT_FOUND);
  }
  return { ...ref, sheet: sheet.name };
}

function receivedBytes(values: Values): number {
  let bytes = 0;
  for (const row of values) for (const value of row) bytes += typeof value === 'string' ? Buffer.byteLength(value) : 8;
  return bytes;
}
