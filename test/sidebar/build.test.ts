// dist/Sidebar.html (the check-in panel), dist/Suggestions.html (the Apply
// suggested metrics dialog), dist/Summaries.html (the Email summaries dialog)
// and dist/CloseCycle.html (the Close the cycle dialog) are what HtmlService
// serves: one file each,
// nothing fetched from elsewhere, small enough to open fast every Monday.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST } from '../../dev/build';
import { PAGES } from '../../dev/build-sidebar.mjs';

test('the pages and their budgets: the panel 60 KB, the suggestions dialog 20 KB, the summaries dialog 25 KB, the close-cycle dialog 20 KB', () => {
  expect(PAGES.map((page) => [page.name, page.budget])).toEqual([
    ['Sidebar', 60 * 1024],
    ['Suggestions', 20 * 1024],
    ['Summaries', 25 * 1024],
    ['CloseCycle', 20 * 1024],
  ]);
});

describe.each(PAGES)('dist/$name.html', ({ name, budget }) => {
  const file = path.join(DIST, `${name}.html`);
  const html = () => fs.readFileSync(file, 'utf8');

  test('is built, under its budget', () => {
    expect(fs.existsSync(file)).toBe(true);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(4_000); // the page is really in it
    expect(size).toBeLessThan(budget);
  });

  test('is one self-contained file: the script and style inline, no external src or href', () => {
    const text = html();
    expect(text).toMatch(/^<!doctype html>/i);
    expect(text.match(/<script>/g)).toHaveLength(1);
    expect(text.match(/<style>/g)).toHaveLength(1);
    expect(text).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(text).not.toMatch(/<link\b/i);
    expect(text).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:|\/\/)/i);
    expect(text).not.toMatch(/url\(\s*["']?(?:https?:|\/\/)/i);
    expect(text).not.toMatch(/@import/);
    // The placeholders of its template were replaced.
    expect(text).not.toContain('/*SCRIPT*/');
    expect(text).not.toContain('/*STYLE*/');
  });

  test('never writes HTML from strings: no innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    expect(html()).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
