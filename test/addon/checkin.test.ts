import { describe, expect, it } from 'vitest';
import type { CheckinContext, CheckinInput, KeyResultView } from '../../src/shared/checkin-api';
import { Runtime } from '../../dev/runtime/index';
import { byHand, click, newWorkbook, records, errorOf } from './workbook';

const OWNER = 'owner.one@example.com';

/** A workbook set up with the example OKRs. */
function examples() {
  const { rt, id } = newWorkbook();
  click(rt, id, 'setUpWorkbook', 'YES');
  return { rt, id };
}

const context = (rt: Runtime, id: string, user = OWNER) => rt.run<CheckinContext>('getCheckinContext', { spreadsheetId: id, user });
const submit = (rt: Runtime, id: string, checkin: Partial<CheckinInput>, user = OWNER) =>
  rt.run<KeyResultView>('submitCheckin', {
    spreadsheetId: id,
    user,
    args: [{ id: 'checkin-0001', keyResultId: 'EX-KR1', value: 50, confidence: 7, note: 'Tour shipped', ...checkin }],
  });
const checkins = (rt: Runtime, id: string) => records(rt, id, 'Check-ins');

/** The Key Results cells (as A1) whose value or formula differs between two reads, leaving out the computed Progress and Status. */
function changedCells(
  before: { values: unknown[][]; formulas: string[][] },
  after: { values: unknown[][]; formulas: string[][] },
): string[] {
  const changed: string[] = [];
  after.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const letter = String.fromCharCode(65 + c);
      if (letter === 'L' || letter === 'M') return;
      const same = JSON.stringify(value) === JSON.stringify(before.values[r]?.[c]) && after.formulas[r]![c] === before.formulas[r]?.[c];
      if (!same) changed.push(`${letter}${r + 1}`);
    }),
  );
  return changed;
}
const keyResultCells = (rt: Runtime, id: string) => ({
  values: rt.store.values(id, 'Key Results', 'A1:N20'),
  formulas: rt.store.formulas(id, 'Key Results', 'A1:N20'),
});

describe('Check in (the menu item)', () => {
  it('opens the panel as a 300 px sidebar titled Check in, from the built Sidebar.html', () => {
    const { rt, id } = examples();
    rt.run('showCheckinPanel', { spreadsheetId: id, user: OWNER });
    const sidebar = rt.ui.last('sidebar')!;
    expect(sidebar).toMatchObject({ title: 'Check in', width: 300 });
    expect(sidebar.html).toMatch(/<script>/);
    expect(sidebar.html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
  });
});

describe('getCheckinContext', () => {
  it('gives the panel everything in one round trip, reading each tab once', () => {
    const { rt, id } = examples();
    const ctx = context(rt, id);
    // Objectives, Key Results, Check-ins, People (who owners written by name are), Settings and Cycles (what the current cycle means).
    expect(rt.lastCalls['Range.getValues']).toBe(6);
    // From the Key Results range read: which values are percentages, and which Current is a person's formula.
    expect(rt.lastCalls['Range.getNumberFormats']).toBe(1);
    expect(rt.lastCalls['Range.getFormulas']).toBe(1);
    expect(Object.keys(rt.lastCalls).filter((name) => /\.set|appendRow|insert/.test(name))).toEqual([]);
    expect(ctx).toMatchObject({
      cycle: '2026-Q4',
      cadence: 'weekly',
      locale: 'en_US',
      today: '2026-11-15',
      user: OWNER,
      teams: ['Example team'],
      notices: [],
    });
    expect(ctx.owners).toEqual(['owner.one@example.com', 'owner.three@example.com', 'owner.two@example.com']);
    expect(ctx.keyResults).toHaveLength(9);
    const kr1 = ctx.keyResults[0]!;
    expect(kr1).toMatchObject({
      id: 'EX-KR1',
      objectiveId: 'EX-O1',
      objective: 'Make onboarding effortless for new customers',
      owner: OWNER,
      team: 'Example team',
      metric: 'increase',
      unit: '%',
      percent: false,
      start: 40,
      target: 60,
      current: 46,
      currentFromFormula: false,
      expected: expect.any(Number),
      status: 'at risk',
      reason: expect.stringMatching(/^30% done with \d+% of the quarter gone: at risk$/),
      confidence: 6,
      lastCheckin: null,
      due: true,
      recent: [],
    });
    expect(kr1.progress).toBeCloseTo(0.3, 12);
    expect(ctx.keyResults.find((kr) => kr.id === 'EX-KR3')).toMatchObject({
      metric: 'milestone',
      current: 'not done',
      progress: 0,
      // A milestone not done takes its status from its confidence (6: at risk) while the cycle runs.
      status: 'at risk',
      reason: 'A milestone, not done yet: confidence 6 of 10: at risk',
    });
    expect(ctx.keyResults.find((kr) => kr.id === 'EX-KR6')).toMatchObject({ current: null, progress: null, status: 'no data' });
    // Only JSON crosses google.script.run: no Date, no undefined.
    expect(JSON.parse(JSON.stringify(ctx))).toEqual(ctx);
  });

  it('says so when Google withholds the address', () => {
    const { rt, id } = examples();
    rt.setUserEmailHidden(OWNER, true);
    expect(context(rt, id).user).toBe('');
  });
});

describe('submitCheckin', () => {
  it("adds one row and writes the key result's Current, Confidence and Last check-in, nothing else; the formulas recompute", () => {
    const { rt, id } = examples();
    const before = keyResultCells(rt, id);
    const view = submit(rt, id, {});
    // The Check-ins row in one write, then one a cell: Current (H), Confidence (K) and Last check-in (N) are not adjacent.
    expect(rt.lastCalls['Range.setValues']).toBe(4);
    expect(rt.lastCalls['Sheet.appendRow'] ?? 0).toBe(0);
    // Formats tell how to keep text as text: one read for the new row, one for the key result's cells (with its formulas).
    expect(rt.lastCalls['Range.getNumberFormats']).toBe(2);
    expect(rt.lastCalls['Range.getFormulas']).toBe(1);
    expect(changedCells(before, keyResultCells(rt, id))).toEqual(['H2', 'K2', 'N2']);
    expect(Object.keys(rt.lastCalls).filter((name) => /\.set(?!Values)|insert|delete|clear/.test(name))).toEqual([]);
    expect(checkins(rt, id)).toEqual([
      {
        Timestamp: new Date('2026-11-15T15:00:00Z'),
        'Key result ID': 'EX-KR1',
        Value: 50,
        Confidence: 7,
        Note: 'Tour shipped',
        By: OWNER,
        'Check-in ID': 'checkin-0001',
      },
    ]);
    const kr = records(rt, id, 'Key Results')[0]!;
    expect(kr).toMatchObject({ ID: 'EX-KR1', Current: 50, Unit: '%', Confidence: 7, 'Last check-in': new Date('2026-11-15T15:00:00Z') });
    expect(kr.Progress).toBeCloseTo(0.5, 12);
    expect(kr.Status).toBe('on track');
    expect(view).toMatchObject({
      id: 'EX-KR1',
      current: 50,
      confidence: 7,
      status: 'on track',
      due: false,
      lastCheckin: '2026-11-15T15:00:00.000Z',
    });
    expect(view.progress).toBeCloseTo(0.5, 12);
    expect(view.recent).toEqual([{ timestamp: '2026-11-15T15:00:00.000Z', value: 50, confidence: 7, note: 'Tour shipped', by: OWNER }]);
    // The objective rolls the new progress up, with EX-O3, aligned to it (deploys 1/4, failed deploys 1/3, checklist done).
    const exO3 = (1 / 4 + 1 / 3 + 1) / 3;
    expect(records(rt, id, 'Objectives')[0]!.Progress).toBeCloseTo((0.5 + 2 / 7 + 0 + exO3) / 4, 12);
  });

  it("keeps a person's own formulas and typed values in the key result's row", () => {
    const { rt, id } = examples();
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    // Their own array formula in Weight, anchored in row 2 and spilling below.
    sheet.getRange('J2').setFormula('=ARRAYFORMULA(IF(A2:A4="", "", 2))');
    submit(rt, id, { keyResultId: 'EX-KR2', value: 7 });
    expect(rt.store.formulas(id, 'Key Results', 'J2')).toEqual([['=ARRAYFORMULA(IF(A2:A4="", "", 2))']]);
    expect(rt.store.values(id, 'Key Results', 'H3:K3')).toEqual([[7, 'days', 2, 7]]);
    // Only the changed cells were written (and the Check-ins row), so nothing of theirs was overwritten.
    expect(rt.lastCalls['Range.setValues']).toBe(4);
    expect(rt.lastCalls['Range.setValue'] ?? 0).toBe(0);
  });

  it('keeps progress a person typed by hand where set-up left their column alone', () => {
    const { rt, id } = examples();
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    sheet.getRange('L1').setValue('Progress');
    sheet.getRange('L2:L3').setValues([[0.9], [0.1]]);
    submit(rt, id, {});
    expect(rt.store.values(id, 'Key Results', 'L2:L3')).toEqual([[0.9], [0.1]]);
    expect(rt.store.values(id, 'Key Results', 'H2')).toEqual([[50]]);
    expect(rt.lastCalls['Range.setValues']).toBe(4);
  });

  it('records a milestone as done or not done', () => {
    const { rt, id } = examples();
    const view = submit(rt, id, { keyResultId: 'EX-KR3', value: true });
    expect(view).toMatchObject({ current: 'done', progress: 1, status: 'done' });
    expect(checkins(rt, id)[0]!.Value).toBe('done');
  });

  it('records a retried or double-clicked check-in once', () => {
    const { rt, id } = examples();
    submit(rt, id, {});
    const again = submit(rt, id, {});
    expect(rt.lastCalls['Sheet.appendRow'] ?? 0).toBe(0);
    expect(rt.lastCalls['Range.setValues'] ?? 0).toBe(0);
    expect(checkins(rt, id)).toHaveLength(1);
    expect(again.recent).toHaveLength(1);
  });

  it('stores whatever a person types as text: no note or value becomes a formula', () => {
    const { rt, id } = examples();
    const hostile = ['=IMPORTRANGE("https://evil","A1")', '+HYPERLINK("https://evil")', '-1+2', '@SUM(1)', '<img src=x onerror=alert(1)>'];
    hostile.forEach((note, i) => submit(rt, id, { id: `checkin-000${i + 2}`, note }));
    expect(checkins(rt, id).map((r) => r.Note)).toEqual(hostile);
    expect(
      rt.store
        .formulas(id, 'Check-ins', 'A1:G10')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    // A title typed as text that looks like a formula survives the row write too.
    byHand(rt, id).getSheetByName('Key Results')!.getRange('I2').setValue("'=1+1");
    submit(rt, id, { id: 'checkin-0100' });
    expect(rt.store.values(id, 'Key Results', 'I2')).toEqual([['=1+1']]);
    expect(rt.store.formulas(id, 'Key Results', 'I2')).toEqual([['']]);
  });

  it('refuses bad input with the reason, recording nothing', () => {
    const { rt, id } = examples();
    expect(errorOf(() => submit(rt, id, { confidence: 11 }))).toBe('Confidence must be a whole number from 0 (no chance) to 10 (certain).');
    expect(errorOf(() => submit(rt, id, { value: 'lots' as never }))).toBe('The new value must be a number, such as 42 or 0.5.');
    expect(errorOf(() => submit(rt, id, { keyResultId: 'EX-KR3', value: 1 }))).toBe('Choose done or not done.');
    expect(errorOf(() => submit(rt, id, { note: 'x'.repeat(501) }))).toBe('The note is 501 characters long: keep it to 500.');
    expect(errorOf(() => submit(rt, id, { id: 'x' }))).toBe('The check-in has no valid id: reload the panel and try again.');
    expect(checkins(rt, id)).toEqual([]);
  });

  it('explains a key result deleted or renamed while the panel was open', () => {
    const { rt, id } = examples();
    byHand(rt, id).getSheetByName('Key Results')!.getRange('A2').setValue('EX-KR1-renamed');
    expect(errorOf(() => submit(rt, id, {}))).toBe(
      'Key result EX-KR1 no longer exists: it may have been renamed or deleted. The list has been refreshed.',
    );
    expect(checkins(rt, id)).toEqual([]);
  });

  it('tells the person to try again when someone else is saving, and writes nothing', () => {
    const { rt, id } = examples();
    const release = rt.holdLock('document', id);
    expect(errorOf(() => submit(rt, id, {}))).toBe('Someone else is saving a check-in right now. Nothing was recorded: please try again.');
    release();
    expect(checkins(rt, id)).toEqual([]);
    submit(rt, id, {});
    expect(checkins(rt, id)).toHaveLength(1);
  });

  it('recreates a deleted Check-ins tab and reads one whose headers were moved', () => {
    const { rt, id } = examples();
    const spreadsheet = byHand(rt, id);
    spreadsheet.deleteSheet(spreadsheet.getSheetByName('Check-ins')!);
    submit(rt, id, {});
    expect(rt.store.values(id, 'Check-ins', 'A1:G1')).toEqual([
      ['Timestamp', 'Key result ID', 'Value', 'Confidence', 'Note', 'By', 'Check-in ID'],
    ]);
    expect(checkins(rt, id)).toHaveLength(1);
    // Someone drags the columns around: the next check-in lands under the right headers.
    const tab = spreadsheet.getSheetByName('Check-ins')!;
    const moved = [
      ['Note', 'By', 'Check-in ID', 'Timestamp', 'Key result ID', 'Value', 'Confidence'],
      ...[0].map(() => {
        const [t, k, v, c, n, b, i] = tab.getRange('A2:G2').getValues()[0]!;
        return [n, b, i, t, k, v, c];
      }),
    ];
    tab.getRange('A1:G2').setValues(moved);
    submit(rt, id, { id: 'checkin-0002', note: 'second' });
    expect(checkins(rt, id).map((r) => [r['Key result ID'], r.Note, r['Check-in ID']])).toEqual([
      ['EX-KR1', 'Tour shipped', 'checkin-0001'],
      ['EX-KR1', 'second', 'checkin-0002'],
    ]);
  });

  it('lets a person Google does not name check in under the owner they pick', () => {
    const { rt, id } = examples();
    rt.setUserEmailHidden(OWNER, true);
    expect(errorOf(() => submit(rt, id, {}))).toBe(
      'Google did not share your address: pick your name at the top of the panel, then check in.',
    );
    submit(rt, id, { as: OWNER });
    expect(checkins(rt, id)[0]!.By).toBe(`${OWNER} (chosen in the panel; Google did not share the address)`);
  });
});

describe('twenty people checking in at once', () => {
  it('loses no check-in, doubles none and mixes no rows, though executions interleave', () => {
    const { rt, id } = examples();
    const people = Array.from({ length: 20 }, (_, i) => ({
      user: `person${i}@example.com`,
      input: {
        id: `checkin-${String(i).padStart(4, '0')}`,
        keyResultId: i % 2 ? 'EX-KR1' : 'EX-KR2',
        value: i,
        confidence: i % 11,
        note: `note from person ${i}`,
      },
    }));
    const pending = [...people];
    const busy: string[] = [];
    let contended = 0;
    // Each time an execution has appended its row and is about to update its key result, the
    // next person's submission starts right there: between two writes that belong together.
    rt.onServiceCall = (name) => {
      if (name !== 'Range.setValues') return;
      const next = pending.shift();
      if (!next) return;
      try {
        rt.run('submitCheckin', { spreadsheetId: id, user: next.user, args: [next.input] });
      } catch (error) {
        expect((error as Error).message).toBe('Someone else is saving a check-in right now. Nothing was recorded: please try again.');
        contended++;
        busy.push(next.input.id);
        pending.push(next);
      }
    };
    rt.onServiceCall('Range.setValues', 'test');
    rt.onServiceCall = undefined;
    // The panel retries with the same id; then everyone is in.
    while (pending.length) {
      const next = pending.shift()!;
      rt.run('submitCheckin', { spreadsheetId: id, user: next.user, args: [next.input] });
    }
    const rows = checkins(rt, id);
    expect(rows).toHaveLength(20);
    expect(contended).toBeGreaterThan(0);
    for (const person of people) {
      const mine = rows.filter((r) => r['Check-in ID'] === person.input.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        'Key result ID': person.input.keyResultId,
        Value: person.input.value,
        Confidence: person.input.confidence,
        Note: person.input.note,
        By: person.user,
      });
    }
    // Each key result shows the value of its last recorded check-in: no update overtook another.
    const keyResults = records(rt, id, 'Key Results');
    for (const kr of keyResults.filter((k) => rows.some((r) => r['Key result ID'] === k.ID))) {
      const last = rows.filter((r) => r['Key result ID'] === kr.ID).pop()!;
      expect(kr.Current, `${kr.ID}`).toBe(last.Value);
      expect(kr.Confidence, `${kr.ID}`).toBe(last.Confidence);
    }
    // Retrying again changes nothing.
    for (const person of people.slice(0, 5)) rt.run('submitCheckin', { spreadsheetId: id, user: person.user, args: [person.input] });
    expect(checkins(rt, id)).toHaveLength(20);
  });
});
