// What crosses google.script.run between the Apply suggested metrics dialog
// and the server: JSON-safe values only. The dialog and src/main.ts both
// import these types.

import type { MeasuredMetric } from '../okr/metric-text';

/** A key result whose text states a measure the add-on can read, and the metric it proposes. */
export interface MetricSuggestion {
  /** The key result's ID, as the sheet writes it (trimmed). */
  id: string;
  /** The key result's text, as written: shown as text, never as HTML. */
  text: string;
  metric: MeasuredMetric;
  /** What Start would become; null where the phrase gives none (at least, at most). */
  start: number | null;
  /** What Target would become: a proposal always has one. */
  target: number;
  /** `%`, `$`, `€`, `£`, `×` or "" (a percentage in cells formatted as percent is a fraction, unit ""). */
  unit: string;
  /** The words it was read from: `from 74 to less than 15`. */
  phrase: string;
  /** The proposal in words, as Validate says it: `decrease, start 74, target 15`. */
  summary: string;
  /** Why it cannot be applied as the sheet is now ("" when it can): a formula of the person's where it would write, an ID used twice. */
  blocked: string;
}

/** What applyMetricSuggestions did: the IDs applied, and each one skipped with the reason, in a person's words. */
export interface AppliedMetrics {
  applied: string[];
  skipped: { id: string; reason: string }[];
}

/** The server functions the dialog calls, by name. */
export interface SuggestionServer {
  getMetricSuggestions(): MetricSuggestion[];
  applyMetricSuggestions(ids: string[]): AppliedMetrics;
}
