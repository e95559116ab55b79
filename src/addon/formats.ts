import { Check } from '../okr/schema';
import { columnLetter } from './a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type RuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

/**
 * The data rows of a tab's columns: row 2 to the last row of the grid. The
 * grid's size is read once, on first use: each read is a service call, and a
 * tab with no column-wide format, check or colour needs none. Set-up inserts
 * no rows, so the size read holds for the whole run.
 */
export interface DataColumns {
  range(column: number): Range;
  /** The range's A1 notation (`E2:E1000`), as Range.getA1Notation gives it, worked out rather than asked. */
  a1(column: number): string;
}

export function dataColumns(sheet: Sheet): DataColumns {
  let rows: number | undefined;
  const count = () => (rows ??= Math.max(1, sheet.getMaxRows() - 1));
  return {
    range: (column) => sheet.getRange(2, column, count(), 1),
    a1: (column) => {
      const letter = columnLetter(column);
      return count() === 1 ? `${letter}2` : `${letter}2:${letter}${count() + 1}`;
    },
  };
}

/**
 * Google's data-validation rule for a check the schema declares; `cycleNames`
 * are the cycles that apply in this workbook, for a dropdown of cycles.
 */
export function dataValidation(check: Check, cycleNames: readonly string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  const rule = SpreadsheetApp.newDataValidation();
  switch (check.kind) {
    case 'list':
      return rule
        .requireValueInList([...check.values], true)
        .setAllowInvalid(!check.strict)
        .setHelpText(check.help)
        .build();
    case 'cycles':
      return rule
        .requireValueInList([...cycleNames], true)
        .setAllowInvalid(true)
        .setHelpText(check.help)
        .build();
    case 'between':
      return rule.requireNumberBetween(check.min, check.max).setAllowInvalid(false).setHelpText(check.help).build();
    case 'at least':
      return rule.requireNumberGreaterThanOrEqualTo(check.min).setAllowInvalid(false).setHelpText(check.help).build();
  }
}

/** Status colours; dark text on light fills keeps a contrast above 4.5:1. */
export const STATUS_COLOURS: Record<string, string> = {
  done: '#b7e1cd',
  'on track': '#d9ead3',
  'at risk': '#fce8b2',
  'off track': '#f4c7c3',
  'no data': '#efefef',
};

/**
 * A colour rule without its range, as plain data: when it applies
 * (Google's BooleanCriteria name and its values) and the fill. Building a
 * rule costs a service call a step, so set-up compares rules by this data
 * and builds only the ones a column lacks.
 */
export interface Colouring {
  criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO' | 'NUMBER_BETWEEN' | 'NUMBER_LESS_THAN' | 'TEXT_EQUAL_TO' | 'CUSTOM_FORMULA';
  values: readonly (number | string)[];
  background: string;
}

/**
 * How earlier versions coloured Progress: by the score band it rounds to
 * (0.0-0.3, 0.4-0.6, 0.7-1.0). A yellow 56 % beside a green "on track" read
 * as a contradiction, so set-up now replaces these rules of its own.
 */
export const SCORE_BANDS: readonly Colouring[] = [
  { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [0.65], background: '#b7e1cd' },
  { criteria: 'NUMBER_BETWEEN', values: [0.35, 0.65], background: '#fce8b2' },
  { criteria: 'NUMBER_LESS_THAN', values: [0.35], background: '#f4c7c3' },
];

const STATUSES: readonly Colouring[] = Object.entries(STATUS_COLOURS).map(([status, colour]) => ({
  criteria: 'TEXT_EQUAL_TO',
  values: [status],
  background: colour,
}));

/**
 * A cell coloured by the Status of its own row, in column `statusLetter`:
 * the custom formula is written for the first data row (`=$M2="on track"`)
 * and Sheets reads it relative to each cell of the range.
 */
function rowStatuses(statusLetter: string): readonly Colouring[] {
  return Object.entries(STATUS_COLOURS).map(([status, colour]) => ({
    criteria: 'CUSTOM_FORMULA',
    values: [`=$${statusLetter}2="${status}"`],
    background: colour,
  }));
}

/** What a column's colours are: its own status text, or the Status of its row. */
export type Colours = 'status' | 'row status';

/** The colourings a column's declared colours stand for; `statusLetter` is the tab's Status column, for `row status`. */
export function colourings(colours: Colours, statusLetter: string): readonly Colouring[] {
  return colours === 'status' ? STATUSES : rowStatuses(statusLetter);
}

/** Google's conditional format rule for a colouring over `range`. */
export function buildColourRule(colouring: Colouring, range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const rule = SpreadsheetApp.newConditionalFormatRule().setRanges([range]);
  return whenColouring(rule, colouring).setBackground(colouring.background).build();
}

function whenColouring(rule: RuleBuilder, { criteria, values }: Colouring): RuleBuilder {
  const [first, second] = values;
  switch (criteria) {
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return rule.whenNumberGreaterThanOrEqualTo(Number(first));
    case 'NUMBER_BETWEEN':
      return rule.whenNumberBetween(Number(first), Number(second));
    case 'NUMBER_LESS_THAN':
      return rule.whenNumberLessThan(Number(first));
    case 'TEXT_EQUAL_TO':
      return rule.whenTextEqualTo(String(first));
    case 'CUSTOM_FORMULA':
      return rule.whenFormulaSatisfied(String(first));
  }
}

/** Every conditional format a column's declared colours stand for, built (the cell-by-cell set-up in bench/naive sets them all). */
export function colourRules(colours: Colours, range: Range, statusLetter: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return colourings(colours, statusLetter).map((colouring) => buildColourRule(colouring, range));
}

/**
 * What a rule colours and when, as text: two rules are the same when their
 * keys are. Each key of a rule in the sheet costs a few service calls, so
 * take each rule's once.
 */
export function ruleKey(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string {
  const condition = rule.getBooleanCondition();
  return keyOf(
    rule.getRanges().map((r) => r.getA1Notation()),
    condition ? String(condition.getCriteriaType()) : '',
    condition ? condition.getCriteriaValues() : [],
  );
}

/** The key of a colouring over the range at `a1`, from the data alone: the same text as ruleKey of the rule built from it. */
export function colouringKey(colouring: Colouring, a1: string): string {
  return keyOf([a1], colouring.criteria, colouring.values);
}

function keyOf(ranges: readonly string[], criteria: string, values: readonly unknown[]): string {
  return JSON.stringify([ranges, criteria, values.map(String)]);
}

export const FORMULA_PROTECTION = 'OKR Sheets: this column is filled by a formula';
