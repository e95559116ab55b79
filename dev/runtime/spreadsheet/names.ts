// Names as Sheets checks them: a named range's name, from Sheets' help ("Name a
// range"): letters, numbers and underscores; not starting with a number or the
// words "true"/"false"; 1-250 characters; not in A1 or R1C1 syntax. And a sheet
// name already taken. Pure rules over the model, used by the Spreadsheet,
// Sheet and NamedRange classes alike.

import type { DocData, NamedRangeData } from './model';

/** Throws Sheets' message unless a named range may have this name. */
export function checkRangeName(name: string): void {
  const ok =
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= 250 &&
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !/^(true|false)/i.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^R[0-9]*C[0-9]*$/i.test(name);
  if (!ok) {
    throw new Error(
      `The named range "${name}" is invalid. A name can contain only letters, numbers and underscores, cannot start with a number or the words "true" or "false", must be 1-250 characters long and cannot be in A1 or R1C1 syntax.`,
    );
  }
}

/** The named range of that name, compared without case as Sheets does. */
export function findNamed(doc: DocData, name: string): NamedRangeData | undefined {
  return doc.namedRanges.find((n) => n.name.toLowerCase() === String(name).toLowerCase());
}

/** The error for a sheet name already in use (Sheets compares names without case). */
export function duplicateNameError(name: string): Error {
  return new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}
