import { METRICS } from '../okr/metric';
import { CADENCES } from '../okr/schema';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The data rows of one column: row 2 to the last row of the grid. */
export function dataColumn(sheet: Sheet, column: number): Range {
  return sheet.getRange(2, column, Math.max(1, sheet.getMaxRows() - 1), 1);
}

/** Cycle names a dropdown offers: last year, this year and next, quarters, halves and years. */
export function cycleChoices(year: number): string[] {
  const names: string[] = [];
  for (const y of [year - 1, year, year + 1]) names.push(`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`, `${y}-H1`, `${y}-H2`, `${y}`);
  return names;
}

/** Dropdowns and limits by header, for the tabs that have those headers. */
export function validationFor(header: string, year: number): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  const rule = SpreadsheetApp.newDataValidation();
  switch (header) {
    case 'Metric':
      return rule
        .requireValueInList([...METRICS], true)
        .setAllowInvalid(false)
        .setHelpText(`Choose ${METRICS.join(', ')}; leave blank to follow start and target.`)
        .build();
    case 'Cycle':
      // Other cycles stay allowed (marked), so a 2030 plan is never blocked; Validate explains bad ones.
      return rule
        .requireValueInList(cycleChoices(year), true)
        .setAllowInvalid(true)
        .setHelpText('Write a cycle as 2026-Q4, 2026-H1 or 2026.')
        .build();
    case 'Confidence':
      return rule.requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('Confidence from 0 (no chance) to 10 (certain).').build();
    case 'Weight':
      return rule
        .requireNumberGreaterThanOrEqualTo(0)
        .setAllowInvalid(false)
        .setHelpText('A weight of 0 or more; blank counts as 1.')
        .build();
    case 'Check-in cadence':
      return rule
        .requireValueInList([...CADENCES], true)
        .setAllowInvalid(false)
        .setHelpText(`Choose ${CADENCES.join(', ')}.`)
        .build();
    default:
      return undefined;
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
export function progressRules(range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const rule = () => SpreadsheetApp.newConditionalFormatRule().setRanges([range]);
  return [
    rule().whenNumberGreaterThanOrEqualTo(0.65).setBackground('#b7e1cd').build(),
    rule().whenNumberBetween(0.35, 0.65).setBackground('#fce8b2').build(),
    rule().whenNumberLessThan(0.35).setBackground('#f4c7c3').build(),
  ];
}

export function statusRules(range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return Object.entries(STATUS_COLOURS).map(([status, colour]) =>
    SpreadsheetApp.newConditionalFormatRule().setRanges([range]).whenTextEqualTo(status).setBackground(colour).build(),
  );
}

/** Two rules are the same when they colour the same ranges under the same condition. */
export function sameRule(
  a: GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  b: GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
): boolean {
  const key = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule) => {
    const condition = rule.getBooleanCondition();
    return JSON.stringify([
      rule.getRanges().map((r) => r.getA1Notation()),
      condition ? String(condition.getCriteriaType()) : '',
      condition ? condition.getCriteriaValues().map(String) : [],
    ]);
  };
  return key(a) === key(b);
}

export const FORMULA_PROTECTION = 'OKR Sheets: this column is filled by a formula';
