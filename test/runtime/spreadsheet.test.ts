// The documented semantics of Spreadsheet, Sheet and Range in the runtime.
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { setup } from './spreadsheet-helpers';

describe('ranges and values', () => {
  it('uses 1-based rows and columns and A1 notation both ways', () => {
    const { ss } = setup();
    const sheet = ss.getSheetByName('Objectives')!;
    const range = sheet.getRange(2, 3, 4, 2);
    expect(range.getA1Notation()).toBe('C2:D5');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 3, 4, 2]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([5, 4]);
    expect(sheet.getRange('B2:C3').getA1Notation()).toBe('B2:C3');
    expect(sheet.getRange('A1').getA1Notation()).toBe('A1');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(ss.getRange("'Key Results'!B2").getSheet().getName()).toBe('Key Results');
    expect(range.offset(1, -1, 1, 1).getA1Notation()).toBe('B3');
    expect(range.getCell(2, 2).getA1Notation()).toBe('D3');
  });

  it('refuses coordinates outside the grid with Apps Script messages', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  it('gives numbers, booleans, Dates and "" from getValues', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1:D2');
    const date = new Date('2026-11-15T10:30:00Z');
    range.setValues([
      [1.5, true, date, 'text'],
      ['', null, undefined, 0],
    ]);
    const values = range.getValues();
    expect(values[0]!.slice(0, 2)).toEqual([1.5, true]);
    expect(values[0]![2]).toBeInstanceOf(Date);
    expect((values[0]![2] as Date).getTime()).toBe(date.getTime());
    expect(values[0]![2]).not.toBe(date);
    expect(values[0]![3]).toBe('text');
    expect(values[1]).toEqual(['', '', '', 0]);
    expect(range.getValue()).toBe(1.5);
  });

  it('throws the exact shape messages of setValues', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1:B3');
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => range.setValues([[1, 2], [3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('setValue writes every cell of the range', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1:B2');
    range.setValue(7);
    expect(range.getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it('hands out Dates of the bundle realm when one is set', () => {
    const s = setup();
    const realm = vm.createContext({});
    s.execution.realm = realm;
    const range = s.ss.getSheets()[0]!.getRange('A1');
    range.setValue(new Date('2026-01-02T00:00:00Z'));
    const RealmDate = vm.runInContext('Date', realm) as DateConstructor;
    const value = range.getValue();
    expect(value instanceof RealmDate).toBe(true);
    expect(value instanceof Date).toBe(false);
  });
});

describe('text input parsing', () => {
  it('reads typed text like Sheets: formulas, numbers, percentages, booleans, dates', () => {
    const { ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:H1').setValues([['123', '1,234.5', '50%', 'TRUE', 'false', '2026-11-15', '=A1*2', ' plain ']]);
    const v = sheet.getRange('A1:H1').getValues()[0]!;
    expect(v.slice(0, 5)).toEqual([123, 1234.5, 0.5, true, false]);
    expect(v[5]).toBeInstanceOf(Date);
    expect(v[6]).toBe(246);
    expect(v[7]).toBe(' plain ');
    expect(sheet.getRange('G1').getFormula()).toBe('=A1*2');
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0%');
    expect(store.displayValues(id, 'Objectives', 'A1:F1')[0]).toEqual(['123', '1,234.5', '50%', 'TRUE', 'FALSE', '2026-11-15']);
  });

  it('keeps text after a leading apostrophe, which is not part of the value', () => {
    const { ss } = setup();
    const cell = ss.getSheets()[0]!.getRange('A1');
    cell.setValue("'=SUM(1,2)");
    expect(cell.getValue()).toBe('=SUM(1,2)');
    expect(cell.getFormula()).toBe('');
    cell.setValue("'007");
    expect(cell.getValue()).toBe('007');
  });

  it('stores everything as typed in a plain-text (@) cell, never a formula', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1:E1');
    range.setNumberFormat('@');
    range.setValues([['=HACK()', '+1+2', '-3', '@home', '0042']]);
    expect(range.getValues()[0]).toEqual(['=HACK()', '+1+2', '-3', '@home', '0042']);
    expect(range.getFormulas()[0]).toEqual(['', '', '', '', '']);
    range.getCell(1, 1).setValue('=1+1');
    expect(range.getCell(1, 1).getFormula()).toBe('');
  });

  it('keeps "+", "-" and "@" text as text in a General cell; "=" starts a formula', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1:C1');
    range.setValues([['+ plus note', '- minus note', '@ mention']]);
    expect(range.getValues()[0]).toEqual(['+ plus note', '- minus note', '@ mention']);
    expect(range.getFormulas()[0]).toEqual(['', '', '']);
  });
});

describe('sheets', () => {
  it('getSheetByName matches the exact name and gives null when absent', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('Objectives')!.getName()).toBe('Objectives');
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheetByName('objectives')).toBeNull();
  });

  it('insertSheet refuses a duplicate name with Google’s message', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('Objectives')).toThrow('A sheet with the name "Objectives" already exists. Please enter another name.');
    const sheet = ss.insertSheet('Check-ins', 0);
    expect(sheet.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe('Check-ins');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    ss.deleteSheet(sheet);
    // Without an index the new sheet goes right after the active one (Check-ins, then deleted).
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet4', 'Objectives', 'Key Results']);
  });

  it('appendRow goes after the last row with content, growing the sheet when full', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(sheet.getLastRow()).toBe(0);
    sheet.appendRow(['a', 1]);
    sheet.getRange('C5').setBackground('#ff0000');
    expect(sheet.getLastRow()).toBe(1);
    sheet.appendRow(['b', '=B1*2']);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 2]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
    sheet.getRange(1000, 1).setValue('bottom');
    sheet.appendRow(['grown']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('grown');
  });

  it('inserts and deletes rows and columns, moving content, formats and references', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([['one'], ['two'], ['three']]);
    sheet.getRange('A2').setBackground('#00ff00');
    sheet.getRange('B1').setFormula('=A3');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['one', '', '', 'two', 'three']);
    expect(sheet.getRange('A4').getBackground()).toBe('#00ff00');
    expect(sheet.getRange('B1').getFormula()).toBe('=A5');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['one', 'two', 'three']);
    expect(sheet.getRange('B1').getFormula()).toBe('=A3');
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('B1').getValue()).toBe('one');
    expect(sheet.getRange('C1').getFormula()).toBe('=B3');
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1').getValue()).toBe('one');
    expect(() => sheet.deleteRows(2, 1000)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('keeps frozen rows, widths, visibility and clears as documented', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[1]!;
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 250);
    expect([sheet.getFrozenRows(), sheet.getColumnWidth(2), sheet.getColumnWidth(3)]).toEqual([1, 250, 100]);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.getRange('A1').setValue('x').setBackground('#123456');
    sheet.clearContents();
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getBackground()).toBe('#123456');
    sheet.clear();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
  });
});

describe('merges and notes', () => {
  it('keeps only the top-left value of a merge; the others read ""', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    const range = sheet.getRange('A1:B2');
    range.setValues([
      ['top', 'gone'],
      ['gone', 'gone'],
    ]);
    range.merge();
    expect(range.getValues()).toEqual([
      ['top', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B2']);
    expect(() => sheet.getRange('A1:A2').breakApart()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
    range.breakApart();
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(false);
  });

  it('round-trips notes and formats', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1:B1');
    range
      .setNote('why')
      .setFontWeight('bold')
      .setNumberFormats([['0.00', '@']]);
    expect(range.getNotes()).toEqual([['why', 'why']]);
    expect(range.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(range.getNumberFormats()).toEqual([['0.00', '@']]);
    range.clearFormat();
    expect(range.getNumberFormats()).toEqual([['General', 'General']]);
  });
});

describe('cell formatting', () => {
  it('round-trips sizes, families, alignment and wrapping with Sheets defaults', () => {
    const { ss, app } = setup();
    const range = ss.getSheets()[0]!.getRange('A1:B1');
    expect([range.getFontSize(), range.getFontFamily(), range.getVerticalAlignment(), range.getWrap()]).toEqual([
      10,
      'Arial',
      'bottom',
      false,
    ]);
    range
      .setFontSize(14)
      .setFontFamily('Roboto')
      .setVerticalAlignment('middle')
      .setHorizontalAlignment('center')
      .setWrapStrategy(app.WrapStrategy.WRAP);
    expect(range.getFontSizes()).toEqual([[14, 14]]);
    expect([range.getFontFamily(), range.getVerticalAlignment(), range.getHorizontalAlignment(), range.getWrap()]).toEqual([
      'Roboto',
      'middle',
      'center',
      true,
    ]);
    range.setBackgroundRGB(255, 0, 16);
    expect(range.getBackground()).toBe('#ff0010');
  });
});

describe('call counts', () => {
  it('counts every call as Class.method', () => {
    const { ss, execution } = setup();
    const sheet = ss.getSheetByName('Objectives')!;
    sheet.getRange('A1:B2').getValues();
    sheet.getDataRange().getValues();
    sheet.appendRow([1]);
    expect(execution.calls.snapshot()).toEqual({
      'Range.getValues': 2,
      'Sheet.appendRow': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
    });
  });
});

describe('spreadsheet', () => {
  it('knows its id, url, name, zone, locale, people and toasts', () => {
    const { ss, store, id } = setup();
    expect(ss.getId()).toBe(id);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    ss.rename('Company OKRs');
    expect(ss.getName()).toBe('Company OKRs');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    ss.setSpreadsheetTimeZone('America/New_York');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow();
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    expect(ss.getOwner()!.getEmail()).toBe('owner@example.com');
    ss.toast('Set-up finished', 'OKR Sheets', 3);
    expect(store.toasts(id)).toEqual([{ message: 'Set-up finished', title: 'OKR Sheets', timeoutSeconds: 3 }]);
  });

  it('finds sheets by id, moves and activates them', () => {
    const { ss } = setup();
    const krs = ss.getSheetByName('Key Results')!;
    expect(ss.getSheetById(krs.getSheetId())!.getName()).toBe('Key Results');
    expect(ss.getSheetById(424242)).toBeNull();
    krs.activate();
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Key Results', 'Objectives']);
    expect(ss.getActiveSheet().getName()).toBe('Key Results');
    ss.deleteSheet(krs);
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow("You can't remove all the sheets in a document.");
  });

  it('renaming a sheet keeps formulas pointing at it', () => {
    const { ss } = setup();
    ss.getSheetByName('Key Results')!.getRange('A1').setValue(4);
    const cell = ss.getSheetByName('Objectives')!.getRange('A1');
    cell.setFormula("='Key Results'!A1*2");
    ss.getSheetByName('Key Results')!.setName('KRs');
    expect(cell.getFormula()).toBe('=KRs!A1*2');
    expect(cell.getValue()).toBe(8);
    expect(() => ss.getSheetByName('KRs')!.setName('objectives')).toThrow(
      'A sheet with the name "objectives" already exists. Please enter another name.',
    );
  });

  it('setFormula on a block adjusts relative references per cell', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*2');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*2'], ['=A2*2'], ['=A3*2']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
  });

  it('counts spilled results in getLastRow, as an array formula down a column does in Sheets', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1').setValue('header');
    sheet.getRange('B2').setFormula('=SEQ(9)');
    expect(sheet.getLastRow()).toBe(10);
    sheet.appendRow(['next']);
    expect(sheet.getRange('A11').getValue()).toBe('next');
  });
});
