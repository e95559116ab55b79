// Data validation, conditional formats, protections and named ranges, and a
// person's edits checked against them.
import { describe, expect, it } from 'vitest';
import { setup } from './spreadsheet-helpers';

describe('data validation', () => {
  it('builds, stores and returns rules; null where there is none', () => {
    const { app, ss } = setup();
    const sheet = ss.getSheets()[0]!;
    const rule = app
      .newDataValidation()
      .requireValueInList(['Metric', 'Milestone'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick a type')
      .build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Metric', 'Milestone'], true]);
    expect(rule.getAllowInvalid()).toBe(false);
    sheet.getRange('B2:B3').setDataValidation(rule);
    const got = sheet.getRange('B2:C2').getDataValidations();
    expect(got[0]![0]!.getHelpText()).toBe('Pick a type');
    expect(got[0]![1]).toBeNull();
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    const copy = got[0]![0]!.copy().requireNumberBetween(0, 10).build();
    expect(copy.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(copy.getHelpText()).toBe('Pick a type');
    sheet.getRange('B2:B3').clearDataValidations();
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
  });

  it('new rules allow invalid data by default', () => {
    const { app } = setup();
    expect(app.newDataValidation().requireCheckbox().build().getAllowInvalid()).toBe(true);
    expect(() => app.newDataValidation().build()).toThrow();
  });

  it('returns a range criterion as a Range', () => {
    const { app, ss } = setup();
    const source = ss.getSheetByName('Key Results')!.getRange('A2:A20');
    const rule = app.newDataValidation().requireValueInRange(source).build();
    const [range, dropdown] = rule.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect(range.getA1Notation()).toBe('A2:A20');
    expect(range.getSheet().getName()).toBe('Key Results');
    expect(dropdown).toBe(true);
  });

  it('does not block script writes, but rejects a person’s invalid input with the help text', () => {
    const { app, ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    const strict = app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('Confidence is 0 to 10.').build();
    sheet.getRange('C2').setDataValidation(strict);
    sheet.getRange('C2').setValue(99);
    expect(sheet.getRange('C2').getValue()).toBe(99);
    expect(store.userEdit(id, 'Objectives', 'C2', '11', 'ann@example.com')).toEqual({ ok: false, message: 'Confidence is 0 to 10.' });
    expect(sheet.getRange('C2').getValue()).toBe(99);
    expect(store.userEdit(id, 'Objectives', 'C2', '7', 'ann@example.com')).toEqual({ ok: true });
    expect(sheet.getRange('C2').getValue()).toBe(7);
    expect(store.cell(id, 'Objectives', 'C2').validation).toMatchObject({
      criteria: 'NUMBER_BETWEEN',
      values: [0, 10],
      allowInvalid: false,
    });
  });

  it('lists a dropdown’s values and warns (not rejects) when invalid data is allowed', () => {
    const { app, ss, store, id } = setup();
    const krs = ss.getSheetByName('Key Results')!;
    krs.getRange('A1:A3').setValues([['Q1 2026'], ['Q2 2026'], ['']]);
    const rule = app.newDataValidation().requireValueInRange(krs.getRange('A1:A3')).build();
    ss.getSheets()[0]!.getRange('D2').setDataValidation(rule);
    expect(store.cell(id, 'Objectives', 'D2').validation?.list).toEqual(['Q1 2026', 'Q2 2026']);
    const result = store.userEdit(id, 'Objectives', 'D2', 'Q4 2026', 'ann@example.com');
    expect(result.ok).toBe(true);
    expect(result.ok && result.warning).toBeTruthy();
    expect(store.values(id, 'Objectives', 'D2')).toEqual([['Q4 2026']]);
  });
});

describe('conditional formats', () => {
  it('replaces the whole list and round-trips rules', () => {
    const { app, ss } = setup();
    const sheet = ss.getSheets()[0]!;
    const low = app
      .newConditionalFormatRule()
      .whenNumberBetween(0, 0.3)
      .setBackground('#F4CCCC')
      .setRanges([sheet.getRange('E2:E')])
      .build();
    const high = app
      .newConditionalFormatRule()
      .whenNumberGreaterThanOrEqualTo(0.7)
      .setFontColor('#00AA00')
      .setBold(true)
      .setRanges([sheet.getRange('E2:E')])
      .build();
    sheet.setConditionalFormatRules([low, high]);
    sheet.setConditionalFormatRules([high]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    const condition = rules[0]!.getBooleanCondition()!;
    expect(condition.getCriteriaType()).toBe(app.BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO);
    expect(condition.getCriteriaValues()).toEqual([0.7]);
    expect(condition.getFontColor()).toBe('#00aa00');
    expect(rules[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['E2:E1000']);
  });

  it('colours each cell by the first matching rule', () => {
    const { app, ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('E2:E4').setValues([[0.2], [0.5], [0.9]]);
    const range = sheet.getRange('E2:E4');
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenNumberLessThanOrEqualTo(0.3).setBackground('#ff0000').setRanges([range]).build(),
      app.newConditionalFormatRule().whenNumberLessThan(0.7).setBackground('#ffff00').setRanges([range]).build(),
      app.newConditionalFormatRule().whenCellNotEmpty().setBackground('#00ff00').setRanges([range]).build(),
    ]);
    expect(['E2', 'E3', 'E4'].map((a1) => store.cell(id, 'Objectives', a1).background)).toEqual(['#ff0000', '#ffff00', '#00ff00']);
    expect(store.cell(id, 'Objectives', 'E5').background).toBe('#ffffff');
  });

  it('evaluates a custom formula relative to the rule’s first cell', () => {
    const { app, ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A2:B3').setValues([
      ['late', 5],
      ['fine', 1],
    ]);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$B2>3')
        .setFontColor('#cc0000')
        .setRanges([sheet.getRange('A2:A3')])
        .build(),
    ]);
    expect(store.cell(id, 'Objectives', 'A2').fontColor).toBe('#cc0000');
    expect(store.cell(id, 'Objectives', 'A3').fontColor).toBe('#000000');
  });
});

describe('protections', () => {
  it('round-trips range and sheet protections by type', () => {
    const { app, ss } = setup();
    const sheet = ss.getSheets()[0]!;
    const p = sheet.getRange('F2:F').protect().setDescription('Formula column').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getRange().getA1Notation()).toBe('F2:F1000');
    const whole = sheet.protect();
    expect(sheet.protect().getProtectionType()).toBe(whole.getProtectionType());
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((x) => x.getDescription())).toEqual(['Formula column']);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  it('warns a person on a warning-only range; rejects one who is not an editor of a full protection', () => {
    const { ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('F2:F').protect().setWarningOnly(true);
    const warned = store.userEdit(id, 'Objectives', 'F3', 'x', 'ann@example.com');
    expect(warned.ok && warned.warning).toMatch(/shouldn't be changed accidentally/);
    const strict = sheet.getRange('G2:G').protect();
    // Until a script changes them, the editors mirror the spreadsheet's.
    expect(store.userEdit(id, 'Objectives', 'G3', 'x', 'ann@example.com')).toEqual({ ok: true });
    strict.removeEditors(strict.getEditors());
    expect(strict.getEditors().map((u) => u.getEmail())).toEqual(['owner@example.com']);
    const rejected = store.userEdit(id, 'Objectives', 'G3', 'y', 'ann@example.com');
    expect(rejected.ok).toBe(false);
    expect(store.values(id, 'Objectives', 'G3')).toEqual([['x']]);
    expect(store.userEdit(id, 'Objectives', 'G3', 'z', 'owner@example.com')).toEqual({ ok: true });
    expect(store.cell(id, 'Objectives', 'G3').protection).toEqual({ description: '', warningOnly: false, type: 'RANGE' });
  });

  it('checks an edit before applying it: asks first on a warning-only range, refuses where Sheets refuses, changes nothing', () => {
    const { ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('F2:F').protect().setWarningOnly(true);
    sheet.getRange('G2:G').protect().removeEditors(['ann@example.com']);
    sheet.getRange('H1:I1').merge();
    sheet.getRange('F3').setValue('before');
    const version = store.doc(id).version;
    expect(store.checkEdit(id, 'Objectives', 'F3', 'ann@example.com')).toEqual({
      ok: true,
      confirm: expect.stringMatching(/shouldn't be changed accidentally/),
    });
    expect(store.checkEdit(id, 'Objectives', 'G3', 'ann@example.com')).toEqual({
      ok: false,
      message: expect.stringMatching(/protected cell/),
    });
    expect(store.checkEdit(id, 'Objectives', 'I1', 'ann@example.com')).toEqual({
      ok: false,
      message: expect.stringMatching(/merged range/),
    });
    expect(store.checkEdit(id, 'Objectives', 'E3', 'ann@example.com')).toEqual({ ok: true });
    expect(store.values(id, 'Objectives', 'F3')).toEqual([['before']]);
    expect(store.doc(id).version).toBe(version);
    // Once the person said OK, the edit applies and the question is not repeated.
    expect(store.userEdit(id, 'Objectives', 'F3', 'after', 'ann@example.com', { confirmed: true })).toEqual({ ok: true });
    expect(store.values(id, 'Objectives', 'F3')).toEqual([['after']]);
    // Confirming a warning does not get past a full protection.
    expect(store.userEdit(id, 'Objectives', 'G3', 'x', 'ann@example.com', { confirmed: true })).toEqual({
      ok: false,
      message: expect.stringMatching(/protected cell/),
    });
  });

  it('does not block the script’s own writes', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    sheet.getRange('A1').setValue('script write');
    expect(sheet.getRange('A1').getValue()).toBe('script write');
  });
});

describe('named ranges', () => {
  it('sets, finds, lists and removes names; null when absent', () => {
    const { ss } = setup();
    const range = ss.getSheetByName('Key Results')!.getRange('A2:C10');
    ss.setNamedRange('KeyResults_Table', range);
    expect(ss.getRangeByName('KeyResults_Table')!.getA1Notation()).toBe('A2:C10');
    expect(ss.getRangeByName('Nope')).toBeNull();
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['KeyResults_Table']);
    expect(ss.getNamedRanges()[0]!.getRange().getSheet().getName()).toBe('Key Results');
    ss.getNamedRanges()[0]!.remove();
    expect(ss.getRangeByName('KeyResults_Table')).toBeNull();
  });

  it('refuses names Sheets refuses', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A1');
    for (const bad of ['A1', '1abc', 'has space', 'true_value', 'R1C1', ''])
      expect(() => ss.setNamedRange(bad, range), bad).toThrow(/invalid/);
    expect(() => ss.setNamedRange('_ok_Name1', range)).not.toThrow();
  });

  it('moves with inserted rows', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    ss.setNamedRange('Data', sheet.getRange('A5:B6'));
    sheet.insertRowsBefore(1, 2);
    expect(ss.getRangeByName('Data')!.getA1Notation()).toBe('A7:B8');
  });
});

describe('rich text', () => {
  it('keeps text as given with its link; null for a cell that is not text', () => {
    const { app, ss, store, id } = setup();
    const sheet = ss.getSheets()[0]!;
    const cell = sheet.getRange('A1');
    const rich = app.newRichTextValue().setText('=Objectives!B2').setLinkUrl('#gid=0&range=B2').build();
    cell.setRichTextValue(rich);
    expect(cell.getValue()).toBe('=Objectives!B2');
    expect(cell.getFormula()).toBe('');
    expect(cell.getRichTextValue()!.getLinkUrl()).toBe('#gid=0&range=B2');
    expect(store.cell(id, 'Objectives', 'A1').link).toBe('#gid=0&range=B2');
    sheet.getRange('A2').setValue(3);
    expect(sheet.getRange('A2').getRichTextValue()).toBeNull();
    cell.setValue('plain');
    expect(cell.getRichTextValue()!.getLinkUrl()).toBeNull();
  });
});
