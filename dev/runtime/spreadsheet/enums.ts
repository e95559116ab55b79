// The enums the builders and protections take. Apps Script enum values print as
// their names, so plain strings stand in for them (compared by value).
// @types/google-apps-script declares numeric TypeScript enums instead: each enum
// is cast to its Google type once, here, with its names checked against Google's.

/** `Newer`: members Google's reference lists and @types (2.0.13) does not yet. */
function enumOf<E extends object, Newer extends string = never>(
  names: readonly ((keyof E & string) | Newer)[],
): E & Record<Newer, E[keyof E]> {
  const members: Record<string, string> = Object.fromEntries(names.map((n) => [n, n]));
  return Object.freeze(members) as unknown as E & Record<Newer, E[keyof E]>;
}

/**
 * The member a stored name stands for, as getCriteriaType, getProtectionType and
 * the like hand it out. Only the builders' own names are ever stored.
 */
export function memberOf<E extends object>(enumObject: E, name: string): E[keyof E] {
  return enumObject[name as keyof E];
}

export const DataValidationCriteria = enumOf<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const BooleanCriteria = enumOf<typeof GoogleAppsScript.Spreadsheet.BooleanCriteria, 'DATE_NOT_EQUAL_TO' | 'TEXT_NOT_EQUAL_TO'>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export const ProtectionType = enumOf<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(['RANGE', 'SHEET']);
export const WrapStrategy = enumOf<typeof GoogleAppsScript.Spreadsheet.WrapStrategy>(['WRAP', 'OVERFLOW', 'CLIP']);
export const Dimension = enumOf<typeof GoogleAppsScript.Spreadsheet.Dimension>(['COLUMNS', 'ROWS']);
export const SheetType = enumOf<typeof GoogleAppsScript.Spreadsheet.SheetType, 'DATASOURCE'>(['GRID', 'OBJECT', 'DATASOURCE']);

// The Charts service's enums (developers.google.com/apps-script/reference/charts/chart-type,
// .../charts/position, .../charts/chart-merge-strategy, .../charts/chart-hidden-dimension-strategy).
export const ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);
export const Position = enumOf<typeof GoogleAppsScript.Charts.Position>(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
export const ChartMergeStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartMergeStrategy>(['MERGE_COLUMNS', 'MERGE_ROWS']);
export const ChartHiddenDimensionStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartHiddenDimensionStrategy>([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
]);
