// Rewrites the references inside formula text, as Sheets does when rows or
// columns move, when a sheet is renamed, and when a conditional-format formula is
// applied to each cell of its range (relative parts move, $-anchored parts stay).
//
// A reference is read whole, both ends at once, in every form A1 notation has:
// `F2`, `F2:H9`, `F2:F` (to the last row), `A:C` (whole columns), `2:5` (whole
// rows), each after an optional sheet name. An end that is open (the missing
// row of `F2:F`, the rows of `A:A`) stays open whatever moves.

import { columnLetter, columnNumber, parseA1 } from '../a1';

/** One end of a reference as written: its column, its row, or both, each with its `$`. */
export interface RefEnd {
  column: number | undefined;
  row: number | undefined;
  absColumn: boolean;
  absRow: boolean;
}

export interface RefToken {
  /** The sheet written before `!`, unquoted; undefined for the formula's own sheet. */
  sheet: string | undefined;
  start: RefEnd;
  /** The end after `:`; undefined for a single cell. */
  end: RefEnd | undefined;
}

/** What a mapping makes of a reference: the same, moved, or gone (`#REF!`). */
type Mapped = RefToken | '#REF!' | undefined;

// The same shapes the formula tokenizer reads (formula/tokenizer.ts).
const SHEET = /(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u00C0-\uFFFF]+))!/y;
const PART = String.raw`\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+`;
const BODY = new RegExp(`(${PART})(?::(${PART}))?(?![A-Za-z0-9_.(!$])`, 'y');
const END = /^(?:(\$?)([A-Za-z]{1,3}))?(?:(\$?)(\d+))?$/;
/** A character that, just before, makes the text part of a name, a number or an error literal. */
const INSIDE_WORD = /[A-Za-z0-9_.$'#:]/;

function readEnd(text: string): RefEnd {
  const m = END.exec(text)!;
  return {
    column: m[2] === undefined ? undefined : columnNumber(m[2]),
    row: m[4] === undefined ? undefined : Number(m[4]),
    absColumn: m[1] === '$',
    absRow: m[3] === '$',
  };
}

function writeEnd(end: RefEnd): string {
  const column = end.column === undefined ? '' : `${end.absColumn ? '$' : ''}${columnLetter(end.column)}`;
  const row = end.row === undefined ? '' : `${end.absRow ? '$' : ''}${end.row}`;
  return column + row;
}

/** The reference starting at `i`, with its length, or undefined. */
function readReference(formula: string, i: number): { token: RefToken; prefix: string; length: number } | undefined {
  SHEET.lastIndex = i;
  const sheetMatch = SHEET.exec(formula);
  const prefix = sheetMatch?.[0] ?? '';
  BODY.lastIndex = i + prefix.length;
  const body = BODY.exec(formula);
  if (!body) return undefined;
  // A lone column or row is a name or a number, not a reference.
  if (body[2] === undefined && !/[A-Za-z]\$?\d/.test(body[1]!)) return undefined;
  try {
    parseA1(body[0].replace(/\$/g, ''));
  } catch {
    return undefined;
  }
  const sheet = sheetMatch === null ? undefined : (sheetMatch[2] ?? sheetMatch[1]!.replace(/''/g, "'"));
  const token: RefToken = { sheet, start: readEnd(body[1]!), end: body[2] === undefined ? undefined : readEnd(body[2]) };
  return { token, prefix, length: prefix.length + body[0].length };
}

/**
 * Calls `map` for each reference outside string literals. It returns the
 * reference moved (written back with the sheet as it was written), `#REF!`
 * (which replaces the whole reference, sheet name included, as in Sheets), or
 * undefined to keep it.
 */
export function mapReferences(formula: string, map: (ref: RefToken) => Mapped): string {
  let out = '';
  for (let i = 0; i < formula.length;) {
    const ch = formula[i]!;
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      const stop = close < 0 ? formula.length : close + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const found = i === 0 || !INSIDE_WORD.test(formula[i - 1]!) ? readReference(formula, i) : undefined;
    if (!found) {
      out += ch;
      i++;
      continue;
    }
    const mapped = map(found.token);
    if (mapped === undefined) out += formula.slice(i, i + found.length);
    else if (mapped === '#REF!') out += '#REF!';
    else out += found.prefix + writeEnd(mapped.start) + (mapped.end ? `:${writeEnd(mapped.end)}` : '');
    i += found.length;
  }
  return out;
}

/** The formula as it applies to a cell `rows` below and `columns` right of where it was written. */
export function offsetFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return mapReferences(formula, (ref) => {
    const move = (end: RefEnd): RefEnd => ({
      ...end,
      row: end.row === undefined || end.absRow ? end.row : end.row + rows,
      column: end.column === undefined || end.absColumn ? end.column : end.column + columns,
    });
    const moved = { ...ref, start: move(ref.start), end: ref.end && move(ref.end) };
    const ends = moved.end ? [moved.start, moved.end] : [moved.start];
    if (ends.some((end) => (end.row ?? 1) < 1 || (end.column ?? 1) < 1)) return '#REF!';
    return moved;
  });
}

export type Dimension = 'row' | 'column';

/**
 * Where the span [lo, hi] of one dimension goes when `count` positions are
 * inserted (count > 0) or deleted (count < 0) at `at`; undefined ends are
 * open and stay so. Null when deletion removes all of it. Ranges held by
 * named ranges, protections and rules move by the same rule.
 */
export function shiftSpan(
  lo: number | undefined,
  hi: number | undefined,
  at: number,
  count: number,
): [number | undefined, number | undefined] | null {
  if (count > 0) {
    const move = (p: number | undefined) => (p !== undefined && p >= at ? p + count : p);
    return [move(lo), move(hi)];
  }
  const last = at - count - 1;
  if ((lo ?? 1) >= at && (hi ?? Infinity) <= last) return null;
  // A start inside the deleted block moves to the first position after it, which is now `at`.
  const newLo = lo === undefined ? lo : lo > last ? lo + count : lo >= at ? at : lo;
  // An end inside it moves to the last position before it.
  const newHi = hi === undefined ? hi : hi > last ? hi + count : hi >= at ? at - 1 : hi;
  return [newLo, newHi];
}

/**
 * Adjusts a reference to a sheet after `count` rows (or columns) were inserted
 * (count > 0) or deleted (count < 0) at position `at`: undefined when it does
 * not move, `#REF!` when every cell it named was deleted.
 */
function shiftToken(ref: RefToken, dimension: Dimension, at: number, count: number): Mapped {
  const key = dimension;
  const single = ref.end === undefined;
  const a = ref.start[key];
  const b = single ? a : ref.end![key];
  // Sheets writes a range's ends in order; a reference typed backwards is read as the same cells.
  const swapped = a !== undefined && b !== undefined && a > b;
  const span = shiftSpan(swapped ? b : a, swapped ? a : b, at, count);
  if (span === null) return '#REF!';
  const [lo, hi] = swapped ? [span[1], span[0]] : span;
  if (lo === a && hi === b) return undefined;
  if (single) return { ...ref, start: { ...ref.start, [key]: lo } };
  return { ...ref, start: { ...ref.start, [key]: lo }, end: { ...ref.end!, [key]: hi } };
}

/**
 * Adjusts references to `sheetName` after `count` rows (or columns) were
 * inserted (count > 0) or deleted (count < 0) at position `at`: as in Sheets,
 * a reference follows the cells it names (see moved-refs.ts).
 */
export function shiftFormula(
  formula: string,
  formulaSheet: string,
  sheetName: string,
  dimension: Dimension,
  at: number,
  count: number,
): string {
  return mapReferences(formula, (ref) => {
    if ((ref.sheet ?? formulaSheet).toLowerCase() !== sheetName.toLowerCase()) return undefined;
    return shiftToken(ref, dimension, at, count);
  });
}

/** Rewrites `Old!` / `'Old name'!` prefixes in a formula after a rename. */
export function renameInFormula(formula: string, oldName: string, newName: string): string {
  const quote = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);
  const parts = formula.split(/("[^"]*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      const quoted = `'${oldName.replace(/'/g, "''")}'!`;
      let out = part.split(quoted).join(`${quote(newName)}!`);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(oldName))
        out = out.replace(new RegExp(`(^|[^A-Za-z0-9_.'])${oldName}!`, 'g'), `$1${quote(newName)}!`);
      return out;
    })
    .join('');
}
