// Sidebars, google.script.run, prompts, triggers and the outbox, end to end in
// Chromium. The add-on has no sidebar or trigger yet, so this runs the built
// dist/Code.js with a few test functions appended, and an onOpen assigned after
// the bundle's own (which it replaces) that adds their menu items.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DIST, ROOT } from '../../dev/build';
import { startPlayground, type Playground } from '../../dev/playground/server';
import { firstGrid, freePort, launch, poll, runMenuItem } from './browser';
import { NOW, get, tempStateDir } from './helpers';

const SIDEBAR = `<!DOCTYPE html><html><head><base target="_top"></head><body>
<p id="out">waiting</p>
<button id="echo" onclick="google.script.run.withSuccessHandler(function (v, u) { out.textContent = JSON.stringify(v) + ' ' + u; }).withUserObject('u1').echo([1, undefined, 'a'])">echo</button>
<button id="fail" onclick="google.script.run.withFailureHandler(function (e, u) { out.textContent = (e instanceof Error) + ' ' + e.message + ' ' + u; }).withUserObject('u2').fail()">fail</button>
<button id="date" onclick="google.script.run.withFailureHandler(function (e) { out.textContent = 'sent: ' + e.message; }).echo({ when: new Date() })">date</button>
<button id="today" onclick="google.script.run.withSuccessHandler(function () { out.textContent = 'got it'; }).withFailureHandler(function (e) { out.textContent = 'returned: ' + e.message; }).today()">today</button>
<form id="form"><input name="name" value="Ada"><input name="tag" value="a"><input name="tag" value="b"></form>
<button id="form-alone" onclick="google.script.run.withSuccessHandler(function (v) { out.textContent = JSON.stringify(v); }).echo(document.getElementById('form'))">form alone</button>
<button id="form-and-more" onclick="google.script.run.withFailureHandler(function (e) { out.textContent = 'sent: ' + e.message; }).echo(document.getElementById('form'), 1)">form and more</button>
<button id="nested" onclick="google.script.run.withSuccessHandler(function () { out.textContent = 'got it'; }).withFailureHandler(function (e) { out.textContent = 'returned: ' + e.message; }).nested()">nested</button>
<button id="range" onclick="google.script.run.withSuccessHandler(function () { out.textContent = 'got it'; }).withFailureHandler(function (e) { out.textContent = 'returned: ' + e.message; }).range()">range</button>
<button id="prompt" onclick="google.script.run.withSuccessHandler(function (v) { out.textContent = v; }).askName()">prompt</button>
<button id="close" onclick="google.script.host.close()">close</button>
</body></html>`;

const EXTRAS = `
onOpen = function (e) {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Set up the OKR workbook', 'setUpWorkbook')
    .addItem('Open the test sidebar', 'openTestSidebar')
    .addItem('Schedule the test mail', 'scheduleTestMail')
    .addToUi();
};
function openTestSidebar() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(${JSON.stringify(SIDEBAR)}).setTitle('Test panel'));
}
function echo(value) { return { echoed: value }; }
function fail() { throw new Error('It broke on purpose'); }
function today() { return new Date(); }
function nested() { return { list: [1, { at: new Date() }] }; }
function range() { return SpreadsheetApp.getActiveSheet().getRange('A1'); }
function askName() {
  var ui = SpreadsheetApp.getUi();
  var response = ui.prompt('Check-in', 'Your name?', ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() + ':' + response.getResponseText();
}
function scheduleTestMail() {
  ScriptApp.newTrigger('sendTestMail').timeBased().everyHours(1).create();
  SpreadsheetApp.getActiveSpreadsheet().toast('The digest goes out every hour.', 'Scheduled');
}
function sendTestMail() {
  MailApp.sendEmail({
    to: 'maya@acme.example',
    subject: 'Weekly OKR digest',
    body: 'Digest\\n\\nAll good',
    htmlBody: '<h1>Digest</h1><p>All <b>good</b></p><img src=x onerror="parent.document.title = \\'pwned\\'">',
  });
}
`;

let dist: string;
let stateDir: string;
let port: number;
let playground: Playground;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;

const sidebar = () => page.frameLocator('.sidebar iframe');

async function open(): Promise<void> {
  playground = await startPlayground({ port, stateDir, dist, now: NOW });
}

beforeAll(async () => {
  stateDir = tempStateDir();
  dist = path.join(stateDir, 'dist');
  fs.mkdirSync(dist);
  fs.copyFileSync(path.join(DIST, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  fs.writeFileSync(path.join(dist, 'Code.js'), fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8') + EXTRAS);
  port = await freePort();
  await open();
  browser = await launch();
  page = browser.page;
  await page.goto(playground.url);
  await firstGrid(page);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test('a sidebar opens 300 px wide on the right, titled, its HTML in a sandboxed frame', async () => {
  await runMenuItem(page, 'Open the test sidebar');
  const panel = page.locator('.sidebar');
  await panel.waitFor();
  expect((await panel.boundingBox())!.width).toBe(300);
  expect(await panel.locator('.panel-title span').textContent()).toBe('Test panel');
  expect(await panel.locator('iframe').getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-modals allow-popups');
  expect(await sidebar().locator('#out').textContent()).toBe('waiting');
});

test('google.script.run: success handler with the value and the user object', async () => {
  await sidebar().locator('#echo').click();
  await poll(() => sidebar().locator('#out').textContent()).toBe('{"echoed":[1,null,"a"]} u1');
});

test("google.script.run: the failure handler gets an Error with the script's message", async () => {
  await sidebar().locator('#fail').click();
  await poll(() => sidebar().locator('#out').textContent()).toBe('true It broke on purpose u2');
});

test('google.script.run: Dates fail both ways, also deep inside what the server returns', async () => {
  await sidebar().locator('#date').click();
  await poll(() => sidebar().locator('#out').textContent()).toBe('sent: Failed due to illegal value in property: when');
  await sidebar().locator('#today').click();
  await poll(() => sidebar().locator('#out').textContent()).toBe(
    'returned: The server function returned a Date, which google.script.run cannot carry to the page.',
  );
  await sidebar().locator('#nested').click();
  await poll(() => sidebar().locator('#out').textContent()).toBe(
    'returned: The server function returned a Date at list[1].at, which google.script.run cannot carry to the page.',
  );
});

test('google.script.run: a service object returned fails the call instead of arriving as {}', async () => {
  await sidebar().locator('#range').click();
  await poll(() => sidebar().locator('#out').textContent()).toMatch(
    /^returned: The server function returned an object of class \w+, which/,
  );
});

test('google.script.run: a form is sent as its fields when it is the only parameter, and refused beside another', async () => {
  await sidebar().locator('#form-alone').click();
  await poll(() => sidebar().locator('#out').textContent()).toBe('{"echoed":{"name":"Ada","tag":["a","b"]}}');
  await sidebar().locator('#form-and-more').click();
  await poll(() => sidebar().locator('#out').textContent()).toBe('sent: Failed due to illegal value in property: 0');
});

test('a prompt from a sidebar call waits for the person, then the call returns', async () => {
  await sidebar().locator('#prompt').click();
  const dialog = page.getByRole('alertdialog');
  await poll(() => dialog.locator('.dialog-message').textContent()).toBe('Your name?');
  expect(await dialog.getByRole('button').allTextContents()).toEqual(['×', 'OK', 'Cancel']);
  await dialog.locator('input').fill('Ada');
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'playground-sidebar.png') });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await poll(() => sidebar().locator('#out').textContent()).toBe('OK:Ada');
});

test('google.script.host.close() closes the sidebar', async () => {
  await sidebar().locator('#close').click();
  await poll(() => page.locator('.sidebar').count()).toBe(0);
});

test('a trigger the add-on installs is listed and runs now; its mail is in the outbox; both survive a restart', async () => {
  await runMenuItem(page, 'Schedule the test mail');
  await poll(() => page.locator('.toast').first().textContent()).toBe('ScheduledThe digest goes out every hour.');
  await page.getByRole('button', { name: 'Triggers (1)' }).click();
  expect(await page.locator('.trigger strong').textContent()).toBe('sendTestMail');
  await page.locator('.trigger').getByRole('button', { name: 'Run now' }).click();
  await page.getByRole('button', { name: 'Outbox (1)' }).click();
  await page.locator('.mail > summary').click();
  expect(await page.locator('.mail > summary strong').textContent()).toBe('Weekly OKR digest');
  // The HTML as it renders, in a frame that runs none of its script.
  expect(await page.locator('.mail-html').getAttribute('sandbox')).toBe('');
  expect(await page.frameLocator('.mail-html').locator('h1').textContent()).toBe('Digest');
  expect(await page.title()).not.toBe('pwned');
  // The plain text below it, as text-only clients show it.
  expect(await page.locator('.mail-plain pre').isVisible()).toBe(false);
  await page.locator('.mail-plain summary').click();
  expect(await page.locator('.mail-plain pre').textContent()).toBe('Digest\n\nAll good');

  await playground.close();
  await open();
  const state = await get(playground, '/api/state');
  expect(state.triggers.map((t: { handlerFunction: string }) => t.handlerFunction)).toEqual(['sendTestMail']);
  expect(state.outbox.map((m: { subject: string }) => m.subject)).toEqual(['Weekly OKR digest']);
});
