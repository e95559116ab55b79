// The playground in headless Chromium (Debian's chromium package, driven by
// playwright-core): the menu runs the real add-on, its dialogs are answered on
// the page, an edit recomputes the formulas, a warning-protected cell asks
// before an edit, and a restart loses nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import type { Playground } from '../../dev/playground/server';
import { firstGrid, freePort, launch, poll, runMenuItem, showTab } from './browser';
import { get, start, tempStateDir } from './helpers';

let browser: Awaited<ReturnType<typeof launch>>;
let stateDir: string;
let port: number;
let playground: Playground;
let page: Page;

const cell = (a1: string) => page.locator(`td[data-a1="${a1}"] .text`);

const menu = (item: string) => runMenuItem(page, item);

/** The letter of the column whose header (row 1) reads `header`. */
async function columnOf(header: string): Promise<string> {
  const headers = await page.locator('tbody tr:first-child td .text').allTextContents();
  const index = headers.indexOf(header);
  expect(index, header).toBeGreaterThanOrEqual(0);
  return String.fromCharCode(65 + index);
}

beforeAll(async () => {
  stateDir = tempStateDir();
  port = await freePort();
  playground = await start(stateDir, { port });
  browser = await launch();
  page = browser.page;
  await page.goto(playground.url);
  await firstGrid(page);
}, 90_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(ROOT, 'test-results', 'playground-failure.png') });
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test('shows the demo company workbook as Sheets would', async () => {
  await poll(() => page.locator('.doc-title').textContent()).toBe('Acme — Company OKRs');
  expect(await page.getByRole('tab').allTextContents()).toEqual([
    'Dashboard',
    'Objectives',
    'Key Results',
    'Check-ins',
    'People',
    'Settings',
    'Cycles',
    'Teams',
    'Linked OKRs',
    'Guide',
    'History',
    'Archive',
  ]);
  await showTab(page, 'Objectives');
  expect(await cell('A1').textContent()).toBe('ID');
  expect(await cell('B2').textContent()).toBe('Become the tool product teams recommend to each other');
  // The formula bar shows the formula of the cell that holds it (the add-on puts it in row 1 or 2).
  const progress = await columnOf('Progress');
  const formulas: string[] = [];
  for (const row of [1, 2]) {
    await page.locator(`td[data-a1="${progress}${row}"]`).click();
    formulas.push(await page.getByLabel('Formula bar').inputValue());
  }
  expect(formulas.some((f) => /^=.*OKR_OBJECTIVE_PROGRESS\(/.test(f))).toBe(true);
});

test('runs set-up and validation from the menu, answering their dialogs on the page', async () => {
  await menu('Set up the OKR workbook');
  const setUp = page.getByRole('alertdialog');
  await poll(() => setUp.locator('h2').textContent()).toBe('Set up the OKR workbook');
  expect(await setUp.locator('.dialog-message').textContent()).toMatch(/already set up/);
  await setUp.getByRole('button', { name: 'OK' }).click();
  await poll(() => page.getByRole('alertdialog').count()).toBe(0);

  await menu('Validate the OKRs');
  const validate = page.getByRole('alertdialog');
  await poll(() => validate.locator('h2').textContent()).toBe('Validate the OKRs');
  expect(await validate.locator('.dialog-message').textContent()).toMatch(/error|warning|all clear/i);
  await validate.getByRole('button', { name: 'OK' }).click();
  await poll(() => page.getByRole('alertdialog').count()).toBe(0);
  // The run ends after the answer: it shows its report, and the page moves to it (wait, or the next tab clicked is undone).
  await poll(() => page.locator('.grid').getAttribute('aria-label')).toBe('Validation');
});

test('an edit recomputes the formulas, and a restart loses nothing', async () => {
  await showTab(page, 'Key Results');
  const [current, progress, status] = [await columnOf('Current'), await columnOf('Progress'), await columnOf('Status')];
  expect(await cell(`${progress}2`).textContent()).not.toBe('100%');
  await page.locator(`td[data-a1="${current}2"]`).click();
  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
  await poll(() => cell(`${progress}2`).textContent()).toBe('100%');
  expect(await cell(`${status}2`).textContent()).toBe('done');
  expect(await cell(`${current}2`).textContent()).toBe('45');

  await page.screenshot({ path: path.join(ROOT, 'test-results', 'playground.png') });

  await playground.close();
  playground = await start(stateDir, { port });
  await page.reload();
  await poll(() => page.locator('.grid').getAttribute('aria-label'), { timeout: 15_000 }).toBe('Key Results');
  expect(await cell(`${current}2`).textContent()).toBe('45');
  expect(await cell(`${progress}2`).textContent()).toBe('100%');
}, 60_000); // A restart recalculates five workbooks, dashboards included.

test('an edit of a warning-protected cell asks "Edit anyway?": Cancel drops it, OK applies it', async () => {
  await showTab(page, 'Key Results');
  const target = `${await columnOf('Progress')}30`;
  const dialog = page.getByRole('alertdialog');
  /** What the server holds in the cell, whatever the page shows. */
  const held = async (): Promise<string> => {
    const company = (await get(playground, '/api/state')).workbooks.find((w: { name: string }) => w.name === 'Acme — Company OKRs');
    const view = await get(playground, `/api/sheet?workbook=${company.id}&sheet=${encodeURIComponent('Key Results')}`);
    return view.cells[29][target.charCodeAt(0) - 65].t;
  };
  const typeInto = async (text: string): Promise<void> => {
    await page.locator(`td[data-a1="${target}"]`).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  await typeInto('x');
  await poll(() => dialog.locator('h2').textContent()).toBe('Edit anyway?');
  expect(await dialog.locator('.dialog-message').textContent()).toMatch(/shouldn't be changed accidentally/);
  // Nothing is applied while the question is open.
  expect(await held()).toBe('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await poll(() => dialog.count()).toBe(0);
  expect(await held()).toBe('');
  expect(await cell(target).textContent()).toBe('');

  await typeInto('x');
  await poll(() => dialog.locator('h2').textContent()).toBe('Edit anyway?');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await poll(() => cell(target).textContent()).toBe('x');
  expect(await held()).toBe('x');

  // Deleting is an edit too: it asks again.
  await page.locator(`td[data-a1="${target}"]`).click();
  await page.keyboard.press('Delete');
  await poll(() => dialog.locator('h2').textContent()).toBe('Edit anyway?');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await poll(() => cell(target).textContent()).toBe('');
  expect(await held()).toBe('');
}, 60_000); // Each edit recalculates the company workbook, its dashboard included.
