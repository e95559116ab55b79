// Owners written by name, through dist/Code.js: the People tab set-up makes and
// offers to fill, the check-in panel that finds a person's key results however
// they are written, and what Validate says of owners nobody can be found from.
import { describe, expect, it } from 'vitest';
import type { CheckinContext } from '../../src/shared/checkin-api';
import { Runtime } from '../../dev/runtime/index';
import { byHand, click, fill, lastAlert, newWorkbook, records } from './workbook';

const ONE = 'owner.one@example.com';

/** The example workbook, whose People tab lists Owner One, Two and Three with their addresses. */
function examples() {
  const { rt, id } = newWorkbook();
  click(rt, id, 'setUpWorkbook', 'YES');
  return { rt, id };
}

const context = (rt: Runtime, id: string, user: string) => rt.run<CheckinContext>('getCheckinContext', { spreadsheetId: id, user });
const setOwner = (rt: Runtime, id: string, tab: string, row: number, owner: string) => {
  const sheet = byHand(rt, id).getSheetByName(tab)!;
  const column = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf('Owner') + 1;
  sheet.getRange(row, column).setValue(owner);
};

describe('the check-in panel finds a person by email or by name', () => {
  it('lists as theirs the key results written with their address and those written with their People name', () => {
    const { rt, id } = examples();
    expect(records(rt, id, 'People').map((p) => [p.Name, p.Email])).toEqual([
      ['Owner One', ONE],
      ['Owner Two', 'owner.two@example.com'],
      ['Owner Three', 'owner.three@example.com'],
    ]);
    // EX-KR3 (row 4) is Owner Three's, written by address; now Owner One's, written by name as an organisation would.
    setOwner(rt, id, 'Key Results', 4, ' owner ONE ');
    const ctx = context(rt, id, ONE);
    const own = ctx.keyResults.filter((kr) => kr.ownerEmail === ONE).map((kr) => [kr.id, kr.owner]);
    expect(own).toEqual([
      ['EX-KR1', ONE],
      ['EX-KR2', ONE],
      ['EX-KR3', 'owner ONE'],
    ]);
    expect(ctx.keyResults.find((kr) => kr.id === 'EX-KR4')!.ownerEmail).toBe('owner.two@example.com');
  });

  it('gives no address for an owner People does not know, and the Team of an objective without one from its owner', () => {
    const { rt, id } = examples();
    setOwner(rt, id, 'Key Results', 2, 'Someone Else');
    const sheet = byHand(rt, id).getSheetByName('Objectives')!;
    sheet.getRange('D2').setValue(''); // EX-O1's Team: its owner, owner.one@example.com, is in People's Example team
    fill(rt, id, 'People', [['Growth']], 2, 3);
    const ctx = context(rt, id, ONE);
    const kr1 = ctx.keyResults.find((kr) => kr.id === 'EX-KR1')!;
    expect([kr1.owner, kr1.ownerEmail, kr1.team]).toEqual(['Someone Else', '', 'Growth']);
    expect(ctx.keyResults.find((kr) => kr.id === 'EX-KR4')!.team).toBe('Example team');
    expect(ctx.teams).toEqual(['Example team', 'Growth']);
  });
});

describe('Validate: unknown owners and the People tab', () => {
  it('warns about an owner nobody can be found from, naming the cell and the nearest name in People', () => {
    const { rt, id } = examples();
    setOwner(rt, id, 'Key Results', 3, 'Owner Tow');
    setOwner(rt, id, 'Objectives', 3, 'VP Field Ops');
    click(rt, id, 'validateOkrs', 'OK');
    const report = (rt.store.values(id, 'Validation') as string[][]).filter((row) => row[1] === 'unknown-owner');
    expect(report.map((row) => [row[0], row[2], row[3]])).toEqual([
      [
        'warning',
        'Objectives!C3',
        'Objective EX-O2 has owner "VP Field Ops", which is neither an email address nor a name in the People tab. Add them to People with their email, so the check-in panel and the emails can find them.',
      ],
      [
        'warning',
        "'Key Results'!D3",
        'Key result EX-KR2 has owner "Owner Tow", which is neither an email address nor a name in the People tab. Did you mean "Owner Two"? If not, add them to People with their email, so the check-in panel and the emails can find them.',
      ],
    ]);
  });

  it('warns once about a workbook set up before People existed, and judges no owner without it', () => {
    const { rt, id } = examples();
    byHand(rt, id).deleteSheet(byHand(rt, id).getSheetByName('People')!);
    setOwner(rt, id, 'Key Results', 3, 'Owner Tow');
    click(rt, id, 'validateOkrs', 'OK');
    const report = rt.store.values(id, 'Validation') as string[][];
    expect(report.filter((row) => row[1] === 'unknown-owner')).toEqual([]);
    expect(report.filter((row) => row[1] === 'missing-tab').map((row) => [row[0], row[3]])).toEqual([
      ['warning', 'There is no People tab. Run OKR Sheets > Set up the OKR workbook to add it.'],
    ]);
  });
});

describe('set-up offers to fill People from the owners already written', () => {
  /** A team's OKRs pasted as they write them: owners by name and by address, one already in a People tab of theirs. */
  function pasted() {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    fill(
      rt,
      id,
      'Objectives',
      [
        ['O1', 'Win the mid-market', 'Priya Nair', 'Field Ops', '2026-Q4'],
        ['O2', 'Keep customers', 'CRO', '', '2026-Q4'],
        ['O3', 'Hire well', 'priya nair', '', '2026-Q4'],
      ],
      2,
    );
    fill(
      rt,
      id,
      'Key Results',
      [
        ['KR1', 'O1', 'Pipeline at 1.8x target', 'VP Field Ops', 'increase', 1, 1.8, 1.2],
        ['KR2', 'O2', 'Churn under 2%', 'ana@acme.example', 'at most', '', 2, 2.4],
        ['KR3', 'O3', 'Ten hires', 'Ana@Acme.example ', 'increase', 0, 10, 3],
        ['KR4', 'O3', 'Offer acceptance 80%', 'Priya\u200B Nair', 'at least', '', 80, 70],
      ],
      2,
    );
    // Their own People row (with a note in an extra column): set-up never changes it.
    fill(rt, id, 'People', [['CRO', 'cro@acme.example', 'Sales', '', 'on leave in December']], 2);
    fill(rt, id, 'People', [['Notes']], 1, 5);
    return { rt, id };
  }

  it('adds each owner People lacks once, names in Name and addresses in Email, below the rows already there', () => {
    const { rt, id } = pasted();
    click(rt, id, 'setUpWorkbook', 'YES', 'OK');
    const offer = rt.ui.dialogs.filter((d) => d.kind === 'alert').at(-2)!.message;
    expect(offer).toMatch(
      /Your OKRs name 3 owners who are not in the People tab yet \(Priya Nair, VP Field Ops, ana@acme\.example\)\. Add them to People, each once, so you can write down their email and team\?$/,
    );
    expect(lastAlert(rt)).toBe(
      "Added 3 people to the People tab. Write each one's email there (and their team and manager), so the check-in panel and the emails can find them.",
    );
    expect(rt.store.values(id, 'People', 'A1:E5')).toEqual([
      ['Name', 'Email', 'Team', 'Manager', 'Notes'],
      ['CRO', 'cro@acme.example', 'Sales', '', 'on leave in December'],
      ['Priya Nair', '', '', '', ''],
      ['VP Field Ops', '', '', '', ''],
      ['', 'ana@acme.example', '', '', ''],
    ]);
    // Two cells a row at most: Name and Email, in one setValues.
    expect(rt.lastCalls['Range.setValues']).toBe(1);
  });

  it('changes nothing the second time, and asks nothing', () => {
    const { rt, id } = pasted();
    click(rt, id, 'setUpWorkbook', 'YES', 'OK');
    const before = rt.store.values(id, 'People');
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toBe('Your OKR workbook was already set up: nothing needed to change.');
    expect(rt.store.values(id, 'People')).toEqual(before);
    expect(rt.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });

  it('adds nothing when the person says no', () => {
    const { rt, id } = pasted();
    const before = rt.store.values(id, 'People');
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(rt.store.values(id, 'People')).toEqual(before);
  });
});
