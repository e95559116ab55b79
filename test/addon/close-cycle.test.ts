import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../dev/runtime/index';
import type { Cell } from '../../src/okr/cells';
import type { CloseCycleInput, CycleClosed, CycleReview } from '../../src/shared/cycle-review-api';
import type { CheckinContext } from '../../src/shared/checkin-api';
import { CHAMPION, byHand, click, errorOf, fill, newWorkbook, records } from './workbook';

// Close the cycle through dist/Code.js in the runtime: getCycleReview and
// closeCycle as the dialog calls them. The clock is workbook.ts's NOW,
// 15 November 2026 in New York: 45 of 2026-Q4's 92 days are behind us.

const HOSTILE = '<img src=x onerror=alert(1)> =IMPORTXML("http://evil.example","//a")';

/**
 * Two objectives of 2026-Q4 (O2 with a blank Cycle, which means the current
 * one) and one of 2026-Q3, with key results whose progress is worked by hand:
 * O1-KR1 (1,000,000 → 1,200,000, at 1,100,000) 0.5, score 0.5;
 * O1-KR2 (0 → 10, at 10) 1, done, score 1;
 * O2-KR1 (30 → 50, at 35) 0.25, score 0.3 (halves round up), at risk (0.49 of the cycle gone: 0.24 behind);
 * O2-KR2 (5 → 2, nothing measured) no progress, no score.
 */
function workbook(): { rt: Runtime; id: string } {
  const { rt, id } = newWorkbook();
  click(rt, id, 'setUpWorkbook', 'NO');
  fill(
    rt,
    id,
    'Objectives',
    [
      ['O1', 'Grow revenue', 'ana@example.com', 'Sales', '2026-Q4', '', ''],
      ['O2', HOSTILE, 'ben@example.com', 'Product', '', '', 2],
      ['O-OLD', 'Finish the summer launch', 'cy@example.com', 'Product', '2026-Q3', '', ''],
    ],
    2,
  );
  fill(
    rt,
    id,
    'Key Results',
    [
      ['O1-KR1', 'O1', 'Reach 1.2M ARR', 'ana@example.com', '', 1_000_000, 1_200_000, 1_100_000, '$', '', 7],
      ['O1-KR2', 'O1', 'Sign 10 partners', 'ana@example.com', '', 0, 10, 10, '', '', 9],
      ['O2-KR1', 'O2', 'Lift NPS to 50', 'ben@example.com', '', 30, 50, 35, '', 2, 4],
      ['O2-KR2', 'O2', 'Cut churn to 2 %', 'ben@example.com', '', 5, 2, '', '%', '', ''],
      ['OLD-KR1', 'O-OLD', 'Ship the launch', 'cy@example.com', '', 0, 1, 1, '', '', ''],
    ],
    2,
  );
  // Two check-ins of O1-KR1 in 2026-Q4 and one from 2026-Q3 (of an earlier key result with that id): 2 count.
  fill(
    rt,
    id,
    'Check-ins',
    [
      [new Date('2026-09-20T12:00:00Z'), 'O1-KR1', 900_000, 6, '', CHAMPION, 'c0'],
      [new Date('2026-10-12T12:00:00Z'), 'O1-KR1', 1_050_000, 6, '', CHAMPION, 'c1'],
      [new Date('2026-11-09T12:00:00Z'), 'O1-KR1', 1_100_000, 7, '', CHAMPION, 'c2'],
      [new Date('2026-11-02T12:00:00Z'), 'O2-KR1', 35, 4, '', CHAMPION, 'c3'],
    ],
    2,
  );
  return { rt, id };
}

const call = <T>(rt: Runtime, id: string, name: string, ...args: unknown[]): T =>
  rt.run(name, { spreadsheetId: id, user: CHAMPION, args }) as T;
const review = (rt: Runtime, id: string) => call<CycleReview>(rt, id, 'getCycleReview');
const close = (rt: Runtime, id: string, input: CloseCycleInput) => call<CycleClosed>(rt, id, 'closeCycle', input);

/** Every cell of every tab, by tab name. */
function everything(rt: Runtime, id: string): Record<string, Cell[][]> {
  return Object.fromEntries(
    byHand(rt, id)
      .getSheets()
      .map((sheet) => [sheet.getName(), rt.store.values(id, sheet.getName()) as Cell[][]]),
  );
}

const INPUT: CloseCycleInput = {
  cycle: '2026-Q4',
  nextCycle: '2027-Q1',
  reflections: { O1: 'Partners came faster than revenue.', O2: HOSTILE },
  carryOver: ['O1-KR1', 'O2-KR2'],
};

describe('getCycleReview', () => {
  it('lists the current cycle with the figures worked by hand, and says what closing will do', () => {
    const { rt, id } = workbook();
    const r = review(rt, id);
    expect(r.cycle).toBe('2026-Q4');
    expect(r.nextCycle).toBe('2027-Q1');
    expect(r.closedOn).toBeNull();
    expect(r.objectives.map((o) => o.id)).toEqual(['O1', 'O2']);
    const [o1, o2] = r.objectives;
    expect(o1!.keyResults.map((kr) => [kr.id, kr.progress, kr.score, kr.checkins, kr.done])).toEqual([
      ['O1-KR1', 0.5, 0.5, 2, false],
      ['O1-KR2', 1, 1, 0, true],
    ]);
    expect(o2!.keyResults.map((kr) => [kr.id, kr.progress, kr.score, kr.status, kr.checkins, kr.done])).toEqual([
      ['O2-KR1', 0.25, 0.3, 'at risk', 1, false],
      ['O2-KR2', null, null, 'no data', 0, false],
    ]);
    expect(o1!.checkins).toBe(2);
    expect(o2!.title).toBe(HOSTILE);
    // The objectives' figures are the sheet's own (its Progress and Status formulas).
    const sheet = records(rt, id, 'Objectives');
    for (const objective of r.objectives) {
      const row = sheet.find((o) => o.ID === objective.id)!;
      expect(objective.progress).toBe(row.Progress);
      expect(objective.status).toBe(row.Status);
    }
    expect(r.notices).toEqual([
      '2026-Q4 runs until 2026-12-31: closing it now ends it early, and scores its key results where they stand today.',
      '1 key result has no progress to score (O2-KR2): write their Current before closing, or the Archive keeps them with no score and the effectiveness table says so.',
      '1 objective has no Cycle: closing writes 2026-Q4 into it, so it stays in 2026-Q4 when the next cycle begins.',
    ]);
  });
});

describe('closeCycle', () => {
  it('archives every objective and key result as values, carries the unfinished ones over, and starts the next cycle', () => {
    const { rt, id } = workbook();
    const r = review(rt, id);
    const objectivesBefore = rt.store.values(id, 'Objectives') as Cell[][];
    const keyResultsBefore = rt.store.values(id, 'Key Results') as Cell[][];
    const checkinsBefore = rt.store.values(id, 'Check-ins');

    expect(close(rt, id, INPUT)).toEqual({ archived: 6, carriedOver: 2, cycle: '2027-Q1' });

    // The Archive: one row per objective, then its key results, as the review showed them.
    const archive = records(rt, id, 'Archive');
    const closedOn = archive[0]!['Closed on'] as Date;
    expect(closedOn).toBeInstanceOf(Date);
    expect(closedOn.getTime()).toBe(new Date('2026-11-15T15:00:00Z').getTime());
    const expected = r.objectives.flatMap((o) => [
      {
        Cycle: '2026-Q4',
        'Closed on': closedOn,
        Kind: 'objective',
        ID: o.id,
        'Parent ID': '',
        Title: o.title,
        Owner: o.owner,
        Team: o.team,
        Progress: o.progress,
        Score: o.score,
        Confidence: '',
        'Check-ins': o.checkins,
        Reflection: INPUT.reflections[o.id],
      },
      ...o.keyResults.map((kr) => ({
        Cycle: '2026-Q4',
        'Closed on': closedOn,
        Kind: 'key result',
        ID: kr.id,
        'Parent ID': o.id,
        Title: kr.title,
        Owner: kr.owner,
        Team: o.team,
        Progress: kr.progress ?? '',
        Score: kr.score ?? '',
        Confidence: keyResultsBefore.find((row) => row[0] === kr.id)![10],
        'Check-ins': kr.checkins,
        Reflection: '',
      })),
    ]);
    expect(archive).toEqual(expected);
    // Values, never formulas; the hostile title and reflection are kept as the text they are.
    const archiveSheet = byHand(rt, id).getSheetByName('Archive')!;
    expect(
      archiveSheet
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(archive.filter((row) => row.Title === HOSTILE && row.Reflection === HOSTILE).map((row) => row.ID)).toEqual(['O2']);

    // The closed cycle's rows are exactly as they were, but for O2's blank Cycle, now 2026-Q4 as it meant.
    const objectivesAfter = rt.store.values(id, 'Objectives') as Cell[][];
    const keyResultsAfter = rt.store.values(id, 'Key Results') as Cell[][];
    const o2Cycle = objectivesBefore[0]!.indexOf('Cycle');
    expect(objectivesAfter[2]![o2Cycle]).toBe('2026-Q4');
    objectivesAfter[2]![o2Cycle] = '';
    expect(objectivesAfter.slice(0, 4)).toEqual(objectivesBefore.slice(0, 4));
    expect(keyResultsAfter.slice(0, 6)).toEqual(keyResultsBefore.slice(0, 6));
    expect(rt.store.values(id, 'Check-ins')).toEqual(checkinsBefore);

    // The carried key results, starting where they stood, under copies of their objectives in 2027-Q1.
    const newObjectives = records(rt, id, 'Objectives').slice(3);
    expect(newObjectives.map((o) => [o.ID, o.Objective, o.Owner, o.Team, o.Cycle, o['Aligned to'], o.Weight])).toEqual([
      ['O1-2027Q1', 'Grow revenue', 'ana@example.com', 'Sales', '2027-Q1', '', ''],
      ['O2-2027Q1', HOSTILE, 'ben@example.com', 'Product', '2027-Q1', '', 2],
    ]);
    const newKeyResults = records(rt, id, 'Key Results').slice(5);
    expect(
      newKeyResults.map((kr) => [
        kr.ID,
        kr['Objective ID'],
        kr['Key result'],
        kr.Owner,
        kr.Start,
        kr.Target,
        kr.Current,
        kr.Unit,
        kr.Confidence,
        kr['Last check-in'],
      ]),
    ).toEqual([
      ['O1-KR1-2027Q1', 'O1-2027Q1', 'Reach 1.2M ARR', 'ana@example.com', 1_100_000, 1_200_000, '', '$', '', ''],
      ['O2-KR2-2027Q1', 'O2-2027Q1', 'Cut churn to 2 %', 'ben@example.com', 5, 2, '', '%', '', ''],
    ]);
    // Their formulas fill their Progress (nothing measured yet) like any row's.
    expect(newKeyResults.map((kr) => kr.Progress)).toEqual(['', '']);

    // Everything that looks at now looks at 2027-Q1.
    expect(byHand(rt, id).getRangeByName('OKR_CURRENT_CYCLE')!.getValue()).toBe('2027-Q1');
    const panel = call<CheckinContext>(rt, id, 'getCheckinContext');
    expect(panel.cycle).toBe('2027-Q1');
    expect(panel.keyResults.map((kr) => kr.id)).toEqual(['O1-KR1-2027Q1', 'O2-KR2-2027Q1']);
    const next = review(rt, id);
    expect([next.cycle, next.nextCycle, next.closedOn]).toEqual(['2027-Q1', '2027-Q2', null]);
    expect(next.objectives.map((o) => o.id)).toEqual(['O1-2027Q1', 'O2-2027Q1']);
    // The closed cycle's rows keep their own cycle's status.
    expect(records(rt, id, 'Key Results').find((kr) => kr.ID === 'O2-KR1')!.Status).toBe('at risk');
  });

  it('leaves out an objective whose Cycle names no cycle, saying so; the panel keeps showing it until it is corrected', () => {
    const { rt, id } = workbook();
    fill(rt, id, 'Objectives', [['O3', 'Typed as people say it', 'ana@example.com', 'Sales', 'Q4 2026', '', '']], 5);
    fill(rt, id, 'Key Results', [['O3-KR1', 'O3', 'Win 3 pilots', 'ana@example.com', '', 0, 3, 1, '', '', 6]], 7);
    const shownBefore = (kr: string) => call<CheckinContext>(rt, id, 'getCheckinContext').keyResults.find((view) => view.id === kr);
    // In the panel with the current cycle's, saying why it has no status, as its Status cell does, rather than missing.
    expect(records(rt, id, 'Key Results').find((kr) => kr.ID === 'O3-KR1')!.Status).toBe(
      'invalid: unknown cycle "Q4 2026": write it as 2026-Q4',
    );
    expect(shownBefore('O3-KR1')).toMatchObject({
      status: '',
      reason: 'Its objective\'s Cycle, "Q4 2026", names no cycle: no status until it is corrected (Validate the OKRs says how)',
    });
    const r = review(rt, id);
    expect(r.objectives.map((o) => o.id)).toEqual(['O1', 'O2']);
    expect(r.notices).toContain(
      '1 objective has a Cycle that names no cycle: O3 ("Q4 2026"). It is not closed, and stays open until its Cycle is corrected (Validate the OKRs says how).',
    );
    expect(close(rt, id, INPUT).archived).toBe(6);
    expect(records(rt, id, 'Archive').map((row) => row.ID)).not.toContain('O3');
    expect(records(rt, id, 'Objectives').find((o) => o.ID === 'O3')!.Cycle).toBe('Q4 2026');
    expect(shownBefore('O3-KR1')).toBeDefined();
  });

  it('archives once: a retry or a second click is refused with the day it was closed, changing nothing', () => {
    const { rt, id } = workbook();
    close(rt, id, INPUT);
    const after = everything(rt, id);
    expect(errorOf(() => close(rt, id, INPUT))).toBe(
      '2026-Q4 was already closed on 2026-11-15: the Archive keeps it. Nothing was changed.',
    );
    expect(everything(rt, id)).toEqual(after);
    // A workbook whose Settings was set back to the closed cycle shows when it was closed.
    byHand(rt, id).getRangeByName('OKR_CURRENT_CYCLE')!.setValue('2026-Q4');
    expect(review(rt, id).closedOn).toBe('2026-11-15');
  });

  it('a carried key result carried again gets the next suffix in place of the old one', () => {
    const { rt, id } = workbook();
    close(rt, id, INPUT);
    expect(close(rt, id, { cycle: '2027-Q1', nextCycle: '2027-Q2', reflections: {}, carryOver: ['O1-KR1-2027Q1'] })).toEqual({
      archived: 4,
      carriedOver: 1,
      cycle: '2027-Q2',
    });
    const ids = records(rt, id, 'Key Results').map((kr) => kr.ID);
    expect(ids.slice(-1)).toEqual(['O1-KR1-2027Q2']);
    expect(
      records(rt, id, 'Objectives')
        .map((o) => o.ID)
        .slice(-1),
    ).toEqual(['O1-2027Q2']);
  });

  const refusals: [string, Partial<CloseCycleInput>, string][] = [
    ['a stale dialog', { cycle: '2026-Q3' }, '2026-Q3 was already closed on'],
    [
      'a cycle that is not the current one',
      { cycle: '2026-Q2' },
      'The dialog was for 2026-Q2, but the current cycle is now 2026-Q4: close the dialog and open it again. Nothing was changed.',
    ],
    ['a next cycle that is no cycle', { nextCycle: '2027-Q5' }, 'The next cycle cannot be used: unknown cycle "2027-Q5"'],
    [
      'a next cycle before this one',
      { nextCycle: '2026-Q3' },
      '2026-Q3 does not come after 2026-Q4: pick a later cycle, such as 2027-Q1. Nothing was changed.',
    ],
    ['a blank next cycle', { nextCycle: ' ' }, 'Write the next cycle, such as 2027-Q1. Nothing was changed.'],
    [
      'an unknown key result',
      { carryOver: ['NOPE'] },
      'NOPE is not a key result of 2026-Q4, so it cannot be carried over. Nothing was changed.',
    ],
    ['a key result of another cycle', { carryOver: ['OLD-KR1'] }, 'OLD-KR1 is not a key result of 2026-Q4'],
    ['a done key result', { carryOver: ['O1-KR2'] }, 'O1-KR2 is done: only unfinished key results carry over. Nothing was changed.'],
    [
      'a reflection over 500 characters',
      { reflections: { O1: 'x'.repeat(501) } },
      'The reflection on O1 is 501 characters long: keep it to 500 or fewer. Nothing was changed.',
    ],
    [
      'a reflection on no objective of the cycle',
      { reflections: { 'O-OLD': 'hm' } },
      'The reflection on O-OLD names no objective of 2026-Q4',
    ],
    [
      'a request that is not one',
      { carryOver: 'O1-KR1' as unknown as string[] },
      'The dialog sent key results to carry over that are not a list of ids',
    ],
  ];
  it.each(refusals)('refuses %s, changing nothing', (_, change, message) => {
    const { rt, id } = workbook();
    // A closed 2026-Q3 in the Archive, for the stale dialog.
    if (change.cycle === '2026-Q3')
      fill(rt, id, 'Archive', [
        [
          'Cycle',
          'Closed on',
          'Kind',
          'ID',
          'Parent ID',
          'Title',
          'Owner',
          'Team',
          'Progress',
          'Score',
          'Confidence',
          'Check-ins',
          'Reflection',
        ],
        ['2026-Q3', new Date('2026-10-01T15:00:00Z'), 'objective', 'O-OLD', '', 'Finish the summer launch', '', '', 1, 1, '', 0, ''],
      ]);
    const before = everything(rt, id);
    expect(errorOf(() => close(rt, id, { ...INPUT, ...change }))).toContain(message);
    expect(everything(rt, id)).toEqual(before);
  });

  it('refuses an id the carry-over would give that a row has already, changing nothing', () => {
    const { rt, id } = workbook();
    fill(rt, id, 'Key Results', [['O1-KR1-2027Q1', 'O9', 'Planned ahead', '', '', 0, 1, '']], 7);
    const before = everything(rt, id);
    expect(errorOf(() => close(rt, id, INPUT))).toBe(
      'O1-KR1-2027Q1 is already an ID in Key Results: carrying over would give that ID to a second row. Rename that row, or do not carry this one over. Nothing was changed.',
    );
    expect(everything(rt, id)).toEqual(before);
  });

  it('refuses when Settings > Current cycle holds a formula of the person’s, changing nothing', () => {
    const { rt, id } = workbook();
    byHand(rt, id).getRangeByName('OKR_CURRENT_CYCLE')!.setFormula('="2026-Q4"');
    const before = everything(rt, id);
    expect(errorOf(() => close(rt, id, INPUT))).toMatch(/^Settings > Current cycle holds a formula of yours \(B\d+\)/);
    expect(everything(rt, id)).toEqual(before);
  });

  it('takes back what it wrote when a write fails part way', () => {
    const { rt, id } = workbook();
    const before = everything(rt, id);
    let settingsWritten = false;
    let failed = false;
    // The Archive's writes come after Settings' current cycle: the first of them fails (once: taking back works).
    rt.onServiceCall = (name, functionName) => {
      if (functionName !== 'closeCycle' || failed) return;
      if (name === 'Range.setValue') settingsWritten = true;
      else if (settingsWritten && name === 'Range.setValues') {
        failed = true;
        throw new Error('Service Spreadsheets timed out');
      }
    };
    try {
      expect(errorOf(() => close(rt, id, INPUT))).toBe(
        'Closing 2026-Q4 stopped part way (Service Spreadsheets timed out); what it had written was taken back. Please try again.',
      );
    } finally {
      rt.onServiceCall = undefined;
    }
    expect(everything(rt, id)).toEqual(before);
    // And it closes on the next try.
    expect(close(rt, id, INPUT).archived).toBe(6);
  });

  it('writes in a handful of calls', () => {
    const { rt, id } = workbook();
    const writes = () =>
      Object.entries(rt.lastCalls)
        .filter(([name]) => /^Range\.(setValues|setValue|setNumberFormats?|setFontWeight)$|^Sheet\.setFrozenRows$/.test(name))
        .reduce((sum, [, n]) => sum + n, 0);
    close(rt, id, INPUT);
    // Key Results: 2 runs (ID to Confidence, Last check-in) × (formats + values); Objectives: 1 run × 2; O2's
    // Cycle: 1; Settings: 1; the Archive, made the first time (its header, bold and frozen, and 11 column
    // formats), then its rows.
    expect(writes()).toBe(4 + 2 + 1 + 1 + (1 + 1 + 1 + 11) + 1);
    // The next close, into the Archive that is there: one key result carried, no blank Cycle.
    close(rt, id, { cycle: '2027-Q1', nextCycle: '2027-Q2', reflections: {}, carryOver: ['O1-KR1-2027Q1'] });
    expect(writes()).toBe(4 + 2 + 1 + 1);
  });
});
