// The types the spreadsheet runtime shares with its callers.
import type { FormulaContext, FormulaValue, SparklineDrawing } from '../formula/index';
import type { CellValue } from './model';

export type { CellValue } from './model';
export type { SparklineDrawing };

/** Runs one of the add-on's custom formulas; throws an Error whose message the #ERROR! cell shows. */
export type CustomFunctionHost = (spreadsheetId: string, name: string, args: (CellValue | CellValue[][])[]) => unknown;

/** The formula engine's entry point (dev/runtime/formula), injectable for tests. */
export type Evaluate = (formula: string, context: FormulaContext) => FormulaValue;

export interface StoreOptions {
  customFunctions: CustomFunctionHost;
  now?: () => Date;
  /** Defaults to the formula helper's evaluateFormula. */
  evaluate?: Evaluate;
  /** Which function names are the add-on's custom formulas; defaults to any name not ending in "_". */
  isCustomFunction?: (name: string) => boolean;
}

export interface CellError {
  code: string;
  message: string;
}

/** Everything about one cell, for tests and the playground. */
export interface CellInfo {
  value: CellValue;
  display: string;
  /** "" when the cell holds no formula. */
  formula: string;
  error?: CellError;
  /**
   * The spreadsheet whose IMPORTRANGE this formula waits on: the cell shows #REF!
   * "You need to connect these sheets." and offers "Allow access" (store.allowImport).
   */
  needsAccessTo?: string;
  numberFormat: string;
  validation?: { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string; list?: string[] };
  /** After conditional formatting: the first matching rule wins. */
  background: string;
  fontColor: string;
  bold: boolean;
  note: string;
  /** The link on the cell's text (rich text), when there is one. */
  link?: string;
  protection?: { description: string; warningOnly: boolean; type: 'RANGE' | 'SHEET' };
  merged: boolean;
  /** A SPARKLINE cell: the drawing it shows in place of a value (its value is ""). */
  sparkline?: SparklineDrawing;
}

export type UserEditResult = { ok: true; warning?: string } | { ok: false; message: string };

/** Whether Sheets would take a person's edit of a cell, checked before it is applied; `confirm` is what it asks first. */
export type EditCheck = { ok: true; confirm?: string } | { ok: false; message: string };
