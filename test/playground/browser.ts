import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where a Chromium or Chrome usually is on Linux and macOS; `.ci/run` installs Debian's at the first. */
const CHROMIUM_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser the tests drive: `CHROMIUM_PATH` when set, else the first usual place that has one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = fs.existsSync): string {
  const given = env.CHROMIUM_PATH?.trim();
  if (given) {
    if (!exists(given)) throw new Error(`CHROMIUM_PATH is ${given}, which does not exist: point it at a Chromium or Chrome executable.`);
    return given;
  }
  const found = CHROMIUM_PLACES.find(exists);
  if (!found) {
    throw new Error(
      'No Chromium or Chrome found for the browser tests: install one (Debian/Ubuntu: apt-get install chromium; macOS: Google Chrome) or set CHROMIUM_PATH to its executable.',
    );
  }
  return found;
}
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium with a fresh profile; `close` removes the profile too. */
export async function launch(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const executablePath = findChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-playground-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: ARGS,
    headless: true,
    viewport: { width: 1400, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * How long a page may take to show its grid the first time: the demo's
 * dashboards recalculate on the first load, and the test files run side by
 * side on two CPUs.
 */
export const FIRST_GRID_MS = 45_000;

/** Waits for the grid's first cell after the page opened. */
export async function firstGrid(page: Page): Promise<void> {
  await page.locator('td[data-a1="A1"]').waitFor({ timeout: FIRST_GRID_MS });
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function runMenuItem(page: Page, item: string): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await page.locator('.submenu-caption', { hasText: 'OKR Sheets' }).hover();
  await page.locator(`.menu-item[data-path="Extensions > OKR Sheets > ${item}"]`).click();
}

/**
 * Shows a tab as a person clicks it. Clicking a tab reloads its sheet even when it is the one shown, and the reload
 * resets the selection: wait for it, or a click made meanwhile (on a loaded machine) is lost and typing lands in A1.
 */
export async function showTab(page: Page, name: string): Promise<void> {
  const loaded = page.waitForResponse((response) => response.url().includes('/api/sheet'));
  await page.getByRole('tab', { name, exact: true }).click();
  await loaded;
  await poll(() => page.locator('.grid').getAttribute('aria-label')).toBe(name);
}

/** expect.poll with room for a loaded machine: several browsers and servers run at once under `npm test`. */
export function poll<T>(read: () => T | Promise<T>, options: { timeout?: number } = {}): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 10_000, ...options });
}
