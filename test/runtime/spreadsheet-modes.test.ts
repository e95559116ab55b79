// What each run mode may touch, opening other spreadsheets, and saving the store.
import { describe, expect, it } from 'vitest';
import { PermissionError, SpreadsheetStore } from '../../dev/runtime/index';
import { appFor, fakeEvaluate, newExecution, setup } from './spreadsheet-helpers';

describe('run modes', () => {
  it('NONE: no document access at all, but the Ui and builders work', () => {
    const { app } = setup({ mode: 'NONE' });
    expect(() => app.getActiveSpreadsheet()).toThrow(PermissionError);
    expect(() => app.getActiveSpreadsheet()).toThrow(/^You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet/);
    expect(() => app.getActive()).toThrow(PermissionError);
    expect(() => app.getActiveSheet()).toThrow(PermissionError);
    expect(() => app.openById('doc-1')).toThrow(PermissionError);
    expect(app.getUi()).toEqual({ kind: 'ui' });
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
  });

  it('CUSTOM_FUNCTION: reads the active spreadsheet, may not write or open others', () => {
    const { store, id } = setup();
    const execution = newExecution(id, 'CUSTOM_FUNCTION');
    const app = appFor(store, execution);
    const sheet = app.getActiveSpreadsheet().getSheets()[0]!;
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(() => sheet.getRange('A1').setValue(1)).toThrow('You do not have permission to call setValue');
    expect(() => sheet.appendRow([1])).toThrow('You do not have permission to call appendRow');
    expect(() => app.getActiveSpreadsheet().insertSheet('X')).toThrow(PermissionError);
    expect(() => app.openById(id)).toThrow(/You do not have permission to call SpreadsheetApp\.openById/);
    expect(() => app.openByUrl(`https://docs.google.com/spreadsheets/d/${id}/edit`)).toThrow(PermissionError);
  });

  it('LIMITED: the document, no other files', () => {
    const { store, id } = setup();
    const app = appFor(store, newExecution(id, 'LIMITED'));
    app.getActiveSpreadsheet().getSheets()[0]!.getRange('A1').setValue('ok');
    expect(store.values(id, 'Objectives', 'A1')).toEqual([['ok']]);
    expect(() => app.openById(id)).toThrow(PermissionError);
  });

  it('FULL: opens other spreadsheets by id and url; unknown ones fail as Google does', () => {
    const { store, app } = setup();
    const team = store.create({ name: 'Team A', id: 'team-a' });
    expect(app.openById(team).getName()).toBe('Team A');
    expect(app.openByUrl('https://docs.google.com/spreadsheets/d/team-a/edit#gid=0').getId()).toBe('team-a');
    expect(app.openById('team-a').getUrl()).toBe('https://docs.google.com/spreadsheets/d/team-a/edit');
    expect(() => app.openById('nope')).toThrow('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    expect(() => app.openByUrl('not a url')).toThrow('Invalid argument: url');
  });

  it('getActiveSpreadsheet is null for a script bound to no spreadsheet', () => {
    const { store } = setup();
    expect(appFor(store, newExecution(undefined, 'FULL')).getActiveSpreadsheet()).toBeNull();
  });

  it('counts refused calls too, and every builder step', () => {
    const { app, execution } = setup({ mode: 'NONE' });
    expect(() => app.getActiveSpreadsheet()).toThrow();
    app.newConditionalFormatRule().whenCellEmpty().setBackground('#fff').build();
    expect(execution.calls.snapshot()).toEqual({
      'ConditionalFormatRuleBuilder.build': 1,
      'ConditionalFormatRuleBuilder.setBackground': 1,
      'ConditionalFormatRuleBuilder.whenCellEmpty': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.newConditionalFormatRule': 1,
    });
  });
});

describe('toJSON / fromJSON', () => {
  it('round-trips everything a spreadsheet holds', () => {
    const { store, app, ss, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:C2').setValues([
      ['Objective', '2026-01-15', 0.5],
      ['Grow', '=C1*2', "'=not a formula"],
    ]);
    sheet.getRange('C1').setNumberFormat('0%').setBackground('#eeeeee').setNote('note');
    sheet
      .getRange('D1')
      .setDataValidation(app.newDataValidation().requireDateOnOrAfter(new Date('2026-01-01T00:00:00Z')).setAllowInvalid(false).build());
    sheet.getRange('D2').setDataValidation(app.newDataValidation().requireValueInRange(sheet.getRange('A1:A2')).build());
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextContains('Grow')
        .setBackground('#00ff00')
        .setRanges([sheet.getRange('A:A')])
        .build(),
    ]);
    sheet.getRange('E1:F1').merge();
    sheet.getRange('B1:B2').protect().setDescription('dates').setWarningOnly(true);
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 300);
    ss.setNamedRange('Objectives_Table', sheet.getRange('A1:C2'));
    const json = JSON.parse(JSON.stringify(store.toJSON()));
    const copy = SpreadsheetStore.fromJSON(json, { customFunctions: () => 0, evaluate: fakeEvaluate });
    expect(copy.toJSON()).toEqual(store.toJSON());
    expect(copy.values(id, 'Objectives', 'A1:C2')).toEqual(store.values(id, 'Objectives', 'A1:C2'));
    expect(copy.displayValues(id, 'Objectives', 'A1:C2')).toEqual([
      ['Objective', '2026-01-15', '50%'],
      ['Grow', '1', '=not a formula'],
    ]);
    expect(copy.cell(id, 'Objectives', 'A2').background).toBe('#00ff00');
    expect(copy.cell(id, 'Objectives', 'D1').validation?.values).toEqual([new Date('2026-01-01T00:00:00Z')]);
    expect(copy.cell(id, 'Objectives', 'D2').validation?.values).toEqual(['Objectives!A1:A2', true]);
    expect(copy.cell(id, 'Objectives', 'F1').merged).toBe(true);
    expect(copy.cell(id, 'Objectives', 'B2').protection).toEqual({ description: 'dates', warningOnly: true, type: 'RANGE' });
    const reopened = appFor(copy, newExecution(id, 'FULL')).getActiveSpreadsheet();
    expect(reopened.getRangeByName('Objectives_Table')!.getA1Notation()).toBe('A1:C2');
    expect(reopened.getSheets()[0]!.getFrozenRows()).toBe(1);
    expect(reopened.getSheets()[0]!.getColumnWidth(1)).toBe(300);
  });

  it('names what is malformed', () => {
    const { store } = setup();
    const json = JSON.parse(JSON.stringify(store.toJSON()));
    const load = (j: unknown) => SpreadsheetStore.fromJSON(j, { customFunctions: () => 0 });
    expect(() => load(42)).toThrow('must be an object');
    expect(() => load({ ...json, format: 'other' })).toThrow(/^format must be/);
    json.spreadsheets[0].sheets[1].maxRows = 'many';
    expect(() => load(json)).toThrow('spreadsheets[0].sheets[1].maxRows must be a number of at least 1');
    json.spreadsheets[0].sheets[1].maxRows = 1000;
    json.spreadsheets[0].sheets[0].cells.content = [[1, 1, { value: { bad: true } }]];
    expect(() => load(json)).toThrow('spreadsheets[0].sheets[0].cells.content[0].value must be a string, number or boolean');
    json.spreadsheets[0].sheets[0].cells.content = [[1001, 1, { value: 'below the last row' }]];
    expect(() => load(json)).toThrow(
      'spreadsheets[0].sheets[0].cells.content[0] must be [row, column, fields] with the row and column inside the sheet',
    );
    json.spreadsheets[0].sheets[0].cells.content = [];
    json.spreadsheets[0].sheets[0].cells.styles = [[1, 1, 5, 1, 7]];
    expect(() => load(json)).toThrow('spreadsheets[0].sheets[0].cells.styles[0] refers to styles entry 7, which does not exist');
    json.spreadsheets[0].sheets[0].cells.styles = [[5, 1, 1, 1, 0]];
    expect(() => load(json)).toThrow(
      'spreadsheets[0].sheets[0].cells.styles[0] must be a rectangle inside the sheet (1000 rows, 26 columns)',
    );
    json.spreadsheets[0].sheets[0].cells.styles = [];
    json.spreadsheets[0].validations = [42];
    expect(() => load(json)).toThrow('spreadsheets[0].validations must be an array of objects');
  });
});
