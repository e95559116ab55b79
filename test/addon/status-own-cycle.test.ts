import { describe, expect, it } from 'vitest';
import { byHand, click, fill, newWorkbook, records } from './workbook';

// Status measures each row by its own cycle, through dist/Code.js in the
// runtime: an objective by its Cycle, a key result by its objective's, and the
// current cycle of Settings where that is blank or there is no such objective.
//
// The clock is workbook.ts's NOW, Sunday 15 November 2026 in New York, and
// set-up makes 2026-Q4 the current cycle: 45 of its 92 days are behind us.

const AT_RISK_GAP = 0.15;
const OFF_TRACK_GAP = 0.3;
/** The share of each cycle elapsed on NOW, by hand. */
const ELAPSED = {
  /** 2026-Q3 ended on 30 September: all of it. */
  past: 1,
  /** 2026-Q4, 1 October to 31 December: 45 of 92 days. */
  current: 45 / 92,
  /** 2027-Q1 starts on 1 January: none of it. */
  next: 0,
};

/** The status of a progress against the time elapsed, as Settings' default gaps judge it (done at 1 is not needed here). */
function byHandStatus(progress: number, elapsed: number): string {
  const gap = elapsed - progress;
  return gap <= AT_RISK_GAP ? 'on track' : gap <= OFF_TRACK_GAP ? 'at risk' : 'off track';
}

/** A workbook whose objectives run in different cycles, one key result each; progress is Current % (0 to 100). */
function workbook() {
  const { rt, id } = newWorkbook();
  click(rt, id, 'setUpWorkbook', 'NO');
  fill(
    rt,
    id,
    'Objectives',
    [
      ['O-PAST', 'Finish the summer launch', 'ana@example.com', 'Product', '2026-Q3'],
      ['O-NEXT', 'Open the second office', 'ben@example.com', 'Ops', '2027-Q1'],
      ['O-NOW', 'Delight our customers', 'cy@example.com', 'Product', ''],
      ['O-TYPO', 'Grow revenue', 'dee@example.com', 'Sales', 'Q3 2026'],
    ],
    2,
  );
  const kr = (id: string, objective: string, current: number) => [
    id,
    objective,
    `${id} to 100`,
    'ana@example.com',
    'increase',
    0,
    100,
    current,
  ];
  fill(
    rt,
    id,
    'Key Results',
    [
      kr('KR-PAST', 'O-PAST', 60),
      kr('KR-NEXT', 'O-NEXT', 10),
      kr('KR-NOW', 'o-now ', 30),
      kr('KR-TYPO', 'O-TYPO', 50),
      // Its objective is gone: it is measured by the current cycle.
      kr('KR-ORPHAN', 'O-GONE', 40),
    ],
    2,
  );
  return { rt, id };
}

const statuses = (rt: ReturnType<typeof newWorkbook>['rt'], id: string, tab: string) =>
  Object.fromEntries(records(rt, id, tab).map((r) => [r.ID, r.Status]));

describe("Status, measured by each row's own cycle", () => {
  it('judges each objective and key result by the time elapsed in its own cycle', () => {
    const { rt, id } = workbook();
    // The past quarter is over: 60 % trails 100 % elapsed by 0.4, beyond the off-track gap of 0.3.
    expect(byHandStatus(0.6, ELAPSED.past)).toBe('off track');
    // The next quarter has not started: 10 % is ahead of nothing elapsed.
    expect(byHandStatus(0.1, ELAPSED.next)).toBe('on track');
    // The current quarter: 30 % trails 45/92 = 0.489 by 0.189, between the gaps.
    expect(byHandStatus(0.3, ELAPSED.current)).toBe('at risk');
    // Measured by the current quarter, 40 % trails by 0.089 (by the past one it would be off track).
    expect(byHandStatus(0.4, ELAPSED.current)).toBe('on track');

    const keyResults = statuses(rt, id, 'Key Results');
    expect(keyResults).toEqual({
      'KR-PAST': byHandStatus(0.6, ELAPSED.past),
      'KR-NEXT': byHandStatus(0.1, ELAPSED.next),
      // Its Objective ID is written " o-now " and still finds O-NOW, whose blank Cycle is the current one.
      'KR-NOW': byHandStatus(0.3, ELAPSED.current),
      'KR-TYPO': expect.stringMatching(/^invalid: .*Q3 2026.*write it as 2026-Q3/),
      'KR-ORPHAN': byHandStatus(0.4, ELAPSED.current),
    });
    // Each objective's progress is its one key result's.
    expect(statuses(rt, id, 'Objectives')).toEqual({
      'O-PAST': byHandStatus(0.6, ELAPSED.past),
      'O-NEXT': byHandStatus(0.1, ELAPSED.next),
      'O-NOW': byHandStatus(0.3, ELAPSED.current),
      'O-TYPO': keyResults['KR-TYPO'],
    });
  });

  it("follows an objective's cycle as it is edited, with no script running", () => {
    const { rt, id } = workbook();
    const objectives = byHand(rt, id).getSheetByName('Objectives')!;
    // O-PAST moved to the current quarter: its key result's 60 % is ahead of 0.489.
    objectives.getRange('E2').setValue('2026-Q4');
    // The typo fixed: 2026-Q3 is over, and 50 % trails it by 0.5.
    objectives.getRange('E5').setValue('2026-Q3');
    expect(statuses(rt, id, 'Key Results')).toMatchObject({
      'KR-PAST': byHandStatus(0.6, ELAPSED.current),
      'KR-TYPO': byHandStatus(0.5, ELAPSED.past),
    });
    expect(statuses(rt, id, 'Objectives')).toMatchObject({
      'O-PAST': 'on track',
      'O-TYPO': 'off track',
    });
    // A blank cycle follows Settings: with 2026-Q3 current, O-NOW's 30 % trails 100 % elapsed.
    byHand(rt, id).getRangeByName('OKR_CURRENT_CYCLE')!.setValue('2026-Q3');
    expect(statuses(rt, id, 'Objectives')['O-NOW']).toBe(byHandStatus(0.3, ELAPSED.past));
    expect(statuses(rt, id, 'Key Results')).toMatchObject({
      'KR-NOW': byHandStatus(0.3, ELAPSED.past),
      'KR-ORPHAN': byHandStatus(0.4, ELAPSED.past),
      // A cycle of its own is not moved by Settings.
      'KR-NEXT': byHandStatus(0.1, ELAPSED.next),
    });
  });
});
