// The Email summaries dialog (dist/Summaries.html) in headless Chromium, with
// a STAND-IN SERVER: the four server functions (getSummarySettings,
// saveSummarySettings, previewSummary, sendSummaryNow) are built on another
// branch, so this test answers them itself, exactly as src/shared/summary-api.ts
// says, through the runtime's google.script.run bridge (callFromPage: the
// arguments and values held to Google's rules). After the merge, a test with
// the real server in the runtime joins this one; the page does not change.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { callFromPage } from '../../dev/runtime/index';
import type { SummaryPreview, SummarySent, SummarySettings, SummarySettingsInput } from '../../src/shared/summary-api';
import { openWithStandIn, type Harness } from './harness';

const OWNERS = ['ana@acme.example', 'bo@acme.example'];
const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Mail HTML holding what a key result's text might: it must show in the frame and run nowhere. */
const HTML =
  '<h1 style="font-size:18px">Acme: week 49</h1><p>3 key results at risk.</p>' +
  '<img src=x onerror="window.__pwned = 1; try { parent.__pwned = 1 } catch (e) {}">';
const TEXT = 'Acme: week 49\n\n3 key results at risk.';

/** The stand-in's spreadsheet runs on UTC, and it is Monday 30 November 2026: the next Monday 9:00 is 7 December. */
const FIRST: SummarySettings = {
  enabled: true,
  recipients: 'both',
  list: ['ceo@acme.example', 'coo@acme.example'],
  weekday: 'MONDAY',
  hour: 9,
  reminders: true,
  nextSend: '2026-12-07T09:00:00.000Z',
  recipientCount: 4,
  timeZone: 'Etc/UTC',
};
const NEXT_SEND: Record<string, string> = { MONDAY: '2026-12-07', FRIDAY: '2026-12-04' };

/** The four functions as the contract says, keeping what they were called with. */
function standIn() {
  let settings: SummarySettings = structuredClone(FIRST);
  const received: { name: string; args: unknown[] }[] = [];
  const recipients = () => {
    const { recipients: who, list } = settings;
    return [...new Set([...(who === 'list' ? [] : OWNERS), ...(who === 'owners' ? [] : list)])];
  };
  const functions: Record<string, (...args: never[]) => unknown> = {
    getSummarySettings: (): SummarySettings => settings,
    saveSummarySettings: (input: SummarySettingsInput): SummarySettings => {
      const bad = input.list.find((address) => !ADDRESS.test(address));
      if (bad !== undefined) throw new Error(`list: "${bad}" is not an email address`);
      const day = NEXT_SEND[input.weekday] ?? '2026-12-07';
      const hour = String(input.hour).padStart(2, '0');
      settings = { ...settings, ...input, nextSend: input.enabled ? `${day}T${hour}:00:00.000Z` : null };
      return settings;
    },
    previewSummary: (): SummaryPreview => ({ subject: 'Weekly OKRs: Acme, week 49', html: HTML, text: TEXT, recipients: recipients() }),
    sendSummaryNow: (): SummarySent => ({ sent: 3, deferred: 2, alreadySent: 0 }),
  };
  const serve = (name: string, args: unknown[]) =>
    callFromPage(
      (fn, sent) => {
        received.push({ name: fn, args: sent });
        const f = functions[fn];
        if (!f) throw new Error(`Script function not found: ${fn}`);
        return (f as (...a: unknown[]) => unknown)(...sent);
      },
      name,
      args,
    );
  return { serve, received, settings: () => settings };
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function open(): Promise<{ page: Page; server: ReturnType<typeof standIn> }> {
  const server = standIn();
  harness = await openWithStandIn(server.serve, { file: 'Summaries', width: 640 });
  const page = harness.page;
  await page.setViewportSize({ width: 640, height: 600 });
  await expect.poll(() => page.locator('.schedule').textContent(), { timeout: 15_000 }).toMatch(/people\.$/);
  await expect.poll(() => page.locator('#app').getAttribute('aria-busy')).toBeNull();
  return { page, server };
}

const schedule = (page: Page) => page.locator('.schedule').textContent();

test('stand-in server: the form shows the saved settings, when the next summary goes out and to how many people', async () => {
  const { page, server } = await open();
  expect(await schedule(page)).toBe("Next summary: Monday 7 December, 9:00 (in the spreadsheet's time zone), to 4 people.");
  expect(await page.getByLabel('Send a summary every week').isChecked()).toBe(true);
  expect(await page.getByLabel('Both').isChecked()).toBe(true);
  expect(await page.getByLabel('Addresses', { exact: true }).inputValue()).toBe('ceo@acme.example\ncoo@acme.example');
  expect(await page.getByLabel('Day').inputValue()).toBe('MONDAY');
  expect(await page.getByLabel('Hour').inputValue()).toBe('9');
  expect(await page.getByLabel('Also remind owners who have not checked in').isChecked()).toBe(true);
  expect(server.received.map((c) => c.name)).toEqual(['getSummarySettings', 'previewSummary']);
}, 60_000);

test('stand-in server: Save sends the edited settings in the contract’s shape, and the page shows what was saved', async () => {
  const { page, server } = await open();
  await page.getByLabel('The addresses below').check();
  await page.getByLabel('Addresses', { exact: true }).fill('ceo@acme.example, cfo@acme.example\n\n');
  await page.getByLabel('Day').selectOption('FRIDAY');
  await page.getByLabel('Hour').selectOption('17');
  await page.getByLabel('Also remind owners who have not checked in').uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('.result').textContent(), { timeout: 15_000 }).toBe('Saved.');
  await expect.poll(() => schedule(page)).toBe("Next summary: Friday 4 December, 17:00 (in the spreadsheet's time zone), to 2 people.");
  const saves = server.received.filter((c) => c.name === 'saveSummarySettings');
  expect(saves).toEqual([
    {
      name: 'saveSummarySettings',
      args: [
        {
          enabled: true,
          recipients: 'list',
          list: ['ceo@acme.example', 'cfo@acme.example'],
          weekday: 'FRIDAY',
          hour: 17,
          reminders: false,
        },
      ],
    },
  ]);
  expect(server.received.map((c) => c.name)).toEqual(['getSummarySettings', 'previewSummary', 'saveSummarySettings', 'previewSummary']);
  // The form now shows the settings as the server returned them.
  expect(await page.getByLabel('Addresses', { exact: true }).inputValue()).toBe('ceo@acme.example\ncfo@acme.example');
}, 60_000);

test('stand-in server: a refused address is named next to the field and in the alert; nothing else changes', async () => {
  const { page, server } = await open();
  const before = await schedule(page);
  await page.getByLabel('Addresses', { exact: true }).fill('ceo@acme.example\nbob@');
  await page.getByLabel('Hour').selectOption('10');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('#list-error').textContent(), { timeout: 15_000 }).toBe('"bob@" is not an email address');
  expect(await page.getByRole('alert').textContent()).toBe('Nothing was saved: list: "bob@" is not an email address');
  expect(await page.getByLabel('Addresses', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('list');
  // The field's error describes it, so a screen reader reads it with the field.
  expect(await page.getByLabel('Addresses', { exact: true }).getAttribute('aria-describedby')).toContain('list-error');
  // No other field is blamed; the schedule, the server's settings and the person's edits stay.
  expect(await page.locator('.field-error').allTextContents()).toEqual(['', '', '"bob@" is not an email address', '', '', '']);
  expect(await page.locator('[aria-invalid=true]').count()).toBe(1);
  expect(await schedule(page)).toBe(before);
  expect(await page.locator('.result').textContent()).toBe('');
  expect(server.settings()).toEqual(FIRST);
  expect(await page.getByLabel('Addresses', { exact: true }).inputValue()).toBe('ceo@acme.example\nbob@');
  expect(await page.getByLabel('Hour').inputValue()).toBe('10');
  expect(server.received.map((c) => c.name)).toEqual(['getSummarySettings', 'previewSummary', 'saveSummarySettings']);

  // Fixed and saved again: the error goes.
  await page.getByLabel('Addresses', { exact: true }).fill('ceo@acme.example\nbob@acme.example');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('.result').textContent(), { timeout: 15_000 }).toBe('Saved.');
  expect(await page.locator('#list-error').textContent()).toBe('');
  expect(await page.locator('[aria-invalid=true]').count()).toBe(0);
}, 60_000);

test('stand-in server: Preview shows the subject, the HTML in a sandboxed frame that runs no script, and the plain text', async () => {
  const { page } = await open();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.locator('.preview');
  await preview.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await preview.locator('.subject').textContent()).toBe('Subject: Weekly OKRs: Acme, week 49');
  expect(await preview.locator('.recipients').textContent()).toBe(
    'To: 4 people (ana@acme.example, bo@acme.example, ceo@acme.example, coo@acme.example)',
  );
  const frame = preview.locator('iframe');
  expect(await frame.getAttribute('sandbox')).toBe('');
  expect(await frame.getAttribute('srcdoc')).toBe(HTML);
  expect(await page.frameLocator('.preview iframe').locator('h1').textContent()).toBe('Acme: week 49');
  // The mail's HTML is only in the frame: no image of it in the dialog, and its onerror ran nowhere.
  expect(await page.locator('main img').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.frames()[1]!.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // The text body, by a toggle.
  const toggle = preview.getByRole('button', { name: 'Plain text' });
  expect(await preview.locator('pre').isVisible()).toBe(false);
  await toggle.click();
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  expect(await preview.locator('pre').textContent()).toBe(TEXT);
  expect(await preview.locator('pre').isVisible()).toBe(true);
  expect(await frame.isVisible()).toBe(false);
  await toggle.click();
  expect(await frame.isVisible()).toBe(true);
}, 60_000);

test('stand-in server: Send now asks first, then says how many got it and how many wait for tomorrow’s quota', async () => {
  const { page, server } = await open();
  await page.getByRole('button', { name: 'Send now…' }).click();
  const question = page.getByRole('group', { name: /^Send this week’s summary now/ });
  expect(await question.locator('p').textContent()).toBe('Send this week’s summary now to 4 people?');
  expect(server.received.map((c) => c.name)).not.toContain('sendSummaryNow');
  await question.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.locator('.result').textContent()).toBe('');

  // Unsaved edits are called out: Send now uses the saved settings.
  await page.getByLabel('Hour').selectOption('11');
  await page.getByRole('button', { name: 'Send now…' }).click();
  expect(await question.locator('p').textContent()).toBe(
    'Send this week’s summary now to 4 people? Your unsaved changes do not count: it goes out with the saved settings.',
  );
  await question.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() => page.locator('.result').textContent(), { timeout: 15_000 })
    .toBe('Sent to 3 people; 2 more will get it on the next run: today’s mail quota is used up.');
  expect(server.received.filter((c) => c.name === 'sendSummaryNow')).toEqual([{ name: 'sendSummaryNow', args: [] }]);

  await page.getByRole('button', { name: 'Close' }).click();
  expect(await page.evaluate(() => (window as unknown as { __okrClosed?: boolean }).__okrClosed)).toBe(true);
}, 60_000);

test('stand-in server: no axe violation, with and without the preview; the keyboard reaches every control', async () => {
  const { page } = await open();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  const order: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
  }
  expect(order).toEqual(['enabled', 'recipients-both', 'list', 'weekday', 'hour', 'reminders', 'Save', 'Preview', 'Send now…', 'Close']);
  // The other recipients choices, by arrow keys as in any radio group.
  await page.focus('#recipients-both');
  await page.keyboard.press('ArrowUp');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('recipients-list');
  await page.keyboard.press('ArrowUp');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('recipients-owners');

  // Preview by keyboard: focus moves to it; the toggle is reachable.
  await page.focus('text=Preview');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('preview-heading');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Plain text');
  await page.keyboard.press('Enter');
  expect(await page.locator('.preview pre').isVisible()).toBe(true);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
}, 60_000);
