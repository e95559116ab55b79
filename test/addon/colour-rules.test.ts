import { describe, expect, it } from 'vitest';
import { KEY_RESULTS } from '../../src/okr/schema';
import { byHand, click, lastAlert, newWorkbook } from './workbook';

// Set-up compares the colour rules it wants with those in the sheet as data
// (their ranges worked out from the grid's size), and builds only the ones
// missing: these pin that comparison to what Sheets reports for a real rule.

const rulesOn = (rt: ReturnType<typeof newWorkbook>['rt'], id: string, tab: string) =>
  byHand(rt, id).getSheetByName(tab)!.getConditionalFormatRules();

describe('colour rules on set-up again', () => {
  it('knows its rules over a one-cell data column (a tab two rows tall) and adds none twice', () => {
    const { rt, id } = newWorkbook();
    const tab = byHand(rt, id).insertSheet(KEY_RESULTS.name);
    tab.deleteRows(3, tab.getMaxRows() - 2);
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(rulesOn(rt, id, KEY_RESULTS.name)[0]!.getRanges()[0]!.getA1Notation()).toMatch(/^[A-Z]+2$/);
    const before = JSON.stringify(rt.store.toJSON());
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(JSON.stringify(rt.store.toJSON())).toBe(before);
    expect(lastAlert(rt)).toMatch(/^Your OKR workbook was already set up/);
  });

  it('builds only the rule a person deleted, and puts it back', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    const rules = rulesOn(rt, id, KEY_RESULTS.name);
    byHand(rt, id).getSheetByName(KEY_RESULTS.name)!.setConditionalFormatRules(rules.slice(1));
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(rt.lastCalls['SpreadsheetApp.newConditionalFormatRule']).toBe(1);
    expect(rulesOn(rt, id, KEY_RESULTS.name)).toHaveLength(rules.length);
    expect(lastAlert(rt)).toMatch(/status and score colours on Key Results/);
  });
});
