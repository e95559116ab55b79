// Where a first-time user goes in the playground (issue 23), in headless
// Chromium: switching person or workbook closes the open panels and each
// workbook keeps its scroll; the add-on menu by keyboard; File > New
// spreadsheet then set-up; a Validation link moving to its cell; the 1024 × 700
// layout; column widths. Each test keeps a screenshot in test-results/.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import type { Playground } from '../../dev/playground/server';
import { firstGrid, freePort, launch, poll, runMenuItem, showTab } from './browser';
import { get, start, tempStateDir } from './helpers';

const MAYA = 'maya@acme.example';
const SAM = 'sam@acme.example';

let stateDir: string;
let playground: Playground;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let books: { id: string; name: string }[];

const book = (part: string) => books.find((b) => b.name.includes(part))!;
const shot = (name: string) => page.screenshot({ path: path.join(ROOT, 'test-results', `first-hour-${name}.png`) });

/** Chooses in one of the page's selects, waiting for the workbook to open again and its sheet to load. */
async function choose(label: 'Signed in as' | 'Workbook', value: string): Promise<void> {
  const select = page.getByLabel(label);
  if ((await select.inputValue()) === value) return;
  const reloaded = page.waitForResponse((response) => response.url().includes('/api/sheet'));
  await select.selectOption(value);
  await reloaded;
}

async function openCheckinPanel(): Promise<void> {
  await runMenuItem(page, 'Check in');
  await page.locator('.sidebar iframe').waitFor({ timeout: 15_000 });
  // Loaded: its list of key results shows (a screenshot before then shows "Loading your key results…").
  await page.frameLocator('.sidebar iframe').locator('#own-heading, .notices').first().waitFor({ state: 'attached', timeout: 15_000 });
}

beforeAll(async () => {
  stateDir = tempStateDir();
  playground = await start(stateDir, { port: await freePort() });
  books = (await get<{ workbooks: { id: string; name: string }[] }>(playground, '/api/state')).workbooks;
  browser = await launch();
  page = browser.page;
  // A locator that finds nothing fails the test with its name, before the test's own timeout.
  page.setDefaultTimeout(20_000);
  await page.goto(playground.url);
  await firstGrid(page);
  await choose('Signed in as', MAYA);
}, 90_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await shot('failure');
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test('switching person or workbook closes the open panel; each workbook keeps its scroll', async () => {
  await choose('Workbook', book('Company').id);
  await openCheckinPanel();
  await choose('Signed in as', SAM);
  expect(await page.locator('.sidebar').count()).toBe(0);

  await openCheckinPanel();
  await choose('Workbook', book('Product').id);
  expect(await page.locator('.sidebar').count()).toBe(0);
  await shot('switched');

  // Scroll the Product workbook's Key Results down and right, the company's a little, and come back to each.
  const host = page.locator('.grid-host');
  const scrollTo = (top: number, left: number) => host.evaluate((node, [t, l]) => node.scrollTo(l!, t!), [top, left]);
  const scrolled = () => host.evaluate((node) => ({ top: node.scrollTop, left: node.scrollLeft }));
  await showTab(page, 'Key Results');
  await scrollTo(200, 150);
  const product = await scrolled();
  expect(product.top).toBeGreaterThan(0);
  await choose('Workbook', book('Company').id);
  await showTab(page, 'Key Results');
  expect(await scrolled()).toEqual({ top: 0, left: 0 });
  await scrollTo(60, 0);
  const company = await scrolled();
  await choose('Workbook', book('Product').id);
  await poll(() => page.locator('.grid').getAttribute('aria-label')).toBe('Key Results');
  expect(await scrolled()).toEqual(product);
  await choose('Workbook', book('Company').id);
  expect(await scrolled()).toEqual(company);
}, 60_000);

test('the add-on menu opens and moves with the keyboard, with ARIA menu roles', async () => {
  await choose('Workbook', book('Company').id);
  const bar = page.getByRole('menubar', { name: 'Menus' });
  const extensions = bar.getByRole('menuitem', { name: 'Extensions', exact: true });
  expect(await extensions.getAttribute('aria-haspopup')).toBe('menu');
  // The bar is one Tab stop: the first menu; Right moves along it to Extensions.
  await page.getByRole('menuitem', { name: 'File', exact: true }).focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Extensions');
  await page.keyboard.press('Enter');
  expect(await extensions.getAttribute('aria-expanded')).toBe('true');
  const addon = page.getByRole('menuitem', { name: 'OKR Sheets', exact: true });
  await poll(() => addon.evaluate((node) => node === document.activeElement)).toBe(true);
  await page.keyboard.press('ArrowRight');
  expect(await addon.getAttribute('aria-expanded')).toBe('true');
  const okrMenu = page.getByRole('menu', { name: 'OKR Sheets' });
  const focusedItem = () => page.evaluate(() => document.activeElement?.textContent);
  await poll(focusedItem).toBe('Check in');
  // Escape closes one level: the submenu, then the menu, back on its button.
  await page.keyboard.press('Escape');
  expect(await okrMenu.isVisible()).toBe(false);
  await poll(focusedItem).toBe('OKR Sheets');
  await page.keyboard.press('Escape');
  expect(await page.getByRole('menu', { name: 'Extensions' }).isVisible()).toBe(false);
  await poll(focusedItem).toBe('Extensions');

  // Down opens it again; Right, Down to Validate the OKRs (past Set up); Enter runs it.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const names = await okrMenu.getByRole('menuitem').allTextContents();
  const steps = names.indexOf('Validate the OKRs') - names.indexOf('Check in');
  expect(steps).toBeGreaterThan(0);
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await poll(focusedItem).toBe('Validate the OKRs');
  await shot('menu-keyboard');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await poll(() => dialog.locator('h2').textContent()).toBe('Validate the OKRs');
  expect(await okrMenu.isVisible()).toBe(false);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await poll(() => dialog.count()).toBe(0);
  // The run ends after the answer, showing its report: wait for it, or the next test's tab is undone.
  await poll(() => page.locator('.grid').getAttribute('aria-label')).toBe('Validation');
}, 60_000);

/** Answers the dialog on the page; its message. */
async function answer(button: string): Promise<string> {
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  const message = (await dialog.locator('.dialog-message').textContent()) ?? '';
  await dialog.getByRole('button', { name: button }).click();
  return message;
}

test('File > New spreadsheet makes a blank workbook, where Set up offers the example OKRs', async () => {
  await choose('Signed in as', MAYA);
  await page.getByRole('menuitem', { name: 'File', exact: true }).click();
  const opened = page.waitForResponse((response) => response.url().includes('/api/sheet'));
  await page.getByRole('menuitem', { name: 'New spreadsheet', exact: true }).click();
  await opened;
  await poll(() => page.locator('.doc-title').textContent()).toBe('Untitled spreadsheet');
  expect(await page.getByRole('tab').allTextContents()).toEqual(['Sheet1']);
  expect((await page.locator('td .text').allTextContents()).every((text) => text === '')).toBe(true);
  const books = await get<{ workbooks: { name: string; owner: string }[] }>(playground, '/api/state');
  expect(books.workbooks.find((w) => w.name === 'Untitled spreadsheet')?.owner).toBe(MAYA);

  await runMenuItem(page, 'Set up the OKR workbook');
  expect(await answer('Yes')).toMatch(/Add example OKRs/);
  expect(await answer('No')).toMatch(/Build a Dashboard tab/);
  await poll(() => page.getByRole('alertdialog').count()).toBe(0);
  await poll(() => page.getByRole('tab').allTextContents()).toEqual(expect.arrayContaining(['Objectives', 'Key Results', 'Check-ins']));
  await showTab(page, 'Objectives');
  expect(await page.locator('td[data-a1="A1"] .text').textContent()).toBe('ID');
  expect(await page.locator('td[data-a1="B2"] .text').textContent()).not.toBe('');
  await shot('new-spreadsheet');
}, 90_000);

test('after validating, the Validation tab is shown, and a Where link selects its cell', async () => {
  await choose('Workbook', book('Company').id);
  await showTab(page, 'Objectives');
  await runMenuItem(page, 'Validate the OKRs');
  expect(await answer('OK')).toMatch(/error|warning/i);
  await poll(() => page.locator('.grid').getAttribute('aria-label')).toBe('Validation');
  expect(await page.locator('td[data-a1="C1"] .text').textContent()).toBe('Where');
  const link = page.locator('td[data-a1="C2"] a.link');
  const where = (await link.textContent())!;
  const [, sheet, a1] = /^'?(.+?)'?!([A-Z]+\d+)$/.exec(where)!;
  await shot('validation');
  await link.click();
  await poll(() => page.locator('.grid').getAttribute('aria-label')).toBe(sheet);
  await poll(() => page.getByLabel('Selected cell').textContent()).toBe(a1);
  expect(await page.locator(`td[data-a1="${a1}"]`).getAttribute('class')).toMatch(/\bselected\b/);
  await shot('validation-link');
}, 90_000);

test('at 1024 × 700 the check-in panel sits beside the grid, and "Signed in as" reads whole', async () => {
  await page.setViewportSize({ width: 1024, height: 700 });
  try {
    await choose('Workbook', book('Company').id);
    await showTab(page, 'Key Results');
    await openCheckinPanel();
    // The panel takes its 300 px beside the grid, covering none of it.
    const sidebar = (await page.locator('.sidebar').boundingBox())!;
    const grid = (await page.locator('.grid-host').boundingBox())!;
    expect(sidebar.width).toBe(300);
    expect(grid.x + grid.width).toBeLessThanOrEqual(sidebar.x);
    const signedIn = page.getByLabel('Signed in as');
    const box = (await signedIn.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    // The whole choice shows: the select is wider than its text.
    const fits = await signedIn.evaluate((node: HTMLSelectElement) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = getComputedStyle(node).font;
      return context.measureText(node.selectedOptions[0]!.text).width + 20 <= node.clientWidth;
    });
    expect(fits).toBe(true);
    await shot('1024x700');

    // Scrolled right and down, as a person reaching Progress and Status does: both show whole beside the panel, the
    // frozen ID column stays, and nothing scrolls over the column letters or the frozen header row.
    // One evaluation, so a grid drawn again meanwhile cannot come between the scroll and what is measured.
    const seen = await page.locator('.grid-host').evaluate((host) => {
      const cells = Array.from(host.querySelectorAll<HTMLElement>('tbody tr:first-child td'));
      const named = (name: string) => cells.find((td) => td.textContent === name)!;
      const status = named('Status');
      host.scrollLeft = status.offsetLeft + status.offsetWidth - host.clientWidth + 20;
      host.scrollTop = 120;
      const onTop = (node: Element) => {
        const box = node.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest('td, th');
        return { right: box.right, top: hit?.textContent ?? '' };
      };
      const letter = Array.from(host.querySelectorAll('thead th')).find((th) => th.textContent === 'A')!;
      return { Progress: onTop(named('Progress')), Status: onTop(status), ID: onTop(named('ID')), A: onTop(letter) };
    });
    for (const [name, { right, top }] of Object.entries(seen)) {
      expect(right, name).toBeLessThanOrEqual(sidebar.x);
      expect(top, name).toBe(name);
    }
    await shot('1024x700-scrolled');
  } finally {
    await page.setViewportSize({ width: 1400, height: 800 });
  }
}, 90_000);

test('the grid honours the widths a script sets, and a column border can be dragged, as in Sheets', async () => {
  await choose('Workbook', book('Company').id);
  const width = async (letter: string) =>
    (await page.locator('thead th.col-head', { hasText: new RegExp(`^${letter}$`) }).boundingBox())!.width;
  // Validate sets the Validation tab's Message column (D) to 600 px with Sheet.setColumnWidth.
  await runMenuItem(page, 'Validate the OKRs');
  await answer('OK');
  await poll(() => page.locator('.grid').getAttribute('aria-label')).toBe('Validation');
  expect(Math.round(await width('D'))).toBe(600);

  await showTab(page, 'Objectives');
  const before = Math.round(await width('B'));
  const handle = (await page.locator('.col-resize[data-column="2"]').boundingBox())!;
  const saved = page.waitForResponse((response) => response.url().includes('/api/column-width'));
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 + 40, handle.y + handle.height / 2, { steps: 4 });
  await page.mouse.move(handle.x + handle.width / 2 + 80, handle.y + handle.height / 2, { steps: 4 });
  await page.mouse.up();
  await saved;
  await poll(async () => Math.round(await width('B'))).toBe(before + 80);
  // The sheet keeps it: the server's view, and the tab shown again.
  const view = await get<{ widths: number[] }>(playground, `/api/sheet?workbook=${book('Company').id}&sheet=Objectives`);
  expect(view.widths[1]).toBe(before + 80);
  await showTab(page, 'Key Results');
  await showTab(page, 'Objectives');
  expect(Math.round(await width('B'))).toBe(before + 80);
  await shot('column-width');
}, 90_000);
