import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { CODE_BUDGET, ROOT } from '../../dev/build';
import { CODE_PATH, bundleSource } from './bundle';

// Every custom formula call loads the whole of dist/Code.js (issue 20): its
// size is a budget, and minifying it must not cost a readable stack trace.
// 160 KB since the dashboard (issue 21): its builder's formulas are text that
// minifying cannot shorten; 180 KB since closing a cycle (issue 22): its
// review, plan and refusals are messages, and OKR_CYCLE_STATS. The compile
// time it costs each formula call is in the benchmark.

test(`dist/Code.js is under its ${CODE_BUDGET / 1024} KB budget`, () => {
  expect(fs.statSync(CODE_PATH).size).toBeLessThan(CODE_BUDGET);
});

test('a position in the minified bundle reads back as its source line through `npm run where`', () => {
  const lines = bundleSource().split('\n');
  const line = lines.findIndex((text) => text.includes('could not compute this'));
  expect(line).toBeGreaterThan(0);
  const column = lines[line]!.indexOf('could not compute this') + 1;
  const stack = `Error: boom\n    at Xe (Code:${line + 1}:${column})`;
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dev', 'where.mjs')], { input: stack, encoding: 'utf8' });
  // The message is built in sheetsError, src/formulas/columns.ts.
  const [, file, sourceLine] = /at Xe \((\S+):(\d+):\d+/.exec(out)!;
  expect(file).toBe('src/formulas/columns.ts');
  expect(fs.readFileSync(path.join(ROOT, file!), 'utf8').split('\n')[Number(sourceLine) - 1]).toContain('could not compute this');
});
