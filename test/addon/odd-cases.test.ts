// Odd cases a careful user meets, through dist/Code.js: a hidden log tab whose
// header someone renamed, and an Owner formula that shows an error.
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../dev/runtime/index';
import { CHAMPION, NOW, byHand, click, fill, okrRuntime } from './workbook';

const at = (iso: string) => new Date(`${iso}T15:00:00Z`);

/** O1 with two stale key results, Ann's and Bob's: each run sends 2 summaries and 2 reminders. */
function workbook(): { rt: Runtime; id: string } {
  const rt = okrRuntime({ now: NOW });
  const id = rt.createSpreadsheet({ name: 'Team OKRs', timeZone: 'America/New_York', sheets: ['Sheet1'], owner: CHAMPION });
  click(rt, id, 'setUpWorkbook', 'NO');
  fill(rt, id, 'Objectives', [['O1', 'One', 'ann@example.com', 'Alpha', '2026-Q4', '', 1]], 2);
  fill(
    rt,
    id,
    'Key Results',
    [
      ['KR1', 'O1', 'Half', 'ann@example.com', 'increase', 0, 100, 50, '', 1, 7, '', '', at('2026-11-02')],
      ['KR2', 'O1', 'Other', 'bob@example.com', 'increase', 0, 10, 1, '', 1, 3, '', '', at('2026-11-02')],
    ],
    2,
  );
  return { rt, id };
}
const send = (rt: Runtime, id: string) => rt.run('sendSummaryNow', { spreadsheetId: id, user: CHAMPION });

describe('the hidden logs with a header renamed by hand', () => {
  it("a Mail log whose Week header was renamed still keeps the week's mail from going out twice", () => {
    const { rt, id } = workbook();
    expect(send(rt, id)).toEqual({ sent: 4, deferred: 0, alreadySent: 0 });
    byHand(rt, id).getSheetByName('Mail log')!.getRange('A1').setValue('Wk');
    rt.advance(60_000);
    expect(send(rt, id)).toEqual({ sent: 0, deferred: 0, alreadySent: 4 });
    expect(rt.outbox).toHaveLength(4);
  });

  it('a History whose Date header was renamed still holds one snapshot a week', () => {
    const { rt, id } = workbook();
    send(rt, id);
    byHand(rt, id).getSheetByName('History')!.getRange('A1').setValue('When');
    rt.advance(60_000);
    send(rt, id);
    // Header and O1, KR1, KR2 once.
    expect(rt.store.values(id, 'History')).toHaveLength(4);
  });
});

describe('set-up offers People only real owners', () => {
  it('an Owner formula showing #N/A is nobody to add', () => {
    const { rt, id } = workbook();
    fill(rt, id, 'Key Results', [['KR3', 'O1', 'x', '#N/A', 'increase', 0, 10, 1]], 4);
    click(rt, id, 'setUpWorkbook', 'YES', 'OK');
    const alerts = rt.ui.dialogs.filter((d) => d.kind === 'alert');
    expect(alerts.at(-2)?.message).toContain('name 2 owners who are not in the People tab yet (ann@example.com, bob@example.com)');
    expect(rt.store.values(id, 'People').map((row) => row.slice(0, 2))).toEqual([
      ['Name', 'Email'],
      ['', 'ann@example.com'],
      ['', 'bob@example.com'],
    ]);
  });
});

describe('a large workbook', () => {
  /** Calls of one summary preview on a workbook of `n` key results, each last checked in on 2 November. */
  function previewCalls(n: number): Record<string, number> {
    const { rt, id } = workbook();
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    if (n + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
    const rows = Array.from({ length: n }, (_, i) => [
      `KR${i}`,
      'O1',
      'k',
      `p${i % 7}@example.com`,
      'increase',
      0,
      10,
      i % 10,
      '',
      1,
      5,
      '',
      '',
      at('2026-11-02'),
    ]);
    fill(rt, id, 'Key Results', rows, 2);
    rt.run('previewSummary', { spreadsheetId: id, user: CHAMPION });
    return rt.lastCalls;
  }

  it('reads each tab once and converts each date once, however many key results (1,200 cost as much as 30)', () => {
    const small = previewCalls(30);
    const large = previewCalls(1200);
    expect(large['Range.getValues']).toBe(small['Range.getValues']);
    expect(large['Utilities.formatDate']).toBe(small['Utilities.formatDate']);
    expect(large['Utilities.formatDate']).toBeLessThan(20);
  });
});
