import { Check } from '../okr/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The data rows of a tab's columns: row 2 to the last row of the grid. The
 * grid's size is read once, on first use: each read is a service call, and a
 * tab with no column-wide format, check or colour needs none. Set-up inserts
 * no rows, so the size read holds for the whole run.
 */
export interface DataColumns {
  range(column: number): Range;
}

export function dataColumns(sheet: Sheet): DataColumns {
  let rows: number | undefined;
  const count = () => (rows ??= Math.max(1, sheet.getMaxRows() - 1));
  return {
    range: (column) => sheet.getRange(2, column, count(), 1),
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

/** Progress coloured by the score band it rounds to: 0.0-0.3, 0.4-0.6, 0.7-1.0. */
function scoreBandRules(range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const rule = () => SpreadsheetApp.newConditionalFormatRule().setRanges([range]);
  return [
    rule().whenNumberGreaterThanOrEqualTo(0.65).setBackground('#b7e1cd').build(),
    rule().whenNumberBetween(0.35, 0.65).setBackground('#fce8b2').build(),
    rule().whenNumberLessThan(0.35).setBackground('#f4c7c3').build(),
  ];
}

function statusRules(range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return Object.entries(STATUS_COLOURS).map(([status, colour]) =>
    SpreadsheetApp.newConditionalFormatRule().setRanges([range]).whenTextEqualTo(status).setBackground(colour).build(),
  );
}

/** The conditional formats a column's declared colours stand for. */
export function colourRules(colours: 'score band' | 'status', range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return colours === 'score band' ? scoreBandRules(range) : statusRules(range);
}

/**
 * What a rule colours and when, as text: two rules are the same when their
 * keys are. Each key costs a few service calls, so take each rule's once.
 */
export function ruleKey(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string {
  const condition = rule.getBooleanCondition();
  return JSON.stringify([
    rule.getRanges().map((r) => r.getA1Notation()),
    condition ? String(condition.getCriteriaType()) : '',
    condition ? condition.getCriteriaValues().map(String) : [],
  ]);
}

export const FORMULA_PROTECTION = 'OKR Sheets: this column is filled by a formula';
