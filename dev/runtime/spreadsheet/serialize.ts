// A lossless JSON form of every spreadsheet (the playground saves and reloads it).
// Dates (only in validation and rule arguments: cells keep serial numbers) are
// written as {"$date": milliseconds}.

import type { DocData } from './model';
import { isDate } from './values';

export const FORMAT = 'okr-sheets-runtime/spreadsheets@1';

function encode(value: unknown): unknown {
  if (isDate(value)) return { $date: value.getTime() };
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : encode(v)));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === null ? undefined : decode(v)));
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$date') return new Date((value as { $date: number }).$date);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

export function toJSON(docs: DocData[]): unknown {
  return { format: FORMAT, spreadsheets: docs.map(encode) };
}

type Check = [string, (v: unknown) => boolean, string];

const isString = (v: unknown) => typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isArray = (v: unknown) => Array.isArray(v);

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

const SHEET_FIELDS: Check[] = [
  ['id', isNumber, 'a number'],
  ['name', isString, 'a string'],
  ['maxRows', (v) => isNumber(v) && (v as number) >= 1, 'a number of at least 1'],
  ['maxColumns', (v) => isNumber(v) && (v as number) >= 1, 'a number of at least 1'],
  ['rows', isArray, 'an array'],
  ['frozenRows', isNumber, 'a number'],
  ['frozenColumns', isNumber, 'a number'],
  ['columnWidths', (v) => typeof v === 'object' && v !== null, 'an object'],
  ['rowHeights', (v) => typeof v === 'object' && v !== null, 'an object'],
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

/** Throws an Error naming the first malformed part. */
export function fromJSON(json: unknown): DocData[] {
  if (typeof json !== 'object' || json === null) throw new Error('The saved spreadsheets must be an object');
  const root = json as { format?: unknown; spreadsheets?: unknown };
  if (root.format !== FORMAT) throw new Error(`format must be "${FORMAT}"`);
  if (!Array.isArray(root.spreadsheets)) throw new Error('spreadsheets must be an array');
  const seen = new Set<string>();
  return root.spreadsheets.map((raw, i) => {
    const where = `spreadsheets[${i}]`;
    check(raw, DOC_FIELDS, where);
    const doc = decode(raw) as DocData;
    if (seen.has(doc.id)) throw new Error(`${where}.id "${doc.id}" is used twice`);
    seen.add(doc.id);
    doc.sheets.forEach((sheet, j) => {
      check(sheet, SHEET_FIELDS, `${where}.sheets[${j}]`);
      sheet.rows.forEach((line, r) => {
        if (line !== undefined && !Array.isArray(line)) throw new Error(`${where}.sheets[${j}].rows[${r}] must be an array`);
        line?.forEach((cell, c) => {
          if (cell === undefined) return;
          const at = `${where}.sheets[${j}].rows[${r}][${c}]`;
          if (typeof cell !== 'object' || cell === null) throw new Error(`${at} must be an object`);
          if (cell.formula !== undefined && typeof cell.formula !== 'string') throw new Error(`${at}.formula must be a string`);
          if (cell.value !== undefined && !['string', 'number', 'boolean'].includes(typeof cell.value)) throw new Error(`${at}.value must be a string, number or boolean`);
        });
      });
    });
    doc.sheets.forEach((sheet) => (sheet.rows = Array.from(sheet.rows, (line) => line ?? [])));
    return doc;
  });
}
