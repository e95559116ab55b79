// dist/Sidebar.html is what HtmlService serves: one file, nothing fetched from
// elsewhere, small enough to open fast every Monday.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DIST } from '../../dev/build';

const file = path.join(DIST, 'Sidebar.html');
const html = () => fs.readFileSync(file, 'utf8');

test('the build writes dist/Sidebar.html under the 60 KB budget', () => {
  expect(fs.existsSync(file)).toBe(true);
  const size = fs.statSync(file).size;
  expect(size).toBeGreaterThan(5_000); // the panel is really in it
  expect(size).toBeLessThan(60 * 1024);
});

test('it is one self-contained file: the script and style inline, no external src or href', () => {
  const text = html();
  expect(text).toMatch(/^<!doctype html>/i);
  expect(text.match(/<script>/g)).toHaveLength(1);
  expect(text.match(/<style>/g)).toHaveLength(1);
  expect(text).not.toMatch(/<script[^>]*\bsrc=/i);
  expect(text).not.toMatch(/<link\b/i);
  expect(text).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:|\/\/)/i);
  expect(text).not.toMatch(/url\(\s*["']?(?:https?:|\/\/)/i);
  expect(text).not.toMatch(/@import/);
  // The placeholders of sidebar/index.html were replaced.
  expect(text).not.toContain('/*SCRIPT*/');
  expect(text).not.toContain('/*STYLE*/');
});

test('the panel never writes HTML from strings: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
  expect(html()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
});
