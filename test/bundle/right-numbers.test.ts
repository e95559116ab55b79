import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadBundle } from './bundle';

// Issue 14's wrong numbers and messages, through dist/Code.js as Sheets calls it.
const context = loadBundle({
  SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => 'Etc/UTC' }) },
  Session: { getScriptTimeZone: () => 'Etc/UTC' },
  Utilities: { formatDate: (date: Date) => date.toISOString().slice(0, 23) },
});
const call = (source: string) => vm.runInContext(source, context);
const messageOf = (source: string): string => {
  try {
    call(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${source} did not fail`);
};

describe('an objective never looks done while its key results are not measured', () => {
  it('counts key results with no progress yet as 0, once one has progress', () => {
    // One key result at target, two not yet measured: a third of the way, not 100 % and done.
    expect(call('OKR_ROLLUP([["O1"]], [["O1"],["O1"],["O1"]], [[1],[""],[""]])')).toEqual([[1 / 3]]);
    expect(call('OKR_STATUS(OKR_ROLLUP("O1", [["O1"],["O1"],["O1"]], [[1],[""],[""]]), 0.5)')).toBe('at risk');
  });

  it('stays blank while no key result has progress', () => {
    expect(call('OKR_ROLLUP([["O1"],["O2"]], [["O1"],["O1"],["O2"]], [[""],[""],[0.5]])')).toEqual([[''], [0.5]]);
  });

  it('turns invalid when a key result is, saying which: errors travel upward', () => {
    expect(
      call('OKR_ROLLUP([["O1"],["O2"]], [["O1"],["O1"],["O2"]], [[0.5],["invalid: start is blank: it must be a number"],[0.5]])'),
    ).toEqual([['invalid: row 2 of child_progress (a child of O1) is invalid: start is blank: it must be a number'], [0.5]]);
    expect(messageOf('OKR_ROLLUP("O1", [["O1"]], [[1.5]])')).toBe(
      'row 1 of child_progress (a child of O1) is 1.5: progress is a fraction from 0 to 1',
    );
  });

  it('reads progress written as text as OKR_PROGRESS would, and leaves out weight 0', () => {
    expect(call('OKR_ROLLUP("O1", [["O1"],["O1"],["O1"]], [["0.4"],["invalid: x"],[0.8]], [[1],[0],[1]])')).toBeCloseTo(0.6, 12);
  });
});

describe('shapes are kept', () => {
  it('gives a row for a row and a block for a block', () => {
    expect(call('OKR_SCORE([[0.64, 0.65, ""]])')).toEqual([[0.6, 0.7, '']]);
    expect(call('OKR_SCORE([[0.1, 0.2], [0.3, 0.4]])')).toEqual([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
    expect(call('OKR_PROGRESS([[0, 0]], [[10, 10]], [[5, 10]])')).toEqual([[0.5, 1]]);
    expect(call('OKR_ROLLUP([["O1", "O2"]], [["O1"],["O2"]], [[0.2],[0.4]])')).toEqual([[0.2, 0.4]]);
  });
});

describe('no NaN, no overflow, no year 1926', () => {
  it('computes progress across the whole range of doubles', () => {
    expect(call('OKR_PROGRESS(-1e308, 1e308, 0)')).toBe(0.5);
    expect(call('OKR_ROLLUP("O1", [["O1"],["O1"]], [[0.5],[1]], [[1e308],[1e308]])')).toBe(0.75);
  });

  it('refuses a cycle before the year 1000 with a hint', () => {
    expect(messageOf('OKR_EXPECTED("0026-Q4", new Date(Date.UTC(2026, 10, 15)))')).toBe('unknown cycle "0026-Q4": write it as 2026-Q4');
  });

  it('refuses an expected share outside 0 to 1', () => {
    expect(messageOf('OKR_STATUS(0.5, 1.5)')).toBe(
      'expected is 1.5: it is the share of the cycle elapsed, from 0 to 1 (as OKR_EXPECTED gives it)',
    );
  });

  it('takes a date serial number, what DATEVALUE gives, as well as a date', () => {
    // 46341 is 2026-11-15: days since 1899-12-30.
    expect(call('OKR_EXPECTED("2026-Q4", 46341)')).toBe(45 / 92);
  });
});

describe('clearer messages', () => {
  it('suggests the corrected cycle name', () => {
    expect(messageOf('OKR_EXPECTED("Q2 2027", new Date())')).toBe('unknown cycle "Q2 2027": write it as 2027-Q2');
  });

  it('matches ids with invisible characters, and shows them', () => {
    const table = call(
      'OKR_VALIDATE([["ID","Objective","Owner"],["O1","Grow","ann"]], [["ID","Objective ID","Key result","Owner","Start","Target","Current"],["KR1","O1\\u200b","Ship","ann",0,1,""],["KR1\\u00a0","O1","Sell","ann",0,1,""]])',
    );
    const messages = (table as string[][]).map((row) => row[3]);
    expect(messages).not.toContainEqual(expect.stringMatching(/unknown-objective|not in the Objectives table/));
    expect(messages).toContain('ID KR1 is used twice (first in Key Results row 2): IDs must be unique across Objectives and Key Results.');
    const unknown = call(
      'OKR_VALIDATE([["ID","Objective","Owner"],["O1","Grow","ann"]], [["ID","Objective ID","Key result","Owner","Start","Target","Current"],["KR1","O2\\u200b","Ship","ann",0,1,""]])',
    ) as string[][];
    expect(unknown.map((row) => row[3])).toContain(
      'Key result KR1 belongs to objective O2[zero-width space], which is not in the Objectives table.',
    );
  });
});
