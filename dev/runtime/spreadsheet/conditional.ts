// ConditionalFormatRuleBuilder, ConditionalFormatRule and BooleanCondition
// (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder).
// Whether a rule's condition holds for a cell is decided in conditional-match.ts.

import type { Ctx, GRange, GRule, GRuleBuilder } from './context';
import { BooleanCriteria, memberOf } from './enums';
import type { Box, RuleData } from './model';
import { RangeBound } from './sheet-bound';
import { standIn } from '../stand-in';

type BuilderCovered = Exclude<
  keyof GRuleBuilder,
  `setGradient${string}` | 'getGradientCondition' | 'whenDateAfter' | 'whenDateBefore' | 'whenDateEqualTo'
>;

const registry = new WeakMap<object, RuleData>();

export function ruleDataOf(rule: unknown): RuleData {
  const data = typeof rule === 'object' && rule !== null ? registry.get(rule) : undefined;
  if (!data)
    throw new Error("The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.");
  return data;
}

function emptyRule(): RuleData {
  return { ranges: [], criteria: undefined, args: [] };
}

function boxOf(range: GRange): { sheetId: number; box: Box } {
  if (!(range instanceof RangeBound))
    throw new Error(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
    );
  return { sheetId: range.sheetId, box: { ...range.box } };
}

function booleanCondition(data: RuleData): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
  if (!data.criteria) return null;
  return {
    getBackground: () => data.background ?? null,
    getBold: () => data.bold ?? null,
    getCriteriaType: () => memberOf(BooleanCriteria, data.criteria ?? ''),
    getCriteriaValues: () => [...data.args],
    getFontColor: () => data.fontColor ?? null,
    getItalic: () => data.italic ?? null,
    getStrikethrough: () => data.strikethrough ?? null,
    getUnderline: () => data.underline ?? null,
  } as GoogleAppsScript.Spreadsheet.BooleanCondition;
}

/** The rule's ranges as Range objects of its spreadsheet (none before setRanges names one). */
function liveRanges(ctx: Ctx, data: RuleData, docId: string | undefined): GRange[] {
  return docId === undefined ? [] : data.ranges.map((r) => ctx.make.range(docId, r.sheetId, { ...r.box }));
}

export class ConditionalFormatRuleImpl implements Pick<GRule, 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'> {
  constructor(
    private readonly ctx: Ctx,
    data: RuleData,
    private readonly docId: string | undefined,
  ) {
    registry.set(this, structuredClone(data));
  }

  private get data(): RuleData {
    return registry.get(this)!;
  }

  copy(): GRuleBuilder {
    this.ctx.call('ConditionalFormatRule.copy', 'free');
    return this.ctx.make.ruleBuilder(this.data, this.docId);
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.ctx.call('ConditionalFormatRule.getBooleanCondition', 'free');
    return booleanCondition(this.data);
  }

  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    this.ctx.call('ConditionalFormatRule.getGradientCondition', 'free');
    return null;
  }

  getRanges(): GRange[] {
    this.ctx.call('ConditionalFormatRule.getRanges', 'free');
    return liveRanges(this.ctx, this.data, this.docId);
  }
}

export class ConditionalFormatRuleBuilderImpl implements Pick<GRuleBuilder, BuilderCovered> {
  private data: RuleData;

  constructor(
    private readonly ctx: Ctx,
    data: RuleData | undefined,
    private docId: string | undefined,
  ) {
    this.data = data ? structuredClone(data) : emptyRule();
  }

  private self(): GRuleBuilder {
    return standIn<GRuleBuilder>(this);
  }

  private when(name: string, criteria: string, args: unknown[]): GRuleBuilder {
    this.ctx.call(`ConditionalFormatRuleBuilder.${name}`, 'free');
    this.data.criteria = criteria;
    this.data.args = args;
    return this.self();
  }

  private style(name: string, apply: () => void): GRuleBuilder {
    this.ctx.call(`ConditionalFormatRuleBuilder.${name}`, 'free');
    apply();
    return this.self();
  }

  build(): GRule {
    this.ctx.call('ConditionalFormatRuleBuilder.build', 'free');
    return this.ctx.make.rule(this.data, this.docId ?? '');
  }

  copy(): GRuleBuilder {
    this.ctx.call('ConditionalFormatRuleBuilder.copy', 'free');
    return this.ctx.make.ruleBuilder(this.data, this.docId);
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.ctx.call('ConditionalFormatRuleBuilder.getBooleanCondition', 'free');
    return booleanCondition(this.data);
  }

  getRanges(): GRange[] {
    this.ctx.call('ConditionalFormatRuleBuilder.getRanges', 'free');
    return liveRanges(this.ctx, this.data, this.docId);
  }

  setRanges(ranges: GRange[]): GRuleBuilder {
    return this.style('setRanges', () => {
      this.data.ranges = ranges.map(boxOf);
      const first = ranges[0];
      if (first instanceof RangeBound) this.docId = first.docId;
    });
  }

  setBackground(color: string | null): GRuleBuilder {
    return this.style('setBackground', () => (this.data.background = color === null ? null : String(color).toLowerCase()));
  }
  setFontColor(color: string | null): GRuleBuilder {
    return this.style('setFontColor', () => (this.data.fontColor = color === null ? null : String(color).toLowerCase()));
  }
  setBold(bold: boolean | null): GRuleBuilder {
    return this.style('setBold', () => (this.data.bold = bold));
  }
  setItalic(italic: boolean | null): GRuleBuilder {
    return this.style('setItalic', () => (this.data.italic = italic));
  }
  setUnderline(underline: boolean | null): GRuleBuilder {
    return this.style('setUnderline', () => (this.data.underline = underline));
  }
  setStrikethrough(strikethrough: boolean | null): GRuleBuilder {
    return this.style('setStrikethrough', () => (this.data.strikethrough = strikethrough));
  }

  whenCellEmpty(): GRuleBuilder {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty(): GRuleBuilder {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): GRuleBuilder {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [String(formula)]);
  }
  whenNumberBetween(start: number, end: number): GRuleBuilder {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(number: number): GRuleBuilder {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number): GRuleBuilder {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): GRuleBuilder {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberLessThan(number: number): GRuleBuilder {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): GRuleBuilder {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberNotBetween(start: number, end: number): GRuleBuilder {
    return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberNotEqualTo(number: number): GRuleBuilder {
    return this.when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number]);
  }
  whenTextContains(text: string): GRuleBuilder {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): GRuleBuilder {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextEndsWith(text: string): GRuleBuilder {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }
  whenTextEqualTo(text: string): GRuleBuilder {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  whenTextStartsWith(text: string): GRuleBuilder {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria, args: unknown[]): GRuleBuilder {
    return this.when('withCriteria', String(criteria), [...args]);
  }
}
