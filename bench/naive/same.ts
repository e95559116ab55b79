// The proof that a naive script did the add-on's job: after each ran on one
// of two identical workbooks, the two are the same, cell for cell (values,
// formulas, number formats, fonts, notes, validations) and sheet for sheet
// (tabs, grid sizes, frozen rows, widths, conditional formats, protections,
// named ranges). Two things may differ, neither of which a person sees:
// - the document's change counter (the naive way changes it once a cell);
// - where a validation rule was anchored: set on a column it is anchored at
//   the column's first cell, set cell by cell at each cell. The anchor gives
//   a custom-formula rule's relative references their meaning; for any other
//   rule (all of set-up's: lists and number limits) it means nothing, so it
//   is left out of the comparison for those.
import { Runtime } from '../../dev/runtime/index';

/** Throws, naming the first difference, unless the two runtimes hold the same spreadsheets. */
export function assertSameWork(action: string, addon: Runtime, naive: Runtime): void {
  const difference = firstDifference(comparable(addon), comparable(naive), '');
  if (difference !== undefined) {
    throw new Error(`The naive ${action} did not do the add-on's work: the workbooks differ at ${difference}`);
  }
}

function comparable(rt: Runtime): unknown {
  return rt.store.ids().map((id) => {
    const { version: _changes, sheets, ...doc } = rt.store.doc(id);
    return {
      ...doc,
      sheets: sheets.map(({ rows, ...sheet }) => ({
        ...sheet,
        cells: rows.flatMap((line, r) =>
          (line ?? []).flatMap((cell, c) => {
            if (!cell) return [];
            const { validation, ...rest } = cell;
            const rule = validation && validation.criteria !== 'CUSTOM_FORMULA' ? { ...validation, anchor: undefined } : validation;
            return [{ at: `${sheet.name}!R${r + 1}C${c + 1}`, ...rest, validation: rule }];
          }),
        ),
      })),
    };
  });
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a instanceof Date || b instanceof Date) {
    return String(a) === String(b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return a === b ? undefined : `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: an array on one side only`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const [left, right] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
    const found = firstDifference(left, right, `${path}.${key}${label(left)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A cell's or a sheet's name, to make a path readable: `.sheets.2 (Key Results)`. */
function label(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const { at, name } = value as { at?: unknown; name?: unknown };
  return typeof at === 'string' ? ` (${at})` : typeof name === 'string' ? ` (${name})` : '';
}
