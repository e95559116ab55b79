// Every server function the check-in panel and the two dialogs call
// goes through google.script.run's bridge (dev/runtime/services/script-run.ts)
// in the harness and the playground, and what each returns for a real
// workbook is a value Google lets cross.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../../dev/build';
import { seededWorkbook } from './harness';

const ONE = 'owner.one@example.com';

/** The pages' calls, each with arguments they really send. */
const CALLS: Record<string, unknown[]> = {
  getCheckinContext: [],
  submitCheckin: [{ id: '0b6a1c9e-3f2d-4a8b-9c1e-5d7f2a4b6c8d', keyResultId: 'EX-KR2', value: 5, confidence: 7, note: 'on the way' }],
  getMetricSuggestions: [],
  applyMetricSuggestions: [['EX-KR3']],
};

/** The Email summaries dialog's calls, in the order a person makes them. */
const SUMMARY_CALLS: Record<string, unknown[]> = {
  getSummarySettings: [],
  saveSummarySettings: [{ enabled: true, recipients: 'both', list: ['lead@example.com'], weekday: 'MONDAY', hour: 9, reminders: true }],
  previewSummary: [],
  sendSummaryNow: [],
};

/** The Close the cycle dialog's calls, in the order a person makes them. */
const CLOSE_CYCLE_CALLS: Record<string, unknown[]> = {
  getCycleReview: [],
  closeCycle: [{ cycle: '2026-Q4', nextCycle: '2027-Q1', reflections: { 'EX-O1': 'Ship smaller.' }, carryOver: ['EX-KR2'] }],
};

test("the pages call no server function this list misses (sidebar/*.ts, every call('…'))", () => {
  const dir = path.join(ROOT, 'sidebar');
  const called = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/\bcall\('(\w+)'/g)) called.add(match[1]!);
  }
  expect([...called].sort()).toEqual([...Object.keys(CALLS), ...Object.keys(SUMMARY_CALLS), ...Object.keys(CLOSE_CYCLE_CALLS)].sort());
});

test('each of them returns, through the bridge, a value google.script.run can carry', () => {
  const { rt, id } = seededWorkbook();
  for (const [name, args] of Object.entries(CALLS)) {
    const reply = rt.runFromPage(name, { spreadsheetId: id, user: ONE, args });
    expect(reply, name).toMatchObject({ ok: true });
  }
});

test('the Email summaries calls return, through the bridge, a value google.script.run can carry', () => {
  const { rt, id } = seededWorkbook();
  for (const [name, args] of Object.entries(SUMMARY_CALLS)) {
    const reply = rt.runFromPage(name, { spreadsheetId: id, user: ONE, args });
    expect(reply, name).toMatchObject({ ok: true });
  }
});

test('the Close the cycle calls return, through the bridge, a value google.script.run can carry', () => {
  const { rt, id } = seededWorkbook();
  for (const [name, args] of Object.entries(CLOSE_CYCLE_CALLS)) {
    const reply = rt.runFromPage(name, { spreadsheetId: id, user: ONE, args });
    expect(reply, name).toMatchObject({ ok: true });
  }
});
