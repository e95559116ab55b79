// Apply suggested metrics… in the playground, in headless Chromium: the menu
// item opens dist/Suggestions.html as a modal dialog (the google.script shim
// in its frame), the demo's key result written as a sentence is listed, and
// applying it measures it in the company workbook.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Playground } from '../../dev/playground/server';
import { companyWorkbook, keyResultRow } from '../sidebar/playground';
import { firstGrid, freePort, launch, poll, runMenuItem } from './browser';
import { start, tempStateDir } from './helpers';

const SENTENCE = 'Cut the data sources we pay for from 74 to less than 15';

let stateDir: string;
let playground: Playground;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;

beforeAll(async () => {
  stateDir = tempStateDir();
  playground = await start(stateDir, { port: await freePort() });
  browser = await launch();
  page = browser.page;
  await page.goto(playground.url);
  await firstGrid(page);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

test('the menu item opens the dialog over the sheet; ticking and applying measures the key result', async () => {
  const workbook = await companyWorkbook(playground);
  expect(await keyResultRow(playground, workbook, SENTENCE)).toMatchObject({ Metric: 'milestone', Current: 'not done' });

  await runMenuItem(page, 'Apply suggested metrics…');
  const dialog = page.locator('.modal-layer .html-dialog');
  await poll(() => dialog.getAttribute('aria-label')).toBe('Apply suggested metrics');
  const frame = page.frameLocator('.html-dialog iframe');
  await frame.locator('.suggestion').first().waitFor({ timeout: 15_000 });
  expect(await frame.locator('.suggestion label').allTextContents()).toEqual([`C2-KR3 ${SENTENCE}`]);

  await frame.getByLabel(`C2-KR3 ${SENTENCE}`).check();
  await frame.getByRole('button', { name: 'Apply' }).click();
  await poll(() => frame.locator('.outcome p').first().textContent(), { timeout: 15_000 }).toBe(
    'Applied to 1 key result: C2-KR3. Their Metric, Start and Target are in the Key Results tab.',
  );
  await poll(() => frame.locator('main > p').last().textContent()).toBe(
    'Nothing left to suggest: every key result whose text states a measure is measured.',
  );
  expect(await keyResultRow(playground, workbook, SENTENCE)).toMatchObject({
    Metric: 'decrease',
    Start: '74',
    Target: '15',
    Current: '74',
    Progress: '0%',
  });

  await frame.getByRole('button', { name: 'Close' }).click();
  await poll(() => dialog.count()).toBe(0);

  // With nothing left, the menu item says so instead of opening an empty dialog.
  await runMenuItem(page, 'Apply suggested metrics…');
  const alert = page.getByRole('alertdialog');
  await poll(() => alert.locator('.dialog-message').textContent()).toMatch(/^There is nothing to suggest/);
  await alert.getByRole('button', { name: 'OK' }).click();
  await poll(() => alert.count()).toBe(0);
}, 90_000);
