// The check-in panel as a person uses it, in the playground in headless
// Chromium: Extensions > OKR Sheets > Check in opens dist/Sidebar.html in the
// 300 px panel, and its google.script.run calls run the real server functions
// of dist/Code.js on the playground's workbooks.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import type { Playground } from '../../dev/playground/server';
import { firstGrid, freePort, launch } from '../playground/browser';
import { start, tempStateDir } from '../playground/helpers';
import { companyWorkbook, editCell, keyResultRow, openCheckin, sheetText } from './playground';

// Each google.script.run call goes page → playground server → engine worker → dist/Code.js.
const SLOW = { timeout: 15_000 };
const TOM = 'tom@acme.example';
const ARR = 'Grow annual recurring revenue from 4.0M to 5.0M';
const CHURN = 'Keep monthly churn at most 2%';

let stateDir: string;
let playground: Playground;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let workbook: string;
let frame: FrameLocator;

const card = (title: string) => frame.locator('.kr', { has: frame.getByRole('button', { name: title, exact: true }) });
const toggle = (title: string) => frame.getByRole('button', { name: title, exact: true });
const announced = () => frame.locator('.announce').textContent();
const checkinRows = async () => (await sheetText(playground, workbook, 'Check-ins')).slice(1);

beforeAll(async () => {
  stateDir = tempStateDir();
  playground = await start(stateDir, { port: await freePort() });
  workbook = await companyWorkbook(playground);
  browser = await launch();
  page = browser.page;
  await page.goto(playground.url);
  // The first paint of the grid took 16 s on a shared 2-CPU machine under a full test run: wait for it generously.
  await firstGrid(page);
  frame = await openCheckin(page, TOM);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

test("opens on the current cycle with the person's own key results first, each with its facts", async () => {
  expect(await frame.locator('h1').textContent()).toBe('Cycle 2026-Q4');
  // ARR's owner is written tom@acme.example, CHURN's "Tom Becker", whom the People tab gives that address: both are Tom's.
  expect(await frame.locator('#own-group .kr-toggle').allTextContents()).toEqual([ARR, CHURN]);
  expect(await frame.locator('#others-group .kr-toggle').count()).toBeGreaterThan(0);
  const arr = card(ARR);
  expect(await arr.locator('.kr-objective').textContent()).toBe('Grow revenue without growing costs');
  const bar = arr.getByRole('progressbar');
  expect(await bar.getAttribute('aria-label')).toBe(`Progress of ${ARR}`);
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
  expect(await arr.locator('dt').allTextContents()).toEqual(['Now', 'Target', 'Expected', 'Confidence', 'Checked in', 'Owner']);
  expect(await arr.locator('dd').nth(1).textContent()).toBe('5,000,000 EUR');
  // Where it should be today, and why its status is what it is, in the status's own words.
  expect(await arr.locator('dd').nth(2).textContent()).toMatch(/^\d+%$/);
  expect(await arr.locator('.kr-reason').textContent()).toMatch(/^\d+% done with \d+% of the quarter gone: (on track|at risk|off track)$/);
  // No horizontal scroll in Sheets' 300 px.
  expect(await frame.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth)).toBe(true);
  expect((await page.locator('.sidebar').boundingBox())!.width).toBe(300);
}, 60_000);

test('a person checks in on two key results and sees the progress change in the panel and in the sheet', async () => {
  const before = (await checkinRows()).length;

  await toggle(ARR).click();
  await card(ARR).getByLabel('New value').fill('4,800,000');
  await card(ARR).getByLabel('Confidence').fill('7');
  await card(ARR).getByLabel('Note').fill('Two renewals closed early.');
  await card(ARR).getByRole('button', { name: 'Check in' }).click();
  await expect.poll(announced, SLOW).toBe(`Checked in on ${ARR}.`);
  expect(await card(ARR).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('80');
  expect(await card(ARR).locator('dd').first().textContent()).toBe('4,800,000 EUR');
  expect(await card(ARR).locator('dd').nth(4).textContent()).toBe('today');

  await toggle(CHURN).click();
  await card(CHURN).getByLabel('New value').fill('1.5');
  await card(CHURN).getByLabel('Confidence').fill('9');
  await card(CHURN).getByRole('button', { name: 'Check in' }).click();
  await expect.poll(announced, SLOW).toBe(`Checked in on ${CHURN}.`);
  expect(await card(CHURN).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  expect(await card(CHURN).locator('dd').first().textContent()).toBe('1.5%');

  // The workbook shows it at once: both rows, and the values and formulas in Key Results.
  const arr = await keyResultRow(playground, workbook, ARR);
  expect(arr).toMatchObject({ Current: expect.stringMatching(/^4,?800,?000/), Confidence: '7', Progress: '80%' });
  const churn = await keyResultRow(playground, workbook, CHURN);
  expect(churn).toMatchObject({ Current: '1.5%', Confidence: '9', Progress: '100%', Status: 'done' });
  const rows = await checkinRows();
  expect(rows.length).toBe(before + 2);
  expect(rows.some((r) => r.includes('Two renewals closed early.') && r.includes(TOM))).toBe(true);
  // The grid on the page shows it too.
  await page.getByRole('tab', { name: 'Key Results', exact: true }).click();
  await expect.poll(() => page.locator('td .text', { hasText: '1.5%' }).count()).toBeGreaterThan(0);
}, 60_000);

test('bad input shows each error beside its field, moves focus to the first, and sends nothing', async () => {
  const before = (await checkinRows()).length;
  await toggle(ARR).click();
  const form = card(ARR).locator('form');
  await form.getByLabel('New value').fill('lots');
  await form.getByLabel('Confidence').fill('11');
  await form.getByLabel('Note').fill('x'.repeat(501));
  expect(await form.locator('.count').textContent()).toBe('501 of 500 characters');
  await form.getByRole('button', { name: 'Check in' }).click();

  expect(await form.locator('.field-error:visible').allTextContents()).toEqual([
    '"lots" is not a number here: type a number in EUR the way this sheet writes them, such as 1,234.5.',
    'Confidence must be a whole number from 0 (no chance) to 10 (certain).',
    'The note is 501 characters long: keep it to 500.',
  ]);
  for (const label of ['New value', 'Confidence', 'Note']) {
    const control = form.getByLabel(label);
    expect(await control.getAttribute('aria-invalid')).toBe('true');
    const errorId = await control.evaluate((c) => c.closest('.field')!.querySelector('.field-error')!.id);
    expect((await control.getAttribute('aria-describedby'))!.split(' ')).toContain(errorId);
  }
  expect(await form.getByLabel('New value').evaluate((input) => input === document.activeElement)).toBe(true);
  // The hint above the field says how to type it in the error's words.
  expect(await form.locator('.hint').first().textContent()).toMatch(
    /: type a number in EUR the way this sheet writes them, such as 1,234\.5\.$/,
  );
  expect(await frame.locator('.announce').textContent()).toBe(`Checked in on ${CHURN}.`); // unchanged
  expect((await checkinRows()).length).toBe(before);

  // Fixing one field clears its error and leaves the others.
  await form.getByLabel('New value').fill('4.9M');
  await form.getByLabel('Confidence').fill('8');
  await form.getByRole('button', { name: 'Check in' }).click();
  expect(await form.locator('.field-error:visible').allTextContents()).toEqual([
    '"4.9M" is not a number here: type a number in EUR the way this sheet writes them, such as 1,234.5.',
    'The note is 501 characters long: keep it to 500.',
  ]);
  expect(await form.getByLabel('Confidence').getAttribute('aria-invalid')).toBeNull();
  expect((await checkinRows()).length).toBe(before);
  await toggle(ARR).click(); // close it
}, 60_000);

test('keyboard alone: find a key result, open it, fill the form and check in', async () => {
  const search = frame.getByLabel('Search');
  await search.focus();
  await page.keyboard.type('churn');
  expect(await frame.locator('.kr:visible').count()).toBe(1);
  await page.keyboard.press('Tab');
  expect(await frame.locator(':focus').textContent()).toBe(CHURN);
  await page.keyboard.press('Enter');
  expect(await frame.locator(':focus').getAttribute('inputmode')).toBe('decimal'); // the new value
  await page.keyboard.type('1.2%');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Pricing page fix landed.');
  await page.keyboard.press('Tab');
  expect(await frame.locator(':focus').textContent()).toBe('Check in');
  await page.keyboard.press('Space');
  await expect.poll(announced, SLOW).toBe(`Checked in on ${CHURN}.`);
  // Focus returns to the key result, which shows the new value.
  expect(await frame.locator(':focus').textContent()).toBe(CHURN);
  expect(await card(CHURN).locator('dd').first().textContent()).toBe('1.2%');
  expect((await keyResultRow(playground, workbook, CHURN)).Current).toBe('1.2%');
  // Enter opens the check-ins it now lists, newest first.
  await page.keyboard.press('Enter');
  expect(await card(CHURN).locator('.recent-note').first().textContent()).toBe('Pricing page fix landed.');
  await toggle(CHURN).click();
  await search.fill('');
}, 60_000);

test('titles and notes holding HTML show as text, and nothing in them runs', async () => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const arr = await keyResultRow(playground, workbook, ARR);
  const [header, ...rows] = await sheetText(playground, workbook, 'Key Results');
  const row = rows.findIndex((r) => r.includes(ARR)) + 2;
  const column = String.fromCharCode(65 + header!.indexOf('Key result'));
  await editCell(playground, workbook, 'Key Results', `${column}${row}`, `Revenue ${evil}`, TOM);
  expect(arr.ID).not.toBe('');

  await frame.getByRole('button', { name: 'Refresh' }).click();
  const title = `Revenue ${evil}`;
  await toggle(title).waitFor(SLOW);
  await toggle(title).click();
  await card(title).getByLabel('New value').fill('4,950,000');
  await card(title).getByLabel('Note').fill(`Note ${evil}`);
  await card(title).getByRole('button', { name: 'Check in' }).click();
  await expect.poll(announced, SLOW).toBe(`Checked in on ${title}.`);
  await toggle(title).click();
  expect(await card(title).locator('.recent-note').first().textContent()).toBe(`Note ${evil}`);
  await toggle(title).click();
  expect(await frame.locator('img').count()).toBe(0);
  expect(await frame.locator('html').evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Put the title back for the scans below.
  await editCell(playground, workbook, 'Key Results', `${column}${row}`, ARR, TOM);
  await frame.getByRole('button', { name: 'Refresh' }).click();
  await toggle(ARR).waitFor(SLOW);
}, 60_000);

test('axe-core finds no serious or critical problem, with the list, an open form and its errors', async () => {
  const scan = async (): Promise<string[]> => {
    // @axe-core/playwright skips a frame whose injection takes over 1 s (as on a
    // busy machine), so scan until the panel itself was scanned: its targets
    // are [frame, element].
    for (let attempt = 1; ; attempt++) {
      const result = await new AxeBuilder({ page }).include(['.sidebar iframe', 'html']).analyze();
      const inPanel = result.passes.flatMap((p) => p.nodes).filter((n) => n.target.length === 2).length;
      if (inPanel > 20)
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      if (attempt === 5) throw new Error('axe-core never reached the panel frame.');
    }
  };
  expect(await scan()).toEqual([]);
  await toggle(ARR).click();
  await card(ARR).getByRole('button', { name: 'Check in' }).click(); // no value: an error shows
  expect(await card(ARR).locator('.field-error:visible').count()).toBe(1);
  expect(await scan()).toEqual([]);

  // The artifacts a reviewer looks at: the panel as Sheets shows it, and a form with an error.
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  await card(ARR)
    .locator('form')
    .screenshot({ path: path.join(ROOT, 'test-results', 'sidebar-form.png') });
  await toggle(ARR).click();
  await page.mouse.move(0, 0);
  await frame.locator('h1').scrollIntoViewIfNeeded();
  await page.locator('.sidebar').screenshot({ path: path.join(ROOT, 'test-results', 'sidebar.png') });
}, 60_000);
