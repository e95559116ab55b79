import { describe, expect, it } from 'vitest';
import type { CheckinContext, CheckinInput, KeyResultView } from '../../src/shared/checkin-api';
import { Runtime } from '../../dev/runtime/index';
import { byHand, click, fill, lastAlert, newWorkbook, records, errorOf, okrRuntime } from './workbook';

// Issue 14: text reads back as typed, the locale and the cells' formats
// decide how numbers read, and nothing of the person's is lost. Everything
// runs dist/Code.js in the local runtime.

const OWNER = 'owner.one@example.com';

function examples(options: { locale?: string } = {}) {
  const { rt, id } = options.locale ? localeWorkbook(options.locale) : newWorkbook();
  click(rt, id, 'setUpWorkbook', 'YES');
  return { rt, id };
}

function localeWorkbook(locale: string) {
  const rt = okrRuntime({ now: new Date('2026-11-15T15:00:00Z') });
  const id = rt.createSpreadsheet({
    name: 'Team OKRs',
    timeZone: 'Europe/Berlin',
    locale,
    sheets: ['Sheet1'],
    owner: 'champion@example.com',
  });
  return { rt, id };
}

const context = (rt: Runtime, id: string) => rt.run<CheckinContext>('getCheckinContext', { spreadsheetId: id, user: OWNER });
let next = 0;
const submit = (rt: Runtime, id: string, checkin: Partial<CheckinInput>) =>
  rt.run<KeyResultView>('submitCheckin', {
    spreadsheetId: id,
    user: OWNER,
    args: [{ id: `checkin-${String(++next).padStart(6, '0')}`, keyResultId: 'EX-KR2', value: 7, confidence: 6, note: '', ...checkin }],
  });

describe('text is kept exactly as typed', () => {
  const TYPED = ['100%', '0042', '1,000', '$5', 'TRUE', '2026-11-15', '1e5', "'quoted'", '=1+1', '-3', ' spaced '];

  it('stores every note as the very string typed', () => {
    const { rt, id } = examples();
    for (const note of TYPED) submit(rt, id, { note });
    // The server trims the note, as the panel shows it.
    expect(records(rt, id, 'Check-ins').map((r) => r.Note)).toEqual(TYPED.map((t) => t.trim()));
    expect(
      rt.store
        .formulas(id, 'Check-ins', 'A1:G20')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  it('copies a key-result id such as 1.10 into Check-ins as that text', () => {
    const { rt, id } = examples();
    byHand(rt, id).getSheetByName('Key Results')!.getRange('A3').setValue("'1.10");
    expect(rt.store.values(id, 'Key Results', 'A3')).toEqual([['1.10']]);
    submit(rt, id, { keyResultId: '1.10' });
    expect(records(rt, id, 'Check-ins')[0]!['Key result ID']).toBe('1.10');
  });

  it('writes into a column the person formatted as plain text without an apostrophe showing', () => {
    const { rt, id } = examples();
    fill(rt, id, 'Check-ins', [['Timestamp', 'Key result ID', 'Value', 'Confidence', 'Note', 'By', 'Check-in ID']]);
    byHand(rt, id).getSheetByName('Check-ins')!.getRange('E2:E100').setNumberFormat('@');
    submit(rt, id, { note: '0042' });
    expect(rt.store.values(id, 'Check-ins', 'E2')).toEqual([['0042']]);
  });
});

describe("numbers in the spreadsheet's locale, percentages as the cells are formatted", () => {
  it("tells the panel the sheet's locale", () => {
    const { rt, id } = examples({ locale: 'de_DE' });
    expect(context(rt, id).locale).toBe('de_DE');
  });

  it('says a key result holds percentages when its cells are formatted so, not from the size of its numbers', () => {
    const { rt, id } = examples();
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    // A % key result from 1 % to 0.1 %, in whole percents on plain number cells.
    sheet.getRange('F3:H3').setValues([[1, 0.1, 0.5]]);
    sheet.getRange('E3').setValue('decrease');
    sheet.getRange('I3').setValue('%');
    // And one whose cells are formatted as percentages.
    sheet.getRange('F5:H5').setNumberFormat('0%');
    const views = context(rt, id).keyResults;
    expect(views.find((kr) => kr.id === 'EX-KR2')).toMatchObject({ percent: false, start: 1, target: 0.1, current: 0.5 });
    expect(views.find((kr) => kr.id === 'EX-KR4')).toMatchObject({ percent: true });
    // Typing 0.8 in the panel records 0.8: not done.
    const view = submit(rt, id, { keyResultId: 'EX-KR2', value: 0.8 });
    expect(view).toMatchObject({ current: 0.8, percent: false });
    expect(view.progress).toBeCloseTo(0.2 / 0.9, 12);
  });
});

describe("a check-in writes only what it changes, never over the person's formula", () => {
  it('leaves a Current fed by a formula alone, and records its value with the confidence and note', () => {
    const { rt, id } = examples();
    fill(rt, id, 'Data', [['Days to value'], [6]]);
    byHand(rt, id).getSheetByName('Key Results')!.getRange('H3').setFormula('=Data!A2');
    const kr = context(rt, id).keyResults.find((k) => k.id === 'EX-KR2')!;
    expect(kr).toMatchObject({ current: 6, currentFromFormula: true });
    const view = submit(rt, id, { value: null, confidence: 8, note: 'from the data tab' });
    expect(rt.store.formulas(id, 'Key Results', 'H3')).toEqual([['=Data!A2']]);
    expect(rt.store.values(id, 'Key Results', 'K3')).toEqual([[8]]);
    expect(records(rt, id, 'Check-ins')[0]).toMatchObject({
      'Key result ID': 'EX-KR2',
      Value: 6,
      Confidence: 8,
      Note: 'from the data tab',
    });
    expect(view).toMatchObject({ current: 6, currentFromFormula: true, confidence: 8 });
    // A value sent anyway is not written over the formula.
    submit(rt, id, { value: 3 });
    expect(rt.store.formulas(id, 'Key Results', 'H3')).toEqual([['=Data!A2']]);
  });

  it('never writes a computed column, not even an empty string', () => {
    const { rt, id } = examples();
    const writes: string[] = [];
    rt.onServiceCall = (name) => writes.push(name);
    submit(rt, id, {});
    rt.onServiceCall = undefined;
    // The Check-ins row, then Current (H), Confidence (K), Last check-in (N): four writes, none over L or M.
    expect(writes.filter((name) => name === 'Range.setValues')).toHaveLength(4);
    expect(rt.store.formulas(id, 'Key Results', 'L1:M1')[0]!.every((f) => f.startsWith('={'))).toBe(true);
  });
});

describe('a reused check-in id', () => {
  it('with the same content is recorded once and answered as a success', () => {
    const { rt, id } = examples();
    const first = { id: 'same-id-0001', value: 5, confidence: 6, note: 'again' };
    submit(rt, id, first);
    const again = submit(rt, id, first);
    expect(records(rt, id, 'Check-ins')).toHaveLength(1);
    expect(again.recent).toHaveLength(1);
  });

  it('with other content is refused, recording nothing', () => {
    const { rt, id } = examples();
    submit(rt, id, { id: 'same-id-0002', value: 5 });
    expect(errorOf(() => submit(rt, id, { id: 'same-id-0002', value: 6 }))).toBe(
      'This check-in was already recorded with other values; nothing was recorded. Reload the panel to check in again.',
    );
    expect(errorOf(() => submit(rt, id, { id: 'same-id-0002', value: 5, keyResultId: 'EX-KR1' }))).toMatch(
      /already recorded with other values/,
    );
    expect(records(rt, id, 'Check-ins')).toHaveLength(1);
    expect(records(rt, id, 'Key Results')[1]!.Current).toBe(5);
  });
});

describe('Validate at any size, keeping what is not its own', () => {
  /** A workbook with `count` key results that each lack an owner: one warning each. */
  function manyFindings(count: number) {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    const objectives = Array.from({ length: 4 }, (_, i) => [`O${i + 1}`, `Objective ${i + 1}`, 'ann@example.com', 'Team', '2026-Q4']);
    fill(rt, id, 'Objectives', objectives, 2);
    const krs = Array.from({ length: count }, (_, i) => [`KR${i + 1}`, `O${(i % 4) + 1}`, `Result ${i + 1}`, '', 'increase', 0, 10, 5]);
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    if (count + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
    fill(rt, id, 'Key Results', krs, 2);
    return { rt, id };
  }

  it('writes 5,000 findings, growing the tab first', () => {
    const { rt, id } = manyFindings(5000);
    click(rt, id, 'validateOkrs', 'OK');
    const report = rt.store.values(id, 'Validation') as string[][];
    expect(report.filter((row) => row[1] === 'missing-owner')).toHaveLength(5000);
    expect(lastAlert(rt)).toMatch(/warnings in your OKRs/);
  });

  it('rewrites only its four columns, and keeps the previous report when the new one cannot be written', () => {
    const { rt, id } = manyFindings(3);
    click(rt, id, 'validateOkrs', 'OK');
    const lines = (rt.store.values(id, 'Validation') as string[][]).filter((row) => row[0] !== '').length;
    const before = rt.store.values(id, 'Validation', `A1:D${lines}`);
    fill(rt, id, 'Validation', [['My notes'], ['look at this']], 1, 6);
    rt.onServiceCall = (name) => {
      if (name === 'Range.setValues') throw new Error('Service Spreadsheets failed while accessing document');
    };
    click(rt, id, 'validateOkrs', 'OK');
    rt.onServiceCall = undefined;
    expect(lastAlert(rt)).toMatch(/could not finish/);
    expect(rt.store.values(id, 'Validation', `A1:D${lines}`)).toEqual(before);
    // Owners added, the report loses their three lines: what is left below is cleared; the person's column stays.
    byHand(rt, id)
      .getSheetByName('Key Results')!
      .getRange('D2:D4')
      .setValues([['ann@example.com'], ['ann@example.com'], ['ann@example.com']]);
    click(rt, id, 'validateOkrs', 'OK');
    const after = (rt.store.values(id, 'Validation', `A1:D${lines}`) as string[][]).filter((row) => row.some((cell) => cell !== ''));
    expect(after).toHaveLength(lines - 3);
    expect(after.map((row) => row[1])).not.toContain('missing-owner');
    expect(rt.store.values(id, 'Validation', 'F1:F2')).toEqual([['My notes'], ['look at this']]);
  });
});

describe("set-up and Validate know the add-on's columns by their formula", () => {
  it('a value typed into Progress blocks its formula: set-up adds no second column, Validate says what to do', () => {
    const { rt, id } = examples();
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    sheet.getRange('L5').setValue(0.9);
    expect(rt.store.values(id, 'Key Results', 'L1')).toEqual([['#REF!']]);
    const width = sheet.getLastColumn();
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(sheet.getLastColumn()).toBe(width);
    expect(lastAlert(rt)).toBe('Your OKR workbook was already set up: nothing needed to change.');
    click(rt, id, 'validateOkrs', 'OK');
    const row = (rt.store.values(id, 'Validation') as string[][]).find((r) => r[1] === 'blocked-formula')!;
    expect(row.slice(0, 2)).toEqual(['error', 'blocked-formula']);
    expect(row[3]).toBe(
      "The Progress formula in 'Key Results'!L1 cannot fill its column: 'Key Results'!L5 holds a value typed over it (0.9). Clear L5 and any other value typed in L2:L: OKR Sheets fills this column, and the formula fills it again.",
    );
    expect(rt.store.formulas(id, 'Validation', 'C2')[0]![0]).toMatch(/range=L5/);
  });
});
