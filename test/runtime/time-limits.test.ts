// Issue 15, item 4: an execution's time is its computation as well as its
// waits. Google's "Quotas for Google Services": 6 min a script execution, 30 s
// a custom function; Apps Script stops it there, whatever it is doing.
import { describe, expect, it } from 'vitest';
import type { TimeLimits } from '../../dev/runtime/index';
import { runtimeWithBundle } from './own-bundle';

const TIMEOUT = 'Exceeded maximum execution time';

const BUNDLE = `
function busy(n) { var x = 0; for (var i = 0; i < n; i++) x += i % 7; return x; }
// Utilities.sleep waits 5 minutes at most a call.
function wait(ms) { for (; ms > 0; ms -= 300000) Utilities.sleep(Math.min(ms, 300000)); }
function NEARLY(waitMs, loops) { wait(waitMs); return busy(loops); }
function CAUGHT(waitMs, loops) {
  wait(waitMs);
  busy(loops);
  try { Utilities.sleep(0); } catch (e) { return 'caught: ' + e.message; }
  return 'went on';
}
function SPIN() { return busy(2e9); }
function PUT() { var cell = SpreadsheetApp.getActiveSheet().getRange('A1'); cell.setFormula('=SPIN()'); return cell.getValue(); }
`;

/** Enough computation to take well over 10 ms on any machine, and well under a second. */
const LOOPS = 50_000_000;

function runtimeWith(timeLimits?: Partial<TimeLimits>) {
  return runtimeWithBundle(BUNDLE, timeLimits);
}

describe('time limits count computation, not only waits', () => {
  it('a custom function that waits 29.99 s and then computes goes past its 30 s', () => {
    const { show } = runtimeWith();
    expect(show('A1', `=NEARLY(29990, ${LOOPS})`)).toEqual({ code: '#ERROR!', message: TIMEOUT });
    expect(show('A2', `=NEARLY(20000, ${LOOPS})`)).toBe(busy(LOOPS));
  });

  it('an execution that waits 5 min 59.99 s and then computes goes past its 6 min', () => {
    const { runtime, id } = runtimeWith();
    expect(() => runtime.run('NEARLY', { spreadsheetId: id, args: [359_990, LOOPS] })).toThrow(TIMEOUT);
    expect(runtime.run('NEARLY', { spreadsheetId: id, args: [300_000, LOOPS] })).toBe(busy(LOOPS));
  });

  it('is not saved by catching the error: Apps Script has stopped the execution', () => {
    const { runtime, id } = runtimeWith();
    expect(() => runtime.run('CAUGHT', { spreadsheetId: id, args: [359_990, LOOPS] })).toThrow(TIMEOUT);
  });

  it('stops code that calls no service once its time is up', () => {
    const { runtime, id, show } = runtimeWith({ customFunction: 100, execution: 200 });
    const started = performance.now();
    expect(show('A1', '=SPIN()')).toEqual({ code: '#ERROR!', message: TIMEOUT });
    expect(() => runtime.run('SPIN', { spreadsheetId: id })).toThrow(TIMEOUT);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a custom formula stopped during a menu action ends alone; the action goes on', () => {
    const { runtime, id } = runtimeWith({ customFunction: 100 });
    expect(runtime.run('PUT', { spreadsheetId: id })).toBe('#ERROR!');
  });
});

/** What busy(n) returns, computed here. */
function busy(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x += i % 7;
  return x;
}
