import { FormulaRefs, SettingKey, TabSpec, settingSpec } from '../okr/schema';
import { columnLetter, quoteSheet } from './a1';

// The add-on's own formulas live only in header cells: `={"Progress"; ...}`
// shows the header and fills the column below it. So data cells hold values
// or a person's own formulas, never ours: sorting, inserting or deleting rows
// cannot break a computed column, and no write of the add-on's ever needs to
// step around one of its own formulas in a data row.

/** The formula a computed column's header cell holds: the header text, then the column's values below it. */
export function headerFormula(header: string, expression: string): string {
  return `={"${header.replace(/"/g, '""')}"; ${expression}}`;
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
