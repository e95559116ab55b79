// The Email summaries dialog in the playground, in headless Chromium, with a
// STAND-IN SERVER: the real server functions are built on another branch, so
// this test appends to dist/Code.js a small Apps Script version of the four
// (getSummarySettings, saveSummarySettings, previewSummary, sendSummaryNow,
// following src/shared/summary-api.ts) and a weekly trigger's handler. It shows
// the pieces the issue asks of the playground working together: the menu opens
// dist/Summaries.html from createHtmlOutputFromFile as a 640 × 600 modal dialog
// (from a menu of the stand-in's own, beside the add-on's, which the demo uses),
// Save installs a weekly trigger (listed, with "Run now"), and the mail it
// sends is in the Outbox as HTML and as plain text. After the merge, the demo
// company's own summary replaces the stand-in.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DIST } from '../../dev/build';
import { startPlayground, type Playground } from '../../dev/playground/server';
import { freePort, launch, poll } from './browser';
import { NOW, get, tempStateDir } from './helpers';

const STAND_IN = `
var addOnOpen_ = onOpen;
onOpen = function (e) {
  addOnOpen_(e);
  SpreadsheetApp.getUi().createMenu('Stand-in').addItem('Email summaries…', 'showSummaries').addToUi();
};
function showSummaries() {
  var html = HtmlService.createHtmlOutputFromFile('Summaries').setWidth(640).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, 'Email summaries');
}
function summarySettings_() {
  var saved = PropertiesService.getDocumentProperties().getProperty('standInSummary');
  return saved ? JSON.parse(saved) : { enabled: false, recipients: 'owners', list: [], weekday: 'MONDAY', hour: 9, reminders: true };
}
function withNextSend_(settings) {
  var trigger = ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet())[0];
  settings.nextSend = settings.enabled && trigger ? '2026-12-07T09:00:00.000Z' : null;
  return settings;
}
function getSummarySettings() { return withNextSend_(summarySettings_()); }
function saveSummarySettings(input) {
  input.list.forEach(function (address) {
    if (!/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.test(address)) throw new Error('list: "' + address + '" is not an email address');
  });
  var settings = { enabled: input.enabled, recipients: input.recipients, list: input.list, weekday: input.weekday, hour: input.hour, reminders: input.reminders };
  PropertiesService.getDocumentProperties().setProperty('standInSummary', JSON.stringify(settings));
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.getUserTriggers(ss).forEach(function (t) { ScriptApp.deleteTrigger(t); });
  if (settings.enabled) {
    ScriptApp.newTrigger('sendWeeklySummary').timeBased().onWeekDay(ScriptApp.WeekDay[settings.weekday])
      .atHour(settings.hour).inTimezone(ss.getSpreadsheetTimeZone()).create();
  }
  return withNextSend_(settings);
}
function recipients_() {
  var s = summarySettings_();
  var owners = s.recipients === 'list' ? [] : ['maya@acme.example'];
  return owners.concat(s.recipients === 'owners' ? [] : s.list);
}
function previewSummary() {
  return {
    subject: 'Weekly OKRs: Acme',
    html: '<h1>Acme this week</h1><p>2 key results <b>at risk</b>.</p>',
    text: 'Acme this week\\n\\n2 key results at risk.',
    recipients: recipients_(),
  };
}
function sendSummaryNow() {
  var mail = previewSummary();
  var sent = 0, deferred = 0;
  mail.recipients.forEach(function (to) {
    if (MailApp.getRemainingDailyQuota() < 1) { deferred++; return; }
    MailApp.sendEmail({ to: to, subject: mail.subject, body: mail.text, htmlBody: mail.html, name: 'OKR Sheets' });
    sent++;
  });
  return { sent: sent, deferred: deferred };
}
function sendWeeklySummary(e) { sendSummaryNow(); }
`;

let stateDir: string;
let playground: Playground;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;

beforeAll(async () => {
  stateDir = tempStateDir();
  const dist = path.join(stateDir, 'dist');
  fs.mkdirSync(dist);
  for (const file of ['appsscript.json', 'Summaries.html']) fs.copyFileSync(path.join(DIST, file), path.join(dist, file));
  fs.writeFileSync(path.join(dist, 'Code.js'), fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8') + STAND_IN);
  playground = await startPlayground({ port: await freePort(), stateDir, dist, now: NOW });
  browser = await launch();
  page = browser.page;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(playground.url);
  await page.locator('td[data-a1="A1"]').waitFor({ timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

test('stand-in server: the menu opens the dialog; Save schedules a weekly trigger; Run now mails a summary shown as HTML and text', async () => {
  await page.getByRole('button', { name: 'Stand-in' }).click();
  await page.locator('.menu-item[data-path="Stand-in > Email summaries…"]').click();
  const dialog = page.locator('.modal-layer .html-dialog');
  await poll(() => dialog.getAttribute('aria-label')).toBe('Email summaries');
  expect(await dialog.evaluate((box) => (box as HTMLElement).style.width)).toBe('640px');
  const frame = page.frameLocator('.html-dialog iframe');
  await poll(() => frame.locator('.schedule').textContent(), { timeout: 15_000 }).toMatch(/^Summaries are off/);

  await frame.getByLabel('Send a summary every week').check();
  await frame.getByLabel('Both').check();
  await frame.getByLabel('Addresses', { exact: true }).fill('lead@acme.example');
  await frame.getByRole('button', { name: 'Save' }).click();
  await poll(() => frame.locator('.schedule').textContent(), { timeout: 15_000 }).toBe(
    "Next summary: Monday 7 December, 9:00 (in the spreadsheet's time zone), to 2 people.",
  );
  await frame.getByRole('button', { name: 'Close' }).click();
  await poll(() => dialog.count()).toBe(0);

  await page.getByRole('button', { name: 'Triggers (1)' }).click();
  const trigger = page.locator('.trigger');
  expect(await trigger.locator('strong').textContent()).toBe('sendWeeklySummary');
  await trigger.getByRole('button', { name: 'Run now' }).click();
  await page.getByRole('button', { name: 'Outbox (2)' }).click();

  const mails = page.locator('.mail');
  expect(await mails.locator('> summary strong').allTextContents()).toEqual(['Weekly OKRs: Acme', 'Weekly OKRs: Acme']);
  const first = mails.first();
  await first.locator('> summary').click();
  expect(await first.locator('.mail-html').getAttribute('sandbox')).toBe('');
  expect(await page.frameLocator('.mail >> nth=0 >> .mail-html').locator('h1').textContent()).toBe('Acme this week');
  await first.locator('.mail-plain summary').click();
  expect(await first.locator('.mail-plain pre').textContent()).toBe('Acme this week\n\n2 key results at risk.');

  // One mail a recipient: the owner and the listed address.
  const state = await get(playground, '/api/state');
  expect(state.outbox.map((m: { to: string[] }) => m.to[0]).sort()).toEqual(['lead@acme.example', 'maya@acme.example']);
}, 90_000);
