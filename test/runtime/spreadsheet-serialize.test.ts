// The saved form of the spreadsheets: compact (formats and rules written once,
// cells referring to them by rectangles), lossless, and still reading format 1.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Runtime, SpreadsheetStore } from '../../dev/runtime/index';
import { appFor, fakeEvaluate, newExecution, setup } from './spreadsheet-helpers';
import { okrRuntime } from '../addon/workbook';

const FIXTURE_V1 = path.join(import.meta.dirname, '..', 'fixtures', 'playground-state-v1.json');

interface SavedSheet {
  cells: { content: unknown[]; styles: number[][]; validations: number[][] };
}
interface SavedDoc {
  styles: unknown[];
  validations: unknown[];
  sheets: SavedSheet[];
}

const saved = (store: SpreadsheetStore) => JSON.parse(JSON.stringify(store.toJSON())) as { format: string; spreadsheets: SavedDoc[] };
const load = (json: unknown) => SpreadsheetStore.fromJSON(json, { customFunctions: () => 0, evaluate: fakeEvaluate });

/** Every cell that holds anything, by position: what a lossless copy must give back. */
function cellsOf(store: SpreadsheetStore, id: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of store.doc(id).sheets) {
    sheet.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell && Object.values(cell).some((v) => v !== undefined)) out[`${sheet.name}!R${r + 1}C${c + 1}`] = cell;
      }),
    );
  }
  return out;
}

describe('the saved spreadsheets', () => {
  it('write each distinct format and rule once; a formatted column is one rectangle', () => {
    const { store, app, ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('C2:C1000').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
    sheet.getRange('A1:E1').setFontWeight('bold').setBackground('#eeeeee');
    sheet.getRange('B2:D1000').setNumberFormat('0%');
    const [doc] = saved(store).spreadsheets;
    expect(doc!.validations).toHaveLength(1);
    expect(doc!.sheets[0]!.cells.validations).toEqual([[2, 3, 1000, 3, 0]]);
    expect(doc!.styles).toEqual([{ fontWeight: 'bold', background: '#eeeeee' }, { numberFormat: '0%' }]);
    expect(doc!.sheets[0]!.cells.styles).toEqual([
      [1, 1, 1, 5, 0],
      [2, 2, 1000, 4, 1],
    ]);
    expect(doc!.sheets[0]!.cells.content).toEqual([]);
  });

  it('give back every cell as it was, each with its own copy of a shared format', () => {
    const { store, app, ss, id } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:C3').setValues([
      ['Objective', '2026-01-15', 0.5],
      ['Grow', '=C1*2', "'=not a formula"],
      [true, '', 7],
    ]);
    sheet.getRange('A1:A10').setBackground('#ffeeee');
    // A run broken in the middle of the column, and a rule holding a date.
    sheet.getRange('A5').setBackground('#00ff00').setNote('odd one out');
    sheet.getRange('D1:D50').setDataValidation(app.newDataValidation().requireDateOnOrAfter(new Date('2026-01-01T00:00:00Z')).build());
    sheet.getRange('D20').setDataValidation(app.newDataValidation().requireValueInList(['a', 'b']).setAllowInvalid(false).build());
    ss.getSheets()[1]!.getRange('B2:B4').setNumberFormat('yyyy-mm-dd');
    const copy = load(saved(store));
    expect(cellsOf(copy, id)).toEqual(cellsOf(store, id));
    expect(Object.keys(cellsOf(copy, id)).length).toBeGreaterThan(60);
    expect(saved(copy)).toEqual(saved(store));

    // The model changes a cell's format in place: a shared object would change its neighbours.
    const reopened = appFor(copy, newExecution(id, 'FULL')).getActiveSpreadsheet().getSheets()[0]!;
    reopened.getRange('A2').setBackground('#123456');
    expect(copy.cell(id, 'Objectives', 'A3').background).toBe('#ffeeee');
    copy.doc(id).sheets[0]!.rows[1]![3]!.validation!.helpText = 'changed';
    expect(copy.cell(id, 'Objectives', 'D3').validation?.helpText).toBe('');
  });

  it('still read format 1, as the playground saved it before', () => {
    const state = JSON.parse(fs.readFileSync(FIXTURE_V1, 'utf8')) as {
      workbooks: { store: { format: string; spreadsheets: { id: string }[] } };
    };
    expect(state.workbooks.store.format).toBe('okr-sheets-runtime/spreadsheets@1');
    const id = state.workbooks.store.spreadsheets[0]!.id;
    const store = load(state.workbooks.store);
    expect(store.values(id, 'Objectives', 'A1:C2')).toEqual([
      ['ID', 'Objective', 'Confidence'],
      ['O1', 'Ship the old format', 7],
    ]);
    expect(store.cell(id, 'Objectives', 'B1')).toMatchObject({ bold: true, background: '#eeeeee' });
    expect(store.cell(id, 'Objectives', 'C20').validation).toMatchObject({
      criteria: 'NUMBER_BETWEEN',
      values: [0, 10],
      helpText: '0 to 10',
    });
    expect(store.cell(id, 'Objectives', 'C21').validation).toBeUndefined();
    expect(store.cell(id, 'Objectives', 'D5').protection).toEqual({ description: 'computed', warningOnly: true, type: 'RANGE' });
    // Saved again, it is format 2 and reads back the same.
    const again = load(saved(store));
    expect(saved(store).format).toBe('okr-sheets-runtime/spreadsheets@2');
    expect(cellsOf(again, id)).toEqual(cellsOf(store, id));
  });

  it('of four set-up workbooks with examples (the playground demo’s size) take under 300 KB, 6 MB before', () => {
    const rt = okrRuntime({ now: new Date('2026-11-15T15:00:00Z') });
    const ids = ['Company', 'Product', 'Sales', 'Operations'].map((team) => {
      const id = rt.createSpreadsheet({ name: `${team} OKRs`, timeZone: 'Europe/Berlin' });
      rt.answer({ button: 'YES' });
      rt.run('setUpWorkbook', { spreadsheetId: id });
      return id;
    });
    expect(rt.ui.pendingAnswers).toBe(0);
    // Format 1 wrote the model as it is, every cell in full.
    const everyCellInFull = JSON.stringify(ids.map((id) => rt.store.doc(id))).length;
    const compact = JSON.stringify(rt.store.toJSON()).length;
    expect(everyCellInFull).toBeGreaterThan(6_000_000);
    expect(compact).toBeLessThan(300_000);
    const copy = new Runtime({ now: rt.now() });
    copy.restore(JSON.parse(JSON.stringify(rt.snapshot())));
    for (const id of ids) {
      expect(cellsOf(copy.store, id)).toEqual(cellsOf(rt.store, id));
      // Computed through the bundle's formulas again, from the restored cells.
      expect(copy.store.displayValues(id, 'Key Results', 'A1:N8')).toEqual(rt.store.displayValues(id, 'Key Results', 'A1:N8'));
    }
    expect(copy.store.displayValues(ids[0]!, 'Key Results', 'M2:M8').flat()).toContain('at risk');
  });
});
