// The panel against the real server functions in the in-memory runtime, for
// what the playground cannot stage on cue: Google withholding the address, a
// key result deleted while the panel is open, a reply lost after the server
// recorded the check-in, and a milestone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DIST } from '../../dev/build';
import type { Runtime } from '../../dev/runtime/index';
import { openPanel, seededWorkbook, type Harness } from './harness';

const ONE = 'owner.one@example.com';
const THREE = 'owner.three@example.com';
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function open(rt: Runtime, id: string, user: string): Promise<Page> {
  harness = await openPanel(rt, id, user);
  await harness.page.locator('.kr').first().waitFor({ timeout: 15_000 });
  return harness.page;
}

const checkins = (rt: Runtime, id: string) =>
  rt.store
    .values(id, 'Check-ins')
    .slice(1)
    .filter((row) => row.some((v) => v !== ''));
const card = (page: Page, krId: string) => page.locator(`.kr[data-id="${krId}"]`);

test('when Google withholds the address, the person picks their name, it is remembered, and the check-in is theirs', async () => {
  const { rt, id } = seededWorkbook();
  rt.setUserEmailHidden(ONE, true);
  const page = await open(rt, id, ONE);
  expect(await page.locator('.identity p').textContent()).toMatch(/^Google did not share your email address/);
  expect(await page.locator('#own-group').isHidden()).toBe(true);

  // Checking in before picking asks for the name first, and sends nothing.
  await card(page, 'EX-KR1').getByRole('button').first().click();
  await card(page, 'EX-KR1').getByLabel('New value').fill('50');
  await card(page, 'EX-KR1').getByLabel('Confidence').fill('6');
  await card(page, 'EX-KR1').getByRole('button', { name: 'Check in' }).click();
  expect(await card(page, 'EX-KR1').locator('.form-problem').textContent()).toBe('Pick your name at the top of the panel first.');
  expect(harness!.calls).toEqual(['getCheckinContext']);

  await page.getByLabel('I am').selectOption(ONE);
  expect(await page.locator('#own-group li').evaluateAll((items) => items.map((i) => i.getAttribute('data-id')))).toEqual([
    'EX-KR1',
    'EX-KR2',
  ]);
  // The open form moved with its card and kept what was typed.
  expect(await card(page, 'EX-KR1').getByLabel('New value').inputValue()).toBe('50');
  await card(page, 'EX-KR1').getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => page.locator('.announce').textContent()).toMatch(/^Checked in on Raise activation/);
  const rows = checkins(rt, id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toContain(50); // EX-KR1 is written in whole percents (40 to 60), so "50" is 50
  expect(rows[0]!.some((v) => String(v).startsWith(`${ONE} (chosen in the panel`))).toBe(true);

  // The pick survives closing and reopening the panel.
  await page.reload();
  await page.locator('.kr').first().waitFor();
  expect(await page.getByLabel('I am').inputValue()).toBe(ONE);
  expect(await page.locator('#own-group li').count()).toBe(2);
}, 60_000);

test('a retry after a lost reply reuses the check-in id, so it is recorded once', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id, ONE);
  const form = card(page, 'EX-KR2').locator('form');
  await card(page, 'EX-KR2').getByRole('button').first().click();
  await form.getByLabel('New value').fill('5');
  await form.getByLabel('Confidence').fill('7');
  harness!.loseNextReply = true;
  await form.getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => form.locator('.form-problem').textContent()).toMatch(/server error/);
  expect(await form.getByRole('button', { name: 'Check in' }).isEnabled()).toBe(true);
  expect(checkins(rt, id)).toHaveLength(1); // the server did record it

  await form.getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => page.locator('.announce').textContent()).toMatch(/^Checked in on Cut time to first value/);
  expect(checkins(rt, id)).toHaveLength(1);
  expect(harness!.calls).toEqual(['getCheckinContext', 'submitCheckin', 'submitCheckin']);
}, 60_000);

test('a double click sends one check-in', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id, ONE);
  await card(page, 'EX-KR2').getByRole('button').first().click();
  const form = card(page, 'EX-KR2').locator('form');
  await form.getByLabel('New value').fill('6');
  await form.getByLabel('Confidence').fill('7');
  await form.getByRole('button', { name: 'Check in' }).dblclick();
  await expect.poll(() => page.locator('.announce').textContent()).toMatch(/^Checked in on/);
  expect(checkins(rt, id)).toHaveLength(1);
}, 60_000);

test('a key result deleted while the panel is open: the message says so and the list is refreshed', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id, ONE);
  await card(page, 'EX-KR2').getByRole('button').first().click();
  await card(page, 'EX-KR2').getByLabel('New value').fill('5');
  await card(page, 'EX-KR2').getByLabel('Confidence').fill('7');
  const row = rt.store.values(id, 'Key Results').findIndex((r) => r[0] === 'EX-KR2') + 1;
  rt.store.userEdit(id, 'Key Results', `A${row}`, 'EX-KR2b', ONE); // renamed by someone in the sheet
  await card(page, 'EX-KR2').getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => page.locator('.announce').textContent()).toMatch(/^Key result EX-KR2 no longer exists/);
  expect(await card(page, 'EX-KR2').count()).toBe(0);
  expect(await card(page, 'EX-KR2b').count()).toBe(1);
  expect(await page.locator('.announce').evaluate((node) => node === document.activeElement)).toBe(true);
  expect(checkins(rt, id)).toHaveLength(0);
}, 60_000);

test('a milestone is checked in as done with the keyboard alone', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id, THREE);
  expect(await page.locator('#own-group li').evaluateAll((items) => items.map((i) => i.getAttribute('data-id')))).toEqual([
    'EX-KR3',
    'EX-KR7',
    'EX-KR8',
    'EX-KR9',
  ]);
  await page.getByLabel('Search').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await page.locator(':focus').getAttribute('value')).toBe('done'); // the first radio
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter'); // Enter in a field submits the form
  await expect.poll(() => page.locator('.announce').textContent()).toBe('Checked in on Launch the guided setup tour.');
  expect(await card(page, 'EX-KR3').getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  expect(await card(page, 'EX-KR3').locator('dd').first().textContent()).toBe('done');
  const row = rt.store.values(id, 'Key Results').find((r) => r[0] === 'EX-KR3')!;
  expect(row).toContain('done');
}, 60_000);

test('a German sheet: numbers read and shown as it writes them, percent cells, and a Current fed by a formula', async () => {
  const { rt, id } = seededWorkbook({ locale: 'de_DE' });
  const sheet = 'Key Results';
  const edit = (a1: string, value: string) => rt.store.userEdit(id, sheet, a1, value, ONE, { confirmed: true });
  // EX-KR1's cells as a person makes them percentages: typing 40 % and so on.
  edit('F2', '40%');
  edit('G2', '60%');
  edit('H2', '46%');
  // EX-KR2's Current fed by another tab (the Guide's spare column stands in for a data tab).
  rt.store.userEdit(id, 'Guide', 'C1', '6', ONE, { confirmed: true });
  edit('H3', '=Guide!C1');
  const page = await open(rt, id, ONE);

  // Whole numbers in German: 26.000 USD (EX-KR4 belongs to owner two: under "Other key results").
  expect(await card(page, 'EX-KR4').locator('.kr-facts dd').first().textContent()).toBe('26.000 USD');
  expect(await card(page, 'EX-KR1').locator('.kr-facts dd').first().textContent()).toBe('46%');

  // 4.5 is not a German number: refused, never guessed.
  await card(page, 'EX-KR7').getByRole('button').first().click();
  const form = card(page, 'EX-KR7').locator('form');
  await form.getByLabel('New value').fill('4.5');
  await form.getByLabel('Confidence').fill('6');
  await form.getByRole('button', { name: 'Check in' }).click();
  expect(await form.locator('.field-error:visible').allTextContents()).toEqual([
    '"4.5" is not a number as this sheet writes them: type it like 1.234,5.',
  ]);
  await form.getByLabel('New value').fill('4,5');
  await form.getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => page.locator('.announce').textContent()).toMatch(/^Checked in on Deploy to production/);
  expect(checkins(rt, id).at(-1)).toContain(4.5);

  // A percent cell takes a bare 48 as 48 %.
  await card(page, 'EX-KR1').getByRole('button').first().click();
  await card(page, 'EX-KR1').getByLabel('New value').fill('48');
  await card(page, 'EX-KR1').getByLabel('Confidence').fill('7');
  await card(page, 'EX-KR1').getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => checkins(rt, id).length).toBe(2);
  expect(checkins(rt, id).at(-1)).toContain(0.48);

  // A formula-fed Current is shown, not typed; the check-in records its value and leaves the formula.
  await card(page, 'EX-KR2').getByRole('button').first().click();
  const formula = card(page, 'EX-KR2').locator('form');
  expect(await formula.getByRole('textbox', { name: 'New value' }).count()).toBe(0);
  expect(await formula.locator('output').textContent()).toBe('6 days');
  expect(await formula.locator('.hint').first().textContent()).toMatch(/^From a formula in the sheet/);
  await formula.getByLabel('Confidence').fill('8');
  await formula.getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => checkins(rt, id).length).toBe(3);
  expect(checkins(rt, id).at(-1)).toContain(6);
  expect(rt.store.formulas(id, sheet, 'H3')).toEqual([['=Guide!C1']]);
});

test('a Date added to what the server returns fails the call, as in Sheets: the panel says it could not load', async () => {
  // dist/Code.js with getCheckinContext wrapped to slip a Date into its value.
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-dist-'));
  try {
    fs.copyFileSync(path.join(DIST, 'appsscript.json'), path.join(dist, 'appsscript.json'));
    const wrap = `
var realCheckinContext = getCheckinContext;
getCheckinContext = function () { var context = realCheckinContext(); context.keyResults[0].lastCheckin = new Date(); return context; };`;
    fs.writeFileSync(path.join(dist, 'Code.js'), fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8') + wrap);
    const { rt, id } = seededWorkbook({ dist });
    harness = await openPanel(rt, id, ONE);
    const problem = harness.page.locator('.form-problem');
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.textContent()).toBe(
      'The key results could not be loaded: The server function returned a Date at keyResults[0].lastCheckin, which google.script.run cannot carry to the page.',
    );
    expect(await harness.page.locator('.kr').count()).toBe(0);
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
}, 60_000);
