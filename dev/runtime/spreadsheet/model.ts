// The in-memory document model: what a spreadsheet holds, independent of the
// Apps Script classes that read and write it (range.ts, sheet.ts, ...).

import type { CellValue } from '../formula/types';

export type { CellValue };

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** What a person would see in the cell's format menus. Absent = default. */
export interface CellStyle {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  fontStyle?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrap?: boolean;
  wrapStrategy?: string;
  fontSize?: number;
  fontFamily?: string;
  fontLine?: string;
  /** Borders are recorded, not drawn: true once any border was set. */
  border?: boolean;
}

export interface ValidationData {
  criteria: string;
  /** Criteria arguments; a range argument is kept as {sheetId, box}. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
  /** For a custom formula: the cell its relative references are written for. */
  anchor?: { row: number; column: number };
}

export interface CellData {
  /** The literal value (dates as serial numbers); absent when the cell is empty or holds a formula. */
  value?: string | number | boolean;
  formula?: string;
  style?: CellStyle;
  validation?: ValidationData;
  note?: string;
  /** A link on the cell's text (setRichTextValue). */
  link?: string;
}

export interface RuleData {
  ranges: { sheetId: number; box: Box }[];
  criteria: string | undefined;
  args: unknown[];
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  underline?: boolean | null;
  strikethrough?: boolean | null;
}

export interface ProtectionData {
  id: number;
  type: 'RANGE' | 'SHEET';
  /** For SHEET protections, the whole sheet (box undefined). */
  box: Box | undefined;
  description: string;
  warningOnly: boolean;
  /** null until a script changes the editors: until then they mirror the spreadsheet's (per the Protection docs). */
  editors: string[] | null;
  domainEdit: boolean;
  unprotected: Box[];
  rangeName: string | null;
}

/**
 * An embedded chart (Sheet.insertChart). Ranges name their sheet by id, so they
 * follow a rename; the type and strategies are enum names ("PIE", "MERGE_COLUMNS").
 */
export interface ChartData {
  id: number;
  type: string;
  ranges: { sheetId: number; box: Box }[];
  /** setOption's keys as given ("title", "vAxis.viewWindow.max"); values are JSON. */
  options: Record<string, unknown>;
  /** setPosition: the anchor cell (1-based) and the offset in pixels from its corner. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  /** -1 until setNumHeaders: Sheets then guesses whether the first row is headers. */
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
}

export interface SheetData {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  /** rows[r-1][c-1]; missing entries are empty cells. */
  rows: (CellData | undefined)[][];
  frozenRows: number;
  frozenColumns: number;
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  hidden: boolean;
  tabColor: string | null;
  merges: Box[];
  rules: RuleData[];
  protections: ProtectionData[];
  /** Absent until a chart is inserted (and in states saved before charts). */
  charts?: ChartData[];
}

export interface NamedRangeData {
  name: string;
  sheetId: number;
  box: Box;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** A click on "Allow access": this spreadsheet may IMPORTRANGE from `source` (import-range.ts). */
export interface ImportGrant {
  source: string;
  /** Who clicked; the access lasts while they can open the source. */
  grantedBy: string;
}

export interface DocData {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  editors: string[];
  sheets: SheetData[];
  activeSheetId: number;
  namedRanges: NamedRangeData[];
  nextSheetId: number;
  nextProtectionId: number;
  toasts: Toast[];
  /** The id the next inserted chart gets; absent until the first chart. */
  nextChartId?: number;
  /** The spreadsheets this one may import from; absent until access is first allowed. */
  importAccess?: ImportGrant[];
  /** Bumped on every write, so computed values know when they are stale. */
  version: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export function newSheet(id: number, name: string, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS): SheetData {
  return {
    id,
    name,
    maxRows: rows,
    maxColumns: columns,
    rows: [],
    frozenRows: 0,
    frozenColumns: 0,
    columnWidths: {},
    rowHeights: {},
    hidden: false,
    tabColor: null,
    merges: [],
    rules: [],
    protections: [],
  };
}

export function getCell(sheet: SheetData, row: number, column: number): CellData | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

/** The cell, created when absent, for writing. */
export function cellFor(sheet: SheetData, row: number, column: number): CellData {
  const line = (sheet.rows[row - 1] ??= []);
  return (line[column - 1] ??= {});
}

/** Drops a cell that holds nothing at all, so `rows` stays a fair picture of content. */
export function tidyCell(sheet: SheetData, row: number, column: number): void {
  const line = sheet.rows[row - 1];
  const cell = line?.[column - 1];
  if (!line || !cell) return;
  const empty =
    cell.value === undefined &&
    cell.formula === undefined &&
    cell.validation === undefined &&
    cell.note === undefined &&
    cell.link === undefined &&
    (cell.style === undefined || Object.keys(cell.style).length === 0);
  if (empty) line[column - 1] = undefined;
}

/** True when the cell holds a value or a formula (formats alone do not count). */
export function hasContent(cell: CellData | undefined): boolean {
  return !!cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''));
}

export function boxContains(box: Box, row: number, column: number): boolean {
  return row >= box.r1 && row <= box.r2 && column >= box.c1 && column <= box.c2;
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function sheetBox(sheet: SheetData): Box {
  return { r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxColumns };
}
