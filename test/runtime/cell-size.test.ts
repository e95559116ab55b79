// Issue 15, item 4: a cell holds at most 50,000 characters. A script's write of
// a longer text or formula fails as in Sheets, and a formula whose text result
// is longer shows #VALUE!.
import { describe, expect, it } from 'vitest';
import { runtimeWithBundle } from './own-bundle';
import { setup } from './spreadsheet-helpers';

const TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

const BUNDLE = `
function LONGTEXT(n) { return new Array(n + 1).join('x'); }
function WRITE(n) { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Array(n + 1).join('x')); return 'written'; }
`;

function runtimeWith() {
  return runtimeWithBundle(BUNDLE);
}

describe('a cell holds at most 50,000 characters', () => {
  it('a script writing more fails with Sheets words, and nothing is written', () => {
    const { runtime, id } = runtimeWith();
    expect(() => runtime.run('WRITE', { spreadsheetId: id, args: [50_001] })).toThrow(TOO_LONG);
    expect(runtime.store.cell(id, 'Sheet1', 'A1').value).toBe('');
    expect(runtime.run('WRITE', { spreadsheetId: id, args: [50_000] })).toBe('written');
    expect(String(runtime.store.cell(id, 'Sheet1', 'A1').value)).toHaveLength(50_000);
  });

  it('every way of writing a cell refuses it whole: values, formulas, rich text, appendRow, a person typing', () => {
    const { app, ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    const long = 'y'.repeat(50_001);
    expect(() => sheet.getRange('A1:B1').setValues([['kept?', long]])).toThrow(TOO_LONG);
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(() => sheet.getRange('A1').setFormula(`="${'z'.repeat(50_000)}"`)).toThrow(TOO_LONG);
    expect(() => sheet.getRange('A1:A2').setFormulas([['=1'], [`=${'1+'.repeat(25_000)}1`]])).toThrow(TOO_LONG);
    expect(() => sheet.getRange('A1').setRichTextValue(app.newRichTextValue().setText(long).build())).toThrow(TOO_LONG);
    expect(() => sheet.appendRow(['a', long])).toThrow(TOO_LONG);
    expect(sheet.getLastRow()).toBe(0);
    expect(store.userEdit(id, 'Objectives', 'A1', long, 'owner@example.com')).toEqual({ ok: false, message: TOO_LONG });
  });

  it('a formula whose text result is longer shows #VALUE!, naming the function', () => {
    const { show } = runtimeWith();
    expect(show('A1', '=LONGTEXT(50001)')).toEqual({
      code: '#VALUE!',
      message: 'Text result of LONGTEXT is longer than the limit of 50000 characters.',
    });
    expect(String(show('A2', '=LONGTEXT(50000)'))).toHaveLength(50_000);
    show('B1', '=LONGTEXT(30000)');
    show('B2', '=LONGTEXT(30000)');
    expect(show('C1', '=B1&B2')).toEqual({
      code: '#VALUE!',
      message: 'Text result of CONCAT is longer than the limit of 50000 characters.',
    });
    expect(show('C2', '=JOIN(",", B1:B2)')).toEqual({
      code: '#VALUE!',
      message: 'Text result of JOIN is longer than the limit of 50000 characters.',
    });
    expect(String(show('C3', '=CONCATENATE(B1, "!")'))).toHaveLength(30_001);
  });
});
