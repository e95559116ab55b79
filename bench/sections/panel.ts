// The check-in panel in headless Chromium: from opening dist/Sidebar.html to a
// form a person can use, on the demo company and on bigger workbooks. The page
// is opened as the browser tests open it (test/sidebar/harness.ts): the built
// HTML served as the one document, google.script.run answered by the local
// runtime running dist/Code.js.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Cell } from '../../src/okr/cells';
import { DIST } from '../../dev/build';
import { seedDemo } from '../../dev/playground/demo';
import { Workbooks } from '../../dev/playground/workbooks';
import { Runtime } from '../../dev/runtime/index';
import { CHAMPION, byHand, okrRuntime } from '../../test/addon/workbook';
import { NOW, openPanel } from '../../test/sidebar/harness';
import { duration, fmt, kb, median, table } from '../measure';
import { organisation } from '../org';
import { Section } from '../section';

/** Openings timed per workbook, after one that warms the browser and the runtime up. */
const OPENINGS = 7;
const TOM = 'tom@acme.example';
const ME = 'me@example.com';
/** The bigger workbooks: key results in all, and how many of them are the person's. */
const SIZES = [
  { keyResults: 300, mine: 50 },
  { keyResults: 1_000, mine: 50 },
];

/** One opening, in ms from navigation start on the page's clock, and the server's side in Node. */
interface Opening {
  /** The HTML delivered (responseEnd): here the harness's request interception. */
  delivered: number;
  /** DOMContentLoaded: the HTML parsed and the panel's script run (it is inline, at the end of the body). */
  parsed: number;
  /** getCheckinContext sent through google.script.run, and its reply back in the page. */
  sent: number;
  replied: number;
  /** Usable: the list rendered and laid out, and a key result's button focused. */
  usable: number;
  /** That button clicked: its form rendered and its first input focused, in ms after the click. */
  formOpen: number;
  /** getCheckinContext in the local runtime: dist/Code.js loaded into a fresh context, the sheet read, the reply checked. */
  serverMs: number;
  /** The reply's size as JSON. */
  replyBytes: number;
  /** Key results listed, and how many under "Your key results". */
  listed: number;
  own: number;
}

/** What the page's probe leaves in window.__bench. */
interface Probe {
  calls: { name: string; sent: number; replied?: number }[];
  usable?: number;
}

// Runs in the page before the panel's script. It times the page's side of each
// google.script.run call (window.__okrRun is the harness's bridge to Node,
// defined before init scripts run) and watches the DOM for the moment the
// panel is usable: #app no longer aria-busy and the first key result's button
// (the person's own come first) laid out with a box and taking focus.
const PROBE = `(() => {
  const bench = (window.__bench = { calls: [] });
  const send = window.__okrRun;
  window.__okrRun = async (name, args) => {
    const call = { name, sent: performance.now() };
    bench.calls.push(call);
    try { return await send(name, args); } finally { call.replied = performance.now(); }
  };
  new MutationObserver((_, observer) => {
    const app = document.getElementById('app');
    if (!app || app.hasAttribute('aria-busy')) return;
    const first = [...document.querySelectorAll('.kr-toggle')].find((b) => b.getBoundingClientRect().height > 0 && !b.disabled);
    if (!first) return;
    first.focus();
    if (document.activeElement !== first) return;
    bench.usable = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
})();`;

/** Opens the panel OPENINGS + 1 times on `spreadsheetId` as `user`; the first warms up and is dropped. */
async function openings(rt: Runtime, spreadsheetId: string, user: string): Promise<Opening[]> {
  const server: { ms: number; bytes: number }[] = [];
  const runFromPage = rt.runFromPage.bind(rt);
  rt.runFromPage = (name, options) => {
    const start = performance.now();
    const reply = runFromPage(name, options);
    server.push({ ms: performance.now() - start, bytes: Buffer.byteLength(JSON.stringify(reply)) });
    return reply;
  };
  const harness = await openPanel(rt, spreadsheetId, user);
  const { page } = harness;
  try {
    const url = page.url();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.addInitScript(PROBE);
    const results: Opening[] = [];
    for (let i = 0; i <= OPENINGS; i++) {
      server.length = 0;
      // From a blank page, so the last opening's page is torn down before this one starts, as a new sidebar frame's would be.
      await page.goto('about:blank');
      requests.length = 0;
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.usable !== undefined, null, { timeout: 60_000 });
      const seen = await inPage(page);
      if (requests.length !== 1 || requests[0] !== url)
        throw new Error(`Opening the panel made ${requests.length} requests (${requests.join(', ')}); only its document was expected`);
      const call = seen.calls[0];
      if (seen.calls.length !== 1 || call?.name !== 'getCheckinContext' || call.replied === undefined || server.length !== 1)
        throw new Error(`Opening the panel called ${seen.calls.map((c) => c.name).join(', ')}; one getCheckinContext was expected`);
      const { calls: _calls, ...timings } = seen;
      if (i > 0)
        results.push({ ...timings, sent: call.sent, replied: call.replied, serverMs: server[0]!.ms, replyBytes: server[0]!.bytes });
    }
    return results;
  } finally {
    await harness.close();
  }
}

/** The page's timings; then it clicks the focused key result and times its form opening. */
function inPage(page: Page) {
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: Probe & { usable: number } }).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const toggle = document.activeElement as HTMLButtonElement;
    const clicked = performance.now();
    toggle.click();
    toggle.closest('.kr')!.getBoundingClientRect(); // lay the opened card out
    const formOpen = performance.now() - clicked;
    const input = document.activeElement;
    if (!(input instanceof HTMLInputElement) || !input.closest('form.checkin'))
      throw new Error('The key result opened without focusing its form');
    return {
      delivered: nav.responseEnd,
      parsed: nav.domContentLoadedEventStart,
      calls: bench.calls,
      usable: bench.usable,
      formOpen,
      listed: document.querySelectorAll('.kr').length,
      own: document.querySelectorAll('#own-group .kr').length,
    };
  });
}

/** The demo's company workbook, as `npm start` seeds it. */
function demo(): { rt: Runtime; id: string } {
  const workbooks = new Workbooks({ dist: DIST, now: () => NOW });
  const id = seedDemo(workbooks, NOW)[0]!;
  return { rt: workbooks.runtime, id };
}

/**
 * A workbook set up by the add-on holding `keyResults` key results (bench/org.ts:
 * teams of 12), `mine` of them owned by ME and spread over the list, each
 * checked in weekly since the cycle began.
 */
function bigWorkbook(keyResults: number, mine: number): { rt: Runtime; id: string } {
  const org = organisation(keyResults);
  const every = org.keyResults.length / mine;
  const rows = org.keyResults.map((row, i) => (i % every < 1 ? [...row.slice(0, 3), ME, ...row.slice(4)] : row));
  const rt = okrRuntime({ now: NOW });
  const id = rt.createSpreadsheet({ name: 'Acme — Big OKRs', timeZone: 'Europe/Berlin', owner: CHAMPION });
  rt.answer({ button: 'NO' }); // no example OKRs
  rt.run('setUpWorkbook', { spreadsheetId: id, user: CHAMPION });
  write(rt, id, 'Objectives', org.objectives);
  write(rt, id, 'Key Results', rows);
  write(rt, id, 'People', [...org.people, ['Me', ME, 'Team 0', 'lead0@example.com']]);
  write(rt, id, 'Check-ins', checkins(rows));
  return { rt, id };
}

/** Pastes rows below a tab's header by hand, adding rows to the sheet when it is too short. */
function write(rt: Runtime, id: string, sheet: string, grid: Cell[][]): void {
  const tab = byHand(rt, id).getSheetByName(sheet)!;
  const short = grid.length + 1 - tab.getMaxRows();
  if (short > 0) tab.insertRowsAfter(tab.getMaxRows(), short);
  tab.getRange(2, 1, grid.length, grid[0]!.length).setValues(grid);
}

/** Weekly check-ins from the first Monday of 2026-Q4 to NOW, each by the key result's owner. */
function checkins(keyResults: Cell[][]): Cell[][] {
  const out: Cell[][] = [];
  for (let week = new Date('2026-10-05T09:00:00Z'); week < NOW; week = new Date(week.getTime() + 7 * 86_400_000))
    for (const [id, , , owner, , start, , current, , , confidence] of keyResults)
      out.push([week, id, current ?? start, confidence, 'Steady progress.', owner]);
  return out;
}

/** The openings on one workbook, as medians (and the slowest usable). */
async function measure(name: string, workbook: { rt: Runtime; id: string }, user: string) {
  const runs = await openings(workbook.rt, workbook.id, user);
  const of = (pick: (o: Opening) => number) => median(runs.map(pick));
  return {
    name,
    listed: runs[0]!.listed,
    own: runs[0]!.own,
    replyBytes: runs[0]!.replyBytes,
    delivered: of((o) => o.delivered),
    sent: of((o) => o.sent),
    parsed: of((o) => o.parsed),
    server: of((o) => o.serverMs),
    bridge: of((o) => o.replied - o.sent - o.serverMs),
    render: of((o) => o.usable - o.replied),
    usable: of((o) => o.usable),
    slowest: Math.max(...runs.map((o) => o.usable)),
    formOpen: of((o) => o.formOpen),
  };
}

export const panel: Section = {
  title: 'The panel in Chromium: from opening to a usable form',
  run: async () => {
    const html = fs.readFileSync(path.join(DIST, 'Sidebar.html'));
    const rows = [await measure("The demo: Acme's company workbook, as Tom", demo(), TOM)];
    for (const { keyResults, mine } of SIZES)
      rows.push(await measure(`${fmt(keyResults)} key results in one workbook, as an owner of ${mine}`, bigWorkbook(keyResults, mine), ME));
    const big = rows.at(-1)!;
    return `
The check-in panel, \`dist/Sidebar.html\` (${kb(html.length)}, ${kb(zlib.gzipSync(html).length)} gzipped), opened in headless Chromium 300 px wide as the browser tests open it (\`test/sidebar/harness.ts\`, Chromium from \`CHROMIUM_PATH\` or the usual places): the built HTML served as the page's one document, \`google.script.run\` answered by the local runtime running \`dist/Code.js\`. Each workbook: ${OPENINGS} openings timed (fresh navigations in a warm browser) after one dropped as a warm-up; times from navigation start, on the page's clock.

- **Usable** means: \`#app\` no longer \`aria-busy\`, the key results listed (the \`.kr\` cards the tests wait for), and the first key result's button (\`.kr-toggle\`, the person's own listed first) laid out with a box and taking focus, as a MutationObserver in the page sees it after forcing layout. The frame's paint follows (within one frame).
- **Form open**: that button clicked, its check-in form rendered and its first input (New value) focused: the click handler's time.
- **Requests**: every opening made exactly one request, the document, and one server call, \`getCheckinContext\`; the section fails on any other fetch or call.

${table(
  ['Workbook', 'Key results listed (yours)', 'Reply (JSON)', 'Usable: median', 'Usable: slowest', 'Form open after a click'],
  rows.map((r) => [
    r.name,
    `${fmt(r.listed)} (${fmt(r.own)})`,
    kb(r.replyBytes),
    duration(r.usable),
    duration(r.slowest),
    duration(r.formOpen),
  ]),
)}

Where the time goes (medians of each part, so they need not add up to the median above):

${table(
  [
    'Workbook',
    'Document delivered',
    'getCheckinContext sent',
    'HTML parsed, script run (DOMContentLoaded)',
    'getCheckinContext in Node',
    'The harness bridge, both ways',
    'Rendering (reply to usable)',
    'Rendering per key result',
  ],
  rows.map((r) => [
    r.name,
    duration(r.delivered),
    duration(r.sent),
    duration(r.parsed),
    duration(r.server),
    duration(r.bridge),
    duration(r.render),
    duration(r.render / r.listed),
  ]),
)}

- *Document delivered* is Playwright's request interception and *the harness bridge* is Playwright's \`exposeFunction\` (a DevTools round trip carrying the reply's JSON); neither exists in Sheets, where Google's servers stand in their place.
- *getCheckinContext sent* is when the panel's inline script calls the server, the page's own parse and script time; it should not depend on the workbook (the page is the same), so a difference between rows is this machine's noise.
- *getCheckinContext in Node* is the local runtime's execution: \`dist/Code.js\` loaded into a fresh context (as each Apps Script execution loads the script), the workbook read and the reply checked against \`google.script.run\`'s rules, with no latency for the service calls.
- *Rendering* runs from the reply's arrival in the page to usable: the reply checked by the page's \`google.script.run\`, every card built (the person's and everyone else's), the list laid out. It grows with the list while opening a form stays flat: with ${fmt(big.listed)} key results the panel spends ${duration(big.render)} building cards, ${fmt(big.listed - big.own)} of them other people's, before the person's own ${fmt(big.own)} can be used. (Per key result, the demo's figure is mostly the fixed part: the header, the filters.)

Not measured here: the real Apps Script round trip of \`google.script.run\` (Google's servers, the execution's start and its service calls: see the modelled times elsewhere in this report) and HtmlService's sandbox: Sheets serves the add-on's HTML from googleusercontent.com into nested iframes of the sidebar, a load that is Google's and happens before the navigation timed here starts.
`;
  },
};
