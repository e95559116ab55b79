import { Cell, isBlank, normalise } from '../okr/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** 0-based column of each of `headers` found in a header row, matched trimmed and case-insensitively. */
export function headerColumns(headerRow: readonly Cell[], headers: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  for (const header of headers) {
    const index = headerRow.findIndex((cell) => normalise(cell) === normalise(header));
    if (index >= 0) columns.set(header, index);
  }
  return columns;
}

/** Width of the used part of a data range: 0 for an empty sheet (whose data range is A1 holding ""). */
export function usedWidth(values: readonly (readonly Cell[])[]): number {
  if (values.length === 1 && values[0]!.every(isBlank)) return 0;
  return values[0]?.length ?? 0;
}

/**
 * Writes the headers a tab lacks, in one setValues after everything already
 * used, so no value or column of the person's moves or is overwritten; the
 * grid grows when it is too narrow. `values` is the tab as read before.
 */
export function appendHeaders(
  sheet: Sheet,
  values: readonly (readonly Cell[])[],
  headers: readonly string[],
): { columns: Map<string, number>; missing: string[]; range?: GoogleAppsScript.Spreadsheet.Range } {
  const columns = headerColumns(values[0] ?? [], headers);
  const missing = headers.filter((header) => !columns.has(header));
  if (missing.length === 0) return { columns, missing };
  const start = usedWidth(values) + 1;
  const end = start + missing.length - 1;
  if (end > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), end - sheet.getMaxColumns());
  const range = sheet.getRange(1, start, 1, missing.length);
  range.setValues([missing]);
  missing.forEach((header, i) => columns.set(header, start - 1 + i));
  return { columns, missing, range };
}

/** The sheets of a spreadsheet by exact name, read with one getSheets. */
export function sheetsByName(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, Sheet> {
  return new Map(spreadsheet.getSheets().map((sheet) => [sheet.getName(), sheet]));
}

/**
 * Another tab whose header row holds every required header of a missing tab:
 * most likely that tab, renamed. Reads only the header rows.
 */
export function findRenamed(sheets: Map<string, Sheet>, required: readonly string[], skip: ReadonlySet<string>): Sheet | undefined {
  for (const [name, sheet] of sheets) {
    if (skip.has(name) || sheet.getLastColumn() === 0) continue;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as Cell[];
    if (headerColumns(header, required).size === required.length) return sheet;
  }
  return undefined;
}

/**
 * Text as Sheets must store it: a value a person typed that starts with
 * = + - or @ would otherwise be read as a formula, so it gets the apostrophe
 * that keeps it text (the apostrophe is not part of the stored value).
 */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}
