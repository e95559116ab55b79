// The Apply suggested metrics dialog (dist/Suggestions.html) in headless
// Chromium, its google.script.run calls running the real server functions of
// dist/Code.js in the in-memory runtime: a person ticks two proposals,
// applies them, and the sheet changes in those rows only.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { Runtime } from '../../dev/runtime/index';
import { Cell } from '../../src/okr/cells';
import { CHAMPION, fill } from '../addon/workbook';
import { NOW, openPanel, type Harness } from './harness';
import { okrRuntime } from '../addon/workbook';

const HOSTILE = '<img src=x onerror="window.__pwned = 1">Cut cloud spend from $1,200 to $900';
const FORMULA = '=HYPERLINK("http://evil.example", "click") from 10 to 20';

const KEY_RESULTS: Cell[][] = [
  ['KR1', 'O1', 'Reduce the list of sources from 74 to less than 15', CHAMPION, 'milestone', '', '', 'not done'],
  ['KR2', 'O1', 'Raise NPS from 30 to 50', CHAMPION, 'milestone', '', '', ''],
  ['KR3', 'O2', '99.95% availability<script>window.__pwned = 2</script>', CHAMPION, '', '', '', ''],
  ['KR4', 'O2', 'Migrate 12 of 40 services', CHAMPION, 'milestone', '', '', false],
  ['KR5', 'O2', HOSTILE, CHAMPION, 'milestone', '', '', ''],
  ['KR6', 'O2', `'${FORMULA}`, CHAMPION, 'milestone', '', '', ''],
  ['KR7', 'O1', 'Launch the partner portal', CHAMPION, 'milestone', '', '', ''],
];

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function workbook(): { rt: Runtime; id: string } {
  const rt = okrRuntime({ now: NOW });
  const id = rt.createSpreadsheet({ name: 'Team OKRs', timeZone: 'Europe/London', owner: CHAMPION });
  rt.answer({ button: 'NO' });
  rt.run('setUpWorkbook', { spreadsheetId: id, user: CHAMPION });
  fill(
    rt,
    id,
    'Objectives',
    [
      ['O1', 'Make data easy to trust', CHAMPION, 'Data', '2026-Q4'],
      ['O2', 'Run a platform people rely on', CHAMPION, 'Data', '2026-Q4'],
    ],
    2,
  );
  fill(rt, id, 'Key Results', KEY_RESULTS, 2);
  return { rt, id };
}

async function open(rt: Runtime, id: string): Promise<Page> {
  harness = await openPanel(rt, id, CHAMPION, { file: 'Suggestions', width: 640 });
  await harness.page.locator('.suggestion').first().waitFor({ timeout: 15_000 });
  return harness.page;
}

/** Key Results A2:H8 as read, row by row. */
const rows = (rt: Runtime, id: string) => rt.store.values(id, 'Key Results', 'A2:H8');
const outcome = (page: Page) => page.locator('.outcome').textContent();

test('a person ticks two proposals, applies them, and exactly those rows change', async () => {
  const { rt, id } = workbook();
  const page = await open(rt, id);
  expect(await page.locator('.suggestion .kr-id').allTextContents()).toEqual(['KR1', 'KR2', 'KR3', 'KR4', 'KR5', 'KR6']);
  // Each unticked: the person chooses.
  expect(await page.locator('input[type=checkbox]:checked').count()).toBe(0);
  expect(await page.locator('.suggestion').first().locator('.details').textContent()).toBe(
    'Measure as decrease, start 74, target 15 (read from "from 74 to less than 15").',
  );

  const before = rows(rt, id);
  await page.getByLabel('KR1 Reduce the list of sources from 74 to less than 15').check();
  await page.getByLabel('KR4 Migrate 12 of 40 services').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect
    .poll(() => outcome(page), { timeout: 15_000 })
    .toBe('Applied to 2 key results: KR1, KR4. Their Metric, Start and Target are in the Key Results tab.');
  expect(harness!.calls).toEqual(['getMetricSuggestions', 'applyMetricSuggestions', 'getMetricSuggestions']);

  const after = rows(rt, id);
  expect(after[0]).toEqual(['KR1', 'O1', 'Reduce the list of sources from 74 to less than 15', CHAMPION, 'decrease', 74, 15, 74]);
  expect(after[3]).toEqual(['KR4', 'O2', 'Migrate 12 of 40 services', CHAMPION, 'increase', 0, 40, 0]);
  expect(after.filter((_, r) => r !== 0 && r !== 3)).toEqual(before.filter((_, r) => r !== 0 && r !== 3));
  // The list now holds what is left, still unticked.
  expect(await page.locator('.suggestion .kr-id').allTextContents()).toEqual(['KR2', 'KR3', 'KR5', 'KR6']);
  expect(await page.locator('input[type=checkbox]:checked').count()).toBe(0);

  // Apply with nothing ticked asks for a tick and sends nothing.
  await page.getByRole('button', { name: 'Apply' }).click();
  expect(await page.locator('.problem').textContent()).toBe('Tick the key results to apply first.');
  expect(harness!.calls).toHaveLength(3);

  await page.getByRole('button', { name: 'Close' }).click();
  expect(await page.evaluate(() => (window as unknown as { __okrClosed?: boolean }).__okrClosed)).toBe(true);
}, 60_000);

test('a proposal applied in the meantime is skipped, and the dialog says why', async () => {
  const { rt, id } = workbook();
  const page = await open(rt, id);
  // Someone else applies KR2 while the dialog is open.
  rt.run('applyMetricSuggestions', { spreadsheetId: id, user: CHAMPION, args: [['KR2']] });
  await page.getByLabel('KR2 Raise NPS from 30 to 50').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect
    .poll(() => outcome(page), { timeout: 15_000 })
    .toBe(
      'Nothing was applied.Not applied to 1 key result:KR2: Key result KR2 has nothing to suggest now: it is measured already, or its text changed.',
    );
  expect(await page.locator('.outcome li').allTextContents()).toEqual([
    'KR2: Key result KR2 has nothing to suggest now: it is measured already, or its text changed.',
  ]);
}, 60_000);

test('key result text shows as text: no HTML, no script, no formula runs', async () => {
  const { rt, id } = workbook();
  const page = await open(rt, id);
  const labels = await page.locator('.suggestion label').allTextContents();
  expect(labels).toContain(`KR5 ${HOSTILE}`);
  expect(labels).toContain('KR3 99.95% availability<script>window.__pwned = 2</script>');
  expect(labels).toContain(`KR6 ${FORMULA}`);
  expect(await page.locator('.suggestions img, .suggestions script, .suggestions a').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}, 60_000);

test('is accessible: a label on every checkbox, no serious or critical axe finding', async () => {
  const { rt, id } = workbook();
  const page = await open(rt, id);
  for (const box of await page.locator('input[type=checkbox]').all()) {
    expect(await box.evaluate((input) => (input as HTMLInputElement).labels?.length)).toBe(1);
    expect(await box.getAttribute('aria-describedby')).toMatch(/^details-/);
  }
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious).toEqual([]);
  // Keyboard alone: tab to the first checkbox, tick it with Space.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  expect(await page.locator('input[type=checkbox]').first().isChecked()).toBe(true);
}, 60_000);
