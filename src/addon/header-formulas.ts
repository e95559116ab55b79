import { Cell } from '../okr/cells';
import { FormulaRefs, SettingKey, TabSpec, settingSpec } from '../okr/schema';
import { matchHeaders } from '../okr/table';
import { columnLetter, quoteSheet } from './a1';

// The add-on's own formulas live only in header cells: `={"Progress"; ...}`
// shows the header and fills the column below it. So data cells hold values
// or a person's own formulas, never ours: sorting, inserting or deleting rows
// cannot break a computed column, and no write of the add-on's ever needs to
// step around one of its own formulas in a data row.

/** The formula a computed column's header cell holds: the header text, then the column's values below it. */
export function headerFormula(header: string, expression: string): string {
  return `${headerFormulaStart(header)}${expression}}`;
}

/** How such a formula starts: `={"Progress"; `. */
function headerFormulaStart(header: string): string {
  return `={"${header.replace(/"/g, '""')}"; `;
}

/** A formula of the add-on's (one that calls an OKR_ formula), as opposed to a person's own. */
export function isAddonFormula(formula: string): boolean {
  return /\bOKR_[A-Z_]+\(/i.test(formula);
}

/**
 * Resolves what a column's formula refers to in this workbook: the letters
 * of the columns found in `tab`, or in another tab, and settings' named ranges.
 */
export function formulaRefs(tab: TabSpec, columnsOf: (tab: TabSpec) => Map<string, number>): FormulaRefs {
  const column = (header: string, other?: TabSpec): string => {
    const where = other ?? tab;
    const index = columnsOf(where).get(header);
    if (index === undefined) throw new Error(`no ${header} column in ${where.name}`);
    const letter = columnLetter(index + 1);
    return `${other && other !== tab ? `${quoteSheet(other.name)}!` : ''}${letter}2:${letter}`;
  };
  return { column, setting: (key: SettingKey) => settingSpec(key).rangeName };
}

/**
 * The columns of `headers` in a header row, found by what the cells show or,
 * for the add-on's computed columns, by the formula they hold: a header cell
 * whose formula is blocked (a value typed below it, so Sheets shows #REF!)
 * is still that column, and set-up must not add a second one.
 */
export function matchHeaderCells(values: readonly Cell[], formulas: readonly string[], headers: readonly string[]): Map<string, number> {
  const columns = matchHeaders(values, headers);
  for (const header of headers) {
    if (columns.has(header)) continue;
    const prefix = headerFormulaStart(header);
    const index = formulas.findIndex((formula) => formula.startsWith(prefix) && isAddonFormula(formula));
    if (index >= 0) columns.set(header, index);
  }
  return columns;
}
