import { Cell, describe, isBlank, normalise } from './cells';
import { UserError } from './errors';

/** How a key result is measured. `auto` is a blank metric: the direction follows start and target. */
export type Metric = 'increase' | 'decrease' | 'at least' | 'at most' | 'milestone' | 'auto';

export const METRICS: readonly Exclude<Metric, 'auto'>[] = ['increase', 'decrease', 'at least', 'at most', 'milestone'];

/** Parses the Metric cell; blank means `auto`. Throws an UserError for anything else. */
export function parseMetric(value: Cell): Metric {
  // Most cells hold a metric as the dropdown writes it: that needs no normalising (a column has thousands).
  if ((METRICS as readonly Cell[]).includes(value)) return value as Metric;
  if (isBlank(value)) return 'auto';
  const name = normalise(value);
  const metric = METRICS.find((m) => m === name);
  if (!metric) throw new UserError(`metric is ${describe(value)}: use one of ${METRICS.join(', ')}`);
  return metric;
}

/** Does this metric need a numeric start? */
export function needsStart(metric: Metric): boolean {
  return metric === 'increase' || metric === 'decrease' || metric === 'auto';
}

/** Does this metric need a numeric target? */
export function needsTarget(metric: Metric): boolean {
  return metric !== 'milestone';
}
