// Issue 15, item 3: custom functions as Google restricts them (the guide
// "Custom Functions in Google Sheets"): no argument that depends on NOW(),
// RAND(), RANDBETWEEN() or RANDARRAY(), and only the services its table lists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallCounter, Runtime, createSpreadsheetApp } from '../../dev/runtime/index';
import { makeScope, makeWorld, servicesFor, tempDist } from './services-fixture';

const ANA = 'ana@example.com';
const VOLATILE = 'This function is not allowed to reference a cell with NOW(), RAND(), RANDARRAY(), or RANDBETWEEN()';

/** The built add-on, with one spreadsheet. */
function addon() {
  const runtime = new Runtime({ now: new Date(Date.UTC(2026, 10, 15, 9)) });
  const id = runtime.createSpreadsheet({ name: 'Team OKRs', timeZone: 'Europe/Berlin', owner: ANA });
  const type = (a1: string, input: string) => runtime.store.userEdit(id, 'Sheet1', a1, input, ANA);
  const cell = (a1: string) => runtime.store.cell(id, 'Sheet1', a1);
  return { runtime, id, type, cell };
}

describe('a custom formula whose arguments depend on a volatile function', () => {
  it("shows Google's error for NOW(), RAND(), RANDBETWEEN() or RANDARRAY() as an argument, without running", () => {
    const { runtime, type, cell } = addon();
    type('A1', '=OKR_EXPECTED("2026-Q4", NOW())');
    type('A2', '=OKR_PROGRESS(0, 10, RAND())');
    type('A3', '=OKR_PROGRESS(0, RANDBETWEEN(1, 9), 5)');
    type('A4', '=OKR_SCORE(INDEX(RANDARRAY(2), 1))');
    for (const a1 of ['A1', 'A2', 'A3', 'A4']) expect(cell(a1).error, a1).toEqual({ code: '#ERROR!', message: VOLATILE });
    expect(runtime.customFunctionCalls).toBe(0);
  });

  it('reads a cell that depends on one, directly, through other cells, a named range or an array spilled into it', () => {
    const { runtime, id, type, cell } = addon();
    type('B1', '=NOW()');
    type('B2', '=B1+1');
    type('B3', '={NOW(); NOW()}');
    const execution = { mode: 'FULL' as const, user: ANA, activeSpreadsheetId: id, calls: new CallCounter(), realm: undefined };
    const byHand = createSpreadsheetApp(runtime.store, execution, () => {
      throw new Error('no dialogs by hand');
    }).getActiveSpreadsheet();
    byHand.setNamedRange('LATER', byHand.getRange('Sheet1!B2'));
    type('C1', '=OKR_EXPECTED("2026-Q4", B1)');
    type('C2', '=OKR_EXPECTED("2026-Q4", B2)');
    type('C3', '=OKR_EXPECTED("2026-Q4", B4)');
    type('C4', '=OKR_EXPECTED("2026-Q4", LATER)');
    for (const a1 of ['C1', 'C2', 'C3', 'C4']) expect(cell(a1).error, a1).toEqual({ code: '#ERROR!', message: VOLATILE });
  });

  it('computes with TODAY() (the one volatile exception, changing once a day) and with plain values', () => {
    const { type, cell } = addon();
    type('D1', '=OKR_EXPECTED("2026-Q4", TODAY())');
    type('D2', '=DATE(2026, 11, 15)');
    type('D3', '=OKR_EXPECTED("2026-Q4", D2)');
    expect(cell('D1').value).toBeCloseTo(45 / 92, 6);
    expect(cell('D3').value).toBeCloseTo(45 / 92, 6);
  });
});

describe('services in a custom formula', () => {
  const BUNDLE = `
function ZONE() { return Session.getScriptTimeZone(); }
function WHO() { return Session.getActiveUser().getEmail(); }
function NOTE() { Logger.log('x'); return 1; }
function ID() { return ScriptApp.getScriptId(); }
function ALLOWED() {
  CacheService.getDocumentCache().put('k', 'v');
  PropertiesService.getDocumentProperties().getProperty('k');
  LockService.getDocumentLock().hasLock();
  HtmlService.createHtmlOutput('<b>x</b>').getContent();
  console.log('fine');
  return Utilities.formatString('%s', SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
}
`;

  function bundle() {
    const dist = tempDist();
    fs.writeFileSync(path.join(dist, 'Code.js'), BUNDLE);
    const runtime = new Runtime({ dist, now: new Date(Date.UTC(2026, 10, 15, 9)), scriptTimeZone: 'Europe/Berlin' });
    const id = runtime.createSpreadsheet({ name: 'OKRs', timeZone: 'America/New_York', owner: ANA });
    const show = (formula: string) => {
      runtime.store.userEdit(id, 'Sheet1', 'A1', formula, ANA);
      const cell = runtime.store.cell(id, 'Sheet1', 'A1');
      return cell.error ?? cell.value;
    };
    return { runtime, id, show };
  }

  it("refuses Session, Logger and ScriptApp, which Google's table does not list, with its message", () => {
    const { show } = bundle();
    expect(show('=ZONE()')).toEqual({ code: '#ERROR!', message: 'You do not have permission to call Session.getScriptTimeZone.' });
    expect(show('=WHO()')).toEqual({
      code: '#ERROR!',
      message:
        'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    });
    expect(show('=NOTE()')).toEqual({ code: '#ERROR!', message: 'You do not have permission to call Logger.log.' });
    expect(show('=ID()')).toEqual({ code: '#ERROR!', message: 'You do not have permission to call ScriptApp.getScriptId.' });
  });

  it('allows what the table lists: Cache, HTML, Lock, Properties, Spreadsheet (reading), Utilities', () => {
    const { show } = bundle();
    expect(show('=ALLOWED()')).toBe('America/New_York');
  });

  it('still lets a menu action call Session and Logger', () => {
    const { runtime, id } = bundle();
    expect(runtime.run('ZONE', { spreadsheetId: id })).toBe('Europe/Berlin');
    expect(runtime.run('NOTE', { spreadsheetId: id })).toBe(1);
    const scope = makeScope(makeWorld(), { mode: 'CUSTOM_FUNCTION' });
    expect(() => servicesFor(scope).Session.getTemporaryActiveUserKey()).toThrow(
      'You do not have permission to call Session.getTemporaryActiveUserKey.',
    );
  });
});
