// The per-call latency table the report models Apps Script time with, and
// Google's execution limits. Each figure names its source, or says it is an
// assumption; none can be measured here (nothing from Google can be reached).

export interface Latency {
  /** Which calls: a service-call name pattern, as the local runtime counts them (e.g. "Range.getValues"). */
  pattern: RegExp;
  what: string;
  ms: number;
  source: string;
}

const BEST_PRACTICES = 'https://developers.google.com/apps-script/guides/support/best-practices';

/** First match wins; the last row covers every other service call. */
export const LATENCIES: Latency[] = [
  {
    pattern: /^MailApp\.sendEmail$/,
    what: 'MailApp.sendEmail, one message (a summary of some 10–30 KB)',
    ms: 1000,
    source:
      'Small Outbox add-on FAQ (https://sites.google.com/quickfixters.com/add-onsuniverse/faq): "an email with total size of 100KB will take about 1.2 seconds to send"; rounded to 1 s for a smaller message',
  },
  {
    pattern: /^SpreadsheetApp\.flush$/,
    what: 'SpreadsheetApp.flush, after writes',
    ms: 560,
    source:
      'a Stack Overflow answer, "What is faster: ScriptDb or SpreadsheetApp?" (mirrored at https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp): a 4,000-cell setValues took under 50 ms, 610 ms with a flush after it',
  },
  {
    pattern: /^Properties\.setProperty$/,
    what: 'Properties.setProperty',
    ms: 62,
    source:
      'ziritione.org, "Google Apps Script APIs performance" (https://ziritione.org/post/apps_script_performance): 100 runs, mean 62 ms',
  },
  {
    pattern: /^Properties\.getPropert/,
    what: 'Properties.getProperty / getProperties',
    ms: 30,
    source: 'ziritione.org (as above): mean 30 ms',
  },
  {
    pattern: /^Cache\.put/,
    what: 'Cache.put',
    ms: 93,
    source: 'ziritione.org (as above): mean 93 ms',
  },
  {
    pattern: /^Cache\.get/,
    what: 'Cache.get',
    ms: 3,
    source: 'ziritione.org (as above): mean 3 ms',
  },
  {
    pattern: /^Lock\.(tryLock|waitLock)$/,
    what: 'Lock.tryLock, uncontended',
    ms: 60,
    source: 'assumption: no published figure; taken as one PropertiesService write (the lock is a stored record too)',
  },
  {
    pattern: /^Ui\.(alert|prompt)$|^Ui\.show/,
    what: 'a dialog or sidebar shown',
    ms: 7,
    source: "assumption: one round trip as below; the person's reading time, which also counts against the 6 minutes, is left out",
  },
  {
    pattern: /(^|\.)(new|build$|set(Ranges|Background|AllowInvalid|HelpText)$|when|require)/,
    what: 'a rule builder step (newDataValidation, requireValueInList, build…)',
    ms: 1,
    source: 'assumption: builders hold their state in the script until set; 1 ms for the bridge call',
  },
  {
    pattern: /./,
    what: 'any other service call (a Spreadsheet, Sheet, Range, Session, Utilities… round trip)',
    ms: 7,
    source: `Google's Apps Script best practices (${BEST_PRACTICES}): a 100 × 100 grid set cell by cell takes about 70 s, 10,000 calls, so about 7 ms a call`,
  },
];

/**
 * What a batch read or write costs per cell, on top of its call: Google's
 * batched 100 × 100 grid takes about 1 s, so at most 0.1 ms a cell (the
 * Stack Overflow figure above, 4,000 cells under 50 ms, is lower: 0.0125 ms).
 */
export const CELL_MS = 0.1;
export const CELL_SOURCE = `Google's best practices (${BEST_PRACTICES}): the same 10,000 cells batched take about 1 s, so 0.1 ms a cell (an upper figure: the Stack Overflow measurement above gives 0.0125 ms)`;

/** Google's limits on one execution (https://developers.google.com/apps-script/guides/services/quotas). */
export const LIMITS = {
  customFormulaMs: 30_000,
  executionMs: 6 * 60_000,
};

/**
 * The modelled Apps Script time of the given service-call counts, in ms,
 * plus `cells` cells read or written in batches (0 when not given).
 */
export function modelledMs(calls: Record<string, number>, cells = 0): number {
  let total = cells * CELL_MS;
  for (const [name, count] of Object.entries(calls)) total += count * latencyOf(name).ms;
  return total;
}

export function latencyOf(name: string): Latency {
  return LATENCIES.find((latency) => latency.pattern.test(name))!;
}
