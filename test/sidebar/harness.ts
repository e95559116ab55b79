// The built panel (dist/Sidebar.html) in headless Chromium, 300 px wide, or
// another built page (the suggestions dialog), with a google.script.run that
// runs the real server functions of dist/Code.js in the in-memory runtime, or
// a test's stand-in for server functions the bundle does not hold yet, or
// for a reply the real ones never give.
// The playground cannot withhold a user's address or delete a row
// mid-check-in on cue; this harness can, through the Runtime it is given.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DIST } from '../../dev/build';
import { Runtime, scriptRunPageScript, type ScriptRunReply } from '../../dev/runtime/index';
import { launch } from '../playground/browser';
import { okrRuntime } from '../addon/workbook';

/** The clock the seeded workbook lives at: late in 2026-Q4. */
export const NOW = new Date('2026-11-30T10:00:00Z');
const URL = 'http://sidebar.test/';

/**
 * A workbook set up with the example OKRs (owner.one@example.com owns EX-KR1 and
 * EX-KR2), in a locale (default en_US), run by the bundle in `dist` (default dist/),
 * with a daily mail quota of `mailQuota` recipients (default the runtime's 100).
 */
export function seededWorkbook(options: { locale?: string; dist?: string; mailQuota?: number } = {}): { rt: Runtime; id: string } {
  const rt = okrRuntime({
    now: NOW,
    ...(options.dist ? { dist: options.dist } : {}),
    ...(options.mailQuota !== undefined ? { mailQuota: options.mailQuota } : {}),
  });
  const id = rt.createSpreadsheet({ name: 'Team OKRs', timeZone: 'Europe/London', ...(options.locale ? { locale: options.locale } : {}) });
  rt.answer({ button: 'YES' });
  rt.run('setUpWorkbook', { spreadsheetId: id });
  return { rt, id };
}

// What Sheets injects into the panel's frame: google.script.run, the runtime's
// own (the one the playground's panels get), whose calls here go to the test
// process (window.__okrRun); google.script.host only notes a close.
const SHIM = `${scriptRunPageScript('(name, args) => window.__okrRun(name, args)')}
window.google.script.host = { close() { window.__okrClosed = true; } };`;

export interface Harness {
  page: Page;
  /** The user the calls run as; change it to act as someone else. */
  user: string;
  /** The next call runs on the server but its reply is lost, as on a dropped connection. */
  loseNextReply: boolean;
  /** Server calls the panel has made, by function name. */
  calls: string[];
  close(): Promise<void>;
}

/** Opens dist/<file>.html (the panel unless said) at `width` px, its calls run as `user` on `spreadsheetId`. */
export async function openPanel(
  rt: Runtime,
  spreadsheetId: string,
  user: string,
  options: { file?: string; width?: number } = {},
): Promise<Harness> {
  // The server's side of the runtime's bridge: arguments and value held to Google's rules.
  return openPage((name, args, harness) => rt.runFromPage(name, { spreadsheetId, user: harness.user, args }), user, options);
}

/**
 * Opens dist/<file>.html with a stand-in for the server: `serve` answers each
 * call, as a JSON-in, JSON-out function of the contract would. For a page whose
 * server functions are not in dist/Code.js yet, or a reply the real server
 * cannot be made to give (mail HTML holding script); the bridge's rules still hold
 * (use callFromPage from the runtime to check the arguments and the value).
 */
export function openWithStandIn(
  serve: (name: string, args: unknown[]) => ScriptRunReply,
  options: { file?: string; width?: number } = {},
): Promise<Harness> {
  return openPage((name, args) => serve(name, args), 'stand-in@example.com', options);
}

async function openPage(
  serve: (name: string, args: unknown[], harness: Harness) => ScriptRunReply,
  user: string,
  { file = 'Sidebar', width = 300 }: { file?: string; width?: number },
): Promise<Harness> {
  const browser = await launch();
  const page = browser.page;
  await page.setViewportSize({ width, height: 900 });
  const harness: Harness = { page, user, loseNextReply: false, calls: [], close: () => browser.close() };
  await page.exposeFunction('__okrRun', (name: string, args: unknown[]): ScriptRunReply => {
    harness.calls.push(name);
    const reply = serve(name, args, harness);
    if (harness.loseNextReply) {
      harness.loseNextReply = false;
      return { ok: false, error: 'We are sorry, a server error occurred. Please wait a bit and try again.' };
    }
    return reply;
  });
  await page.addInitScript(SHIM);
  const html = fs.readFileSync(path.join(DIST, `${file}.html`), 'utf8');
  await page.route(`${URL}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(URL);
  return harness;
}
