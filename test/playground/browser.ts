import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's chromium package; `.ci/run` installs it. */
export const CHROMIUM = '/usr/bin/chromium';
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
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium).`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-playground-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
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

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function runMenuItem(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.locator('.submenu-caption', { hasText: 'OKR Sheets' }).hover();
  await page.locator(`.menu-item[data-path="Extensions > OKR Sheets > ${item}"]`).click();
}

/** expect.poll with room for a loaded machine: several browsers and servers run at once under `npm test`. */
export function poll<T>(read: () => T | Promise<T>, options: { timeout?: number } = {}): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 10_000, ...options });
}
