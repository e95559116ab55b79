// The panel against the real server functions in the in-memory runtime, for
// what the playground cannot stage on cue: Google withholding the address, a
// key result deleted while the panel is open, a reply lost after the server
// recorded the check-in, a milestone, and each card's Expected line and the
// reason for its status at a known time (screenshots in test-results/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DIST, ROOT } from '../../dev/build';
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

/** Keeps a screenshot of one card for a reviewer, in test-results/. */
async function keep(page: Page, krId: string, name: string): Promise<void> {
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  await page.mouse.move(0, 0);
  await card(page, krId).screenshot({ path: path.join(ROOT, 'test-results', name) });
}

/** What an error after sending leaves: the message as an alert, the success box empty, the form as typed. */
async function expectErrorKept(page: Page, krId: string, message: RegExp, typed: { value: string; confidence: string; note: string }) {
  const form = card(page, krId).locator('form');
  const problem = form.locator('.form-problem');
  await expect.poll(() => problem.textContent()).toMatch(message);
  expect(await problem.getAttribute('role')).toBe('alert');
  expect(await problem.isVisible()).toBe(true);
  expect(await page.locator('.announce').textContent()).toBe('');
  expect(await page.locator('.announce').isVisible()).toBe(false);
  expect(await form.getByLabel('New value').inputValue()).toBe(typed.value);
  expect(await form.getByLabel('Confidence').inputValue()).toBe(typed.confidence);
  expect(await form.getByLabel('Note').inputValue()).toBe(typed.note);
}

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

test('a retry after a lost reply reuses the check-in id, so it is recorded once; the error never shows as a success', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id, ONE);
  // A check-in that went through first, so the success box has something to say.
  await card(page, 'EX-KR1').getByRole('button').first().click();
  await card(page, 'EX-KR1').getByLabel('New value').fill('50');
  await card(page, 'EX-KR1').getByLabel('Confidence').fill('7');
  await card(page, 'EX-KR1').getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => page.locator('.announce').textContent()).toMatch(/^Checked in on Raise activation/);

  const form = card(page, 'EX-KR2').locator('form');
  await card(page, 'EX-KR2').getByRole('button').first().click();
  await form.getByLabel('New value').fill('5');
  await form.getByLabel('Confidence').fill('7');
  await form.getByLabel('Note').fill('Onboarding call shortened.');
  harness!.loseNextReply = true;
  await form.getByRole('button', { name: 'Check in' }).click();
  await expectErrorKept(page, 'EX-KR2', /server error/, { value: '5', confidence: '7', note: 'Onboarding call shortened.' });
  expect(await form.getByRole('button', { name: 'Check in' }).isEnabled()).toBe(true);
  expect(checkins(rt, id)).toHaveLength(2); // the server did record it

  await form.getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => page.locator('.announce').textContent()).toMatch(/^Checked in on Cut time to first value/);
  expect(checkins(rt, id)).toHaveLength(2);
  expect(harness!.calls).toEqual(['getCheckinContext', 'submitCheckin', 'submitCheckin', 'submitCheckin']);
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

test('a key result deleted while the panel is open: an error says so, the list is refreshed, and what was typed is kept', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id, ONE);
  await card(page, 'EX-KR2').getByRole('button').first().click();
  await card(page, 'EX-KR2').getByLabel('New value').fill('5');
  await card(page, 'EX-KR2').getByLabel('Confidence').fill('7');
  await card(page, 'EX-KR2').getByLabel('Note').fill('Onboarding call shortened.');
  const row = rt.store.values(id, 'Key Results').findIndex((r) => r[0] === 'EX-KR2') + 1;
  rt.store.userEdit(id, 'Key Results', `A${row}`, 'EX-KR2b', ONE); // renamed by someone in the sheet
  await card(page, 'EX-KR2').getByRole('button', { name: 'Check in' }).click();
  await expectErrorKept(
    page,
    'EX-KR2',
    /^Key result EX-KR2 no longer exists: it may have been renamed or deleted\. The list has been refreshed\. What you typed is kept here\.$/,
    { value: '5', confidence: '7', note: 'Onboarding call shortened.' },
  );
  // The list was loaded afresh: the renamed key result is in it, and the stale card stands apart, its button off.
  expect(harness!.calls).toEqual(['getCheckinContext', 'submitCheckin', 'getCheckinContext']);
  expect(await card(page, 'EX-KR2b').count()).toBe(1);
  expect(await page.locator('#own-group .kr').evaluateAll((items) => items.map((i) => i.getAttribute('data-id')))).toEqual([
    'EX-KR1',
    'EX-KR2b',
  ]);
  expect(await page.locator('#gone-group h2').textContent()).toBe('No longer in the sheet');
  expect(await page.locator('#gone-group .kr').getAttribute('data-id')).toBe('EX-KR2');
  expect(await card(page, 'EX-KR2').getByRole('button', { name: 'Check in' }).isDisabled()).toBe(true);
  expect(
    await card(page, 'EX-KR2')
      .locator('.form-problem')
      .evaluate((node) => node === document.activeElement),
  ).toBe(true);
  expect(checkins(rt, id)).toHaveLength(0);
  await keep(page, 'EX-KR2', 'sidebar-key-result-gone.png');

  // Closing the stale card lets it go.
  await card(page, 'EX-KR2').getByRole('button').first().click();
  expect(await card(page, 'EX-KR2').count()).toBe(0);
  expect(await page.locator('#gone-group').isHidden()).toBe(true);
}, 60_000);

test('each card says where it should be today and why its status is what it is, a milestone by its confidence', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id, ONE);
  // NOW is 2026-11-30 10:00 in London: 60 days 10 hours of 2026-Q4's 92, 66%.
  const kr1 = card(page, 'EX-KR1');
  expect(await kr1.locator('dt').allTextContents()).toEqual(['Now', 'Target', 'Expected', 'Confidence', 'Checked in', 'Owner']);
  expect(await kr1.locator('dd').nth(2).textContent()).toBe('66%');
  // EX-KR1 is at 46 on its way from 40 to 60: 30%, 36 points behind the time gone, more than the 30 of off track.
  expect(await kr1.locator('.status-off-track').textContent()).toBe('off track');
  expect(await kr1.locator('.kr-reason').textContent()).toBe('30% done with 66% of the quarter gone: off track');
  await keep(page, 'EX-KR1', 'sidebar-off-track.png');

  // 56 is 80% of the way: ahead of the time gone, on track; the card says so as soon as the check-in is in.
  await kr1.getByRole('button').first().click();
  await kr1.getByLabel('New value').fill('56');
  await kr1.getByLabel('Confidence').fill('8');
  await kr1.getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => page.locator('.announce').textContent()).toMatch(/^Checked in on Raise activation/);
  expect(await card(page, 'EX-KR1').locator('.status-on-track').textContent()).toBe('on track');
  expect(await card(page, 'EX-KR1').locator('.kr-reason').textContent()).toBe('80% done with 66% of the quarter gone: on track');
  expect(await card(page, 'EX-KR1').locator('dd').nth(2).textContent()).toBe('66%');
  await keep(page, 'EX-KR1', 'sidebar-on-track.png');

  // EX-KR3, a milestone not done with confidence 6: at risk, not "off track 0%"; checked in at 8, on track.
  const kr3 = () => card(page, 'EX-KR3');
  expect(await kr3().locator('.status-at-risk').textContent()).toBe('at risk');
  expect(await kr3().locator('.kr-reason').textContent()).toBe('A milestone, not done yet: confidence 6 of 10: at risk');
  expect(await kr3().locator('dd').nth(2).textContent()).toBe('done by the end of the cycle');
  await kr3().getByRole('button').first().click();
  await kr3().getByLabel('Not done').check();
  await kr3().getByLabel('Confidence').fill('8');
  await kr3().getByRole('button', { name: 'Check in' }).click();
  await expect.poll(() => page.locator('.announce').textContent()).toBe('Checked in on Launch the guided setup tour.');
  expect(await kr3().locator('.status-on-track').textContent()).toBe('on track');
  expect(await kr3().locator('.kr-reason').textContent()).toBe('A milestone, not done yet: confidence 8 of 10: on track');
  await keep(page, 'EX-KR3', 'sidebar-milestone.png');
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
    '"4.5" is not a number here: type a number in deploys the way this sheet writes them, such as 1.234,5.',
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
