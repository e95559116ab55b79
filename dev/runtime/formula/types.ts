// The contract between the formula engine and the spreadsheet that holds the cells.
import type { GridRef } from '../a1';

export type Cell = string | number | boolean | Date;

/** Same shape as GridRef: an undefined end runs to the sheet's last row/column. */
export type RangeRef = GridRef;

export interface FormulaContext {
  /** The cell holding the formula. */
  sheet: string;
  row: number;
  column: number;
  /** Values of a range ('' for empty); throws FormulaError('#REF!', ...) for an unknown sheet. */
  read(ref: RangeRef): Cell[][];
  namedRange(name: string): RangeRef | undefined;
  /** The add-on's custom formulas (OKR_PROGRESS etc.). */
  isCustomFunction(name: string): boolean;
  /** Throws an Error whose message the cell shows. */
  callCustom(name: string, args: (Cell | Cell[][])[]): Cell | Cell[][];
  now(): Date;
  /** For TODAY()/NOW() and date serials: the spreadsheet's time zone. */
  timeZone: string;
}

export type FormulaValue = Cell | Cell[][];

export type ErrorCode = '#ERROR!' | '#REF!' | '#N/A' | '#NAME?' | '#VALUE!' | '#DIV/0!' | '#NUM!';

export const ERROR_CODES: readonly ErrorCode[] = ['#ERROR!', '#REF!', '#N/A', '#NAME?', '#VALUE!', '#DIV/0!', '#NUM!'];

/** An error a cell shows: the code in the cell, the message on hover. Also travels as a value inside formulas. */
export class FormulaError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'FormulaError';
    this.code = code;
  }
}

export function isErrorCode(text: string): text is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(text);
}
