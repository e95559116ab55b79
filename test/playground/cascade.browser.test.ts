// Linked workbooks as a champion and an owner use them, in the playground in
// headless Chromium: Link a team workbook… from the menu, "Allow access" on the
// #REF! it leaves in Teams, Update links; then a check-in in the squad's panel
// that moves the company's objective, two levels up.
import fs from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Playground } from '../../dev/playground/server';
import { sheetText } from '../sidebar/playground';
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
const cell = (a1: string) => page.locator(`td[data-a1="${a1}"] .text`);

/** Opens a workbook as someone, waiting for its menus (the page asks the playground to open it). */
async function openWorkbook(part: string, user: string): Promise<void> {
  for (const [label, value] of [
    ['Signed in as', user],
    ['Workbook', book(part).id],
  ] as const) {
    const select = page.getByLabel(label);
    if ((await select.inputValue()) === value) continue;
    const opened = page.waitForResponse((response) => response.url().includes('/api/open'));
    await select.selectOption(value);
    await opened;
  }
  await poll(() => page.locator('.doc-title').textContent()).toBe(book(part).name);
}

/** Answers the dialog on the page: the text for a prompt, then the button. */
async function answer(title: string, button: string, text?: string): Promise<string> {
  const dialog = page.getByRole('alertdialog');
  await poll(() => dialog.locator('h2').textContent()).toBe(title);
  const message = (await dialog.locator('.dialog-message').textContent()) ?? '';
  if (text !== undefined) await dialog.locator('.prompt-input').fill(text);
  await dialog.getByRole('button', { name: button }).click();
  return message;
}

/** The company's first objective's progress, as the sheet shows it ("53%"). */
async function companyProgress(): Promise<number> {
  const [header, first] = await sheetText(playground, book('Company').id, 'Objectives');
  return Number.parseInt(first![header!.indexOf('Progress')]!, 10);
}

beforeAll(async () => {
  stateDir = tempStateDir();
  playground = await start(stateDir, { port: await freePort() });
  books = (await get(playground, '/api/state')).workbooks;
  browser = await launch();
  page = browser.page;
  const opened = page.waitForResponse((response) => response.url().includes('/api/open'), { timeout: 60_000 });
  await page.goto(playground.url);
  await opened;
  await firstGrid(page);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

// Each step waits on the playground's engine; under the whole suite's load that takes a while.
const SLOW = { timeout: 90_000 };

test('a champion links a workbook, allows access where its Status shows #REF!, and updates the links', SLOW, async () => {
  await openWorkbook('Company', MAYA);
  await runMenuItem(page, 'Link a team workbook…');
  await answer('Link a team workbook', 'OK', `https://docs.google.com/spreadsheets/d/${book('squad').id}/edit`);
  await answer('Link a team workbook', 'OK', 'Onboarding squad');
  expect(await answer('Link a team workbook', 'OK')).toMatch(
    /^Onboarding squad is linked\. Now click its Status in the Teams tab \(row 5\)/,
  );

  await showTab(page, 'Teams');
  await poll(() => cell('C5').textContent()).toBe('#REF!');
  await page.locator('td[data-a1="C5"]').click();
  const card = page.getByRole('dialog', { name: 'Error in C5' });
  await card.getByRole('button', { name: 'Allow access' }).click();
  await poll(() => cell('C5').textContent()).toBe('connected: run OKR Sheets > Update links');

  await runMenuItem(page, 'Update links');
  expect(await answer('Update links', 'OK')).toMatch(/^4 team workbooks linked/);
  await poll(() => cell('C5').textContent()).toBe('ok: 3 objectives');
});

test("a check-in in the squad's panel moves the company's objective, two levels up", SLOW, async () => {
  const before = await companyProgress();
  await openWorkbook('squad', SAM);
  await runMenuItem(page, 'Check in');
  const panel: FrameLocator = page.frameLocator('.sidebar iframe');
  await panel.locator('.kr').first().waitFor({ timeout: 15_000 });
  const title = 'Raise tour completion from 30% to 70%';
  await panel.getByRole('button', { name: title, exact: true }).click();
  const form = panel.locator('form');
  await form.getByLabel('New value').fill('70');
  await form.getByLabel('Confidence').fill('9');
  await form.getByRole('button', { name: 'Check in' }).click();
  await poll(() => panel.locator('.announce').textContent()).toBe(`Checked in on ${title}.`);
  // The tour's key result is done: Q1 climbs in the squad, P1 in Product, C1 in the company.
  await poll(companyProgress, { timeout: 30_000 }).toBeGreaterThan(before);
});
