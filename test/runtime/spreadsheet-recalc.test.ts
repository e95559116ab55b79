// Recalculation with a fake formula engine: dependencies in any order, spills,
// blocked spills, circular references, errors and custom-function caching.
import { describe, expect, it } from 'vitest';
import { setup } from './spreadsheet-helpers';

describe('recalculation', () => {
  it('evaluates formulas whose dependencies come later in the sheet', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:A3').setFormulas([['=A2*2'], ['=A3*2'], ['']]);
    sheet.getRange('A3').setValue(5);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[20], [10], [5]]);
    sheet.getRange('A3').setValue(1);
    expect(sheet.getRange('A1').getValue()).toBe(4);
  });

  it('reads other sheets by name and named ranges', () => {
    const { ss } = setup();
    ss.getSheetByName('Key Results')!.getRange('B2').setValue(21);
    ss.setNamedRange('Target', ss.getSheetByName('Key Results')!.getRange('B2'));
    const cells = ss.getSheetByName('Objectives')!.getRange('A1:B1');
    cells.setFormulas([["='Key Results'!B2*2", '=Target*3']]);
    expect(cells.getValues()).toEqual([[42, 63]]);
  });

  it('spills array results; spilled cells report values, not formulas', () => {
    const { ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('B2').setFormula('=SEQ(3)');
    expect(sheet.getRange('B2:B5').getValues()).toEqual([[1], [2], [3], ['']]);
    expect(sheet.getRange('B2:B4').getFormulas()).toEqual([['=SEQ(3)'], [''], ['']]);
    expect(store.cell(id, 'Objectives', 'B3').formula).toBe('');
    expect(sheet.getLastRow()).toBe(4);
  });

  it('settles a spill before a formula reads the cells it fills', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    // A1 comes first in evaluation order but reads what C1's array spills into.
    sheet.getRange('A1').setFormula('=SUM(C1:C10)');
    sheet.getRange('C1').setFormula('=SEQ(4)');
    expect(sheet.getRange('A1').getValue()).toBe(10);
  });

  it('gives #REF! when a spill would overwrite data, naming the cell', () => {
    const { ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('B1').setFormula('=SEQ(3)');
    sheet.getRange('B3').setValue('mine');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['#REF!'], [''], ['mine']]);
    expect(store.cell(id, 'Objectives', 'B1').error).toEqual({
      code: '#REF!',
      message: 'Array result was not expanded because it would overwrite data in B3.',
    });
    expect(sheet.getRange('B1').getDisplayValue()).toBe('#REF!');
  });

  it('gives #REF! when a spill runs off the grid', () => {
    const { ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('Y1').setFormula('=GRID(1,3)');
    expect(store.cell(id, 'Objectives', 'Y1').error?.message).toBe(
      'Result was not automatically expanded, please insert more columns (1).',
    );
  });

  it('detects circular references', () => {
    const { ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:B1').setFormulas([['=B1', '=A1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['#REF!', '#REF!']]);
    expect(store.cell(id, 'Objectives', 'A1').error?.message).toMatch(/^Circular dependency detected/);
    sheet.getRange('C1').setFormula('=C1');
    expect(store.cell(id, 'Objectives', 'C1').error?.code).toBe('#REF!');
  });

  it('does not invent a cycle from a spill that does not reach the reader', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    // B1 lies above-left of D5, so it is settled first, yet it only reads D5.
    sheet.getRange('B1').setFormula('=D5*2');
    sheet.getRange('D5').setFormula('=SUM(C1:C3)');
    sheet.getRange('C1:C3').setValues([[1], [2], [3]]);
    expect(sheet.getRange('B1').getValue()).toBe(12);
    expect(sheet.getRange('D5').getValue()).toBe(6);
  });

  it('shows an error code as the value and keeps the message', () => {
    const { ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1').setFormula('=BOOM()');
    sheet.getRange('A2').setFormula('=A1*2');
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['#DIV/0!'], ['#DIV/0!']]);
    expect(store.cell(id, 'Objectives', 'A1').error?.message).toBe('Function DIVIDE parameter 2 cannot be zero.');
    expect(store.cell(id, 'Objectives', 'A2').error?.code).toBe('#DIV/0!');
  });

  it('calls custom functions once per distinct arguments and caches the rest', () => {
    const calls: unknown[][] = [];
    const { ss, store } = setup({
      store: {
        customFunctions: (_id, name, args) => {
          calls.push([name, args]);
          const grid = args[0] as unknown[][];
          return grid.map((row) => [Number(row[0]) * 10]);
        },
      },
    });
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=OKR_PROGRESS(A1:A3)');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
    expect(calls).toEqual([['OKR_PROGRESS', [[[1], [2], [3]]]]]);
    sheet.getRange('C1').setValue('unrelated');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
    expect(store.customFunctionCalls()).toBe(1);
    sheet.getRange('A2').setValue(5);
    expect(sheet.getRange('B2').getValue()).toBe(50);
    expect(store.customFunctionCalls()).toBe(2);
  });

  it('shows a custom function’s thrown message on an #ERROR! cell', () => {
    const { ss, store, id } = setup({
      store: {
        customFunctions: () => {
          throw new Error('Key result KR9 has no objective.');
        },
      },
    });
    ss.getSheets()[0]!.getRange('A1').setFormula('=OKR_VALIDATE(B1:B2)');
    expect(store.cell(id, 'Objectives', 'A1').error).toEqual({ code: '#ERROR!', message: 'Key result KR9 has no objective.' });
    expect(store.values(id, 'Objectives', 'A1')).toEqual([['#ERROR!']]);
  });

  it('treats custom results as Sheets does: 1-D arrays as a column, null as empty, objects as errors', () => {
    let result: unknown = [1, null, 'x'];
    const { ss, store, id } = setup({ store: { customFunctions: () => result } });
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1').setFormula('=CF(B1:B2)');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [''], ['x']]);
    result = { not: 'a value' };
    sheet.getRange('C1').setValue(1); // new arguments, so no cached result
    sheet.getRange('A1').setFormula('=CF(C1:C2)');
    expect(store.cell(id, 'Objectives', 'A1').error?.code).toBe('#ERROR!');
  });
});

describe('with the real formula engine', () => {
  it('evaluates and spills an ARRAYFORMULA', () => {
    const { ss } = setup({ fake: false });
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(A1:A3*2)');
    sheet.getRange('C1').setFormula('=SUM(B1:B3)');
    expect(sheet.getRange('B1:C3').getValues()).toEqual([
      [2, 12],
      [4, ''],
      [6, ''],
    ]);
  });
});
