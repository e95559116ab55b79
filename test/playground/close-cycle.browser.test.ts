// Close the cycle in the playground, in headless Chromium, end to end on the
// seeded demo with the real dist/Code.js (nothing injected): Maya, the
// company workbook's owner, opens Extensions > OKR Sheets > Close the
// cycle…, writes a reflection, carries one unfinished key result over and
// closes 2026-Q4. The Archive then holds the demo's closed 2026-Q2 and
// 2026-Q3 and the new 2026-Q4 rows, the effectiveness table on the Dashboard
// shows three cycles, Settings says 2027-Q1; a restart with --reset brings
// the demo back as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import type { Playground } from '../../dev/playground/server';
import { companyWorkbook, sheetText } from '../sidebar/playground';
import { firstGrid, freePort, launch, poll, runMenuItem } from './browser';
import { start, tempStateDir } from './helpers';

const MAYA = 'maya@acme.example';

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
  if (context.task.result?.state === 'fail')
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'close-cycle-playground-failure.png') });
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
}, 60_000);

async function records(sheet: string): Promise<Record<string, string>[]> {
  const [header, ...rows] = await sheetText(playground, workbook, sheet);
  return rows.filter((row) => row[0] !== '').map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

const currentCycle = async () => (await records('Settings')).find((r) => r.Setting === 'Current cycle')!.Value;

test('Maya closes 2026-Q4 on the demo: the Archive, the carried key result, the new cycle; --reset brings the demo back', async () => {
  expect(await page.getByLabel('Signed in as').inputValue()).toBe(MAYA);
  expect(await currentCycle()).toBe('2026-Q4');
  const archiveBefore = await records('Archive');
  expect([...new Set(archiveBefore.map((r) => r.Cycle))]).toEqual(['2026-Q2', '2026-Q3']);
  const objectives = (await records('Objectives')).filter((o) => o.Cycle === '2026-Q4' || o.Cycle === '');
  const ids = new Set(objectives.map((o) => o.ID));
  const keyResults = (await records('Key Results')).filter((kr) => ids.has(kr['Objective ID']!));
  const unfinished = keyResults.find((kr) => kr.Status !== 'done' && kr.Progress !== '100%')!;

  await runMenuItem(page, 'Close the cycle…');
  const dialog = page.locator('.modal-layer .html-dialog');
  await poll(() => dialog.getAttribute('aria-label')).toBe('Close the cycle');
  expect(await dialog.evaluate((box) => (box as HTMLElement).style.width)).toBe('720px');
  const frame = page.frameLocator('.html-dialog iframe');
  await poll(() => frame.locator('#app').getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  // Every objective of the cycle, with its title as the sheet has it.
  expect(await frame.locator('.objective h2 .title').allTextContents()).toEqual(objectives.map((o) => o.Objective));

  const first = objectives[0]!;
  await frame.getByLabel(`What we learned (${first.ID})`).fill('Enterprise deals took a quarter longer than planned.');
  await frame.getByLabel(`Carry over to 2027-Q1 (${unfinished.ID})`).check();
  await poll(() => frame.locator('.summary').textContent()).toBe(
    `Closing 2026-Q4 archives ${objectives.length} objectives and ${keyResults.length} key results, carries 1 key result over to 2027-Q1, and makes 2027-Q1 the current cycle.`,
  );
  await frame.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  await frame.getByRole('button', { name: 'Yes, close 2026-Q4' }).click();
  await poll(() => frame.locator('.result').textContent(), { timeout: 30_000 }).toBe(
    `2026-Q4 is closed: ${objectives.length + keyResults.length} rows were added to the Archive tab, 1 key result was carried over to 2027-Q1, and 2027-Q1 is now the current cycle.`,
  );
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'close-cycle-playground.png') });
  await frame.getByRole('button', { name: 'Close', exact: true }).click();
  await poll(() => page.locator('.modal-layer .html-dialog').count()).toBe(0);

  // The record, the carried key result under its objective's copy, and the new cycle.
  const archive = await records('Archive');
  expect(archive.slice(0, archiveBefore.length)).toEqual(archiveBefore);
  const added = archive.slice(archiveBefore.length);
  expect(added).toHaveLength(objectives.length + keyResults.length);
  expect(added.every((r) => r.Cycle === '2026-Q4')).toBe(true);
  expect(added.find((r) => r.ID === first.ID)!.Reflection).toBe('Enterprise deals took a quarter longer than planned.');
  const carried = (await records('Key Results')).find((kr) => kr.ID === `${unfinished.ID}-2027Q1`)!;
  expect(carried['Key result']).toBe(unfinished['Key result']);
  expect(carried.Start).toBe(unfinished.Current);
  expect(await currentCycle()).toBe('2027-Q1');
  // The dashboard's effectiveness table now compares three cycles.
  const dashboard = (await sheetText(playground, workbook, 'Dashboard')).flat();
  for (const cycle of ['2026-Q2', '2026-Q3', '2026-Q4']) expect(dashboard).toContain(cycle);

  // --reset: the demo as it was seeded.
  await playground.close();
  playground = await start(stateDir, { port: await freePort(), reset: true });
  workbook = await companyWorkbook(playground);
  expect(await currentCycle()).toBe('2026-Q4');
  expect(await records('Archive')).toEqual(archiveBefore);
}, 120_000);
