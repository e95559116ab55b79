// The demo company's weekly summary, through dist/Code.js: its figures, and
// its HTML opened in headless Chromium (a screenshot in test-results/).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../../dev/build';
import { seedDemo } from '../../dev/playground/demo';
import { Workbooks } from '../../dev/playground/workbooks';
import { NOW } from '../playground/helpers';
import { launch } from '../playground/browser';

const ROOT = path.resolve(__dirname, '../..');
const MAYA = 'maya@acme.example';

let workbooks: Workbooks;
let company = '';
let preview: { subject: string; html: string; text: string; recipients: string[] };

beforeAll(() => {
  workbooks = new Workbooks({ dist: DIST, now: () => NOW });
  company = seedDemo(workbooks, NOW)[0]!;
  preview = workbooks.runtime.run('previewSummary', { spreadsheetId: company, user: MAYA });
  // Artifacts to read when a figure below fails.
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-results', 'summary.txt'), preview.text);
  fs.writeFileSync(path.join(ROOT, 'test-results', 'summary.html'), preview.html);
}, 120_000);

describe("the demo company's summary", () => {
  it('has the headline the Objectives Progress column gives, by the rollup rule', () => {
    const values = workbooks.runtime.store.values(company, 'Objectives');
    const progress = values.slice(1, 4).map((row) => row[7] as number);
    // C1, C2 and C3 are top-level (aligned to nothing), weight 1 each: overall = (C1 + C2 + C3) / 3.
    const overall = (progress[0]! + progress[1]! + progress[2]!) / 3;
    // 2026-Q4 in Berlin, Monday 30 November 11:00: (60 + 11/24) of 92 days → 66%.
    // The demo's History grows each figure steadily from the quarter's start to now: last Monday 08:00 (53 days
    // 8 hours in) it was 53.33 / 60.42 of today's, so the change since is overall × (1 − 0.883).
    const change = Math.round(overall * (1 - (53 + 8 / 24) / (60 + 10 / 24)) * 100);
    expect(preview.text).toContain(
      `Overall progress ${Math.round(overall * 100)}% (the cycle says 66% by now), +${change} pts since the last summary.`,
    );
    // Everyone who owns a company objective or key result: Maya (C1-C3 by name), Priya, Tom, Lena.
    expect(preview.recipients).toEqual(['maya@acme.example', 'priya@acme.example', 'tom@acme.example', 'lena@acme.example']);
    // At risk and off track, off track first, objectives before key results: P3 (25%) and C3-KR2 (20%) trail 66% by
    // more than 0.30; C1 (44%), C2 (42%, held back by C2-KR3), Sales' S2, C1-KR2 (46%) and C2-KR1 (38%) by 0.15 to
    // 0.30; C2-KR3 (the milestone written as a sentence, not done) is at risk by its confidence, as a milestone is
    // while its cycle runs. Overall (44 + 42 + 59) / 3 = 48%.
    expect(Math.round(overall * 100)).toBe(48);
    expect(preview.subject).toBe(`Company OKRs, 2026-Q4, week of 2026-11-30: ${Math.round(overall * 100)}% done, 8 at risk or off track`);
    const atRisk = preview.text.split('AT RISK AND OFF TRACK\n')[1]!.split('\n\n')[0]!;
    expect([...atRisk.matchAll(/^- (\S+) .*: (off track|at risk)/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'Product/P3 off track',
      'C3-KR2 off track',
      'C1 at risk',
      'C2 at risk',
      'Sales/S2 at risk',
      'C1-KR2 at risk',
      'C2-KR1 at risk',
      'C2-KR3 at risk',
    ]);
    // The company's own owners checked in this morning; the wins are the two key results holding their level.
    expect(preview.text).toContain('CHECK-INS MISSING OR STALE\nEveryone has checked in.');
    expect(preview.text).toContain(
      'WINS\n- C2-KR2 Keep monthly churn at most 2% (Tom Becker)\n- C3-KR1 Hold uptime at least 99.9% (lena@acme.example)',
    );
  });

  it('opens in Chromium at phone width, under 100 KB, as a screenshot artifact', async () => {
    const bytes = Buffer.byteLength(preview.html, 'utf8');
    expect(bytes).toBeLessThan(100 * 1024);
    const browser = await launch();
    try {
      await browser.page.setViewportSize({ width: 390, height: 844 });
      await browser.page.setContent(preview.html);
      // No image, no script: bars are table cells.
      expect(await browser.page.locator('img, script').count()).toBe(0);
      const width = await browser.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await browser.page.screenshot({ path: path.join(ROOT, 'test-results', 'summary.png'), fullPage: true });
    } finally {
      await browser.close();
    }
    console.log(`demo summary HTML: ${bytes} bytes`);
  }, 60_000);
});
