import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { DIST } from '../../dev/build';
import {
  CallCounter,
  SpreadsheetStore,
  World,
  createServices,
  createSpreadsheetApp,
  createUi,
  type Execution,
} from '../../dev/runtime/index';
import { ARCHIVE, OBJECTIVES } from '../../src/okr/schema';
import { LIMITS } from '../latency';
import { duration, fmt, medianMs, table, times } from '../measure';
import { KEY_RESULT_HEADERS, OBJECTIVES_PER_TEAM, OBJECTIVE_HEADERS, organisation, teamsFor } from '../org';
import { Section } from '../section';

// Every custom formula called as Sheets calls it: by its global name in
// dist/Code.js, loaded into a vm context that holds what a custom-function
// execution gets (the local runtime's services in CUSTOM_FUNCTION mode), with
// its arguments made inside that context as Apps Script passes them: ranges
// as rows of cells, dates as Date objects.

const SIZES = [1_000, 10_000, 100_000];
/** The per-row target of issue 20, in µs, and how much the per-row time may grow from 1,000 to 100,000 rows and still be linear. */
const TARGET_US = 1;
const LINEAR_SLACK = 1.5;
/** OKR_VALIDATE's target: 10,000 objectives and 30,000 key results under 100 ms. */
const VALIDATE_SIZE = 30_000;
const VALIDATE_TARGET_MS = 100;
/** OKR_FORECAST's target: 10,000 key results and 100,000 check-ins (ten each) under 200 ms. */
const CHECKINS_PER_KEY_RESULT = 10;
const FORECAST_TARGET_MS = 200;
/**
 * Rows each context computes before it is timed, so the JIT has compiled the
 * formula at every size alike (a 1,000-row call is otherwise timed half in the
 * interpreter, and its per-row figure is the JIT's, not the formula's).
 */
const WARM_ROWS = 200_000;
/** Fresh script loads timed for the one-call-per-row comparison. */
const LOADS = 100;
const TIME_ZONE = 'America/New_York';

/** A formula of the benchmark: how it is called on the whole column, and what one of its rows is. */
interface Column {
  name: string;
  /** What a row is: the unit of the per-row figures. */
  rows: 'key results' | 'objectives' | 'objectives + key results' | 'key results + check-ins';
  /** The call on the inputs, as source run in the context (`input` holds them). */
  call: string;
  /** The same work written down a column, one call per row, when people would write it so. */
  perRow?: { call: string; note: string };
}

const COLUMNS: Column[] = [
  {
    name: 'OKR_PROGRESS',
    rows: 'key results',
    call: 'OKR_PROGRESS(input.start, input.target, input.current, input.metric)',
    perRow: { call: 'OKR_PROGRESS(0, 100, 40, "increase")', note: '`=OKR_PROGRESS(F2, G2, H2, E2)` in each row' },
  },
  {
    name: 'OKR_ROLLUP',
    rows: 'objectives + key results',
    call: 'OKR_ROLLUP(input.ids, input.parents, input.progress, input.weights)',
    perRow: {
      call: 'OKR_ROLLUP(input.ids[0][0], input.parents, input.progress, input.weights)',
      note: "`=OKR_ROLLUP(A2, 'Key Results'!B:B, …)` in each objective's row: every call reads all the key results",
    },
  },
  {
    name: 'OKR_OBJECTIVE_PROGRESS',
    rows: 'objectives + key results',
    call: 'OKR_OBJECTIVE_PROGRESS(input.ids, input.alignedTo, input.objectiveWeights, input.parents, input.progress, input.weights, "", input.keyResultIds)',
  },
  {
    name: 'OKR_EXPECTED',
    rows: 'key results',
    call: 'OKR_EXPECTED(input.cycles, input.asOf)',
    perRow: { call: 'OKR_EXPECTED("2026-Q4", new Date(Date.UTC(2026, 10, 15, 5)))', note: '`=OKR_EXPECTED(E2, TODAY())` in each row' },
  },
  {
    name: 'OKR_STATUS',
    rows: 'key results',
    call: 'OKR_STATUS(input.progress, input.expected)',
    perRow: { call: 'OKR_STATUS(0.3, 0.5)', note: '`=OKR_STATUS(L2, M2)` in each row' },
  },
  {
    name: 'OKR_SCORE',
    rows: 'key results',
    call: 'OKR_SCORE(input.progress)',
    perRow: { call: 'OKR_SCORE(0.65)', note: '`=OKR_SCORE(L2)` in each row' },
  },
  {
    name: 'OKR_FORECAST',
    rows: 'key results + check-ins',
    call: 'OKR_FORECAST(input.keyResultIds, input.start, input.target, input.metric, input.checkinIds, input.checkinTimes, input.checkinValues, "2026-Q4", input.asOfOne)',
  },
  {
    name: 'OKR_CHECKIN_RATE',
    rows: 'key results',
    call: 'OKR_CHECKIN_RATE(input.keyResultIds, input.lastCheckins, "weekly", input.asOfOne)',
  },
  { name: 'OKR_VALIDATE', rows: 'objectives + key results', call: 'OKR_VALIDATE(input.objectives, input.keyResults)' },
  { name: 'OKR_LINKED', rows: 'objectives', call: 'OKR_LINKED("Product", input.imported)' },
  { name: 'OKR_CYCLE_STATS', rows: 'objectives + key results', call: 'OKR_CYCLE_STATS(input.archive)' },
];

/**
 * What a custom-function execution finds as globals: the runtime's services
 * in CUSTOM_FUNCTION mode over one spreadsheet (whose time zone OKR_EXPECTED
 * reads), in a context either like Apps Script's (an ordinary global object)
 * or contextified, as the local runtime's Executor makes them.
 */
class Contexts {
  private readonly script = new vm.Script(fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8'), { filename: 'Code.js' });
  private readonly world = new World({ dist: DIST, scriptTimeZone: TIME_ZONE, mailQuota: 100, addonName: 'OKR Sheets' }, () => Date.now());
  private readonly store = new SpreadsheetStore({
    customFunctions: () => {
      throw new Error('no formulas are evaluated here');
    },
  });
  private readonly spreadsheetId = this.store.create({ name: 'Benchmark', timeZone: TIME_ZONE, owner: 'user@example.com' });

  /** A fresh context with the bundle's top level run in it: what each custom-formula execution starts with. */
  load(kind: 'plain' | 'contextified' = 'plain'): vm.Context {
    // Apps Script's global object is an ordinary one; a contextified one routes every global lookup (Math, Number…) through Node's interceptor.
    const context = kind === 'plain' ? vm.createContext(vm.constants.DONT_CONTEXTIFY) : vm.createContext({});
    const execution: Execution = {
      mode: 'CUSTOM_FUNCTION',
      user: '',
      activeSpreadsheetId: this.spreadsheetId,
      calls: new CallCounter(),
      realm: context,
    };
    const scope = { world: this.world, execution };
    Object.assign(context, createServices(scope), { SpreadsheetApp: createSpreadsheetApp(this.store, execution, createUi(scope)) });
    this.script.runInContext(context);
    return context;
  }
}

/**
 * The inputs of every formula at one size, made inside the context: the
 * columns of a company from bench/org.ts, the progress OKR_PROGRESS gives
 * them, as-of dates (local midnights of 28 days of November 2026), and
 * CHECKINS_PER_KEY_RESULT check-ins a key result in October and early
 * November, appended in time order as the panel appends them.
 */
function makeInputs(context: vm.Context, keyResults: number): void {
  const org = organisation(keyResults);
  const objectives = [OBJECTIVE_HEADERS, ...org.objectives];
  const krs = [KEY_RESULT_HEADERS, ...org.keyResults];
  // Imported as OKR_LINKED gets it: the whole Objectives tab, Progress and Status filled.
  const imported = [OBJECTIVES.headers, ...org.objectives.map((row, i) => [...row, (i % 100) / 100, 'on track'])];
  context.__inputJson = JSON.stringify({ objectives, keyResults: krs, imported, archiveHeaders: ARCHIVE.headers });
  context.__checkinsPerKeyResult = CHECKINS_PER_KEY_RESULT;
  vm.runInContext(
    `
    var input = JSON.parse(__inputJson);
    delete globalThis.__inputJson;
    (function () {
      function column(rows, header) {
        var at = rows[0].indexOf(header);
        return rows.slice(1).map(function (row) { return [row[at]]; });
      }
      var o = input.objectives, k = input.keyResults;
      input.start = column(k, 'Start'); input.target = column(k, 'Target'); input.current = column(k, 'Current');
      input.metric = column(k, 'Metric'); input.parents = column(k, 'Objective ID'); input.weights = column(k, 'Weight');
      input.keyResultIds = column(k, 'ID');
      input.ids = column(o, 'ID'); input.alignedTo = column(o, 'Aligned to'); input.objectiveWeights = column(o, 'Weight');
      input.progress = OKR_PROGRESS(input.start, input.target, input.current, input.metric);
      input.expected = input.progress.map(function (_, i) { return [(i % 10) / 10]; });
      input.cycles = input.parents.map(function () { return ['2026-Q4']; });
      input.asOf = input.parents.map(function (_, i) { return [new Date(Date.UTC(2026, 10, 1 + (i % 28), 5))]; });
      input.asOfOne = new Date(Date.UTC(2026, 10, 15, 5));
      input.lastCheckins = input.parents.map(function (_, i) { return [new Date(Date.UTC(2026, 10, 1 + (i % 14), 14))]; });
      input.checkinIds = []; input.checkinTimes = []; input.checkinValues = [];
      for (var c = 0; c < __checkinsPerKeyResult; c++) {
        for (var r = 0; r < input.keyResultIds.length; r++) {
          var from = input.start[r][0], to = input.target[r][0];
          input.checkinIds.push([input.keyResultIds[r][0]]);
          input.checkinTimes.push([new Date(Date.UTC(2026, 9, 2 + c * 4, 13, r % 240))]);
          input.checkinValues.push([from + ((to - from) * (c + 1 + (r % 3))) / 40]);
        }
      }
      delete globalThis.__checkinsPerKeyResult;
      // The Archive of the same OKRs closed over four quarters: an objective and a key result a row, in the schema's columns.
      var quarters = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
      var archived = function (i, kind, id, parent, score, checkins) {
        var q = i % 4;
        return [quarters[q], new Date(Date.UTC(2026, q * 3, 2)), kind, id, parent, 'Title', 'owner@example.com', 'Team ' + (i % 9), score, score, '', checkins, ''];
      };
      input.archive = [input.archiveHeaders]
        .concat(input.ids.map(function (id, i) { return archived(i, 'objective', id[0], '', '', ''); }))
        .concat(input.keyResultIds.map(function (id, i) { return archived(i, 'key result', id[0], input.parents[i][0], (i % 11) / 10, i % 14); }));
      delete input.archiveHeaders;
    })();`,
    context,
  );
}

/** The objectives of bench/org.ts's company of `keyResults` key results: a third, in whole teams. */
function objectivesAt(keyResults: number): number {
  return teamsFor(keyResults) * OBJECTIVES_PER_TEAM;
}

/** The rows a formula reads at a size of `keyResults`. */
function rowsOf(column: Column, keyResults: number): number {
  const objectives = objectivesAt(keyResults);
  if (column.rows === 'key results + check-ins') return keyResults * (1 + CHECKINS_PER_KEY_RESULT);
  return column.rows === 'key results' ? keyResults : column.rows === 'objectives' ? objectives : keyResults + objectives;
}

/** A call compiled once in the context, so the timing holds the formula only. */
function compiled(context: vm.Context, call: string): () => unknown {
  return vm.runInContext(`(function () { return ${call}; })`, context) as () => unknown;
}

/** Median ms of each formula's whole-column call at each size, each formula in a context of its own. */
function columnTimes(contexts: Contexts): Map<string, number[]> {
  const ms = new Map<string, number[]>(COLUMNS.map((c) => [c.name, []]));
  for (const size of SIZES) {
    for (const column of COLUMNS) {
      // A context per formula: in Apps Script each execution runs one, and the JIT's view of one must not slow another.
      const context = contexts.load();
      makeInputs(context, size);
      ms.get(column.name)!.push(timed(compiled(context, column.call), rowsOf(column, size)));
    }
  }
  return ms;
}

/** Median ms of `call` on `rows` rows, after the warm-up. */
function timed(call: () => unknown, rows: number): number {
  for (let done = 0; done < WARM_ROWS; done += rows) call();
  return medianMs(call, rows >= 100_000 ? 5 : 9);
}

function perRowUs(ms: number, rows: number): number {
  return (ms * 1000) / rows;
}

function columnTable(ms: Map<string, number[]>): string {
  const rows = COLUMNS.map((column) => {
    const taken = ms.get(column.name)!;
    const us = taken.map((t, i) => perRowUs(t, rowsOf(column, SIZES[i]!)));
    const fast = us.every((u) => u <= TARGET_US);
    const growth = us[2]! / us[0]!;
    // Validation checks a dozen rules a row, the forecast fits a line a key result: each has a target of its own (below).
    const ownTarget = column.name === 'OKR_VALIDATE' || column.name === 'OKR_FORECAST';
    const target = ownTarget ? 'its own target (below)' : fast ? 'yes' : '**no**';
    return [
      `\`${column.name}\``,
      column.rows,
      ...taken.map((t) => duration(t)),
      ...us.map((u) => fmt(u, 2)),
      `${target}; ${growth <= LINEAR_SLACK ? 'linear' : '**not linear**'} (${times(growth)})`,
    ];
  });
  const sizes = SIZES.map((s) => fmt(s / 1000) + 'k');
  return table(
    [
      'Formula',
      'A row is one of',
      ...sizes.map((s) => `ms at ${s}`),
      ...sizes.map((s) => `µs/row at ${s}`),
      `≤ ${TARGET_US} µs/row; linear`,
    ],
    rows,
  );
}

function validateLine(contexts: Contexts): string {
  const context = contexts.load();
  makeInputs(context, VALIDATE_SIZE);
  const objectives = objectivesAt(VALIDATE_SIZE);
  const ms = timed(compiled(context, 'OKR_VALIDATE(input.objectives, input.keyResults)'), VALIDATE_SIZE + objectives);
  return `\`OKR_VALIDATE\` on ${fmt(objectives)} objectives and ${fmt(VALIDATE_SIZE)} key results: **${duration(ms)}** (target under ${VALIDATE_TARGET_MS} ms: ${ms < VALIDATE_TARGET_MS ? 'met' : '**not met**'}).`;
}

/** OKR_FORECAST's call at 10,000 key results (the column table's middle size) against its target. */
function forecastLine(ms: Map<string, number[]>): string {
  const taken = ms.get('OKR_FORECAST')![1]!;
  const keyResults = SIZES[1]!;
  return `\`OKR_FORECAST\` on ${fmt(keyResults)} key results and ${fmt(keyResults * CHECKINS_PER_KEY_RESULT)} check-ins: **${duration(taken)}** (target under ${FORECAST_TARGET_MS} ms: ${taken < FORECAST_TARGET_MS ? 'met' : '**not met**'}).`;
}

/** The same columns at 10,000 key results in a contextified context, as the local runtime and the tests run the bundle. */
function contextifiedTable(plain: Map<string, number[]>, contexts: Contexts): string {
  const size = SIZES[1]!;
  const rows = COLUMNS.map((column) => {
    const context = contexts.load('contextified');
    makeInputs(context, size);
    const ms = timed(compiled(context, column.call), rowsOf(column, size));
    const ordinary = plain.get(column.name)![1]!;
    return [`\`${column.name}\``, duration(ordinary), duration(ms), times(ms / ordinary)];
  });
  return table(['Formula', 'ordinary global object', 'contextified', 'slower by'], rows);
}

/**
 * What one call per row costs: each is an execution of its own, a fresh
 * context with the whole bundle's top level run, then the call. Timed over
 * LOADS executions; the per-row cost then scales with the rows.
 */
function perRowTable(ms: Map<string, number[]>, contexts: Contexts): string {
  const rows: string[][] = [];
  for (const column of COLUMNS) {
    if (!column.perRow) continue;
    const oneCall = ms.get(column.name)!;
    const { call } = column.perRow;
    // A call of single cells costs the same at any size; one that reads whole columns pays for them in every row.
    const single = call.includes('input.') ? undefined : loadAndCall(contexts, call, undefined);
    const each = SIZES.map((size) => single ?? loadAndCall(contexts, call, size));
    const callRows = (size: number) => (column.rows === 'key results' ? size : objectivesAt(size));
    const total = SIZES.map((size, i) => each[i]! * callRows(size));
    rows.push([
      `\`${column.name}\``,
      column.perRow.note,
      duration(each[0]!),
      ...SIZES.map((_, i) => `${duration(total[i]!)} vs ${duration(oneCall[i]!)}: **${times(total[i]! / oneCall[i]!)}**`),
    ]);
  }
  return table(['Formula', 'Written as', 'one execution', ...SIZES.map((s) => `at ${fmt(s / 1000)}k: per row vs one call`)], rows);
}

/** Median ms of a fresh load plus the call, over LOADS executions (fewer when each reads large columns). */
function loadAndCall(contexts: Contexts, call: string, size: number | undefined): number {
  const script = new vm.Script(call);
  let inputs: vm.Context | undefined;
  if (size !== undefined) {
    inputs = contexts.load();
    makeInputs(inputs, size);
  }
  const runs = size === undefined ? LOADS : size >= 100_000 ? 3 : size >= 10_000 ? 9 : 25;
  return medianMs(() => {
    const context = contexts.load();
    // Sheets hands each execution the ranges it reads; here they are made once, in another context, and
    // handed over: their making is not counted, one more reason the ratio is a lower estimate.
    if (inputs) context.input = vm.runInContext('input', inputs);
    return script.runInContext(context);
  }, runs);
}

function limitTable(ms: Map<string, number[]>): string {
  const rows = COLUMNS.map((column) => {
    const largest = SIZES[2]!;
    const perRow = ms.get(column.name)![2]! / rowsOf(column, largest);
    return [`\`${column.name}\``, column.rows, `${fmt(LIMITS.customFormulaMs / perRow / 1e6, 1)} million`];
  });
  return table(['Formula', 'rows are', `rows in ${LIMITS.customFormulaMs / 1000} s at this machine's speed`], rows);
}

export const formulas: Section = {
  title: 'Custom formulas at 1,000, 10,000 and 100,000 key results',
  run: () => {
    const contexts = new Contexts();
    const ms = columnTimes(contexts);
    return `
Each formula is called by its global name in \`dist/Code.js\`, as Sheets calls it, on the columns of a company from \`bench/org.ts\` (objectives a third of the key results, every key result checked in; as-of dates are Date objects of 28 days; for \`OKR_FORECAST\`, ${CHECKINS_PER_KEY_RESULT} check-ins a key result, so a row is a key result or a check-in). The bundle is loaded into a \`vm\` context holding what a custom-function execution gets in the local runtime (its services in CUSTOM_FUNCTION mode, a spreadsheet in ${TIME_ZONE}); the arguments are made inside that context as Apps Script passes them (ranges as rows of cells, dates as \`Date\`). Each figure is the median of several calls, each formula in a context of its own that first computed ${fmt(WARM_ROWS)} rows (warm, as the JIT makes it; Apps Script starts every execution cold, so its first call of a size is slower than these figures). \`OKR_EXPECTED\` converts each distinct date to the spreadsheet's wall clock with one \`Utilities.formatDate\` call (a service call, the local runtime's here): its 28 dates are most of its time up to 10,000 rows.

**How to read it:** a row is one row the formula reads (second column). The target is at most ${TARGET_US} µs a row (10,000 rows in under 10 ms); growth is linear when the time per row at 100,000 is within ${LINEAR_SLACK}× of that at 1,000 (the factor is in brackets). The machine is shared, so a figure can be up to a few times its quiet value; read the per-row columns against each other more than against the clock. From 10,000 to 100,000 rows a call's results (one small array a row, as Sheets wants them) outgrow V8's young generation, whose collector then copies them: for \`OKR_PROGRESS\`, \`OKR_STATUS\` and \`OKR_SCORE\` that is most of the rise in the last per-row column (run with \`node --max-semi-space-size=64\`, it mostly goes); the rollups, validation and \`OKR_LINKED\` also keep a map or table entry per row alive for the whole call.

${columnTable(ms)}

${validateLine(contexts)}

${forecastLine(ms)}

### Apps Script's global object, and Node's contextified one

The figures above use a context whose global object is an ordinary one (\`vm.constants.DONT_CONTEXTIFY\`), as Apps Script's is. The local runtime (and the tests) run the bundle in *contextified* contexts, where Node routes every global lookup (\`Math\`, \`Number\`, \`Array\`…) through an interceptor; the same calls at 10,000 key results there:

${contextifiedTable(ms, contexts)}

That difference is Node's, not the add-on's: it is not a cost Sheets users pay, so the targets are read in the first table.

### One formula call against one call per row

What a user writing a formula down a column gets: one execution per row, each loading the whole script (a fresh context, the bundle's top level run) before its call. Below, one such execution timed over ${LOADS} loads (or, for a call that reads whole columns, a few at each size), times the rows, against the one call that fills the column. Sheets also makes a server round trip for every custom-formula cell, which no local run can time: the ratios are a lower estimate. Read each cell as: the column written one call a row, against the one call, and how many times slower.

${perRowTable(ms, contexts)}

### Up to what size one call fits the ${LIMITS.customFormulaMs / 1000} s limit

A custom formula has ${LIMITS.customFormulaMs / 1000} s per call. At the per-row time measured at 100,000 rows, one call would reach it at these sizes **on this machine**. Apps Script runs the same JavaScript on Google's V8 servers, slower than this machine by a factor nobody outside Google has measured and this report does not guess: divide by it. Long before these sizes, a sheet meets Google's 10 million cells per spreadsheet.

${limitTable(ms)}
`;
  },
};
