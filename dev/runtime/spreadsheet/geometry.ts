// Range coordinates checked as Apps Script checks them, with its messages.

import type { Box, SheetData } from './model';

export function gridBox(sheet: SheetData, row: number, column: number, numRows = 1, numColumns = 1): Box {
  for (const [name, value] of [
    ['row', row],
    ['column', column],
    ['numRows', numRows],
    ['numColumns', numColumns],
  ] as const) {
    if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`Cannot convert '${String(value)}' to int.`);
    void name;
  }
  const [r, c, h, w] = [Math.trunc(row), Math.trunc(column), Math.trunc(numRows), Math.trunc(numColumns)];
  if (r < 1) throw new Error('The starting row of the range is too small.');
  if (c < 1) throw new Error('The starting column of the range is too small.');
  if (h < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (w < 1) throw new Error('The number of columns in the range must be at least 1.');
  const box = { r1: r, c1: c, r2: r + h - 1, c2: c + w - 1 };
  checkInside(sheet, box);
  return box;
}

export function checkInside(sheet: SheetData, box: Box): void {
  if (box.r2 > sheet.maxRows || box.c2 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export function boxCells(box: Box): number {
  return (box.r2 - box.r1 + 1) * (box.c2 - box.c1 + 1);
}

/** A name for a value's type as Apps Script's signature errors show it. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return Array.isArray(value[0]) ? 'Object[][]' : 'Object[]';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

export function signatureError(args: unknown[], method: string): Error {
  return new Error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}
