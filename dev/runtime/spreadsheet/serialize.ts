// A lossless JSON form of every spreadsheet (the playground saves and reloads
// it). Dates (only in validation and rule arguments: cells keep serial numbers)
// are written as {"$date": milliseconds}. Format 2 writes cells compactly
// (serialize-cells.ts); format 1, which wrote every cell out in full, is still
// read, so a state saved before keeps loading.

import type { DocData, SheetData } from './model';
import { decode, encode } from './json-values';
import { Interner, loadCells, saveCells, type Tables } from './serialize-cells';

export const FORMAT = 'okr-sheets-runtime/spreadsheets@2';
export const FORMAT_1 = 'okr-sheets-runtime/spreadsheets@1';

export function toJSON(docs: DocData[]): unknown {
  return { format: FORMAT, spreadsheets: docs.map(saveDoc) };
}

function saveDoc(doc: DocData): unknown {
  const styles = new Interner();
  const validations = new Interner();
  const sheets = doc.sheets.map(({ rows, ...sheet }) => ({ ...(encode(sheet) as object), cells: saveCells(rows, styles, validations) }));
  return { ...(encode({ ...doc, sheets: undefined }) as object), sheets, styles: styles.table, validations: validations.table };
}

type Check = [string, (v: unknown) => boolean, string];

const isString = (v: unknown) => typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isArray = (v: unknown) => Array.isArray(v);
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isObjectList = (v: unknown) => Array.isArray(v) && v.every(isObject);

const DOC_FIELDS: Check[] = [
  ['id', isString, 'a string'],
  ['name', isString, 'a string'],
  ['timeZone', isString, 'a string'],
  ['locale', isString, 'a string'],
  ['owner', isString, 'a string'],
  ['editors', isArray, 'an array'],
  ['sheets', (v) => isArray(v) && (v as unknown[]).length > 0, 'a non-empty array'],
  ['activeSheetId', isNumber, 'a number'],
  ['namedRanges', isArray, 'an array'],
  ['nextSheetId', isNumber, 'a number'],
  ['nextProtectionId', isNumber, 'a number'],
  ['toasts', isArray, 'an array'],
  ['version', isNumber, 'a number'],
];

const TABLE_FIELDS: Check[] = [
  ['styles', isObjectList, 'an array of objects'],
  ['validations', isObjectList, 'an array of objects'],
];

const SHEET_FIELDS: Check[] = [
  ['id', isNumber, 'a number'],
  ['name', isString, 'a string'],
  ['maxRows', (v) => isNumber(v) && (v as number) >= 1, 'a number of at least 1'],
  ['maxColumns', (v) => isNumber(v) && (v as number) >= 1, 'a number of at least 1'],
  ['frozenRows', isNumber, 'a number'],
  ['frozenColumns', isNumber, 'a number'],
  ['columnWidths', isObject, 'an object'],
  ['rowHeights', isObject, 'an object'],
  ['hidden', (v) => typeof v === 'boolean', 'a boolean'],
  ['merges', isArray, 'an array'],
  ['rules', isArray, 'an array'],
  ['protections', isArray, 'an array'],
];

function check(value: unknown, fields: Check[], where: string): void {
  if (typeof value !== 'object' || value === null) throw new Error(`${where} must be an object`);
  for (const [key, ok, what] of fields) {
    if (!ok((value as Record<string, unknown>)[key])) throw new Error(`${where}.${key} must be ${what}`);
  }
}

/** The "Allow access" clicks (import-range.ts); absent in states saved before IMPORTRANGE. */
function checkImportAccess(value: unknown, where: string): void {
  if (value === undefined) return;
  const grant = (g: unknown) =>
    isObject(g) && isString((g as Record<string, unknown>).source) && isString((g as Record<string, unknown>).grantedBy);
  if (!Array.isArray(value) || !value.every(grant)) throw new Error(`${where}.importAccess must be an array of {source, grantedBy}`);
}

/** Embedded charts (model.ts ChartData); absent in states saved before charts. */
function checkCharts(value: unknown, where: string): void {
  if (value === undefined) return;
  const chart = (c: unknown) => {
    if (!isObject(c)) return false;
    const r = c as Record<string, unknown>;
    return isNumber(r.id) && isString(r.type) && isArray(r.ranges) && isObject(r.options) && isObject(r.position) && isNumber(r.numHeaders);
  };
  if (!Array.isArray(value) || !value.every(chart))
    throw new Error(`${where}.charts must be an array of charts {id, type, ranges, options, position, numHeaders}`);
}

/** Throws an Error naming the first malformed part. */
export function fromJSON(json: unknown): DocData[] {
  if (typeof json !== 'object' || json === null) throw new Error('The saved spreadsheets must be an object');
  const root = json as { format?: unknown; spreadsheets?: unknown };
  if (root.format !== FORMAT && root.format !== FORMAT_1) throw new Error(`format must be "${FORMAT}" (or the older "${FORMAT_1}")`);
  if (!Array.isArray(root.spreadsheets)) throw new Error('spreadsheets must be an array');
  const load = root.format === FORMAT ? loadDoc : loadDocFormat1;
  const seen = new Set<string>();
  return root.spreadsheets.map((raw, i) => {
    const where = `spreadsheets[${i}]`;
    check(raw, DOC_FIELDS, where);
    checkImportAccess((raw as Record<string, unknown>).importAccess, where);
    const doc = load(raw as Record<string, unknown>, where);
    if (seen.has(doc.id)) throw new Error(`${where}.id "${doc.id}" is used twice`);
    seen.add(doc.id);
    return doc;
  });
}

function loadDoc(raw: Record<string, unknown>, where: string): DocData {
  check(raw, TABLE_FIELDS, where);
  const { sheets, styles, validations, ...fields } = raw;
  const tables: Tables = { styles: styles as unknown[], validations: validations as unknown[] };
  const loaded = (sheets as unknown[]).map((sheet, j): SheetData => {
    const at = `${where}.sheets[${j}]`;
    check(sheet, SHEET_FIELDS, at);
    checkCharts((sheet as Record<string, unknown>).charts, at);
    const { cells, ...rest } = sheet as Record<string, unknown>;
    const data = decode(rest) as Omit<SheetData, 'rows'>;
    return { ...data, rows: loadCells(cells, tables, data, at) };
  });
  return { ...(decode(fields) as Omit<DocData, 'sheets'>), sheets: loaded };
}

/** Format 1: each sheet's `rows` held every cell in full. */
function loadDocFormat1(raw: Record<string, unknown>, where: string): DocData {
  (raw.sheets as unknown[]).forEach((sheet, j) => {
    check(sheet, [...SHEET_FIELDS, ['rows', isArray, 'an array']], `${where}.sheets[${j}]`);
  });
  const doc = decode(raw) as DocData;
  doc.sheets.forEach((sheet, j) => {
    sheet.rows.forEach((line, r) => {
      if (line !== undefined && !Array.isArray(line)) throw new Error(`${where}.sheets[${j}].rows[${r}] must be an array`);
      line?.forEach((cell, c) => {
        if (cell === undefined) return;
        const at = `${where}.sheets[${j}].rows[${r}][${c}]`;
        if (typeof cell !== 'object' || cell === null) throw new Error(`${at} must be an object`);
        if (cell.formula !== undefined && typeof cell.formula !== 'string') throw new Error(`${at}.formula must be a string`);
        if (cell.value !== undefined && !['string', 'number', 'boolean'].includes(typeof cell.value))
          throw new Error(`${at}.value must be a string, number or boolean`);
      });
    });
    sheet.rows = Array.from(sheet.rows, (line) => line ?? []);
  });
  return doc;
}
