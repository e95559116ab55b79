// Writing and reading one cell's content, shared by Range, Sheet.appendRow and userEdit.

import { dateToSerial } from '../dates';
import { CELL_CHARACTERS } from '../formula/index';
import { parseInput } from './input';
import { cellFor, getCell, tidyCell, type CellValue, type DocData, type SheetData } from './model';
import { displayValue, isDateFormat } from './number-format';
import type { Recalculator } from './recalc';
import type { CellError } from './types';
import { isDate, outwardValue } from './values';

const DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

function isGeneral(format: string | undefined): boolean {
  return format === undefined || /^general$/i.test(format);
}

function setFormat(sheet: SheetData, row: number, column: number, format: string): void {
  const cell = cellFor(sheet, row, column);
  cell.style = { ...cell.style, numberFormat: format };
}

export const INPUT_TOO_LONG = `Your input contains more than the maximum of ${CELL_CHARACTERS} characters in a single cell.`;

/**
 * A cell holds at most 50,000 characters: a write of a longer text or formula
 * fails as a whole, before any cell changes, with the exception Sheets gives
 * scripts and API clients ("Exception: Your input contains more than the
 * maximum of 50000 characters in a single cell.").
 */
export function checkInputs(inputs: Iterable<unknown>): void {
  for (const input of inputs) if (typeof input === 'string' && input.length > CELL_CHARACTERS) throw new Error(INPUT_TOO_LONG);
}

/** Writes a value as setValue/setValues do: text is read like typed input. */
export function writeValue(doc: DocData, sheet: SheetData, row: number, column: number, input: unknown): void {
  const format = getCell(sheet, row, column)?.style?.numberFormat;
  if (typeof input === 'string') {
    const parsed = parseInput(input, format, doc.timeZone, doc.locale);
    if (parsed.formula !== undefined) return writeFormula(sheet, row, column, parsed.formula);
    storeLiteral(sheet, row, column, parsed.value ?? '');
    if (parsed.numberFormat && isGeneral(format)) setFormat(sheet, row, column, parsed.numberFormat);
    return;
  }
  if (isDate(input)) {
    storeLiteral(sheet, row, column, dateToSerial(input, doc.timeZone));
    if (!isDateFormat(format)) setFormat(sheet, row, column, DATE_TIME_FORMAT);
    return;
  }
  if (input === null || input === undefined) return storeLiteral(sheet, row, column, '');
  if (typeof input === 'number' || typeof input === 'boolean') return storeLiteral(sheet, row, column, input);
  storeLiteral(sheet, row, column, String(input));
}

function storeLiteral(sheet: SheetData, row: number, column: number, value: string | number | boolean): void {
  const cell = cellFor(sheet, row, column);
  delete cell.formula;
  delete cell.link;
  if (value === '') delete cell.value;
  else cell.value = value;
  tidyCell(sheet, row, column);
}

/** setFormula: "" clears the cell's content. */
export function writeFormula(sheet: SheetData, row: number, column: number, formula: string): void {
  const cell = cellFor(sheet, row, column);
  delete cell.value;
  delete cell.link;
  if (formula === '') delete cell.formula;
  else cell.formula = formula.startsWith('=') ? formula : `=${formula}`;
  tidyCell(sheet, row, column);
}

export function clearContent(sheet: SheetData, row: number, column: number): void {
  const cell = getCell(sheet, row, column);
  if (!cell) return;
  delete cell.value;
  delete cell.formula;
  delete cell.link;
  tidyCell(sheet, row, column);
}

export interface CellRead {
  /** As getValues() gives it (Dates in the host realm). */
  value: CellValue;
  error?: CellError;
  format: string | undefined;
  formula: string;
}

export function readCell(doc: DocData, recalc: Recalculator, sheet: SheetData, row: number, column: number): CellRead {
  const cell = getCell(sheet, row, column);
  const own = cell?.style?.numberFormat;
  if (cell?.formula === undefined && cell?.value !== undefined) {
    return { value: outwardValue(cell.value, own, doc.timeZone), format: own, formula: '' };
  }
  const computed = recalc.computed(sheet, row, column);
  const formula = cell?.formula ?? '';
  if (!computed) return { value: '', format: own, formula };
  const format = own ?? computed.format;
  const base: CellRead = { value: outwardValue(computed.value, format, doc.timeZone), format, formula };
  return computed.error ? { ...base, error: computed.error } : base;
}

export function displayOf(doc: DocData, read: CellRead): string {
  if (read.error) return read.error.code;
  return displayValue(read.value, read.format, doc.timeZone, doc.locale);
}

/** Rich text is text as given: never parsed, never a formula. */
export function writeRichText(sheet: SheetData, row: number, column: number, text: string, link: string | null): void {
  storeLiteral(sheet, row, column, text);
  if (link !== null && text !== '') cellFor(sheet, row, column).link = link;
}
