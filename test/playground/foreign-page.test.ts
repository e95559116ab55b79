// No other web page can drive the playground. A page the person happens to
// visit, served here from another port, tries what any page may do without
// permission: fetch in "no-cors" mode with a text/plain body, a JSON fetch (which
// needs a CORS preflight), and the classic form posted as text/plain whose body
// is JSON. Chromium sends them all; the playground refuses each with 403 and
// nothing changes. The same bodies sent by the playground's own client work.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Playground } from '../../dev/playground/server';
import { companyWorkbook, keyResultRow, sheetText } from '../sidebar/playground';
import { freePort, launch } from './browser';
import { post, start, tempStateDir } from './helpers';

const TOM = 'tom@acme.example';
const ARR = 'Grow annual recurring revenue from 4.0M to 5.0M';

let stateDir: string;
let playground: Playground;
let hostile: http.Server;
let browser: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  stateDir = tempStateDir();
  playground = await start(stateDir, { port: await freePort() });
  browser = await launch();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => hostile?.close(resolve));
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

/** A page of another site: every way to POST a body here that needs no permission from the playground. */
function hostilePage(target: string, edit: unknown, run: unknown): string {
  return `<!doctype html><title>Cute cats</title><body><script>
const target = ${JSON.stringify(target)};
const edit = ${JSON.stringify(JSON.stringify(edit))};
const run = ${JSON.stringify(JSON.stringify(run))};
const quietly = (path, body) => fetch(target + path, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body });
const asJson = (path, body) => fetch(target + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
Promise.allSettled([quietly('/api/edit', edit), quietly('/api/run', run), asJson('/api/edit', edit), asJson('/api/run', run)]).then(() => {
  const sink = document.createElement('iframe');
  sink.name = 'sink';
  document.body.append(sink);
  const form = document.createElement('form');
  Object.assign(form, { method: 'post', enctype: 'text/plain', action: target + '/api/edit', target: 'sink' });
  const field = document.createElement('input');
  field.name = edit.slice(0, -1) + ',"pad":"';
  field.value = '"}';
  form.append(field);
  document.body.append(form);
  sink.onload = () => { document.title = 'done'; };
  form.submit();
});
</script></body>`;
}

test('a page from another port cannot edit a cell or check in as anyone: each attempt gets 403, nothing changes', async () => {
  const workbook = await companyWorkbook(playground);
  const kr = await keyResultRow(playground, workbook, ARR);
  const edit = { workbook, sheet: 'Objectives', a1: 'A41', input: 'pwned', user: TOM };
  const checkin = { id: '7c0a3f52-9d1e-4b6a-8f3c-2e5d9a1b4c70', keyResultId: kr.ID, value: 4.2, confidence: 3, note: 'pwned' };
  const run = { workbook, user: TOM, functionName: 'submitCheckin', args: [checkin] };
  const a41 = async () => (await sheetText(playground, workbook, 'Objectives')).flat().includes('pwned');
  const checkins = async () => (await sheetText(playground, workbook, 'Check-ins')).length;
  const before = await checkins();

  const html = hostilePage(`http://localhost:${playground.port}`, edit, run);
  hostile = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  const page = browser.page;
  const answered: string[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(playground.url)) answered.push(`${response.request().method()} ${response.status()}`);
  });
  await page.goto(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 20_000 });

  expect(await a41()).toBe(false);
  expect(await checkins()).toBe(before);
  // The two no-cors fetches and the form reached the playground and were refused; the JSON ones never got past the preflight.
  expect(answered.filter((a) => a === 'POST 403')).toHaveLength(3);
  expect(answered.filter((a) => !a.endsWith(' 403'))).toEqual([]);

  // The same bodies from the playground's own client do what they say: refusing them above was the guard, not a bad body.
  expect((await post(playground, '/api/edit', edit)).body).toEqual({ ok: true });
  expect(await a41()).toBe(true);
  expect((await post(playground, '/api/run', run)).body.result).toMatchObject({ ok: true });
  expect(await checkins()).toBe(before + 1);
}, 90_000);
