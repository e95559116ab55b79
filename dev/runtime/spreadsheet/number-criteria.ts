// The number comparisons that data validation and conditional format rules
// share: the same criteria names, read the same way by both.

/** Whether `num` meets a NUMBER_* criterion with these arguments; undefined for any other criterion. */
export function numberCriterionHolds(criteria: string | undefined, num: number | undefined, args: readonly unknown[]): boolean | undefined {
  const n = (i: number) => Number(args[i]);
  switch (criteria) {
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= Math.min(n(0), n(1)) && num <= Math.max(n(0), n(1));
    case 'NUMBER_NOT_BETWEEN':
      return num !== undefined && (num < Math.min(n(0), n(1)) || num > Math.max(n(0), n(1)));
    case 'NUMBER_EQUAL_TO':
      return num === n(0);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== undefined && num !== n(0);
    case 'NUMBER_GREATER_THAN':
      return num !== undefined && num > n(0);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== undefined && num >= n(0);
    case 'NUMBER_LESS_THAN':
      return num !== undefined && num < n(0);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== undefined && num <= n(0);
    default:
      return undefined;
  }
}
