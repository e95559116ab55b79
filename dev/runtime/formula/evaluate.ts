// The entry point: a formula in, a cell value or an array to spill out.
import { Evaluator } from './evaluator';
import { parseFormula } from './parser';
import { FormulaError, type FormulaContext, type FormulaValue } from './types';
import { gridOf, isArrayValue, toCell } from './values';

/**
 * Evaluates a formula (with its leading '=') in the cell the context names.
 * Throws FormulaError when the cell shows an error. An array result is
 * returned whole for the caller to spill; an error inside it is its code
 * ("#N/A"), as getValues() reports an error cell.
 */
export function evaluateFormula(formula: string, context: FormulaContext): FormulaValue {
  const value = new Evaluator(context).evaluate(parseFormula(formula), false);
  if (!isArrayValue(value)) {
    if (value instanceof FormulaError) throw value;
    return toCell(value);
  }
  const grid = gridOf(value);
  if (grid.length === 0 || grid[0]!.length === 0) return '';
  if (grid.length === 1 && grid[0]!.length === 1) {
    const only = grid[0]![0]!;
    if (only instanceof FormulaError) throw only;
    return toCell(only);
  }
  return grid.map((row) => row.map(toCell));
}
