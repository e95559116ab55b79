// A1 notation, as Sheets reads it: `A1`, `$A$1`, `A1:B2`, `A2:A` (to the last
// row), `A:C` (whole columns), `2:5` (whole rows), each optionally after a sheet
// name (`Sheet1!A1`, `'Key Results'!A2:A`, a quote inside doubled: `'Bob''s'!A1`).

export interface GridRef {
  sheet?: string;
  startRow: number;
  startColumn: number;
  /** undefined: to the last row of the sheet. */
  endRow: number | undefined;
  /** undefined: to the last column of the sheet. */
  endColumn: number | undefined;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Parses A1 notation; throws an Error with Sheets' wording when it is not a range. */
export function parseA1(notation: string): GridRef {
  const { sheet, rest } = splitSheet(notation.trim());
  const [first, second, extra] = rest.split(':');
  const a = CELL.exec(first ?? '');
  const b = second === undefined ? a : CELL.exec(second);
  if (extra !== undefined || !a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new Error('Range not found');
  const [startColumn, startRow] = [a[1] ? columnNumber(a[1]) : 1, a[2] ? Number(a[2]) : 1];
  const endColumn = b[1] ? columnNumber(b[1]) : undefined;
  const endRow = b[2] ? Number(b[2]) : undefined;
  if (startRow < 1 || (endRow !== undefined && endRow < 1)) throw new Error('Range not found');
  // A whole-row reference such as 2:5 has no letters; a cell reference has both.
  const ref: GridRef = {
    startRow: Math.min(startRow, endRow ?? startRow),
    startColumn: Math.min(startColumn, endColumn ?? startColumn),
    endRow: endRow === undefined ? (second === undefined ? startRow : undefined) : Math.max(startRow, endRow),
    endColumn: endColumn === undefined ? (second === undefined && a[1] ? startColumn : undefined) : Math.max(startColumn, endColumn),
  };
  if (second === undefined && (!a[1] || !a[2])) throw new Error('Range not found');
  return sheet === undefined ? ref : { sheet, ...ref };
}

function splitSheet(notation: string): { sheet?: string; rest: string } {
  if (notation.startsWith("'")) {
    const end = notation.search(/'!(?=[^']*$)/);
    if (end < 0) throw new Error('Range not found');
    return { sheet: notation.slice(1, end).replace(/''/g, "'"), rest: notation.slice(end + 2) };
  }
  const bang = notation.lastIndexOf('!');
  return bang < 0 ? { rest: notation } : { sheet: notation.slice(0, bang), rest: notation.slice(bang + 1) };
}

/** A sheet name as it must be written before `!`: quoted unless it is a plain word. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `A1`, `A1:B2`, `A2:A`, with the sheet when given. */
export function formatA1(ref: GridRef, withSheet = ref.sheet !== undefined): string {
  const prefix = withSheet && ref.sheet !== undefined ? quoteSheet(ref.sheet) + '!' : '';
  if (ref.endColumn === undefined && ref.startColumn === 1 && ref.endRow !== undefined) return `${prefix}${ref.startRow}:${ref.endRow}`;
  if (ref.endRow === undefined && ref.startRow === 1 && ref.endColumn !== undefined) {
    return `${prefix}${columnLetter(ref.startColumn)}:${columnLetter(ref.endColumn)}`;
  }
  const start = `${columnLetter(ref.startColumn)}${ref.startRow}`;
  const single = ref.endRow === ref.startRow && ref.endColumn === ref.startColumn;
  const end = single ? '' : `:${ref.endColumn === undefined ? '' : columnLetter(ref.endColumn)}${ref.endRow ?? ''}`;
  return `${prefix}${start}${end}`;
}
