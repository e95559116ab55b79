import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { wallClockIn } from '../wall-clock';
import { FORMULAS, loadBundle } from './bundle';

/**
 * The two services a custom formula may read: the spreadsheet's time zone and
 * Utilities.formatDate (enough of it for the yyyy-MM-dd'T'HH:mm:ss.SSS pattern).
 */
function timeZoneServices(timeZone: string, reads: string[]) {
  const clock = wallClockIn(timeZone);
  return {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => ({
        getSpreadsheetTimeZone: () => {
          reads.push('getSpreadsheetTimeZone');
          return timeZone;
        },
      }),
    },
    Session: { getScriptTimeZone: () => 'Etc/UTC' },
    Utilities: {
      formatDate: (date: Date, zone: string, pattern: string) => {
        expect(zone).toBe(timeZone);
        expect(pattern).toBe("yyyy-MM-dd'T'HH:mm:ss.SSS");
        return new Date(clock(date)).toISOString().slice(0, 23);
      },
    },
  };
}

describe('custom formulas in the built bundle, in an empty vm context', () => {
  it('loads with no globals at all: nothing at top level touches a service', () => {
    const context = loadBundle();
    for (const name of ['require', 'process', 'setTimeout', 'fetch', 'module', 'Buffer']) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('undefined');
    }
    for (const name of [...Object.keys(FORMULAS), 'onOpen', 'onInstall']) {
      expect(vm.runInContext(`typeof ${name}`, context)).toBe('function');
    }
  });

  it('computes each formula by its global name, on single values and on columns', () => {
    const reads: string[] = [];
    const context = loadBundle(timeZoneServices('America/New_York', reads));
    const call = (source: string) => vm.runInContext(source, context);

    expect(call('OKR_PROGRESS(0, 100, 40)')).toBe(0.4);
    expect(call('OKR_PROGRESS([[0],[10]], [[100],[0]], [[40],[5]], [["increase"],["decrease"]])')).toEqual([[0.4], [0.5]]);
    expect(call('OKR_PROGRESS("", "", true, "milestone")')).toBe(1);

    const rollup = call('OKR_ROLLUP([["O1"],["O2"],["O3"]], [["O1"],["O1"],["O2"],["o1"]], [[0.5],[1],[0.2],[0]], [[1],[3],[""],[""]])');
    expect(rollup[0][0]).toBeCloseTo(0.7, 12);
    expect(rollup.slice(1)).toEqual([[0.2], ['']]);

    // Sheets passes a date cell as the instant of local midnight in the spreadsheet's zone.
    expect(call('OKR_EXPECTED("2026-Q4", new Date(Date.UTC(2026, 10, 15, 5)))')).toBe(45 / 92);
    expect(reads).toEqual(['getSpreadsheetTimeZone']);
    expect(call('OKR_STATUS([[0.1],[0.2],[0.5],[1],[""]], 0.5)')).toEqual([['off track'], ['at risk'], ['on track'], ['done'], ['']]);
    expect(call('OKR_STATUS("", 0.5)')).toBe('no data');
    // Milestones row by row: confidence 8, 5, 2 and blank mid-cycle, one done, one not done once the cycle ended, a number beside them.
    expect(
      call(
        'OKR_STATUS([[0],[0],[0],[0],[1],[0],[0.1]], [[0.5],[0.5],[0.5],[0.5],[0.5],[1],[0.5]], 0.15, 0.3, ' +
          '[["milestone"],["milestone"],["milestone"],["milestone"],["milestone"],["milestone"],["increase"]], [[8],[5],[2],[""],[""],[9],[9]])',
      ),
    ).toEqual([['on track'], ['at risk'], ['off track'], ['no data'], ['done'], ['off track'], ['off track']]);
    expect(call('OKR_SCORE([[0.65],[0.64]])')).toEqual([[0.7], [0.6]]);
    expect(call('OKR_VALIDATE([["ID","Objective"]], [["ID","Objective ID","Key result","Start","Target","Current"]])')).toBe('OK');
    expect(call('OKR_VALIDATE([["ID"]], [["ID","Objective ID","Key result","Start","Target","Current"]])')).toEqual([
      ['Severity', 'Rule', 'Where', 'Message'],
      ['error', 'missing-column', 'Objectives row 1', 'The Objectives table has no "Objective" column: add a header named Objective.'],
    ]);
  });

  it('throws a plain message for bad single values, with no stack trace in it', () => {
    const context = loadBundle(timeZoneServices('Etc/UTC', []));
    const error = (() => {
      try {
        vm.runInContext('OKR_PROGRESS(0, 0, 5)', context);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe('target equals start (0): there is no change to measure');
    expect(error?.message).not.toMatch(/\n|at .*\.js/);
  });
});
