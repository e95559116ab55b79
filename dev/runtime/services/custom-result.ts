import { isDate } from './realm';

type CellValue = string | number | boolean | Date;

/**
 * What a custom formula's return becomes in the sheet: a value, or rows that
 * spill (a flat array fills a column). Dates come back as Node Dates; null and
 * undefined as an empty cell; anything else is an error the cell shows.
 */
export function customResult(result: unknown): CellValue | CellValue[][] {
  if (Array.isArray(result)) {
    if (result.length === 0) return '';
    const rows = result.map((row: unknown) => (Array.isArray(row) ? row.map(cellValue) : [cellValue(row)]));
    const width = Math.max(...rows.map((r) => r.length));
    return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill('')]);
  }
  return cellValue(result);
}

function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new Error(`Unsupported return value: ${Object.prototype.toString.call(value).slice(8, -1)}`);
}
