import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/okr/cells';
import { CYCLE_STATS_HEADERS, cycleStats } from '../../src/okr/cycle-stats';
import { UserError } from '../../src/okr/errors';
import { ARCHIVE } from '../../src/okr/schema';

// OKR_CYCLE_STATS's engine against figures worked by hand in the comments.

const HEADER = [...ARCHIVE.headers];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An Archive row in the schema's column order, from the cells that matter here. */
function row(cycle: Cell, closed: Cell, kind: Cell, id: Cell, team: Cell, score: Cell, checkins: Cell): Cell[] {
  // Cycle, Closed on, Kind, ID, Parent ID, Title, Owner, Team, Progress, Score, Confidence, Check-ins, Reflection
  return [cycle, closed, kind, id, '', `${String(id)} title`, 'ana@acme.test', team, '', score, '', checkins, ''];
}

const Q2 = day('2026-07-01');
const Q3 = day('2026-10-02');

/** Two cycles, Q3 listed first: the table still puts Q2 (closed earlier) first. */
const ARCHIVE_ROWS: Cell[][] = [
  HEADER,
  row('2026-Q3', Q3, 'objective', 'O1', 'Product', '', ''), // row 2
  row('2026-Q3', Q3, 'key result', 'O1-KR1', 'Product', 0.7, 12), // row 3
  row('2026-Q3', Q3, 'key result', 'O1-KR2', 'Product', 0.4, 9), // row 4
  row('2026-Q3', Q3, 'objective', 'O2', ' product ', '', ''), // row 5: same team as O1 once normalised
  row('2026-Q3', Q3, 'key result', 'O2-KR1', '', 1, 13), // row 6
  row('', '', 'objective', 'stray', 'Sales', '', ''), // row 7: no cycle, skipped
  row('2026-Q2', Q2, 'objective', 'P1', 'Sales', '', ''), // row 8
  row('2026-Q2', Q2, 'objective', 'P2', '', '', ''), // row 9: blank team, a group of its own
  row('2026-Q2', Q2, 'objective', 'P3', 'Ops', '', ''), // row 10
  row('2026-Q2', Q2, 'key result', 'P1-KR1', 'Sales', 0.3, 4), // row 11
  row('2026-Q2', Q2, 'key result', 'P1-KR2', 'Sales', 0.9, 10), // row 12
  row('2026-Q2', Q2, 'key result', 'P2-KR1', '', 0.69999999999, 6), // row 13: 0.7 as floating point leaves it
  row('2026-Q2', Q2, 'key result', 'P3-KR1', 'Ops', 0.6, 5), // row 14
];

describe('cycleStats', () => {
  it('gives one row per cycle, oldest first, with figures worked by hand', () => {
    const [header, q2, q3, ...rest] = cycleStats(ARCHIVE_ROWS);
    expect(header).toEqual([...CYCLE_STATS_HEADERS]);
    expect(rest).toEqual([]);
    // 2026-Q2: 3 objectives, 4 key results.
    // Average score (0.3 + 0.9 + 0.69999999999 + 0.6) / 4 = 2.49999999999 / 4 ≈ 0.625.
    // Completed (score ≥ 0.7 within 1e-9): 0.9 and 0.69999999999 → 2 / 4 = 0.5.
    // Check-ins (4 + 10 + 6 + 5) / 4 = 25 / 4 = 6.25.
    // Teams: Sales, (blank), Ops → 3; objectives per team 3 / 3 = 1. Key results per objective 4 / 3.
    expect(q2![0]).toBe('2026-Q2');
    expect(q2!.slice(1, 3)).toEqual([3, 4]);
    expect(q2![3]).toBeCloseTo(0.625, 9);
    expect(q2!.slice(4)).toEqual([0.5, 6.25, 1, 4 / 3]);
    // 2026-Q3: 2 objectives (O1, O2), 3 key results; the stray row without a cycle counts nowhere.
    // Average (0.7 + 0.4 + 1) / 3 = 2.1 / 3 = 0.7. Completed: 0.7 and 1 → 2/3.
    // Check-ins (12 + 9 + 13) / 3 = 34 / 3. Teams: Product and " product " are one → 2 / 1 = 2.
    // Key results per objective 3 / 2 = 1.5.
    expect(q3![0]).toBe('2026-Q3');
    expect(q3![3]).toBeCloseTo(0.7, 12);
    expect([q3![1], q3![2], q3![4], q3![5], q3![6], q3![7]]).toEqual([2, 3, 2 / 3, 34 / 3, 2, 1.5]);
  });

  it('a key result without a score makes its cycle\u2019s average and completion invalid, naming the row; the rest stands', () => {
    const rows = ARCHIVE_ROWS.map((r) => [...r]);
    rows[11]![9] = ''; // P1-KR2's Score, row 12 of the Archive
    rows[12]![9] = 'n/a'; // P2-KR1's (row 13): the first problem is the one named
    const q2 = cycleStats(rows)[1]!;
    const why = 'invalid: key result P1-KR2 of 2026-Q2 has no score (row 12 of the Archive): write its Score';
    expect(q2).toEqual(['2026-Q2', 3, 4, why, why, 6.25, 1, 4 / 3]);
    rows[11]![9] = 0.9;
    expect(cycleStats(rows)[1]![3]).toBe(
      'invalid: key result P2-KR1 of 2026-Q2 has score "n/a" (row 13 of the Archive): write its Score as a number from 0 to 1',
    );
    // Q3 is untouched by Q2's problem: (0.7 + 0.4 + 1) / 3.
    expect(cycleStats(rows)[2]![3]).toBeCloseTo(0.7, 12);
  });

  it('a key result whose Check-ins is not a number makes only Check-ins per key result invalid', () => {
    const rows = ARCHIVE_ROWS.map((r) => [...r]);
    rows[3]![11] = 'twelve'; // O1-KR2, row 4
    const q3 = cycleStats(rows)[2]!;
    expect(q3[5]).toBe(
      'invalid: key result O1-KR2 of 2026-Q3 has Check-ins "twelve" (row 4 of the Archive): write how many check-ins it had, as a number',
    );
    expect(q3[3]).toBeCloseTo(0.7, 12);
    rows[3]![11] = '';
    expect(cycleStats(rows)[2]![5]).toMatch(/^invalid: key result O1-KR2 of 2026-Q3 has no Check-ins \(row 4 of the Archive\)/);
  });

  it('an objective row does not need a score or a check-in count', () => {
    // The rows above leave objectives' Score and Check-ins blank, and no figure is invalid.
    for (const cycle of cycleStats(ARCHIVE_ROWS).slice(1)) expect(cycle.join(' ')).not.toMatch(/invalid/);
  });

  it('a row of another Kind makes every figure of its cycle invalid: its counts would be wrong', () => {
    const rows = [HEADER, row('2026-Q4', Q3, 'goal', 'G1', 'Sales', 0.5, 1)];
    const why = 'invalid: row 2 of the Archive (2026-Q4) has Kind "goal": write objective or key result';
    expect(cycleStats(rows)[1]).toEqual(['2026-Q4', why, why, why, why, why, why, why]);
  });

  it('a cycle with objectives only leaves the per-key-result figures blank; one with key results only, the per-objective ones', () => {
    const rows = [HEADER, row('A', Q2, 'objective', 'O1', 'X', '', ''), row('B', Q3, 'Key Result', 'K1', '', 0.8, 3)];
    expect(cycleStats(rows).slice(1)).toEqual([
      ['A', 1, 0, '', '', '', 1, 0],
      // Kind matches whatever its case: 0.8 ≥ 0.7 → completion 1.
      ['B', 0, 1, 0.8, 1, 3, '', ''],
    ]);
  });

  it('orders by the earliest Closed on, ties by first appearance, and reads columns in any order', () => {
    const order = [12, 0, 2, 11, 9, 3, 5, 6, 7, 8, 10, 1, 4]; // a shuffle of the 13 columns
    const shuffle = (r: Cell[]) => order.map((i) => r[i]);
    const rows = [
      HEADER,
      row('Later', day('2026-05-01'), 'objective', 'L', '', '', ''),
      row('Tie 1', day('2026-03-01'), 'objective', 'T1', '', '', ''),
      row('Tie 2', day('2026-03-01'), 'objective', 'T2', '', '', ''),
      row('Later', day('2026-02-01'), 'objective', 'L2', '', '', ''), // Later's earliest close is the first
    ].map(shuffle);
    expect(
      cycleStats(rows)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Later', 'Tie 1', 'Tie 2']);
  });

  it('counts one cycle however its name is spelt, shown as first written', () => {
    const rows = [
      HEADER,
      row('2026-Q3', Q3, 'objective', 'O1', 'A', '', ''),
      row(' 2026-q3 ', Q3, 'key result', 'K1', 'A', 0.5, 2),
      row('2026-Q3', Q3, 'key result', 'K2', 'A', 1, 4),
    ];
    // 1 objective, 2 key results: (0.5 + 1) / 2 = 0.75, 1 of 2 completed, (2 + 4) / 2 = 3 check-ins.
    expect(cycleStats(rows).slice(1)).toEqual([['2026-Q3', 1, 2, 0.75, 0.5, 3, 1, 2]]);
  });

  it('an Archive with only its header gives only the header row', () => {
    expect(cycleStats([HEADER])).toEqual([[...CYCLE_STATS_HEADERS]]);
  });

  it('names the required columns it cannot find', () => {
    const header = HEADER.filter((h) => h !== 'Score' && h !== 'Kind');
    expect(() => cycleStats([header])).toThrow(UserError);
    expect(() => cycleStats([header])).toThrow(
      'archive has no Kind, Score columns: give the Archive tab with its header row, such as Archive!A1:M',
    );
  });
});
