// The playground's drawing code in headless Chromium: the page's own Grid
// (client/grid.ts, bundled as the server bundles it) renders the sheet view
// the server sends for a dashboard workbook, and draws one pie chart with a
// slice per status and a SPARKLINE bar in each key result's cell; a status
// written as HTML stays text in the chart's legend.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import { launch } from './browser';
import { HOSTILE, dashboardWorkbook } from './dashboard-fixture';

const CLIENT = path.join(ROOT, 'dev', 'playground', 'client');

let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: `import { Grid } from './grid';
        window.drawView = (view) => new Grid(document.getElementById('host'), { select() {}, edit() {}, allowAccess() {} }).render(view, false);`,
      resolveDir: CLIENT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const css = fs.readFileSync(path.join(CLIENT, 'style.css'), 'utf8');
  browser = await launch();
  page = browser.page;
  await page.setContent(`<!doctype html><style>${css}</style><div id="host" class="grid-host" style="height:800px"></div>`);
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const { workbooks, id } = dashboardWorkbook();
  const view = JSON.parse(JSON.stringify(workbooks.sheetView(id, 'Dashboard'))) as unknown;
  await page.evaluate((v) => (window as unknown as { drawView(view: unknown): void }).drawView(v), view);
}, 60_000);

afterAll(async () => {
  await browser?.close();
}, 30_000);

test('a pie chart is drawn over the grid with a slice per status, and hostile label text stays text', async () => {
  const chart = page.locator('.chart-box svg.chart');
  await expect.poll(() => chart.count()).toBe(1);
  expect(await chart.getAttribute('data-chart-type')).toBe('PIE');
  expect(await chart.locator('path.pie-slice, circle.pie-slice').count()).toBe(3);
  expect(await chart.locator('text.chart-title').textContent()).toBe('Key results by status');
  expect(await chart.locator('.legend-item text').allTextContents()).toEqual(['On track', 'At risk', HOSTILE]);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Anchored at B8: the chart's corner is the cell's corner.
  const [cell, box] = await Promise.all([page.locator('td[data-a1="B8"]').boundingBox(), page.locator('.chart-box').boundingBox()]);
  expect(Math.round(box!.x)).toBe(Math.round(cell!.x));
  expect(Math.round(box!.y)).toBe(Math.round(cell!.y));
});

test('each key result cell shows a sparkline bar as long as its progress, and nothing for text or a blank row', async () => {
  const width = (a1: string) =>
    page
      .locator(`td[data-a1="${a1}"] svg.sparkline rect.spark-bar`)
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
  expect(await width('C2')).toEqual([40]);
  expect(await width('C3')).toEqual([100]);
  expect(await page.locator('td[data-a1="C4"] svg.sparkline').count()).toBe(1);
  expect(await width('C4')).toEqual([]);
  expect(await page.locator('td[data-a1="C5"] svg').count()).toBe(0);
  expect(await page.locator('td[data-a1="C2"] rect.spark-bar').getAttribute('fill')).toBe('#34a853');
});
