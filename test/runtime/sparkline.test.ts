// SPARKLINE (support.google.com/docs/answer/3093289): the cell reads as "",
// and the drawing it shows (type, numbers, resolved options) is kept on the
// cell for the playground, through store.cell(...).sparkline.
import { describe, expect, it } from 'vitest';
import { setup } from './spreadsheet-helpers';

function dashboard() {
  const s = setup({ fake: false });
  const sheet = s.ss.getSheets()[0]!;
  const drawing = (a1: string) => s.store.cell(s.id, 'Objectives', a1).sparkline;
  return { ...s, sheet, drawing };
}

describe('SPARKLINE', () => {
  it('reads as "" through getValue and getValues, and records a bar with max 1 and a value of 0.4', () => {
    const { sheet, drawing } = dashboard();
    sheet.getRange('H5').setValue(0.4);
    sheet.getRange('I5').setFormula('=SPARKLINE(H5, {"charttype","bar";"max",1;"color1","#34a853"})');
    expect(sheet.getRange('I5').getValue()).toBe('');
    expect(sheet.getRange('H5:I5').getValues()).toEqual([[0.4, '']]);
    expect(sheet.getRange('I5').getDisplayValue()).toBe('');
    expect(drawing('I5')).toEqual({
      type: 'bar',
      data: [0.4],
      options: { max: 1, min: 0, color1: '#34a853', color2: '#a4c2f4', rtl: false },
    });
  });

  it('draws a line of 5 numbers by default, with the line options resolved', () => {
    const { sheet, drawing } = dashboard();
    sheet.getRange('A1:E1').setValues([[3, 5, 2, 8, 6]]);
    sheet.getRange('A2').setFormula('=SPARKLINE(A1:E1)');
    sheet.getRange('A3').setFormula('=SPARKLINE(A1:E1, {"color","red";"linewidth",2;"ymin",0;"ymax",10})');
    expect(drawing('A2')).toEqual({
      type: 'line',
      data: [3, 5, 2, 8, 6],
      options: { color: '#4285f4', linewidth: 1, ymin: 2, ymax: 8, rtl: false },
    });
    expect(drawing('A3')!.options).toEqual({ color: 'red', linewidth: 2, ymin: 0, ymax: 10, rtl: false });
  });

  it('ignores unknown option names and values of the wrong kind, keeping the defaults', () => {
    const { sheet, drawing } = dashboard();
    sheet.getRange('A1').setValue(0.5);
    sheet.getRange('B1').setFormula('=SPARKLINE(A1, {"charttype","bar";"max","lots";"shape","round";"color1",""})');
    expect(sheet.getRange('B1').getValue()).toBe('');
    expect(drawing('B1')).toEqual({
      type: 'bar',
      data: [0.5],
      options: { max: 0.5, min: 0, color1: '#4285f4', color2: '#a4c2f4', rtl: false },
    });
  });

  it('plots nothing for a data cell holding text, and a blank cell under IF draws no sparkline at all', () => {
    const { sheet, drawing } = dashboard();
    sheet.getRange('A5:B6').setValues([
      ['KR 1', 'invalid: target is missing'],
      ['', 0.3],
    ]);
    sheet
      .getRange('C5:C6')
      .setFormulas([
        ['=IF(A5="", "", SPARKLINE(B5, {"charttype","bar";"max",1}))'],
        ['=IF(A6="", "", SPARKLINE(B6, {"charttype","bar";"max",1}))'],
      ]);
    expect(sheet.getRange('C5:C6').getValues()).toEqual([[''], ['']]);
    expect(drawing('C5')).toMatchObject({ type: 'bar', data: [] });
    expect(drawing('C6')).toBeUndefined();
  });

  it('takes the whole data range inside ARRAYFORMULA instead of broadcasting, and a result that is not "" draws nothing', () => {
    const { sheet, drawing } = dashboard();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(SPARKLINE(A1:A3))');
    sheet.getRange('C1').setFormula('=SPARKLINE(A1:A3)&"x"');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[''], [''], ['']]);
    expect(drawing('B1')).toMatchObject({ type: 'line', data: [1, 2, 3] });
    expect(sheet.getRange('C1').getValue()).toBe('x');
    expect(drawing('C1')).toBeUndefined();
  });

  it('follows the data when it changes (a check-in recalculates the drawing)', () => {
    const { sheet, drawing } = dashboard();
    sheet.getRange('A1').setValue(0.2);
    sheet.getRange('B1').setFormula('=SPARKLINE(A1, {"charttype","bar";"max",1})');
    expect(drawing('B1')!.data).toEqual([0.2]);
    sheet.getRange('A1').setValue(0.9);
    expect(drawing('B1')!.data).toEqual([0.9]);
  });
});
