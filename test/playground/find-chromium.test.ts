import { expect, test } from 'vitest';
import { findChromium } from './browser';

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

test('CHROMIUM_PATH wins, and must exist', () => {
  expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', '/usr/bin/chromium'))).toBe('/opt/chrome/chrome');
  expect(() => findChromium({ CHROMIUM_PATH: '/nowhere' }, only('/usr/bin/chromium'))).toThrow(
    /CHROMIUM_PATH is \/nowhere, which does not exist/,
  );
});

test('otherwise the usual places on Linux and macOS, in order', () => {
  expect(findChromium({}, only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toBe('/usr/bin/chromium');
  expect(findChromium({}, only('/usr/bin/google-chrome-stable'))).toBe('/usr/bin/google-chrome-stable');
  expect(findChromium({}, only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))).toBe(
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  );
});

test('says in one line how to get one when there is none', () => {
  expect(() => findChromium({}, only())).toThrow(/^No Chromium or Chrome found for the browser tests: install one .* or set CHROMIUM_PATH/);
});
