// DataValidationBuilder and DataValidation
// (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder).
// What a rule accepts is decided in validation-criteria.ts.

import type { Ctx, GDataValidation, GDataValidationBuilder, GRange } from './context';
import { DataValidationCriteria, memberOf } from './enums';
import type { ValidationData } from './model';
import { RangeBound } from './sheet-bound';
import { standIn } from '../stand-in';
import { isRangeArg, type RangeArg } from './validation-criteria';
import { isDate } from './values';

type BuilderCovered = keyof GDataValidationBuilder;
type Covered = keyof GDataValidation;

const registry = new WeakMap<object, ValidationData>();

/** The model behind a DataValidation this runtime built; anything else is refused as Apps Script would. */
export function validationDataOf(rule: unknown): ValidationData {
  const data = typeof rule === 'object' && rule !== null ? registry.get(rule) : undefined;
  if (!data)
    throw new Error(`The parameters (${typeof rule}) don't match the method signature for SpreadsheetApp.Range.setDataValidation.`);
  return data;
}

function criteriaValues(ctx: Ctx, data: ValidationData): unknown[] {
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
    return memberOf(DataValidationCriteria, this.data.criteria);
  }

  getCriteriaValues(): unknown[] {
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
    return standIn<GDataValidationBuilder>(this);
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
    return memberOf(DataValidationCriteria, this.data.criteria);
  }

  getCriteriaValues(): unknown[] {
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
    return standIn<GDataValidationBuilder>(this);
  }

  setHelpText(helpText: string): GDataValidationBuilder {
    this.ctx.call('DataValidationBuilder.setHelpText', 'free');
    this.data.helpText = String(helpText);
    return standIn<GDataValidationBuilder>(this);
  }

  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: unknown[]): GDataValidationBuilder {
    return this.set(
      'withCriteria',
      String(criteria),
      args.map((a) => this.arg(a)),
    );
  }

  private arg(value: unknown): unknown {
    if (value instanceof RangeBound) {
      return { range: { docId: value.docId, sheetId: value.sheetId, box: { ...value.box } } } satisfies RangeArg;
    }
    return isDate(value) ? new Date(value.getTime()) : value;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GDataValidationBuilder {
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
