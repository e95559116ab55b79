import { Cell, isBlank } from '../okr/cells';
import { matchHeaders } from '../okr/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  found: Map<string, number> = matchHeaders(values[0] ?? [], headers),
): { columns: Map<string, number>; missing: string[]; range?: GoogleAppsScript.Spreadsheet.Range } {
  const columns = new Map(found);
  const missing = headers.filter((header) => !columns.has(header));
  if (missing.length === 0) return { columns, missing };
  const start = usedWidth(values) + 1;
  const end = start + missing.length - 1;
  if (end > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), end - sheet.getMaxColumns());
  const range = sheet.getRange(1, start, 1, missing.length);
  // The add-on's own header names: plain words Sheets reads as the text they are.
  range.setValues([missing]);
  missing.forEach((header, i) => columns.set(header, start - 1 + i));
  return { columns, missing, range };
}

/** The sheets of a spreadsheet by exact name, read with one getSheets (and a getName each). */
export function sheetsByName(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, Sheet> {
  return new Map(spreadsheet.getSheets().map((sheet) => [sheet.getName(), sheet]));
}

/** What a reader of tabs needs: a tab by name (a Map of them, or Tabs). */
export type TabLookup = Pick<Map<string, Sheet>, 'get'>;

/**
 * The tabs an action asks for, each looked up by name once (one
 * getSheetByName) and remembered: an action that reads 6 tabs makes 6 calls
 * whatever else the workbook holds, where listing every tab costs one call a
 * tab. `all()` lists them, for finding a renamed tab.
 */
export class Tabs {
  private readonly known = new Map<string, Sheet | null>();
  private every: Map<string, Sheet> | undefined;

  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  get(name: string): Sheet | undefined {
    if (!this.known.has(name)) this.known.set(name, this.spreadsheet.getSheetByName(name));
    return this.known.get(name) ?? undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** A tab the action has just inserted. */
  set(name: string, sheet: Sheet): this {
    this.known.set(name, sheet);
    this.every?.set(name, sheet);
    return this;
  }

  all(): Map<string, Sheet> {
    this.every ??= sheetsByName(this.spreadsheet);
    return this.every;
  }
}

/**
 * Another tab whose header row holds every required header of a missing tab:
 * most likely that tab, renamed. Reads only the header rows.
 */
export function findRenamed(sheets: Map<string, Sheet>, required: readonly string[], skip: ReadonlySet<string>): Sheet | undefined {
  for (const [name, sheet] of sheets) {
    if (skip.has(name) || sheet.getLastColumn() === 0) continue;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as Cell[];
    if (matchHeaders(header, required).size === required.length) return sheet;
  }
  return undefined;
}
