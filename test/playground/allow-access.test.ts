// "Allow access" in the playground, in headless Chromium: a workbook whose
// IMPORTRANGE reads another one shows #REF!; selected, the cell offers Sheets'
// card with "Allow access"; the click connects the pair and the values show;
// the connection outlives a restart. The request goes through the playground's
// guard like every change: another origin's is refused.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DIST } from '../../dev/build';
import type { Playground } from '../../dev/playground/server';
import { writeState } from '../../dev/playground/state-file';
import { Workbooks } from '../../dev/playground/workbooks';
import { firstGrid, freePort, launch, poll } from './browser';
import { NOW, get, start, tempStateDir } from './helpers';

const ANA = 'ana@example.com';

let stateDir: string;
let playground: Playground;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let company: string;

/** Two workbooks of Ana's: Company (opened first) imports Squad's objectives in B2, not yet connected. */
function seed(): void {
  const workbooks = new Workbooks({ dist: DIST, now: () => NOW });
  workbooks.people = [{ email: ANA, name: 'Ana' }];
  company = workbooks.create({ name: 'Company', owner: ANA, editors: [], timeZone: 'Etc/UTC' });
  const squad = workbooks.create({ name: 'Squad', owner: ANA, editors: [], timeZone: 'Etc/UTC', sheets: ['Objectives'] });
  const { store } = workbooks.runtime;
  for (const [a1, input] of Object.entries({ A1: 'ID', B1: 'Objective', A2: 'S1', B2: 'Ship it', A3: 'S2', B3: 'Grow' })) {
    store.userEdit(squad, 'Objectives', a1, input, ANA);
  }
  store.userEdit(company, 'Sheet1', 'A1', 'Linked', ANA);
  store.userEdit(company, 'Sheet1', 'B2', `=IMPORTRANGE("https://docs.google.com/spreadsheets/d/${squad}/edit", "Objectives!A1:B3")`, ANA);
  writeState(path.join(stateDir, 'state.json'), { workbooks: workbooks.save() });
}

const cell = (a1: string) => page.locator(`td[data-a1="${a1}"] .text`);
/** What the playground's API shows at a cell of Company's Sheet1 (row and column from 1). */
const shown = async (row: number, column: number): Promise<string> =>
  (await get(playground, `/api/sheet?workbook=${company}&sheet=Sheet1`)).cells[row - 1][column - 1].t;

beforeAll(async () => {
  stateDir = tempStateDir();
  seed();
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

test('a request from another page cannot allow access', async () => {
  const response = await fetch(`${playground.url}/api/allow-import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
    body: JSON.stringify({ workbook: company, sheet: 'Sheet1', a1: 'B2', user: ANA }),
  });
  expect(response.status).toBe(403);
  expect(await shown(2, 2)).toBe('#REF!');
});

test('a #REF! import cell offers "Allow access"; the click shows the values', async () => {
  await poll(() => page.locator('.doc-title').textContent()).toBe('Company');
  expect(await cell('B2').textContent()).toBe('#REF!');
  expect(await page.locator('.connect-card').count()).toBe(0);

  await page.locator('td[data-a1="B2"]').click();
  const card = page.getByRole('dialog', { name: 'Error in B2' });
  await poll(() => card.locator('p').textContent()).toBe('You need to connect these sheets.');
  await card.getByRole('button', { name: 'Allow access' }).click();

  await poll(() => cell('B2').textContent()).toBe('ID');
  expect([await cell('B3').textContent(), await cell('C3').textContent(), await cell('C4').textContent()]).toEqual([
    'S1',
    'Ship it',
    'Grow',
  ]);
  expect(await page.locator('.connect-card').count()).toBe(0);
});

test('the connection is saved: after a restart the values are still there', async () => {
  await playground.close();
  playground = await start(stateDir, { port: await freePort() });
  expect(await shown(3, 3)).toBe('Ship it');
});
