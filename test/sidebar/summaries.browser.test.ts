// The Email summaries dialog (dist/Summaries.html) in headless Chromium, its
// google.script.run calls running the real server functions of dist/Code.js
// in the in-memory runtime, on a workbook set up with the example OKRs (three
// owners, none checked in yet) by its owner, who opens the dialog. What the
// dialog shows is compared with what the server holds: the Settings tab, the
// trigger, the outbox.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DEFAULT_USER, type Runtime } from '../../dev/runtime/index';
import type { SummaryPreview } from '../../src/shared/summary-api';
import { byHand, records } from '../addon/workbook';
import { openPanel, seededWorkbook, type Harness } from './harness';

/** The workbook's owner, who set it up: the dialog runs as them. */
const OWNER = DEFAULT_USER;
/** The example OKRs' owners, each with key results not checked in (so each gets a reminder too). */
const OWNERS = ['owner.one@example.com', 'owner.two@example.com', 'owner.three@example.com'];
/** The Settings rows of the summary, by their named ranges. */
const NAMED = [
  'OKR_SUMMARY_ENABLED',
  'OKR_SUMMARY_RECIPIENTS',
  'OKR_SUMMARY_LIST',
  'OKR_SUMMARY_WEEKDAY',
  'OKR_SUMMARY_HOUR',
  'OKR_SUMMARY_REMINDERS',
];

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function open(rt: Runtime, id: string): Promise<Page> {
  harness = await openPanel(rt, id, OWNER, { file: 'Summaries', width: 640 });
  const page = harness.page;
  await page.setViewportSize({ width: 640, height: 600 });
  await expect.poll(() => page.locator('.schedule').textContent(), { timeout: 15_000 }).toMatch(/\.$/);
  await expect.poll(() => page.locator('#app').getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  return page;
}

const schedule = (page: Page) => page.locator('.schedule').textContent();
const settingsTab = (rt: Runtime, id: string) => rt.store.values(id, 'Settings');
const mine = (rt: Runtime) => rt.triggers.filter((t) => t.handlerFunction === 'sendWeeklySummary');

/** The cells (row, column, from 0) where two grids differ. */
function differences(before: unknown[][], after: unknown[][]): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.max(before.length, after.length); r++) {
    const [a, b] = [before[r] ?? [], after[r] ?? []];
    for (let c = 0; c < Math.max(a.length, b.length); c++) if (a[c] !== b[c]) out.push(`${r},${c}`);
  }
  return out;
}

test('the form shows the settings the workbook holds: summaries off, to the owners, Monday 8:00, reminders on', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id);
  expect(await schedule(page)).toBe('Summaries are off: none is scheduled. Tick "Send a summary every week" and save to start them.');
  expect(await page.getByLabel('Send a summary every week').isChecked()).toBe(false);
  expect(await page.getByLabel('The owners of the key results').isChecked()).toBe(true);
  expect(await page.getByLabel('Addresses', { exact: true }).inputValue()).toBe('');
  expect(await page.getByLabel('Day').inputValue()).toBe('MONDAY');
  expect(await page.getByLabel('Hour').inputValue()).toBe('8');
  expect(await page.getByLabel('Also remind owners who have not checked in').isChecked()).toBe(true);
  expect(harness!.calls).toEqual(['getSummarySettings', 'previewSummary']);
}, 60_000);

test('a bad address: the server’s refusal beside the list, and the Settings tab and the schedule unchanged', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id);
  const before = settingsTab(rt, id);
  const line = await schedule(page);
  await page.getByLabel('Send a summary every week').check();
  await page.getByLabel('The addresses below').check();
  await page.getByLabel('Addresses', { exact: true }).fill('lead@example.com\nbob@');
  await page.getByLabel('Hour').selectOption('10');
  await page.getByRole('button', { name: 'Save' }).click();

  // Beside the field, the server's words without the field's name.
  await expect.poll(() => page.locator('#list-error').textContent(), { timeout: 15_000 }).toBe('"bob@" is not an email address.');
  expect(await page.getByRole('alert').textContent()).toBe('Nothing was saved: list: "bob@" is not an email address.');
  expect(await page.getByLabel('Addresses', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('list');
  expect(await page.locator('[aria-invalid=true]').count()).toBe(1);
  // Nothing changed on the server, and the dialog still says what it holds; the person's edits stay.
  expect(settingsTab(rt, id)).toEqual(before);
  expect(mine(rt)).toEqual([]);
  expect(await schedule(page)).toBe(line);
  expect(await page.locator('.result').textContent()).toBe('');
  expect(await page.getByLabel('Addresses', { exact: true }).inputValue()).toBe('lead@example.com\nbob@');
  expect(await page.getByLabel('Hour').inputValue()).toBe('10');
  expect(harness!.calls).toEqual(['getSummarySettings', 'previewSummary', 'saveSummarySettings']);
  // Those were the server's own words: saveSummarySettings refuses "bob@", naming the field.
  const refusal = rt.runFromPage('saveSummarySettings', {
    spreadsheetId: id,
    user: OWNER,
    args: [{ enabled: true, recipients: 'list', list: ['lead@example.com', 'bob@'], weekday: 'MONDAY', hour: 10, reminders: true }],
  });
  expect(refusal).toEqual({ ok: false, error: 'list: "bob@" is not an email address.' });
}, 60_000);

test('a good save changes exactly the summary settings’ value cells, schedules the trigger, and says when and to how many', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id);
  const before = settingsTab(rt, id);
  await page.getByLabel('Send a summary every week').check();
  await page.getByLabel('The addresses below').check();
  await page.getByLabel('Addresses', { exact: true }).fill('lead@example.com, cfo@example.com\n\nLEAD@example.com');
  await page.getByLabel('Day').selectOption('FRIDAY');
  await page.getByLabel('Hour').selectOption('17');
  await page.getByLabel('Also remind owners who have not checked in').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('.result').textContent(), { timeout: 15_000 }).toBe('Saved.');
  // Monday 30 November 10:00 in London: the next Friday 17:00 is 4 December; the list holds two people.
  await expect
    .poll(() => schedule(page), { timeout: 15_000 })
    .toBe("Next summary: Friday 4 December, 17:00 (in the spreadsheet's time zone), to 2 people.");
  expect(await page.locator('.field-error').allTextContents()).toEqual(['', '', '', '', '', '']);

  const after = settingsTab(rt, id);
  const spreadsheet = byHand(rt, id);
  const cells = NAMED.map((name) => spreadsheet.getRangeByName(name)!);
  expect(differences(before, after).sort()).toEqual(cells.map((c) => `${c.getRow() - 1},${c.getColumn() - 1}`).sort());
  expect(cells.map((c) => after[c.getRow() - 1]![c.getColumn() - 1])).toEqual([
    'yes',
    'list',
    'lead@example.com, cfo@example.com',
    'Friday',
    17,
    'no',
  ]);
  expect(mine(rt)).toHaveLength(1);
  expect(mine(rt)[0]).toMatchObject({
    user: OWNER,
    schedule: { onWeekDay: 'FRIDAY', atHour: 17, everyWeeks: 1 },
    timeZone: 'Europe/London',
  });
  // The form shows the settings as the server saved them (the repeat dropped).
  expect(await page.getByLabel('Addresses', { exact: true }).inputValue()).toBe('lead@example.com\ncfo@example.com');
  expect(await page.getByLabel('Also remind owners who have not checked in').isChecked()).toBe(false);
  expect(harness!.calls).toEqual(['getSummarySettings', 'previewSummary', 'saveSummarySettings', 'previewSummary']);
}, 60_000);

test('Preview shows the server’s subject, recipients, HTML in a sandboxed frame, and text', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id);
  const mail = rt.run<SummaryPreview>('previewSummary', { spreadsheetId: id, user: OWNER });
  expect(mail.recipients).toEqual(OWNERS);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.locator('.preview');
  await preview.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await preview.locator('.subject').textContent()).toBe(`Subject: ${mail.subject}`);
  expect(await preview.locator('.recipients').textContent()).toBe(`To: 3 people (${OWNERS.join(', ')})`);
  const frame = preview.locator('iframe');
  expect(await frame.getAttribute('sandbox')).toBe('');
  expect(await frame.getAttribute('srcdoc')).toBe(mail.html);
  expect(await page.frameLocator('.preview iframe').locator('body').textContent()).toContain('At risk and off track');
  const toggle = preview.getByRole('button', { name: 'Plain text' });
  await toggle.click();
  expect(await preview.locator('pre').textContent()).toBe(mail.text);
  expect(await frame.isVisible()).toBe(false);
}, 60_000);

test('Send now asks first, then the outbox has the mails and the dialog says what the server sent; again, nothing new', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id);
  await page.getByRole('button', { name: 'Send now…' }).click();
  const question = page.getByRole('group', { name: /^Send this week’s summary now/ });
  expect(await question.locator('p').textContent()).toBe('Send this week’s summary now to 3 people?');
  await question.getByRole('button', { name: 'Cancel' }).click();
  expect(harness!.calls).not.toContain('sendSummaryNow');
  expect(rt.outbox).toEqual([]);

  // Unsaved edits are called out: Send now uses the saved settings (to the owners, reminders on).
  await page.getByLabel('Also remind owners who have not checked in').uncheck();
  await page.getByRole('button', { name: 'Send now…' }).click();
  expect(await question.locator('p').textContent()).toBe(
    'Send this week’s summary now to 3 people? Your unsaved changes do not count: it goes out with the saved settings.',
  );
  await question.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => page.locator('.result').textContent(), { timeout: 15_000 }).toMatch(/^Sent /);
  // The summary to each owner, and a reminder each (none has checked in): six messages.
  const summaries = rt.outbox.filter((m) => !m.subject.startsWith('Check-in due'));
  const reminders = rt.outbox.filter((m) => m.subject.startsWith('Check-in due'));
  expect(summaries.map((m) => m.to.join())).toEqual(OWNERS);
  expect(reminders.map((m) => m.to.join()).sort()).toEqual([...OWNERS].sort());
  expect(await page.locator('.result').textContent()).toBe(`Sent ${rt.outbox.length} messages.`);
  expect(harness!.calls.filter((c) => c === 'sendSummaryNow')).toHaveLength(1);

  // Again the same week: the Mail log says everyone has had it; nothing goes out, and the dialog says why.
  await page.getByRole('button', { name: 'Send now…' }).click();
  await question.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => page.locator('.result').textContent(), { timeout: 15_000 })
    .toBe('Nothing new was sent: this week’s 6 messages went out already.');
  expect(rt.outbox).toHaveLength(6);
}, 60_000);

test('when the day’s mail quota runs out, the dialog says how many went and how many wait for the next run', async () => {
  const { rt, id } = seededWorkbook({ mailQuota: 2 });
  const page = await open(rt, id);
  await page.getByRole('button', { name: 'Send now…' }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => page.locator('.result').textContent(), { timeout: 15_000 })
    .toBe('Sent 2 messages; 4 more go out on the next run: today’s mail quota is used up.');
  expect(rt.outbox).toHaveLength(2);
  expect(records(rt, id, 'Mail log').filter((r) => r.Status === 'deferred')).toHaveLength(4);
}, 60_000);

test('no axe violation, with and without the preview; the keyboard reaches every control', async () => {
  const { rt, id } = seededWorkbook();
  const page = await open(rt, id);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  const order: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
  }
  expect(order).toEqual(['enabled', 'recipients-owners', 'list', 'weekday', 'hour', 'reminders', 'Save', 'Preview', 'Send now…', 'Close']);
  // The other recipients choices, by arrow keys as in any radio group.
  await page.focus('#recipients-owners');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('recipients-list');
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('recipients-both');

  // Preview by keyboard: focus moves to it; the toggle is reachable.
  await page.focus('text=Preview');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('preview-heading');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Plain text');
  await page.keyboard.press('Enter');
  expect(await page.locator('.preview pre').isVisible()).toBe(true);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  await page.getByRole('button', { name: 'Close' }).click();
  expect(await page.evaluate(() => (window as unknown as { __okrClosed?: boolean }).__okrClosed)).toBe(true);
}, 60_000);
