// DataValidationBuilder and DataValidation
// (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder),
// and the check Sheets applies when a person types into a validated cell.

import type { Ctx, GDataValidation, GDataValidationBuilder, GRange } from './context';
import type { Box, Cell, ValidationData } from './model';
import { numberCriterionHolds } from './number-criteria';
import { isDate } from './values';

type BuilderCovered = keyof GDataValidationBuilder;
type Covered = keyof GDataValidation;

/** A range argument as stored: which cells, not a live object. */
export interface RangeArg {
  range: { docId: string; sheetId: number; box: Box };
}

function isRangeArg(value: unknown): value is RangeArg {
  return typeof value === 'object' && value !== null && 'range' in value;
}

const registry = new WeakMap<object, ValidationData>();

/** The model behind a DataValidation this runtime built; anything else is refused as Apps Script would. */
export function validationDataOf(rule: unknown): ValidationData {
  const data = typeof rule === 'object' && rule !== null ? registry.get(rule) : undefined;
  if (!data)
    throw new Error(`The parameters (${typeof rule}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`);
  return data;
}

function criteriaValues(ctx: Ctx, data: ValidationData): any[] {
  return data.args.map((arg) => {
    if (isRangeArg(arg)) return ctx.make.range(arg.range.docId, arg.range.sheetId, { ...arg.range.box });
    if (isDate(arg)) return ctx.date(arg);
    return Array.isArray(arg) ? [...arg] : arg;
  });
}

export class DataValidationImpl implements Pick<GDataValidation, Covered> {
  constructor(
    private readonly ctx: Ctx,
    data: ValidationData,
  ) {
    registry.set(this, structuredClone(data));
  }

  private get data(): ValidationData {
    return registry.get(this)!;
  }

  copy(): GDataValidationBuilder {
    this.ctx.call('DataValidation.copy', 'free');
    return this.ctx.make.validationBuilder(this.data);
  }

  getAllowInvalid(): boolean {
    this.ctx.call('DataValidation.getAllowInvalid', 'free');
    return this.data.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.ctx.call('DataValidation.getCriteriaType', 'free');
    return this.data.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): any[] {
    this.ctx.call('DataValidation.getCriteriaValues', 'free');
    return criteriaValues(this.ctx, this.data);
  }

  getHelpText(): string {
    this.ctx.call('DataValidation.getHelpText', 'free');
    return this.data.helpText;
  }
}

export class DataValidationBuilderImpl implements Pick<GDataValidationBuilder, BuilderCovered> {
  private data: ValidationData;

  constructor(
    private readonly ctx: Ctx,
    data?: ValidationData,
  ) {
    // Per the reference, allowInvalid defaults to true for a new rule.
    this.data = data ? structuredClone(data) : { criteria: '', args: [], allowInvalid: true, helpText: '' };
    delete this.data.anchor;
  }

  private set(name: string, criteria: string, args: unknown[]): GDataValidationBuilder {
    this.ctx.call(`DataValidationBuilder.${name}`, 'free');
    this.data.criteria = criteria;
    this.data.args = args;
    return this as unknown as GDataValidationBuilder;
  }

  build(): GDataValidation {
    this.ctx.call('DataValidationBuilder.build', 'free');
    if (!this.data.criteria) throw new Error('You must specify a criteria for the data validation rule.');
    return this.ctx.make.validation(this.data);
  }

  copy(): GDataValidationBuilder {
    this.ctx.call('DataValidationBuilder.copy', 'free');
    return this.ctx.make.validationBuilder(this.data);
  }

  getAllowInvalid(): boolean {
    this.ctx.call('DataValidationBuilder.getAllowInvalid', 'free');
    return this.data.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.ctx.call('DataValidationBuilder.getCriteriaType', 'free');
    return this.data.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): any[] {
    this.ctx.call('DataValidationBuilder.getCriteriaValues', 'free');
    return criteriaValues(this.ctx, this.data);
  }

  getHelpText(): string | null {
    this.ctx.call('DataValidationBuilder.getHelpText', 'free');
    return this.data.helpText === '' ? null : this.data.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.ctx.call('DataValidationBuilder.setAllowInvalid', 'free');
    this.data.allowInvalid = !!allowInvalidData;
    return this as unknown as GDataValidationBuilder;
  }

  setHelpText(helpText: string): GDataValidationBuilder {
    this.ctx.call('DataValidationBuilder.setHelpText', 'free');
    this.data.helpText = String(helpText);
    return this as unknown as GDataValidationBuilder;
  }

  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: any[]): GDataValidationBuilder {
    return this.set(
      'withCriteria',
      String(criteria),
      args.map((a) => this.arg(a)),
    );
  }

  private arg(value: unknown): unknown {
    const range = value as { docId?: string; sheetId?: number; box?: Box };
    if (typeof value === 'object' && value !== null && range.docId && range.box) {
      return { range: { docId: range.docId, sheetId: range.sheetId!, box: { ...range.box } } } satisfies RangeArg;
    }
    return isDate(value) ? new Date(value.getTime()) : value;
  }

  requireCheckbox(checkedValue?: any, uncheckedValue?: any): GDataValidationBuilder {
    const args = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set('requireCheckbox', 'CHECKBOX', args);
  }
  requireDate(): GDataValidationBuilder {
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): GDataValidationBuilder {
    return this.set('requireDateAfter', 'DATE_AFTER', [this.arg(date)]);
  }
  requireDateBefore(date: Date): GDataValidationBuilder {
    return this.set('requireDateBefore', 'DATE_BEFORE', [this.arg(date)]);
  }
  requireDateBetween(start: Date, end: Date): GDataValidationBuilder {
    return this.set('requireDateBetween', 'DATE_BETWEEN', [this.arg(start), this.arg(end)]);
  }
  requireDateEqualTo(date: Date): GDataValidationBuilder {
    return this.set('requireDateEqualTo', 'DATE_EQUAL_TO', [this.arg(date)]);
  }
  requireDateNotBetween(start: Date, end: Date): GDataValidationBuilder {
    return this.set('requireDateNotBetween', 'DATE_NOT_BETWEEN', [this.arg(start), this.arg(end)]);
  }
  requireDateOnOrAfter(date: Date): GDataValidationBuilder {
    return this.set('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [this.arg(date)]);
  }
  requireDateOnOrBefore(date: Date): GDataValidationBuilder {
    return this.set('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [this.arg(date)]);
  }
  requireFormulaSatisfied(formula: string): GDataValidationBuilder {
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', [String(formula)]);
  }
  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    return this.set('requireNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(number: number): GDataValidationBuilder {
    return this.set('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }
  requireNumberGreaterThan(number: number): GDataValidationBuilder {
    return this.set('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): GDataValidationBuilder {
    return this.set('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThan(number: number): GDataValidationBuilder {
    return this.set('requireNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): GDataValidationBuilder {
    return this.set('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberNotBetween(start: number, end: number): GDataValidationBuilder {
    return this.set('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberNotEqualTo(number: number): GDataValidationBuilder {
    return this.set('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number]);
  }
  requireTextContains(text: string): GDataValidationBuilder {
    return this.set('requireTextContains', 'TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string): GDataValidationBuilder {
    return this.set('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string): GDataValidationBuilder {
    return this.set('requireTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): GDataValidationBuilder {
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): GDataValidationBuilder {
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    return this.set('requireValueInList', 'VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: GRange, showDropdown = true): GDataValidationBuilder {
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [this.arg(range), showDropdown]);
  }
}

export interface ValidationEnv {
  readRange(arg: RangeArg): Cell[][];
  /** The custom formula's result at the edited cell. */
  formulaHolds(formula: string): boolean;
  /** A date argument or a cell date as a comparable number. */
  serial(date: Date): number;
}

/** Whether a value passes the rule (an empty cell always does). */
export function passes(data: ValidationData, value: Cell, env: ValidationEnv): boolean {
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
