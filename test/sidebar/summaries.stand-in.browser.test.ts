// The Email summaries dialog (dist/Summaries.html) with a STAND-IN SERVER, for
// the one thing the real one cannot be made to do: return mail HTML that holds
// script. The real server escapes every piece of workbook text (tested in
// test/addon/summaries.test.ts), so only a stand-in shows that the dialog
// itself runs none of a mail's script, whatever the HTML. Everything else is
// tested against the real server in summaries.browser.test.ts. The stand-in
// answers as src/shared/summary-api.ts says, through the runtime's
// google.script.run bridge (callFromPage: arguments and values held to
// Google's rules).
import { afterEach, expect, test } from 'vitest';
import { callFromPage } from '../../dev/runtime/index';
import type { SummaryPreview, SummarySettings } from '../../src/shared/summary-api';
import { openWithStandIn, type Harness } from './harness';

/** Mail HTML holding script: it must show in the frame and run nowhere. */
const HTML =
  '<h1 style="font-size:18px">Acme: week 49</h1><p>3 key results at risk.</p>' +
  '<img src=x onerror="window.__pwned = 1; try { parent.__pwned = 1 } catch (e) {}">' +
  '<script>window.__pwned = 2; try { parent.__pwned = 2 } catch (e) {}</script>';
const TEXT = 'Acme: week 49\n\n3 key results at risk.';

const SETTINGS: SummarySettings = {
  enabled: true,
  recipients: 'owners',
  list: [],
  weekday: 'MONDAY',
  hour: 9,
  reminders: true,
  nextSend: '2026-12-07T09:00:00.000Z',
  recipientCount: 1,
  timeZone: 'Etc/UTC',
};
const PREVIEW: SummaryPreview = { subject: 'Weekly OKRs: Acme, week 49', html: HTML, text: TEXT, recipients: ['ana@acme.example'] };

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

test('stand-in server: mail HTML with script shows in the sandboxed frame, and none of its script runs', async () => {
  const functions: Record<string, () => unknown> = { getSummarySettings: () => SETTINGS, previewSummary: () => PREVIEW };
  harness = await openWithStandIn(
    (name, args) =>
      callFromPage(
        (fn) => {
          const f = functions[fn];
          if (!f) throw new Error(`Script function not found: ${fn}`);
          return f();
        },
        name,
        args,
      ),
    { file: 'Summaries', width: 640 },
  );
  const page = harness.page;
  await expect.poll(() => page.locator('#app').getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.locator('.preview');
  await preview.waitFor({ state: 'visible', timeout: 15_000 });
  const frame = preview.locator('iframe');
  expect(await frame.getAttribute('sandbox')).toBe('');
  expect(await frame.getAttribute('srcdoc')).toBe(HTML);
  expect(await page.frameLocator('.preview iframe').locator('h1').textContent()).toBe('Acme: week 49');
  // The mail's HTML is only in the frame: no image or script of it in the dialog, and neither ran anywhere.
  expect(await page.locator('main img, main script').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.frames()[1]!.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}, 60_000);
