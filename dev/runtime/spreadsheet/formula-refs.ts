// Rewrites the cell references inside formula text, as Sheets does when rows or
// columns move, when a sheet is renamed, and when a conditional-format formula is
// applied to each cell of its range (relative parts move, $-anchored parts stay).

import { columnLetter, columnNumber } from '../a1';

export interface CellToken {
  /** The sheet written before `!`, unquoted; undefined for the formula's own sheet. */
  sheet: string | undefined;
  column: number;
  row: number;
  absColumn: boolean;
  absRow: boolean;
  /** `start`/`end` of a range written with `:`, or `single`. */
  role: 'single' | 'start' | 'end';
}

const REF = /(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/y;

/** Calls `map` for each A1 cell reference outside string literals; its result (text) replaces the reference. */
export function mapReferences(formula: string, map: (ref: CellToken) => string | undefined): string {
  let out = '';
  let lastSheet: string | undefined;
  for (let i = 0; i < formula.length;) {
    const ch = formula[i]!;
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const before = formula[i - 1];
    if (before === undefined || !/[A-Za-z0-9_.$']/.test(before)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const isEnd = before === ':';
        const quoted = m[1]?.startsWith("'");
        const sheet = m[1] === undefined ? (isEnd ? lastSheet : undefined) : quoted ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
        if (!isEnd) lastSheet = sheet;
        const role = isEnd ? 'end' : formula[REF.lastIndex] === ':' ? 'start' : 'single';
        const token: CellToken = {
          sheet,
          column: columnNumber(m[3]!),
          row: Number(m[5]),
          absColumn: m[2] === '$',
          absRow: m[4] === '$',
          role,
        };
        const replaced = map(token);
        out += replaced === undefined ? m[0] : (m[1] !== undefined ? m[1] + '!' : '') + replaced;
        i = REF.lastIndex;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

export function formatCellToken(ref: CellToken): string {
  return `${ref.absColumn ? '$' : ''}${columnLetter(ref.column)}${ref.absRow ? '$' : ''}${ref.row}`;
}

/** The formula as it applies to a cell `rows` below and `columns` right of where it was written. */
export function offsetFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return mapReferences(formula, (ref) => {
    const row = ref.absRow ? ref.row : ref.row + rows;
    const column = ref.absColumn ? ref.column : ref.column + columns;
    if (row < 1 || column < 1) return '#REF!';
    return formatCellToken({ ...ref, row, column });
  });
}

/**
 * Adjusts references to `sheetName` after `count` rows (or columns) were
 * inserted (count > 0) or deleted (count < 0) at position `at`.
 */
export function shiftFormula(
  formula: string,
  formulaSheet: string,
  sheetName: string,
  dimension: 'row' | 'column',
  at: number,
  count: number,
): string {
  return mapReferences(formula, (ref) => {
    if ((ref.sheet ?? formulaSheet).toLowerCase() !== sheetName.toLowerCase()) return undefined;
    const position = dimension === 'row' ? ref.row : ref.column;
    let moved = position;
    if (count > 0 && position >= at) moved = position + count;
    if (count < 0) {
      const deleted = -count;
      if (position >= at + deleted) moved = position - deleted;
      else if (position >= at) {
        if (ref.role === 'single') return '#REF!';
        moved = ref.role === 'start' ? at : at - 1;
        if (moved < 1) return '#REF!';
      }
    }
    if (moved === position) return undefined;
    return formatCellToken(dimension === 'row' ? { ...ref, row: moved } : { ...ref, column: moved });
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
