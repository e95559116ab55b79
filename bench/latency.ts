// The per-call latency table the report models Apps Script time with, and
// Google's execution limits. Each figure names its source; none can be
// measured here (nothing from Google can be reached).

export interface Latency {
  /** Which calls: a service-call name pattern, as the local runtime counts them (e.g. "Range.getValues"). */
  pattern: RegExp;
  what: string;
  ms: number;
  source: string;
}

/** First match wins; the last row covers every other service call. */
export const LATENCIES: Latency[] = [
  {
    pattern: /./,
    what: 'any other service call (a Spreadsheet, Properties, Lock, Session… round trip)',
    ms: 7,
    source:
      "Google's Apps Script best practices (developers.google.com/apps-script/guides/support/best-practices): a 100 × 100 grid set cell by cell takes about 70 s, 10,000 calls, so about 7 ms a call",
  },
];

/** Google's limits on one execution (developers.google.com/apps-script/guides/services/quotas). */
export const LIMITS = {
  customFormulaMs: 30_000,
  executionMs: 6 * 60_000,
};

/** The modelled Apps Script time of the given service-call counts, in ms. */
export function modelledMs(calls: Record<string, number>): number {
  let total = 0;
  for (const [name, count] of Object.entries(calls)) total += count * latencyOf(name).ms;
  return total;
}

export function latencyOf(name: string): Latency {
  return LATENCIES.find((latency) => latency.pattern.test(name))!;
}
