import { Cell } from '../okr/cells';

type Range = GoogleAppsScript.Spreadsheet.Range;

// Sheets reads a string written by setValues, setValue or appendRow as if a
// person typed it: `0042` becomes 42, `1.10` 1.1, `100%` 1, `TRUE` a boolean,
// `2026-11-15` a date, `=...` a formula, and a leading apostrophe is
// swallowed. A cell formatted as plain text (`@`) keeps the string as it is;
// any other keeps it when it starts with an apostrophe. So the add-on writes
// every string with its cell's format at hand: text reads back exactly as
// typed, and the person's own formats are left alone.

/** The value to write so that a string reads back as exactly that string in a cell of this number format. */
export function asWritten(value: Cell, numberFormat: string): Cell {
  if (typeof value !== 'string' || value === '' || numberFormat === '@') return value;
  return `'${value}`;
}

/**
 * Writes a block of values with one read of its number formats and one
 * setValues, every string kept as text. `isFormula(row, column)` marks the
 * cells that hold a formula of the add-on's on purpose (written as is).
 */
export function writeValues(range: Range, rows: readonly (readonly Cell[])[], isFormula?: (row: number, column: number) => boolean): void {
  const formats = range.getNumberFormats();
  range.setValues(
    rows.map((row, r) => row.map((value, c) => (isFormula?.(r, c) ? value : asWritten(value, formats[r]?.[c] ?? '')))) as unknown[][],
  );
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Some cells of one row, by 0-based column: their formulas and number formats
 * read once (two reads over the span they cover), then written run by run,
 * each run of adjacent columns in one setValues and nothing in between. The
 * one place where the engine's 0-based columns become the Range API's
 * 1-based rows and columns.
 */
export class RowCells {
  private constructor(
    private readonly sheet: Sheet,
    private readonly rowNumber: number,
    private readonly first: number,
    private readonly formulas: string[],
    private readonly formats: string[],
  ) {}

  static read(sheet: Sheet, rowNumber: number, columns: readonly number[]): RowCells {
    const first = Math.min(...columns);
    const span = sheet.getRange(rowNumber, first + 1, 1, Math.max(...columns) - first + 1);
    return new RowCells(sheet, rowNumber, first, span.getFormulas()[0] ?? [], span.getNumberFormats()[0] ?? []);
  }

  /** The cell holds a formula (a person's own: the add-on's live only in header cells). */
  hasFormula(column: number): boolean {
    return (this.formulas[column - this.first] ?? '') !== '';
  }

  format(column: number): string {
    return this.formats[column - this.first] ?? '';
  }

  write(cells: ReadonlyMap<number, Cell>): void {
    const columns = [...cells.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= columns.length; i++) {
      if (i < columns.length && columns[i] === columns[i - 1]! + 1) continue;
      const run = columns.slice(start, i);
      const values = run.map((column) => asWritten(cells.get(column) ?? '', this.formats[column - this.first] ?? ''));
      this.sheet.getRange(this.rowNumber, run[0]! + 1, 1, run.length).setValues([values]);
      start = i;
    }
  }
}
