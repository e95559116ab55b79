// The built add-on (dist/Code.js, built by the global setup) run in the runtime
// as a user would use it.
import { beforeEach, describe, expect, it } from 'vitest';
import { Runtime } from '../../dev/runtime/index';

const ANA = 'ana@example.com';
let runtime: Runtime;
let id: string;

beforeEach(() => {
  runtime = new Runtime({ now: new Date(Date.UTC(2026, 10, 15, 9)) });
  id = runtime.createSpreadsheet({ name: 'Team OKRs', timeZone: 'Europe/Berlin', owner: ANA });
});

const DOCUMENT_CALLS = /^(SpreadsheetApp\.(getActive|open)|Spreadsheet\.|Sheet\.|Range\.|Properties)/;

describe('the add-on menu', () => {
  for (const mode of ['NONE', 'LIMITED', 'FULL'] as const) {
    it(`appears under Extensions when the document opens in AuthMode.${mode}, touching no document`, () => {
      runtime.open(id, { user: ANA, mode });
      expect(runtime.ui.menuItems(id, ANA)).toContainEqual({ path: 'Extensions > OKR Sheets > Help', functionName: 'showHelp' });
      expect(Object.keys(runtime.lastCalls).filter((name) => DOCUMENT_CALLS.test(name))).toEqual([]);
      expect(runtime.lastCalls).toMatchObject({ 'Ui.createAddonMenu': 1, 'Menu.addToUi': 1 });
    });
  }

  it('is built by onInstall too, and only for the user who opened the document', () => {
    runtime.install(id, ANA);
    expect(runtime.ui.menuItems(id, ANA).map((i) => i.path)).toContain('Extensions > OKR Sheets > Help');
    expect(runtime.ui.menus(id, 'bo@example.com')).toEqual([]);
  });

  it('Help shows the formula reference in an alert, answered by the scripted user', () => {
    runtime.open(id, { user: ANA });
    const item = runtime.ui.menuItems(id, ANA).find((i) => i.path.endsWith('> Help'))!;
    runtime.run(item.functionName, { spreadsheetId: id, user: ANA });
    const alert = runtime.ui.last('alert')!;
    expect(alert).toMatchObject({ title: 'OKR Sheets', buttons: 'OK', answer: { button: 'OK' }, user: ANA, spreadsheetId: id });
    expect(alert.message).toContain('=OKR_PROGRESS(start, target, current, [metric])');
    expect(runtime.lastCalls).toMatchObject({ 'Ui.alert': 1 });
    expect(runtime.lastCalls['Menu.addItem']).toBeUndefined();
    expect(runtime.calls.get('Menu.addItem')).toBeGreaterThan(0);
  });
});

describe('running functions of the bundle', () => {
  it('refuses functions the bundle does not define or keeps private', () => {
    expect(() => runtime.run('nope', { spreadsheetId: id })).toThrow('Script function not found: nope');
    expect(() => runtime.run('buildMenu', { spreadsheetId: id })).toThrow('Script function not found: buildMenu');
  });

  it('computes custom formulas in cells through the bundle, in any case, counting the executions', () => {
    runtime.store.userEdit(id, 'Sheet1', 'A1', '=OKR_PROGRESS(0, 10, 5)', ANA);
    runtime.store.userEdit(id, 'Sheet1', 'A2', '=okr_score(0.65)', ANA);
    expect(runtime.store.cell(id, 'Sheet1', 'A1').value).toBe(0.5);
    expect(runtime.store.cell(id, 'Sheet1', 'A2').value).toBeCloseTo(0.7);
    expect(runtime.customFunctionCalls).toBeGreaterThanOrEqual(2);
  });

  it('runs custom formulas in CUSTOM_FUNCTION mode, reading the spreadsheet time zone', () => {
    runtime.store.userEdit(id, 'Sheet1', 'B1', '=OKR_EXPECTED("2026-Q4", DATE(2026, 11, 15))', ANA);
    // 45 of the 92 days of Q4 have passed on 15 November.
    expect(runtime.store.cell(id, 'Sheet1', 'B1').value).toBeCloseTo(45 / 92, 6);
  });

  it("shows a custom formula's error as #ERROR! with its message, and an unknown name as #NAME?", () => {
    runtime.store.userEdit(id, 'Sheet1', 'C1', '=OKR_PROGRESS(0, 10, 5, "sideways")', ANA);
    runtime.store.userEdit(id, 'Sheet1', 'C2', '=NOT_OURS(1)', ANA);
    const failed = runtime.store.cell(id, 'Sheet1', 'C1').error!;
    expect(failed.code).toBe('#ERROR!');
    expect(failed.message).toMatch(/sideways/);
    expect(failed.message).not.toMatch(/Code\.js|\n\s+at /);
    expect(runtime.store.cell(id, 'Sheet1', 'C2').error).toEqual({ code: '#NAME?', message: "Unknown function: 'NOT_OURS'." });
  });
});
