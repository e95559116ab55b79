import { describe, expect, it } from 'vitest';
import { KEY_RESULTS } from '../../src/okr/schema';
import { CallCounter, createSpreadsheetApp } from '../../dev/runtime/index';
import { STATUS_COLOURS } from '../../src/addon/formats';
import { CHAMPION, byHand, click, lastAlert, newWorkbook, records } from './workbook';

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
    expect(lastAlert(rt)).toMatch(/status colours on Key Results/);
  });
});

describe("Progress takes the colour of its row's Status", () => {
  const colour = (rt: ReturnType<typeof newWorkbook>['rt'], id: string, tab: string, a1: string) => rt.store.cell(id, tab, a1).background;

  it('colours each Progress cell as the Status beside it, never by its own number', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'YES');
    const statuses = records(rt, id, 'Key Results').map((r) => r.Status);
    // The examples: at risk (EX-KR3, a milestone at confidence 6, at 0 % among them), done, no data.
    expect(new Set(statuses)).toEqual(new Set(['at risk', 'done', 'no data']));
    statuses.forEach((status, i) => {
      expect(colour(rt, id, 'Key Results', `L${i + 2}`)).toBe(STATUS_COLOURS[String(status)]);
      expect(colour(rt, id, 'Key Results', `M${i + 2}`)).toBe(STATUS_COLOURS[String(status)]);
    });
    records(rt, id, 'Objectives').forEach((r, i) => {
      expect(colour(rt, id, 'Objectives', `H${i + 2}`)).toBe(STATUS_COLOURS[String(r.Status)]);
    });
    // A row with no key result: no colour.
    expect(colour(rt, id, 'Key Results', 'L20')).toBe('#ffffff');
  });

  it("replaces the score-band rules an earlier set-up wrote on Progress, and keeps a person's own rule", () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'YES');
    const app = appOf(rt);
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    const progress = sheet.getRange(2, 12, sheet.getMaxRows() - 1, 1);
    // As an earlier version left it: Status colours, then Progress by score band.
    const statusRules = sheet.getConditionalFormatRules().filter((r) => r.getRanges()[0]!.getA1Notation().startsWith('M'));
    const bands = [
      app.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(0.65).setBackground('#b7e1cd'),
      app.newConditionalFormatRule().whenNumberBetween(0.35, 0.65).setBackground('#fce8b2'),
      app.newConditionalFormatRule().whenNumberLessThan(0.35).setBackground('#f4c7c3'),
    ].map((b) => b.setRanges([progress]).build());
    // The person's own: bold red Current above 1,000,000.
    const theirs = app
      .newConditionalFormatRule()
      .whenNumberGreaterThan(1_000_000)
      .setFontColor('#cc0000')
      .setRanges([sheet.getRange('H2:H')])
      .build();
    sheet.setConditionalFormatRules([...statusRules, ...bands, theirs]);
    expect(colour(rt, id, 'Key Results', 'L2')).toBe('#f4c7c3');

    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toMatch(/Progress coloured by its Status on Key Results/);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(11);
    expect(rules.filter((r) => String(r.getBooleanCondition()!.getCriteriaType()).startsWith('NUMBER_BETWEEN'))).toHaveLength(0);
    expect(rules.filter((r) => r.getRanges()[0]!.getA1Notation().startsWith('H'))).toHaveLength(1);
    // EX-KR1 at 30 %, at risk: the colour of at risk, where the score band made it red.
    expect(colour(rt, id, 'Key Results', 'L2')).toBe(STATUS_COLOURS['at risk']);

    const before = JSON.stringify(rt.store.toJSON());
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(JSON.stringify(rt.store.toJSON())).toBe(before);
  });
});

/** The runtime's SpreadsheetApp, by hand, to build a rule as an earlier version or a person did. */
function appOf(rt: ReturnType<typeof newWorkbook>['rt']): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const execution = { mode: 'FULL' as const, user: CHAMPION, activeSpreadsheetId: '', calls: new CallCounter(), realm: undefined };
  return createSpreadsheetApp(rt.store, execution, () => {
    throw new Error('no dialogs by hand');
  });
}
