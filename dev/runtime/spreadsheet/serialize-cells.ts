// The cells of a sheet in a compact JSON form. Set-up formats and validates
// whole columns, a thousand rows each, so writing every cell's style and rule
// out in full made the demo's saved state 6.4 MB. Here each distinct style and
// rule is written once, in a table of its document, and cells refer to an entry
// by rectangles of cells that share it. What a cell holds of its own (value,
// formula, note, link) is listed cell by cell, only where there is some.

import type { CellData, SheetData } from './model';
import { decode, encode, sameValue } from './json-values';

/** [r1, c1, r2, c2, index into a table]: 1-based, inclusive. */
export type Rect = [number, number, number, number, number];

export interface SavedCells {
  /** [row, column, the cell's fields but style and validation], 1-based. */
  content: [number, number, Record<string, unknown>][];
  styles: Rect[];
  validations: Rect[];
}

/** The fields kept in tables rather than per cell. */
type Shared = 'style' | 'validation';

/** Collects distinct values (as encoded JSON) and numbers them in order of appearance. */
export class Interner {
  readonly table: unknown[] = [];
  private indexes = new Map<string, number>();

  add(value: unknown): number {
    const encoded = encode(value);
    const key = JSON.stringify(encoded);
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.table.length;
      this.table.push(encoded);
      this.indexes.set(key, index);
    }
    return index;
  }
}

export function saveCells(rows: SheetData['rows'], styles: Interner, validations: Interner): SavedCells {
  const content: SavedCells['content'] = [];
  rows.forEach((line, r) =>
    line?.forEach((cell, c) => {
      const fields = cell && ownFields(cell);
      if (fields) content.push([r + 1, c + 1, fields]);
    }),
  );
  return { content, styles: rectangles(rows, 'style', styles), validations: rectangles(rows, 'validation', validations) };
}

/** A cell's fields but the shared ones, encoded; undefined when it has none. */
function ownFields(cell: CellData): Record<string, unknown> | undefined {
  let fields: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(cell)) {
    if (key === 'style' || key === 'validation' || value === undefined) continue;
    (fields ??= {})[key] = encode(value);
  }
  return fields;
}

/**
 * Runs down each column of cells with equal values of the field, then runs of
 * the same rows in neighbouring columns joined into one rectangle: a formatted
 * column becomes one rectangle, a formatted block of columns too. A cell is
 * compared with the one above it, so only the first of a run is interned.
 */
function rectangles(rows: SheetData['rows'], field: Shared, table: Interner): Rect[] {
  const width = rows.reduce((max, line) => Math.max(max, line?.length ?? 0), 0);
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  const close = (run: { value: unknown; r1: number; r2: number } | undefined, column: number): void => {
    if (!run) return;
    const index = table.add(run.value);
    const key = `${run.r1}:${run.r2}:${index}`;
    const rect = open.get(key);
    if (rect && rect[3] === column - 1) rect[3] = column;
    else {
      const fresh: Rect = [run.r1, column, run.r2, column, index];
      open.set(key, fresh);
      out.push(fresh);
    }
  };
  for (let c = 1; c <= width; c++) {
    let run: { value: unknown; r1: number; r2: number } | undefined;
    for (let r = 1; r <= rows.length; r++) {
      const value = rows[r - 1]?.[c - 1]?.[field];
      if (value === undefined) continue;
      if (run && run.r2 === r - 1 && sameValue(run.value, value)) run.r2 = r;
      else {
        close(run, c);
        run = { value, r1: r, r2: r };
      }
    }
    close(run, c);
  }
  return out;
}

/** The tables of a document, as saved. */
export interface Tables {
  styles: unknown[];
  validations: unknown[];
}

/** Rebuilds a sheet's rows; throws an Error naming the first malformed part (`where` is the sheet's path). */
export function loadCells(saved: unknown, tables: Tables, size: { maxRows: number; maxColumns: number }, where: string): SheetData['rows'] {
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) throw new Error(`${where}.cells must be an object`);
  const { content, styles, validations } = saved as Partial<Record<keyof SavedCells, unknown>>;
  const rows: SheetData['rows'] = [];
  const cellAt = (row: number, column: number): CellData => ((rows[row - 1] ??= [])[column - 1] ??= {});
  const inSheet = (row: unknown, column: unknown): boolean => isIndex(row, size.maxRows) && isIndex(column, size.maxColumns);

  list(content, `${where}.cells.content`).forEach((entry, i) => {
    const at = `${where}.cells.content[${i}]`;
    if (!Array.isArray(entry) || entry.length !== 3 || !inSheet(entry[0], entry[1])) {
      throw new Error(`${at} must be [row, column, fields] with the row and column inside the sheet`);
    }
    const fields = entry[2] as unknown;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new Error(`${at}[2] must be an object`);
    const own = decode(fields) as CellData;
    if (own.formula !== undefined && typeof own.formula !== 'string') throw new Error(`${at}.formula must be a string`);
    if (own.value !== undefined && !['string', 'number', 'boolean'].includes(typeof own.value))
      throw new Error(`${at}.value must be a string, number or boolean`);
    Object.assign(cellAt(entry[0] as number, entry[1] as number), own);
  });

  const place = (rects: unknown, table: unknown[], field: Shared, name: string): void => {
    list(rects, `${where}.cells.${name}`).forEach((rect, i) => {
      const at = `${where}.cells.${name}[${i}]`;
      if (!Array.isArray(rect) || rect.length !== 5) throw new Error(`${at} must be [r1, c1, r2, c2, index]`);
      const [r1, c1, r2, c2, index] = rect as unknown[];
      if (!inSheet(r1, c1) || !inSheet(r2, c2) || (r2 as number) < (r1 as number) || (c2 as number) < (c1 as number)) {
        throw new Error(`${at} must be a rectangle inside the sheet (${size.maxRows} rows, ${size.maxColumns} columns)`);
      }
      if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= table.length)
        throw new Error(`${at} refers to ${name} entry ${String(index)}, which does not exist`);
      const entry = table[index as number];
      for (let r = r1 as number; r <= (r2 as number); r++) {
        // Each cell gets its own copy: the model changes a cell's style or rule in place.
        for (let c = c1 as number; c <= (c2 as number); c++) (cellAt(r, c) as Record<Shared, unknown>)[field] = decode(entry);
      }
    });
  };
  place(styles, tables.styles, 'style', 'styles');
  place(validations, tables.validations, 'validation', 'validations');
  return Array.from(rows, (line) => line ?? []);
}

function isIndex(value: unknown, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${where} must be an array`);
  return value;
}
