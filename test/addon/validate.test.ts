import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/okr/cells';
import { cleanKeyResults, cleanObjectives, setCell } from '../fixtures/okrs';
import { byHand, click, fill, lastAlert, newWorkbook } from './workbook';

/** A set-up workbook holding the clean fixture tables, edited by `edit` first. */
function workbook(edit: (objectives: Cell[][], keyResults: Cell[][]) => void = () => {}) {
  const { rt, id } = newWorkbook();
  click(rt, id, 'setUpWorkbook', 'NO');
  const objectives = cleanObjectives();
  const keyResults = cleanKeyResults();
  edit(objectives, keyResults);
  // Write the input columns only: Progress and Status hold the add-on's formulas.
  fill(
    rt,
    id,
    'Objectives',
    objectives.map((row) => row.slice(0, 7)),
  );
  fill(
    rt,
    id,
    'Key Results',
    keyResults.map((row) => row.slice(0, 11)),
  );
  return { rt, id };
}

function report(rt: ReturnType<typeof workbook>['rt'], id: string): string[][] {
  return rt.store.displayValues(id, 'Validation').filter((row) => row.some((cell) => cell !== ''));
}

describe('Validate the OKRs', () => {
  it('gives a clean workbook a clear all-clear', () => {
    const { rt, id } = workbook();
    click(rt, id, 'validateOkrs', 'OK');
    expect(lastAlert(rt)).toBe('All clear: no errors or warnings in your OKRs.');
    expect(report(rt, id)).toEqual([
      ['Severity', 'Rule', 'Where', 'Message'],
      ['', '', '', 'All clear: no errors or warnings in your OKRs.'],
    ]);
  });

  it('finds each defect where it is, links to the cell, and sums up in one line', () => {
    const { rt, id } = workbook((objectives, keyResults) => {
      setCell(objectives, 2, 'Cycle', 'Q4 2026');
      setCell(keyResults, 3, 'Confidence', 12);
      setCell(keyResults, 5, 'Objective ID', 'O9');
      setCell(keyResults, 6, 'Owner', '');
    });
    click(rt, id, 'validateOkrs', 'OK');
    expect(lastAlert(rt)).toBe('2 errors and 3 warnings in your OKRs: see the Validation tab.');
    expect(report(rt, id)).toEqual([
      ['Severity', 'Rule', 'Where', 'Message'],
      ['error', 'bad-confidence', "'Key Results'!K4", 'Key result KR3 has confidence 12: use a number from 0 to 10.'],
      ['error', 'unknown-objective', "'Key Results'!B6", 'Key result KR5 belongs to objective O9, which is not in the Objectives table.'],
      ['warning', 'few-objectives', 'Objectives!D2', 'Team Product has 2 objectives in 2026-Q4: 3 to 5 is the recommended number.'],
      // O2's "Q4 2026" is no cycle: it is not counted as a cycle of one objective besides its own warning.
      ['warning', 'bad-cycle', 'Objectives!E3', 'Objective O2 has cycle "Q4 2026": write it as 2026-Q4.'],
      ['warning', 'missing-owner', "'Key Results'!D7", 'Key result KR6 has no owner: every OKR needs someone accountable.'],
    ]);
    const gid = byHand(rt, id).getSheetByName('Key Results')!.getSheetId();
    expect(rt.store.formulas(id, 'Validation', 'C2')).toEqual([[`=HYPERLINK("#gid=${gid}&range=K4", "'Key Results'!K4")`]]);
  });

  it('reads each tab once and writes the report with one setValues', () => {
    const { rt, id } = workbook((objectives) => setCell(objectives, 1, 'Owner', ''));
    click(rt, id, 'validateOkrs', 'OK');
    const calls = rt.lastCalls;
    // Objectives, Key Results, Settings, Cycles, Linked OKRs, People: one getValues each (a new Validation tab needs no read).
    expect(calls['Range.getValues']).toBe(6);
    expect(calls['Range.setValues']).toBe(1);
    expect(calls['Range.getValue'] ?? 0).toBe(0);
    expect(calls['Range.setValue'] ?? 0).toBe(0);
    click(rt, id, 'validateOkrs', 'OK');
    // Run again, it checks the Validation tab is its own (one more read) and replaces the report.
    expect(rt.lastCalls['Range.getValues']).toBe(7);
    expect(rt.lastCalls['Range.setValues']).toBe(1);
    expect(report(rt, id)).toHaveLength(2);
  });

  it('reports a deleted header at the header row, and set-up adds it back without touching the data', () => {
    const { rt, id } = workbook();
    byHand(rt, id).getSheetByName('Key Results')!.getRange('G1').setValue('');
    click(rt, id, 'validateOkrs', 'OK');
    expect(report(rt, id)[1]).toEqual([
      'error',
      'missing-column',
      "'Key Results'!A1",
      'The Key Results table has no "Target" column: add a header named Target.',
    ]);
    const targets = rt.store.values(id, 'Key Results', 'G2:G10');
    click(rt, id, 'setUpWorkbook', 'NO');
    // After the last column, Forecast.
    expect(rt.store.values(id, 'Key Results', 'P1')).toEqual([['Target']]);
    expect(rt.store.values(id, 'Key Results', 'G2:G10')).toEqual(targets);
    expect(lastAlert(rt)).toMatch(
      /'Key Results'!G1 has no header but holds values: if it is the Target column, type Target there and delete the new one/,
    );
  });

  it("names a renamed tab, a merged header and a bad setting in the user's words", () => {
    const { rt, id } = workbook();
    const spreadsheet = byHand(rt, id);
    spreadsheet.getSheetByName('Key Results')!.setName('KRs');
    spreadsheet.getSheetByName('Objectives')!.getRange('C1:D1').merge();
    spreadsheet.getRangeByName('OKR_CURRENT_CYCLE')!.setValue('Q4 2026');
    click(rt, id, 'validateOkrs', 'OK');
    expect(report(rt, id).slice(1)).toEqual([
      [
        'error',
        'merged-header',
        'Objectives!C1',
        "The header cells C1:D1 of Objectives are merged, which hides a column's header: unmerge them.",
      ],
      [
        'error',
        'missing-tab',
        'KRs!A1',
        'There is no Key Results tab. The tab "KRs" looks like it, renamed: rename it back to "Key Results".',
      ],
      ['error', 'bad-setting', 'Settings!B3', 'The current cycle is "Q4 2026": write it as 2026-Q4.'],
    ]);
  });

  it('handles ten thousand blank rows and a stray value far below', () => {
    const { rt, id } = workbook((objectives) => setCell(objectives, 3, 'Owner', ''));
    const sheet = byHand(rt, id).getSheetByName('Objectives')!;
    sheet.insertRowsAfter(sheet.getMaxRows(), 10_000);
    fill(rt, id, 'Objectives', [['far away note']], 10_500, 12);
    click(rt, id, 'validateOkrs', 'OK');
    expect(report(rt, id).slice(1)).toEqual([
      ['warning', 'missing-owner', 'Objectives!C4', 'Objective O3 has no owner: every OKR needs someone accountable.'],
    ]);
    expect(rt.lastCalls['Range.getValues']).toBe(6);
  });

  it('never lets text from a cell become a formula in the report', () => {
    const { rt, id } = workbook((objectives) => setCell(objectives, 2, 'Cycle', '=IMPORTRANGE("x","y")'));
    // A person would have typed it as text ('=...): the fixture writes the same text by hand.
    byHand(rt, id).getSheetByName('Objectives')!.getRange('E3').setValue('\'=IMPORTRANGE("x","y")');
    click(rt, id, 'validateOkrs', 'OK');
    const row = report(rt, id).find((r) => r[1] === 'bad-cycle')!;
    expect(row[3]).toBe(
      'Objective O2 has cycle "=IMPORTRANGE("x","y")": write a cycle as 2026-Q4, 2026-H1 or 2026, or add it to the Cycles tab.',
    );
    expect(
      rt.store
        .formulas(id, 'Validation', 'D1:D10')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  it('refuses to overwrite a Validation tab it did not write', () => {
    const { rt, id } = workbook();
    fill(rt, id, 'Validation', [['My own validation notes']]);
    click(rt, id, 'validateOkrs', 'OK');
    expect(lastAlert(rt)).toMatch(/^There is already a tab named Validation that OKR Sheets did not write\./);
    expect(rt.store.values(id, 'Validation', 'A1')).toEqual([['My own validation notes']]);
  });
});
