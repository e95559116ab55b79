// Email summaries in the playground, in headless Chromium, end to end on the
// seeded demo with the real dist/Code.js (nothing injected): Maya, the company
// workbook's owner and OKR champion, opens Extensions > OKR Sheets > Email
// summaries…, finds summaries off, turns them on for a day and hour and saves;
// the dialog says when the next one goes and to how many people (worked out
// below from the workbook's own tabs), previews it, and the Triggers drawer
// holds one weekly trigger for her and the workbook. Run now on it sends the
// demo company's summary and the check-in reminders, shown in the Outbox as
// HTML and plain text; a second run in the same week sends nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import type { Playground } from '../../dev/playground/server';
import { companyWorkbook, sheetText } from '../sidebar/playground';
import { firstGrid, freePort, launch, poll, runMenuItem } from './browser';
import { NOW, get, start, tempStateDir } from './helpers';

const MAYA = 'maya@acme.example';
/** The addresses Maya adds: a board list, and Priya again in other letters (an owner already: she gets one copy). */
const LIST = ['board@acme.example', 'Priya@acme.example'];

interface Mail {
  to: string[];
  subject: string;
  body: string;
  htmlBody?: string;
}
interface Trigger {
  handlerFunction: string;
  eventType: string;
  user: string;
  spreadsheetId?: string;
  schedule?: Record<string, unknown>;
  timeZone: string;
}

let stateDir: string;
let playground: Playground;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let workbook: string;

beforeAll(async () => {
  stateDir = tempStateDir();
  playground = await start(stateDir, { port: await freePort() });
  browser = await launch();
  page = browser.page;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(playground.url);
  await firstGrid(page);
  workbook = await companyWorkbook(playground);
}, 90_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(ROOT, 'test-results', 'summaries-failure.png') });
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

/** A tab's rows as records by its header. */
async function records(sheet: string): Promise<Record<string, string>[]> {
  const [header, ...rows] = await sheetText(playground, workbook, sheet);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

/** Addresses each once, compared case-insensitively, the first spelling kept. */
function unique(addresses: string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((a) => !seen.has(a.toLowerCase()) && Boolean(seen.add(a.toLowerCase())));
}

/**
 * From the company workbook's tabs as the demo typed them: the address of
 * each owner (written as an address, or by a name the People tab gives an
 * Email for) of this cycle's objectives and key results; and the owners of
 * the key results not done with no check-in yet this week (weekly cadence:
 * since Monday), who get a reminder.
 */
async function demoPeople(): Promise<{ owners: string[]; reminded: string[]; cycle: string }> {
  const settings = Object.fromEntries((await records('Settings')).map((r) => [r.Setting, r.Value]));
  expect(settings['Check-in cadence']).toBe('weekly');
  const cycle = settings['Current cycle']!;
  const emailOf = new Map((await records('People')).map((p) => [p.Name!, p.Email!]));
  const address = (owner: string) => (owner.includes('@') ? owner : emailOf.get(owner));
  const objectives = (await records('Objectives')).filter((o) => o.Cycle === cycle);
  const ids = new Set(objectives.map((o) => o.ID));
  const keyResults = (await records('Key Results')).filter((kr) => ids.has(kr['Objective ID']));
  const owners = unique([...objectives, ...keyResults].map((row) => address(row.Owner!)).filter((a): a is string => a !== undefined));

  const last = new Map<string, string>();
  for (const c of await records('Check-ins')) {
    const day = c.Timestamp!.slice(0, 10);
    if ((last.get(c['Key result ID']!) ?? '') < day) last.set(c['Key result ID']!, day);
  }
  const day = (NOW.getUTCDay() + 6) % 7; // days since Monday
  const monday = new Date(NOW.getTime() - day * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const due = keyResults.filter((kr) => kr.Status !== 'done' && (last.get(kr.ID!) ?? '') < monday);
  const reminded = unique(due.map((kr) => address(kr.Owner!)).filter((a): a is string => a !== undefined));
  return { owners, reminded, cycle };
}

async function openDialog(): Promise<FrameLocator> {
  await runMenuItem(page, 'Email summaries…');
  const dialog = page.locator('.modal-layer .html-dialog');
  await poll(() => dialog.getAttribute('aria-label')).toBe('Email summaries');
  expect(await dialog.evaluate((box) => (box as HTMLElement).style.width)).toBe('640px');
  const frame = page.frameLocator('.html-dialog iframe');
  // Read, counted, and idle: the settings and this week's recipients are in.
  await poll(() => frame.locator('.schedule').textContent(), { timeout: 15_000 }).toMatch(/\.$/);
  await poll(() => frame.locator('#app').getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  return frame;
}

async function closeDialog(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Close' }).click();
  await poll(() => page.locator('.modal-layer .html-dialog').count()).toBe(0);
}

async function state(): Promise<{ outbox: Mail[]; triggers: Trigger[] }> {
  return get(playground, '/api/state');
}

async function openDrawer(name: 'Outbox' | 'Triggers'): Promise<void> {
  const button = page.getByRole('button', { name: new RegExp(`^${name} \\(`) });
  if ((await button.getAttribute('class'))?.includes('active')) return;
  await button.click();
  await poll(() => page.locator('.drawer h2').textContent()).toMatch(new RegExp(`^${name} \\(`));
}

/** Run now on the one trigger, as its owner; waits for the run and the page's refresh, and no error box. */
async function runNow(): Promise<void> {
  await openDrawer('Triggers');
  const ran = page.waitForResponse((response) => response.url().endsWith('/api/trigger'));
  await page.locator('.trigger').getByRole('button', { name: 'Run now' }).click();
  expect((await ran).status()).toBe(200);
  await poll(() => page.locator('.busy').isHidden(), { timeout: 15_000 }).toBe(true);
  expect(await page.getByRole('alertdialog').count()).toBe(0);
}

test('as the owner: summaries off, turned on and saved, previewed; one weekly trigger; Run now sends the summary and reminders once', async () => {
  const { owners, reminded, cycle } = await demoPeople();
  const recipients = unique([...owners, ...LIST]);
  // The demo as it is meant: four owners, one address new, Priya listed again; two owners behind on check-ins.
  expect(owners).toHaveLength(4);
  expect(recipients).toHaveLength(5);
  expect(reminded.length).toBeGreaterThan(0);

  expect(await page.getByLabel('Signed in as').inputValue()).toBe(MAYA);
  const settingsBefore = await sheetText(playground, workbook, 'Settings');
  expect((await state()).triggers).toEqual([]);

  // The real settings: summaries off by default, as the Settings tab says.
  let frame = await openDialog();
  expect(await frame.locator('.schedule').textContent()).toBe(
    'Summaries are off: none is scheduled. Tick "Send a summary every week" and save to start them.',
  );
  expect(await frame.getByLabel('Send a summary every week').isChecked()).toBe(false);
  expect(await frame.getByLabel('The owners of the key results').isChecked()).toBe(true);
  expect(await frame.getByLabel('Addresses', { exact: true }).inputValue()).toBe('');
  expect(await frame.getByLabel('Day').inputValue()).toBe('MONDAY');
  expect(await frame.getByLabel('Hour').inputValue()).toBe('8');
  expect(await frame.getByLabel('Also remind owners who have not checked in').isChecked()).toBe(true);

  // On, to the owners and a list, Thursdays at 7:00 (Berlin, the demo's zone; it is Monday 30 November 11:00 there).
  await frame.getByLabel('Send a summary every week').check();
  await frame.getByLabel('Both').check();
  await frame.getByLabel('Addresses', { exact: true }).fill(LIST.join('\n'));
  await frame.getByLabel('Day').selectOption('THURSDAY');
  await frame.getByLabel('Hour').selectOption('7');
  await frame.getByRole('button', { name: 'Save' }).click();
  await poll(() => frame.locator('.result').textContent(), { timeout: 15_000 }).toBe('Saved.');
  await poll(() => frame.locator('.schedule').textContent(), { timeout: 15_000 }).toBe(
    `Next summary: Thursday 3 December, 7:00 (in the spreadsheet's time zone), to ${recipients.length} people.`,
  );
  // Saved in the Settings tab too.
  const saved = Object.fromEntries((await records('Settings')).map((r) => [r.Setting, r.Value]));
  expect(saved).toMatchObject({
    'Email summaries': 'yes',
    'Summary goes to': 'both',
    'Summary addresses': LIST.join(', '),
    'Summary day': 'Thursday',
    'Summary hour': '7',
    'Check-in reminders': 'yes',
  });
  expect(await sheetText(playground, workbook, 'Settings')).not.toEqual(settingsBefore);

  // Preview: the subject, who it goes to, the mail in a frame that runs nothing, and its text.
  await frame.getByRole('button', { name: 'Preview' }).click();
  const preview = frame.locator('.preview');
  await preview.waitFor({ state: 'visible', timeout: 15_000 });
  const subject = (await preview.locator('.subject').textContent())!.replace(/^Subject: /, '');
  expect(subject).toMatch(new RegExp(`^Company OKRs, ${cycle}, week of 2026-11-30: `));
  expect(await preview.locator('.recipients').textContent()).toBe(`To: ${recipients.length} people (${recipients.join(', ')})`);
  expect(await preview.locator('iframe').getAttribute('sandbox')).toBe('');
  const mailFrame = frame.frameLocator('.preview iframe');
  expect(await mailFrame.locator('body').textContent()).toContain('At risk and off track');
  await preview.getByRole('button', { name: 'Plain text' }).click();
  const text = (await preview.locator('pre').textContent())!;
  expect(text.startsWith(`${subject}\n\n`)).toBe(true);
  expect(text).toContain('AT RISK AND OFF TRACK');
  await closeDialog(frame);

  // One weekly trigger, Maya's, for this workbook, Thursdays at 7 in the workbook's zone.
  const expectOneTrigger = async (hour: number) => {
    const { triggers } = await state();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({
      handlerFunction: 'sendWeeklySummary',
      eventType: 'CLOCK',
      user: MAYA,
      spreadsheetId: workbook,
      schedule: { onWeekDay: 'THURSDAY', atHour: hour, everyWeeks: 1 },
      timeZone: 'Europe/Berlin',
    });
    await openDrawer('Triggers');
    await poll(() => page.locator('.trigger').count()).toBe(1);
    const shown = page.locator('.trigger');
    expect(await shown.locator('strong').textContent()).toBe('sendWeeklySummary');
    expect(await shown.locator('.meta').allTextContents()).toEqual([
      ' CLOCK',
      `Runs as ${MAYA} · Acme — Company OKRs`,
      `onWeekDay THURSDAY, everyWeeks 1, atHour ${hour} (Europe/Berlin)`,
    ]);
  };
  await expectOneTrigger(7);

  // Saved again (the dialog shows what was saved; an hour later this time): still one trigger, the new hour.
  frame = await openDialog();
  expect(await frame.getByLabel('Send a summary every week').isChecked()).toBe(true);
  expect(await frame.getByLabel('Both').isChecked()).toBe(true);
  expect(await frame.getByLabel('Addresses', { exact: true }).inputValue()).toBe(LIST.join('\n'));
  expect(await frame.getByLabel('Day').inputValue()).toBe('THURSDAY');
  await frame.getByLabel('Hour').selectOption('8');
  await frame.getByRole('button', { name: 'Save' }).click();
  await poll(() => frame.locator('.result').textContent(), { timeout: 15_000 }).toBe('Saved.');
  await poll(() => frame.locator('.schedule').textContent(), { timeout: 15_000 }).toBe(
    `Next summary: Thursday 3 December, 8:00 (in the spreadsheet's time zone), to ${recipients.length} people.`,
  );
  await closeDialog(frame);
  await expectOneTrigger(8);

  // Run now: the summary to each recipient, a reminder to each owner behind on check-ins.
  await runNow();
  const total = recipients.length + reminded.length;
  await poll(() => page.getByRole('button', { name: /^Outbox \(/ }).textContent(), { timeout: 15_000 }).toBe(`Outbox (${total})`);
  const { outbox } = await state();
  const summaries = outbox.filter((m) => m.subject === subject);
  const reminders = outbox.filter((m) => m.subject !== subject);
  expect(summaries.map((m) => m.to.join()).sort()).toEqual([...recipients].sort());
  expect(reminders.map((m) => m.to.join()).sort()).toEqual([...reminded].sort());
  for (const m of reminders) expect(m.subject).toMatch(/^Check-in due: \d+ key results? in Company OKRs$/);
  // What was sent is what the preview showed, to the workbook's owner first.
  expect(summaries[0]!.to).toEqual([MAYA]);
  expect(summaries.every((m) => m.body === text && m.htmlBody !== undefined)).toBe(true);

  // The Outbox shows each as it arrives: the HTML in a frame that runs nothing, the text below it.
  await openDrawer('Outbox');
  const mails = page.locator('.mail');
  await poll(() => mails.count()).toBe(total);
  const subjects = await mails.locator('> summary strong').allTextContents();
  expect(subjects.filter((s) => s === subject)).toHaveLength(recipients.length);
  const summaryMail = mails.filter({ has: page.locator('> summary strong', { hasText: subject }) }).last();
  await summaryMail.locator('> summary').click();
  expect(await summaryMail.locator('.meta', { hasText: /^To: / }).textContent()).toBe(`To: ${MAYA}`);
  expect(await summaryMail.locator('.mail-html').getAttribute('sandbox')).toBe('');
  const html = summaryMail.frameLocator('.mail-html');
  expect(await html.locator('body').textContent()).toContain('At risk and off track');
  await summaryMail.locator('.mail-plain summary').click();
  expect(await summaryMail.locator('.mail-plain pre').textContent()).toBe(text);

  const reminder = mails.filter({ has: page.locator('> summary strong', { hasText: /^Check-in due/ }) }).first();
  await reminder.locator('> summary').click();
  expect(await reminder.locator('.mail-html').getAttribute('sandbox')).toBe('');
  expect(await reminder.frameLocator('.mail-html').locator('body').textContent()).toContain('Check in');
  await reminder.locator('.mail-plain summary').click();
  expect(await reminder.locator('.mail-plain pre').textContent()).toMatch(/^Your check-in is due on \d+ key results? this week\./);

  // Run again in the same week: everyone has had this week's mail, so nothing more goes out.
  await runNow();
  expect((await state()).outbox).toHaveLength(total);
  expect(await page.getByRole('button', { name: /^Outbox \(/ }).textContent()).toBe(`Outbox (${total})`);
}, 120_000);
