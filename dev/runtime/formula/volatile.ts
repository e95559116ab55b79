// Custom functions may not depend on volatile built-ins. Google's guide "Custom
// Functions in Google Sheets" (developers.google.com/apps-script/guides/sheets/functions#arguments):
// "Custom function arguments must be deterministic. That is, built-in
// spreadsheet functions that return a different result each time they
// calculate — such as NOW() or RAND() — are not allowed as arguments to a
// custom function." The guide says such a cell shows "Loading..." forever;
// Sheets now shows #ERROR! with the message below, for an argument that calls
// one of these or reads a cell that does, directly or through other cells (the
// same rule as IMPORTRANGE's, whose help page names TODAY the one exception:
// it changes once a day). The runtime takes the error: a test sees it.
import { parseFormula, type Node } from './parser';
import { FormulaError, type FormulaContext, type RangeRef } from './types';

export const VOLATILE = new Set(['NOW', 'RAND', 'RANDARRAY', 'RANDBETWEEN']);

export const VOLATILE_ARGUMENT = 'This function is not allowed to reference a cell with NOW(), RAND(), RANDARRAY(), or RANDBETWEEN()';

export interface VolatileLookup {
  namedRange(name: string): RangeRef | undefined;
  /** Whether a cell of the range holds, or spills from, a formula that depends on a volatile function. */
  readsVolatile(ref: RangeRef): boolean;
}

/** The lookup as seen from the cell a context evaluates (a reference without a sheet is on its sheet). */
export function volatileLookup(context: FormulaContext): VolatileLookup {
  return {
    namedRange: (name) => context.namedRange(name),
    readsVolatile: (ref) => context.readsVolatile({ ...ref, sheet: ref.sheet ?? context.sheet }),
  };
}

/** Whether an expression calls a volatile function or reads a cell (or named range) that depends on one. */
export function dependsOnVolatile(node: Node, lookup: VolatileLookup): boolean {
  switch (node.type) {
    case 'call':
      return VOLATILE.has(node.name.toUpperCase()) || node.args.some((arg) => dependsOnVolatile(arg, lookup));
    case 'ref':
      return lookup.readsVolatile(node.ref);
    case 'name': {
      const ref = lookup.namedRange(node.name);
      return ref !== undefined && lookup.readsVolatile(ref);
    }
    case 'array':
      return node.rows.some((row) => row.some((item) => dependsOnVolatile(item, lookup)));
    case 'unary':
    case 'percent':
      return dependsOnVolatile(node.operand, lookup);
    case 'binary':
      return dependsOnVolatile(node.left, lookup) || dependsOnVolatile(node.right, lookup);
    default:
      return false;
  }
}

/** Whether a cell's formula depends on a volatile function; a formula that does not parse depends on nothing. */
export function formulaDependsOnVolatile(formula: string, lookup: VolatileLookup): boolean {
  let root: Node;
  try {
    root = parseFormula(formula);
  } catch (error) {
    if (error instanceof FormulaError) return false;
    throw error;
  }
  return dependsOnVolatile(root, lookup);
}
