// The contract between the formula engine and the spreadsheet that holds the cells.
import type { GridRef } from '../a1';

/** A value Sheets keeps in a cell (a literal, or a formula's result): never null or undefined, unlike what a script receives. */
export type CellValue = string | number | boolean | Date;

/** Same shape as GridRef: an undefined end runs to the sheet's last row/column. */
export type RangeRef = GridRef;

export interface FormulaContext {
  /** The cell holding the formula. */
  sheet: string;
  row: number;
  column: number;
  /** Values of a range ('' for empty); throws FormulaError('#REF!', ...) for an unknown sheet. */
  read(ref: RangeRef): CellValue[][];
  namedRange(name: string): RangeRef | undefined;
  /** The add-on's custom formulas (OKR_PROGRESS etc.). */
  isCustomFunction(name: string): boolean;
  /**
   * Whether a cell of the range holds, or spills from, a formula that depends on
   * NOW(), RAND(), RANDARRAY() or RANDBETWEEN(), directly or through the cells it
   * reads: a custom function may not read it (formula/volatile.ts).
   */
  readsVolatile(ref: RangeRef): boolean;
  /**
   * IMPORTRANGE (functions/import.ts): the values of a range of another
   * spreadsheet, as that spreadsheet computes them, an error cell as its
   * FormulaError. Throws the FormulaError the import gives (not found, not
   * connected, too large...), which the spreadsheet side decides.
   */
  importRange(spreadsheet: string, range: string): (CellValue | FormulaError)[][];
  /** Throws an Error whose message the cell shows. */
  callCustom(name: string, args: (CellValue | CellValue[][])[]): CellValue | CellValue[][];
  now(): Date;
  /** For TODAY()/NOW() and date serials: the spreadsheet's time zone. */
  timeZone: string;
  /**
   * SPARKLINE (functions/sparkline.ts) hands over the drawing the cell shows;
   * the spreadsheet side keeps it when the formula's result is the "" a
   * sparkline cell reads as. Absent where nothing is drawn (rules, validation).
   */
  sparkline?(drawing: SparklineDrawing): void;
}

/** What a SPARKLINE cell draws: the numbers and the options resolved to their defaults. */
export type SparklineDrawing =
  | { type: 'bar'; data: number[]; options: { max: number; min: number; color1: string; color2: string; rtl: boolean } }
  | { type: 'line'; data: (number | null)[]; options: { color: string; linewidth: number; ymin: number; ymax: number; rtl: boolean } };

export type FormulaValue = CellValue | CellValue[][];

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
