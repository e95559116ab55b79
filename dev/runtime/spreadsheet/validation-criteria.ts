// Data validation's criteria, as Sheets applies them when a person types into a
// validated cell: which values pass, and the message shown when one does not.
// Pure rules over the model: the DataValidation classes (validation.ts) and the
// edit path (user-edit.ts) both use them; they import neither.

import type { Box, CellValue, ValidationData } from './model';
import { numberCriterionHolds } from './number-criteria';
import { isDate } from './values';

/** A range argument as stored: which cells, not a live object. */
export interface RangeArg {
  range: { docId: string; sheetId: number; box: Box };
}

export function isRangeArg(value: unknown): value is RangeArg {
  return typeof value === 'object' && value !== null && 'range' in value;
}

export interface ValidationEnv {
  readRange(arg: RangeArg): CellValue[][];
  /** The custom formula's result at the edited cell. */
  formulaHolds(formula: string): boolean;
  /** A date argument or a cell date as a comparable number. */
  serial(date: Date): number;
}

/** Whether a value passes the rule (an empty cell always does). */
export function passes(data: ValidationData, value: CellValue, env: ValidationEnv): boolean {
  if (value === '') return true;
  const args = data.args;
  const num = typeof value === 'number' ? value : undefined;
  const text = isDate(value) ? '' : String(value);
  const d = (i: number) => env.serial(args[i] as Date);
  const dv = isDate(value) ? env.serial(value) : undefined;
  switch (data.criteria) {
    case 'VALUE_IN_LIST':
      return ((args[0] as unknown[]) ?? []).some((item) => String(item) === text);
    case 'VALUE_IN_RANGE':
      return isRangeArg(args[0]) && env.readRange(args[0]).some((line) => line.some((item) => item !== '' && String(item) === text));
    case 'CHECKBOX':
      return args.length === 0 ? typeof value === 'boolean' : args.some((a) => String(a) === String(value));
    case 'DATE_IS_VALID_DATE':
      return dv !== undefined;
    case 'DATE_AFTER':
      return dv !== undefined && dv > d(0);
    case 'DATE_BEFORE':
      return dv !== undefined && dv < d(0);
    case 'DATE_ON_OR_AFTER':
      return dv !== undefined && dv >= d(0);
    case 'DATE_ON_OR_BEFORE':
      return dv !== undefined && dv <= d(0);
    case 'DATE_EQUAL_TO':
      return dv !== undefined && Math.floor(dv) === Math.floor(d(0));
    case 'DATE_BETWEEN':
      return dv !== undefined && dv >= d(0) && dv <= d(1);
    case 'DATE_NOT_BETWEEN':
      return dv !== undefined && (dv < d(0) || dv > d(1));
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
    case 'TEXT_IS_VALID_URL':
      return /^(https?:\/\/)?[^\s.]+\.[^\s]+$/i.test(text);
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(args[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.toLowerCase().includes(String(args[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text === String(args[0]);
    case 'CUSTOM_FORMULA':
      return env.formulaHolds(String(args[0]));
    default:
      return numberCriterionHolds(data.criteria, num, args) ?? true;
  }
}

/** What Sheets tells a person whose input was rejected, when the rule has no help text. */
export function defaultHelp(data: ValidationData): string {
  const a = data.args;
  switch (data.criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE':
      return 'Please enter one of the specified values.';
    case 'NUMBER_BETWEEN':
      return `Please enter a number between ${a[0]} and ${a[1]}.`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `Please enter a number greater than or equal to ${a[0]}.`;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return `Please enter a number less than or equal to ${a[0]}.`;
    case 'DATE_IS_VALID_DATE':
      return 'Please enter a valid date.';
    case 'TEXT_IS_VALID_EMAIL':
      return 'Please enter a valid email address.';
    default:
      return 'The data you entered violates the data validation rules set on this cell.';
  }
}
