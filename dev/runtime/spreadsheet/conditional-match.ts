// Which conditional format rule colours a cell: whether a rule's condition
// holds for the cell's value. A pure rule over the model, used by inspect.ts;
// the rule and builder classes (conditional.ts) only record the condition.

import type { CellValue, RuleData } from './model';
import { numberCriterionHolds } from './number-criteria';
import { isDate } from './values';

/** Whether a rule's condition holds for a cell value; `formulaHolds` evaluates a custom formula at the cell. */
export function ruleMatches(data: RuleData, value: CellValue, formulaHolds: (formula: string) => boolean): boolean {
  const a = data.args;
  const num = typeof value === 'number' ? value : undefined;
  const text = (isDate(value) ? '' : String(value)).toLowerCase();
  const arg = (i: number) => String(a[i] ?? '').toLowerCase();
  switch (data.criteria) {
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'TEXT_CONTAINS':
      return text.includes(arg(0));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg(0));
    case 'TEXT_STARTS_WITH':
      return text.startsWith(arg(0));
    case 'TEXT_ENDS_WITH':
      return text.endsWith(arg(0));
    case 'TEXT_EQUAL_TO':
      return text === arg(0);
    case 'TEXT_NOT_EQUAL_TO':
      return text !== arg(0);
    case 'CUSTOM_FORMULA':
      return formulaHolds(String(a[0] ?? ''));
    default:
      return numberCriterionHolds(data.criteria, num, a) ?? false;
  }
}
