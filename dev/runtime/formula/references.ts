// The ranges a formula reads, for the spreadsheet's dependency tracking.
import { parseFormula, type Node } from './parser';
import { FormulaError, type RangeRef } from './types';

/**
 * Every reference written in the formula, in order, as written (the sheet
 * only when the formula names one). Named ranges are not resolved here: the
 * caller knows them. A formula that does not parse reads nothing.
 */
export function referencedRanges(formula: string): RangeRef[] {
  let root: Node;
  try {
    root = parseFormula(formula);
  } catch (error) {
    if (error instanceof FormulaError) return [];
    throw error;
  }
  const refs: RangeRef[] = [];
  const visit = (node: Node): void => {
    switch (node.type) {
      case 'ref':
        refs.push(node.ref);
        return;
      case 'array':
        node.rows.flat().forEach(visit);
        return;
      case 'unary':
      case 'percent':
        visit(node.operand);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'call':
        node.args.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(root);
  return refs;
}
