import { Cell, normalise } from '../okr/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A tab read once: every value of its data range, and where each known header is. */
export interface TabData {
  sheet: Sheet;
  values: Cell[][];
  /** 0-based column of each header of `headers` found in row 1. */
  columns: Map<string, number>;
}

/** Reads the whole tab with one getValues; headers match trimmed and case-insensitively. */
export function readTab(sheet: Sheet, headers: readonly string[]): TabData {
  const values = sheet.getDataRange().getValues() as Cell[][];
  return { sheet, values, columns: headerColumns(values[0] ?? [], headers) };
}

export function headerColumns(headerRow: readonly Cell[], headers: readonly string[]): Map<string, number> {
  const columns = new Map<string, number>();
  for (const header of headers) {
    const index = headerRow.findIndex((cell) => normalise(cell) === normalise(header));
    if (index >= 0) columns.set(header, index);
  }
  return columns;
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
