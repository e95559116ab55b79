import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ARCHIVE } from '../../src/okr/schema';
import { loadBundle } from './bundle';

// OKR_CYCLE_STATS through dist/Code.js, as Sheets calls it: the Archive tab's
// range with its header row, dates as Date objects. Figures worked by hand.

const context = loadBundle({
  SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => 'Etc/UTC' }) },
  Session: { getScriptTimeZone: () => 'Etc/UTC' },
});
const call = (source: string, archive?: unknown[][]): unknown => {
  context.archive = archive;
  return vm.runInContext(source, context);
};

/** The Archive's columns in another order than the schema's, as a person may have moved them. */
const HEADER = ['Reflection', 'Kind', 'ID', 'Team', 'Score', 'Check-ins', 'Cycle', 'Closed on', 'Title'];
const closed = (iso: string) => new Date(`${iso}T00:00:00Z`);
const Q2 = closed('2026-07-01');
const Q3 = closed('2026-10-01');
const archive = [
  HEADER,
  ['Shipped late', 'objective', 'P1', 'Product', '', '', '2026-Q3', Q3, 'Faster onboarding'],
  ['', 'key result', 'P1-KR1', 'Product', 0.8, 11, '2026-Q3', Q3, 'Activation 40%'],
  ['', 'key result', 'P1-KR2', 'Product', 0.5, 7, '2026-Q3', Q3, 'Time to value'],
  ['', 'objective', 'S1', 'Sales', '', '', '2026-Q2', Q2, 'Grow EMEA'],
  ['', 'objective', 'S2', 'Sales', '', '', '2026-Q2', Q2, 'Renewals'],
  ['', 'key result', 'S1-KR1', 'Sales', 1, 12, '2026-Q2', Q2, '20 deals'],
];

describe('OKR_CYCLE_STATS', () => {
  it('gives a header row and one row per cycle, oldest closed first', () => {
    expect(call('OKR_CYCLE_STATS(archive)', archive)).toEqual([
      [
        'Cycle',
        'Objectives',
        'Key results',
        'Average score',
        'Completion rate',
        'Check-ins per key result',
        'Objectives per team',
        'Key results per objective',
      ],
      // 2026-Q2: S1, S2 of Sales (one team: 2 / 1); S1-KR1 scores 1 → average 1, completion 1/1; 12 check-ins / 1;
      // 1 key result / 2 objectives = 0.5.
      ['2026-Q2', 2, 1, 1, 1, 12, 2, 0.5],
      // 2026-Q3: P1 of Product; (0.8 + 0.5) / 2 = 0.65; only 0.8 ≥ 0.7 → 1/2; (11 + 7) / 2 = 9; 1 / 1; 2 / 1.
      ['2026-Q3', 1, 2, 0.65, 0.5, 9, 1, 2],
    ]);
  });

  it('an Archive with only its header gives only the header row', () => {
    const result = call('OKR_CYCLE_STATS(archive)', [[...ARCHIVE.headers]]) as unknown[][];
    expect(result).toHaveLength(1);
    expect(result[0]![0]).toBe('Cycle');
  });

  it('a key result with no score makes that cycle\u2019s average and completion invalid, naming its Archive row', () => {
    const broken = archive.map((row) => [...row]);
    broken[3]![4] = ''; // P1-KR2's Score: row 4 of the range read
    const q3 = (call('OKR_CYCLE_STATS(archive)', broken) as unknown[][])[2]!;
    const why = 'invalid: key result P1-KR2 of 2026-Q3 has no score (row 4 of the Archive): write its Score';
    expect(q3).toEqual(['2026-Q3', 1, 2, why, why, 9, 1, 2]);
  });

  it('fails with a message Sheets shows when archive is not a range or lacks a column', () => {
    expect(() => call('OKR_CYCLE_STATS("Archive")')).toThrow('give archive as a range that includes its header row, such as Archive!A1:M');
    expect(() => call('OKR_CYCLE_STATS(archive)', [HEADER.filter((h) => h !== 'Check-ins')])).toThrow(
      'archive has no Check-ins column: give the Archive tab with its header row, such as Archive!A1:M',
    );
  });
});
