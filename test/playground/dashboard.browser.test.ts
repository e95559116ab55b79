// The demo company's Dashboard in the playground, in headless Chromium: built
// by the add-on when the demo is seeded, drawn as Sheets would (four charts
// over the grid, a bar in each objective's row), every figure a number or a
// word, and the headline and charts visible without scrolling on a laptop
// screen. The screenshot is kept in test-results/dashboard.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import type { Playground } from '../../dev/playground/server';
import { firstGrid, launch, poll } from './browser';
import { start, tempStateDir } from './helpers';

let browser: Awaited<ReturnType<typeof launch>>;
let stateDir: string;
let playground: Playground;
let page: Page;

const cell = (a1: string) => page.locator(`td[data-a1="${a1}"] .text`);

beforeAll(async () => {
  stateDir = tempStateDir();
  playground = await start(stateDir);
  browser = await launch();
  page = browser.page;
  // A laptop's screen: 1366 × 768, less the browser's own bar.
  await page.setViewportSize({ width: 1366, height: 680 });
  await page.goto(playground.url);
  await firstGrid(page);
  const loaded = page.waitForResponse((response) => response.url().includes('/api/sheet'));
  await page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
  await loaded;
  await page.locator('.grid[aria-label="Dashboard"]').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await page?.screenshot({ path: path.join(ROOT, 'test-results', 'dashboard.png') });
  await browser?.close();
  await playground?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test('the demo company has its dashboard, first among its tabs', async () => {
  expect((await page.getByRole('tab').allTextContents())[0]).toBe('Dashboard');
  expect(await cell('A1').textContent()).toMatch(/^OKR dashboard · \d{4}-Q\d$/);
});

test('every headline figure is a number or a word, never an error', async () => {
  const labels = await Promise.all(['A3', 'B3', 'C3', 'I3'].map((a1) => cell(a1).textContent()));
  expect(labels).toEqual(['Progress', 'Expected', 'Forecast', 'Check-in rate']);
  for (const a1 of ['A4', 'B4', 'C4', 'I4']) expect(await cell(a1).textContent(), a1).toMatch(/^\d{1,3}%$/);
  for (const a1 of ['D4', 'E4', 'F4', 'G4', 'H4']) expect(await cell(a1).textContent(), a1).toMatch(/^\d+$/);
  const shown = await page.locator('td .text').allTextContents();
  expect(shown.filter((text) => /^#[A-Z/0!]+[!?]?$|^invalid:/.test(text))).toEqual([]);
});

test('lists the company and each linked team, whatever cycles the teams count', async () => {
  // Sales counts fiscal quarters and Operations six-week waves: their objectives support the company's, so they count.
  const teams = await Promise.all([23, 24, 25, 26].map((row) => cell(`A${row}`).textContent()));
  expect(teams).toEqual(['Company', 'Operations', 'Product', 'Sales']);
  for (const row of [23, 24, 25, 26]) expect(await cell(`B${row}`).textContent()).toBe('3');
});

test('draws the four charts with their data, and a bar for each objective', async () => {
  const charts = page.locator('.chart-box svg.chart');
  await poll(() => charts.count()).toBe(4);
  expect(await charts.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('data-chart-type')))).toEqual([
    'PIE',
    'COLUMN',
    'LINE',
    'COLUMN',
  ]);
  expect(await page.locator('.chart-box svg.chart path.pie-slice, .chart-box svg.chart circle.pie-slice').count()).toBeGreaterThan(1);
  // The company has three objectives this quarter: a bar each, and two series (Progress, Expected).
  const bars = page.locator('td svg.sparkline rect.spark-bar');
  await poll(() => bars.count()).toBe(3);
  // The weeks: Expected, Overall and a line for each of the three linked teams, each with points.
  expect(await page.locator('.chart-box svg.chart[data-chart-type="LINE"] .series-line').count()).toBe(5);
});

test('the headline and its three charts fit a laptop screen without scrolling', async () => {
  const height = page.viewportSize()!.height;
  // The fourth chart, of the closed cycles, sits beside the Effectiveness by cycle table further down.
  const bottoms = await page.locator('.chart-box').evaluateAll((boxes) => boxes.map((b) => b.getBoundingClientRect().bottom));
  expect(bottoms).toHaveLength(4);
  for (const box of bottoms.slice(0, 3)) {
    expect(box).toBeLessThanOrEqual(height);
  }
  const headline = await page.locator('td[data-a1="J4"]').boundingBox();
  expect(headline!.x + headline!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
});
