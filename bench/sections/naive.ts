import { Runtime, type RuntimeState } from '../../dev/runtime/index';
import { LIMITS, modelledMs } from '../latency';
import { Calls, total } from '../lower-bounds';
import { duration, fmt, median, table, times } from '../measure';
import { byHand } from '../naive/by-hand';
import { naiveCheckin } from '../naive/checkin';
import { assertSameWork } from '../naive/same';
import { naiveSetUp } from '../naive/setup';
import { naiveValidate } from '../naive/validate';
import { CHAMPION, SPREADSHEET, companyWorkbook, newWorkbook, restoreInto, restored } from '../naive/workbooks';
import { Section } from '../section';

const SIZES = [300, 1_000, 3_000];
const RUNS = 3;

/** One action both ways on the same workbook: what each way runs, given a runtime holding it. */
interface Comparison {
  action: string;
  size: string;
  state: RuntimeState;
  /** Prepares the runtime (scripted answers), returns the run to count and time. */
  addon: (rt: Runtime) => () => void;
  naive: (rt: Runtime) => { act: () => void; calls: () => Calls };
}

interface Result {
  action: string;
  size: string;
  addonCalls: Calls;
  naiveCalls: Calls;
  addonMs: number;
  naiveMs: number;
}

/**
 * Set-up, validation and a check-in as the add-on does them versus the same
 * work done cell by cell with getValue / setValue, side by side.
 */
export const naive: Section = {
  title: 'Against the naive way: set-up, validation and a check-in, cell by cell',
  run: () => {
    const results = comparisons().map(compare);
    return `
Each action runs twice on two identical workbooks: once as the add-on does it (\`rt.run\` of the built bundle, the menu item or the panel's call), once as a script written the naive way would, reading and writing one cell per \`getValue\` / \`setValue\` through its own counted \`SpreadsheetApp\` (bench/naive/). Before anything is timed, the report checks that the naive script did the same job: the two workbooks must come out identical, cell for cell (values, formulas, number formats, fonts, notes, validations) and sheet for sheet (tabs, grid sizes, frozen rows, column widths, conditional formats, protections, named ranges); the report stops with the first difference otherwise.

- **Set-up**: a new workbook, with the example OKRs (the same size for any organisation). The naive script writes each header, setting, guide line and example cell with \`setValue\`, and each data cell's validation and number format one cell at a time (a new tab's grid has 1,000 rows); tabs, named ranges, conditional-format rules and protections take one call either way.
- **Validation**: the workbook set up and holding the organisation's objectives, key results and people (bench/org.ts). The naive script reads every cell the add-on reads (the used range of six tabs, and the Key Results' number formats) one at a time, runs the same engine (\`validateOkrs\` of src/okr/validate.ts) and writes the report cell by cell into a new Validation tab.
- **A check-in** on the middle key result of the same workbook: the naive script finds the row by reading the ID column cell by cell, writes Current, Confidence and Last check-in with a \`setValue\` each and the Check-ins row cell by cell. (\`appendRow\` would write that row in one call, 20 fewer in all, but it reads text as if typed: an ID like 0042 would become 42.)

The naive scripts skip what the add-on does beyond the job (set-up's checks of an existing workbook, validation's merged-header and blocked-formula checks, the check-in's input checks and the key result's view sent back to the panel), so each ratio is the least the naive way costs more.

${table(
  [
    'Action',
    'Size',
    'Calls: add-on',
    'Calls: naive',
    'Ratio',
    'Modelled Apps Script: add-on',
    'Modelled: naive',
    'Ratio',
    'Node: add-on',
    'Node: naive',
    'Ratio',
  ],
  results.map((r) => {
    const [addonCalls, naiveCalls] = [total(r.addonCalls), total(r.naiveCalls)];
    const [addonModel, naiveModel] = [modelledMs(r.addonCalls, cellsMoved(r.naiveCalls)), modelledMs(r.naiveCalls)];
    return [
      r.action,
      r.size,
      fmt(addonCalls),
      fmt(naiveCalls),
      times(naiveCalls / addonCalls),
      modelled(addonModel),
      modelled(naiveModel),
      times(naiveModel / addonModel),
      duration(r.addonMs),
      duration(r.naiveMs),
      times(r.naiveMs / r.addonMs),
    ];
  }),
)}

How to read it: the call counts are exact (the local runtime counts every service call of each way). The modelled time turns them into Apps Script time with the per-call latency table of bench/latency.ts (the add-on's also counts each cell its batches move, the same cells the naive script moves one call each), and that is where the difference is: on Google's servers each call is a round trip of milliseconds, so a way that makes N times more calls takes far longer${overLimit(results)}. The naive validation reads the whole grid, as the add-on's one \`getValues\` does: the computed columns fill every row down to the grid's end, so 300 key results cost about what 1,000 do (a new tab has 1,000 rows). The Node times are this machine's (median of ${RUNS} runs after a warm-up), in the local runtime, where a service call costs microseconds, so they do not rank the two ways: they are mostly the runtime's own work, loading the bundle into a fresh context for each execution (as Apps Script does) and recomputing the sheet's custom formulas when a read follows a write (each formula call loads the bundle again; in Sheets that happens outside the script's execution). Where the naive calls go (set-up; the others at ${fmt(SIZES.at(-1)!)} key results): ${results
      .filter((r) => r.action === 'Set-up' || r.size === fmt(SIZES.at(-1)!))
      .map((r) => `${r.action.toLowerCase()}, ${topCalls(r.naiveCalls)}`)
      .join('; ')}.
`;
  },
};

function comparisons(): Comparison[] {
  const empty = newWorkbook().snapshot();
  const list: Comparison[] = [
    {
      action: 'Set-up',
      size: 'new workbook',
      state: empty,
      addon: (rt) => {
        rt.answer({ button: 'YES' });
        return () => rt.run('setUpWorkbook', { spreadsheetId: SPREADSHEET, user: CHAMPION });
      },
      naive: (rt) => naiveRun(rt, CHAMPION, (spreadsheet) => naiveSetUp(spreadsheet)),
    },
  ];
  const company = SIZES.map((size) => ({ size, ...companyWorkbook(size) }));
  for (const { size, state } of company) {
    list.push({
      action: 'Validation',
      size: fmt(size),
      state,
      addon: (rt) => {
        rt.answer({ button: 'OK' });
        return () => rt.run('validateOkrs', { spreadsheetId: SPREADSHEET, user: CHAMPION });
      },
      naive: (rt) => naiveRun(rt, CHAMPION, (spreadsheet) => naiveValidate(spreadsheet)),
    });
  }
  for (const { size, state, keyResults } of company) {
    const middle = keyResults[Math.floor(keyResults.length / 2)]!;
    const owner = String(middle[3]);
    const checkin = { id: 'bench-checkin-0001', keyResultId: String(middle[0]), value: 42, confidence: 7, note: 'Moved on' };
    list.push({
      action: 'Check-in',
      size: fmt(size),
      state,
      addon: (rt) => () => rt.run('submitCheckin', { spreadsheetId: SPREADSHEET, user: owner, args: [checkin] }),
      naive: (rt) => naiveRun(rt, owner, (spreadsheet) => naiveCheckin(spreadsheet, { ...checkin, by: owner, now: rt.now() })),
    });
  }
  return list;
}

function naiveRun(
  rt: Runtime,
  user: string,
  script: (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) => void,
): { act: () => void; calls: () => Calls } {
  const execution = byHand(rt, SPREADSHEET, user);
  return { act: () => execution.run(() => script(execution.spreadsheet)), calls: () => execution.calls.snapshot() };
}

/** Counts both ways on two identical workbooks, checks they left them the same, then times each. */
function compare(comparison: Comparison): Result {
  const addonRt = restored(comparison.state);
  comparison.addon(addonRt)();
  const addonCalls = addonRt.lastCalls;
  const naiveRt = restored(comparison.state);
  const naiveWay = comparison.naive(naiveRt);
  naiveWay.act();
  const naiveCalls = naiveWay.calls();
  assertSameWork(`${comparison.action.toLowerCase()} (${comparison.size})`, addonRt, naiveRt);
  // Timed in one runtime, restored before each run (not timed), so the bundle is compiled once as Apps Script caches it.
  const addonMs = medianOf(addonRt, comparison.state, (rt) => comparison.addon(rt));
  const naiveMs = medianOf(addonRt, comparison.state, (rt) => comparison.naive(rt).act);
  return { action: comparison.action, size: comparison.size, addonCalls, naiveCalls, addonMs, naiveMs };
}

/** The median time of `RUNS` runs after a warm-up, each on the workbook restored and its formulas computed. */
function medianOf(rt: Runtime, state: RuntimeState, prepare: (rt: Runtime) => () => void): number {
  const taken: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    restoreInto(rt, state);
    const act = prepare(rt);
    const start = performance.now();
    act();
    if (i > 0) taken.push(performance.now() - start);
  }
  return median(taken);
}

/**
 * The cells the add-on moves in its batched reads and writes: the same cells
 * the naive script moved one call each. Each costs the add-on the per-cell
 * time of a batch (bench/latency.ts); the naive calls already cost a round trip each.
 */
function cellsMoved(naiveCalls: Calls): number {
  let cells = 0;
  for (const [name, count] of Object.entries(naiveCalls))
    if (/^Range\.(get|set)(Value|NumberFormat|DataValidation|Note|FontWeight|Wrap)$/.test(name)) cells += count;
  return cells;
}

/** Which naive runs Apps Script would stop: past the time an execution may take. */
function overLimit(results: Result[]): string {
  const over = results.filter((r) => modelledMs(r.naiveCalls) > LIMITS.executionMs).map((r) => `${r.action.toLowerCase()} at ${r.size}`);
  if (over.length === 0) return '';
  return `; past ${duration(LIMITS.executionMs)} (marked ✗: ${over.join(', ')}) Apps Script stops the execution half done`;
}

function modelled(ms: number): string {
  return ms > LIMITS.executionMs ? `${duration(ms)} ✗` : duration(ms);
}

/** The two most frequent calls, with their counts: `12,345 Sheet.getRange, 6,000 Range.getValue`. */
function topCalls(calls: Calls): string {
  return Object.entries(calls)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 2)
    .map(([name, count]) => `${fmt(count)} \`${name}\``)
    .join(' and ');
}
