// Issue 15, item 1: inserting and deleting rows and columns moves every
// reference as Sheets does, both ends, open-ended ones included, in formulas,
// named ranges, data validation, conditional formats and protections.
import { describe, expect, it } from 'vitest';
import { setup } from './spreadsheet-helpers';

/** Key Results with formulas on its own tab and on Objectives, as the add-on writes them. */
function workbook() {
  const { app, ss, store, id } = setup({ fake: false });
  const keyResults = ss.getSheetByName('Key Results')!;
  const objectives = ss.getSheetByName('Objectives')!;
  return { app, ss, store, id, keyResults, objectives };
}

/**
 * Writes each formula in a row of the last column of `sheet` (or, `across`, in
 * a column of its first row), then returns a reader of them wherever they went.
 */
function formulas(sheet: GoogleAppsScript.Spreadsheet.Sheet, list: string[], across = false) {
  const range = () =>
    across
      ? sheet.getRange(1, sheet.getMaxColumns() - list.length + 1, 1, list.length)
      : sheet.getRange(1, sheet.getMaxColumns(), list.length, 1);
  range().setFormulas(across ? [list] : list.map((f) => [f]));
  return () => range().getFormulas().flat();
}

describe('a column inserted', () => {
  it('moves both ends of open-ended, whole-column and cell references at or after it', () => {
    const { keyResults } = workbook();
    const read = formulas(keyResults, [
      '={"Progress"; F2:F}',
      '=SUM(F:F)',
      '=SUM($F$2:$H)',
      '=SUM(D2:G9)',
      '=SUM(A2:E)',
      '=SUM(2:3)',
      '=F2&"F2:F"',
      '=LOG10(F2)',
    ]);
    keyResults.insertColumnBefore(6);
    expect(read()).toEqual([
      '={"Progress"; G2:G}',
      '=SUM(G:G)',
      '=SUM($G$2:$I)',
      '=SUM(D2:H9)',
      '=SUM(A2:E)',
      '=SUM(2:3)',
      '=G2&"F2:F"',
      '=LOG10(G2)',
    ]);
  });

  it('moves references from another tab to it, and leaves the other tab alone', () => {
    const { keyResults, objectives } = workbook();
    const read = formulas(objectives, ["=SUM('Key Results'!L2:L)", '=SUM(L2:L)', "=SUM('Key Results'!B:B, 'Key Results'!J2)"]);
    keyResults.insertColumnsAfter(5, 2);
    expect(read()).toEqual(["=SUM('Key Results'!N2:N)", '=SUM(L2:L)', "=SUM('Key Results'!B:B, 'Key Results'!L2)"]);
  });
});

describe('a row inserted', () => {
  it('moves the start of F2:F, whole rows and cells; whole columns stay', () => {
    const { keyResults } = workbook();
    const read = formulas(keyResults, ['=SUM(F2:F)', '=SUM(F:F)', '=SUM(2:3)', '=SUM(A1:B1)', '=F$5'], true);
    keyResults.insertRowBefore(2);
    expect(read()).toEqual(['=SUM(F3:F)', '=SUM(F:F)', '=SUM(3:4)', '=SUM(A1:B1)', '=F$6']);
  });
});

describe('columns deleted', () => {
  it('turns references wholly inside them into #REF! and shrinks those that lose a part', () => {
    const { keyResults, objectives } = workbook();
    const read = formulas(keyResults, ['=SUM(F2:F)', '=F2', '=SUM(E2:H9)', '=SUM(F:G)', '=SUM(H2:H)', '=SUM(A:A)']);
    const other = formulas(objectives, ["=SUM('Key Results'!F2:F, 1)"]);
    keyResults.deleteColumns(6, 2);
    expect(read()).toEqual(['=SUM(#REF!)', '=#REF!', '=SUM(E2:F9)', '=SUM(#REF!)', '=SUM(F2:F)', '=SUM(A:A)']);
    expect(other()).toEqual(['=SUM(#REF!, 1)']);
  });

  it('computes #REF! where a formula lost its cells', () => {
    const { keyResults, store, id } = workbook();
    keyResults.getRange('F2:F3').setValues([[1], [2]]);
    keyResults.getRange('A1').setFormula('=SUM(F2:F)');
    keyResults.deleteColumn(6);
    expect(store.cell(id, 'Key Results', 'A1').error?.code).toBe('#REF!');
  });
});

describe('rows deleted', () => {
  it('moves a start inside them to the first row after, keeps an open end open', () => {
    const { keyResults } = workbook();
    const read = formulas(keyResults, ['=SUM(F2:F)', '=SUM(F3:F9)', '=SUM(F2:F3)', '=SUM(2:3)', '=SUM(5:6)'], true);
    keyResults.deleteRows(2, 2);
    expect(read()).toEqual(['=SUM(F2:F)', '=SUM(F2:F7)', '=SUM(#REF!)', '=SUM(#REF!)', '=SUM(3:4)']);
  });
});

describe('ranges that name cells follow them', () => {
  it('named ranges, protections and the ranges a sheet protection leaves open', () => {
    const { app, ss, keyResults } = workbook();
    ss.setNamedRange('Targets', keyResults.getRange('G2:G100'));
    keyResults.getRange('L2:L1000').protect().setDescription('Progress');
    const sheetProtection = keyResults.protect().setUnprotectedRanges([keyResults.getRange('F2:H50')]);
    keyResults.insertColumnBefore(6);
    expect(ss.getRangeByName('Targets')!.getA1Notation()).toBe('H2:H100');
    expect(keyResults.getProtections(app.ProtectionType.RANGE)[0]!.getRange().getA1Notation()).toBe('M2:M1000');
    expect(sheetProtection.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['G2:I50']);
    keyResults.deleteColumns(7, 3);
    expect(ss.getRangeByName('Targets')).toBeNull();
    expect(sheetProtection.getUnprotectedRanges()).toEqual([]);
  });

  it('conditional formats: their ranges and custom formulas', () => {
    const { app, keyResults } = workbook();
    const rule = app
      .newConditionalFormatRule()
      .setRanges([keyResults.getRange('L2:L1000')])
      .whenFormulaSatisfied('=$F2>$G2')
      .setBackground('#ff0000')
      .build();
    keyResults.setConditionalFormatRules([rule]);
    keyResults.insertColumnBefore(6);
    const moved = keyResults.getConditionalFormatRules()[0]!;
    expect(moved.getRanges().map((r) => r.getA1Notation())).toEqual(['M2:M1000']);
    expect(moved.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$G2>$H2']);
    keyResults.deleteRow(2);
    // The first row of the range is gone: the formula is now written for the row that took its place.
    expect(keyResults.getConditionalFormatRules()[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$G2>$H2']);
    expect(keyResults.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('M2:M999');
  });

  it('data validation: the range a dropdown lists and custom formulas', () => {
    const { app, keyResults, objectives, store, id } = workbook();
    objectives.getRange('A2:A4').setValues([['O1'], ['O2'], ['O3']]);
    keyResults.getRange('B2:B10').setDataValidation(app.newDataValidation().requireValueInRange(objectives.getRange('A2:A4')).build());
    keyResults
      .getRange('K2:K10')
      .setDataValidation(app.newDataValidation().requireFormulaSatisfied('=K2<=$J2').setAllowInvalid(false).build());
    objectives.insertColumnBefore(1);
    objectives.insertRowBefore(3);
    const listed = keyResults.getRange('B5').getDataValidation()!.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect(`${listed.getSheet().getName()}!${listed.getA1Notation()}`).toBe('Objectives!B2:B5');
    keyResults.insertColumnBefore(2);
    expect(keyResults.getRange('L2').getDataValidation()!.getCriteriaValues()).toEqual(['=L2<=$K2']);
    // A person typing into the moved cell is checked against the moved formula.
    keyResults.getRange('K3').setValue(5);
    expect(store.userEdit(id, 'Key Results', 'L3', '9', 'owner@example.com').ok).toBe(false);
    expect(store.userEdit(id, 'Key Results', 'L3', '4', 'owner@example.com').ok).toBe(true);
    objectives.deleteColumn(2);
    expect(keyResults.getRange('C5').getDataValidation()!.getCriteriaValues()).toEqual(['#REF!', true]);
  });
});
