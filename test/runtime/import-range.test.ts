// IMPORTRANGE across the runtime's spreadsheets, as Google's help page
// "IMPORTRANGE" (support.google.com/docs/answer/3093340) describes it: a URL or
// key and "[sheet_name!]range", #REF! "You need to connect these sheets." until
// access is allowed for the pair, then the source's computed values, refreshed
// when it changes, down chains; a cycle ends in an error instead of loading for
// ever; a failing link inside IFERROR leaves its neighbours whole.
import { describe, expect, it } from 'vitest';
import { Runtime, SpreadsheetStore, type CellValue, type RuntimeState } from '../../dev/runtime/index';
import { appFor, newExecution } from './spreadsheet-helpers';

const ANA = 'ana@example.com';
const BO = 'bo@example.com';
const url = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

type Custom = (name: string, args: (CellValue | CellValue[][])[]) => unknown;

/** Spreadsheets with the real formula engine; `custom` stands in for the add-on's custom functions. */
function storeWith(custom: Custom = () => undefined): SpreadsheetStore {
  return new SpreadsheetStore({ customFunctions: (_id, name, args) => custom(name, args), isCustomFunction: (name) => name === 'LINKED' });
}

function create(store: SpreadsheetStore, id: string, sheets: string[] = ['Sheet1'], owner = ANA): string {
  return store.create({ name: id.toUpperCase(), id, sheets, owner });
}

/** Types into cells as a person would, row by row from `a1`'s row. */
function type(store: SpreadsheetStore, id: string, sheet: string, cells: Record<string, string>, user = ANA): void {
  for (const [a1, input] of Object.entries(cells)) {
    const result = store.userEdit(id, sheet, a1, input, user);
    expect(result, `${sheet}!${a1}`).toEqual({ ok: true });
  }
}

const error = (store: SpreadsheetStore, id: string, sheet: string, a1: string) => store.cell(id, sheet, a1).error;

/** A team workbook with an Objectives tab of two objectives (a header formula computes the Progress column). */
function team(store: SpreadsheetStore, id: string, objectives: [string, string][]): void {
  create(store, id, ['Objectives', 'Key Results']);
  type(store, id, 'Objectives', { A1: 'ID', B1: 'Objective', C1: '={"Progress"; ARRAYFORMULA(IF(A2:A3 = "", "", LEN(B2:B3)))}' });
  objectives.forEach(([key, text], i) => type(store, id, 'Objectives', { [`A${i + 2}`]: key, [`B${i + 2}`]: text }));
}

describe('IMPORTRANGE(spreadsheet_url, range_string)', () => {
  it('shows #REF! "You need to connect these sheets." until access is allowed for the pair, then the values', () => {
    const store = storeWith();
    create(store, 'company');
    team(store, 'squad', [
      ['O1', 'Ship it'],
      ['O2', 'Grow'],
    ]);
    type(store, 'company', 'Sheet1', { A1: `=IMPORTRANGE("${url('squad')}", "Objectives!A1:C3")` });
    expect(store.values('company', 'Sheet1', 'A1:C1')).toEqual([['#REF!', '', '']]);
    expect(error(store, 'company', 'Sheet1', 'A1')).toEqual({ code: '#REF!', message: 'You need to connect these sheets.' });
    expect(store.cell('company', 'Sheet1', 'A1').needsAccessTo).toBe('squad');

    store.allowImport('company', 'squad', ANA);
    expect(store.values('company', 'Sheet1', 'A1:C3')).toEqual([
      ['ID', 'Objective', 'Progress'],
      ['O1', 'Ship it', 7],
      ['O2', 'Grow', 4],
    ]);
    expect(store.cell('company', 'Sheet1', 'A1').needsAccessTo).toBeUndefined();
  });

  it('takes the URL getUrl() gives or the key alone; a range without a sheet reads the first sheet, an open one runs to its last row', () => {
    const store = storeWith();
    create(store, 'company');
    team(store, 'squad', [['O1', 'Ship it']]);
    store.allowImport('company', 'squad', ANA);
    const squadUrl = appFor(store, newExecution('company', 'FULL', ANA))
      .openById('squad')
      .getUrl();
    type(store, 'company', 'Sheet1', {
      A1: '=IMPORTRANGE("squad", "A2:B2")',
      D1: `=IMPORTRANGE("${squadUrl}", "'Objectives'!B2")`,
      E1: `=IMPORTRANGE("${url('squad')}", "B2")`,
      F1: '=ROWS(IMPORTRANGE("squad", "Objectives!A1:Z"))',
      G1: '=COLUMNS(IMPORTRANGE("squad", "Objectives!A1:Z"))',
    });
    expect(store.values('company', 'Sheet1', 'A1:G1')).toEqual([['O1', 'Ship it', '', 'Ship it', 'Ship it', 1000, 26]]);
  });

  it('reads a named range of the source', () => {
    const store = storeWith();
    create(store, 'company');
    team(store, 'squad', [['O1', 'Ship it']]);
    store.doc('squad').namedRanges.push({ name: 'Firsts', sheetId: store.doc('squad').sheets[0]!.id, box: { r1: 2, c1: 1, r2: 2, c2: 2 } });
    store.allowImport('company', 'squad', ANA);
    type(store, 'company', 'Sheet1', { A1: '=IMPORTRANGE("squad", "Firsts")' });
    expect(store.values('company', 'Sheet1', 'A1:B1')).toEqual([['O1', 'Ship it']]);
  });

  it('gives #REF! for a spreadsheet that does not exist, and for a sheet or range that does not', () => {
    const store = storeWith();
    create(store, 'company');
    team(store, 'squad', [['O1', 'Ship it']]);
    store.allowImport('company', 'squad', ANA);
    type(store, 'company', 'Sheet1', {
      A1: `=IMPORTRANGE("${url('nowhere')}", "A1")`,
      A2: '=IMPORTRANGE("not a spreadsheet", "A1")',
      A3: '=IMPORTRANGE("squad", "Results!A1")',
      A4: '=IMPORTRANGE("squad", "Objectives!A1:AB2")',
      A5: '=IMPORTRANGE("squad", "no such range")',
    });
    const notFound = { code: '#REF!', message: 'Unable to find spreadsheet.' };
    const noRange = { code: '#REF!', message: 'Unable to find range or sheet for imported range.' };
    expect([1, 2, 3, 4, 5].map((r) => error(store, 'company', 'Sheet1', `A${r}`))).toEqual([notFound, notFound, noRange, noRange, noRange]);
  });

  it('follows a spreadsheet created after the formula that names it', () => {
    const store = storeWith();
    create(store, 'company');
    type(store, 'company', 'Sheet1', { A1: '=IFERROR(IMPORTRANGE("late", "A1"), "not yet")' });
    expect(store.values('company', 'Sheet1', 'A1')).toEqual([['not yet']]);
    create(store, 'late');
    type(store, 'late', 'Sheet1', { A1: 'here' });
    store.allowImport('company', 'late', ANA);
    expect(store.values('company', 'Sheet1', 'A1')).toEqual([['here']]);
  });

  it('lets only someone who can open the source allow access, and only an editor of the destination', () => {
    const store = storeWith();
    create(store, 'company', ['Sheet1'], ANA);
    create(store, 'secret', ['Sheet1'], BO);
    type(store, 'secret', 'Sheet1', { A1: 'for Bo' }, BO);
    type(store, 'company', 'Sheet1', { A1: '=IMPORTRANGE("secret", "A1")' });
    expect(() => store.allowImport('company', 'secret', ANA)).toThrow("You don't have permissions to access that sheet.");
    expect(() => store.allowImport('company', 'secret', BO)).toThrow(
      'Only an editor of "COMPANY" can allow it to import from another spreadsheet.',
    );
    expect(error(store, 'company', 'Sheet1', 'A1')?.message).toBe('You need to connect these sheets.');
    store.doc('company').editors.push(BO);
    store.allowImport('company', 'secret', BO);
    // "any editor on the destination spreadsheet can use IMPORTRANGE": the values are there for Ana too.
    expect(store.values('company', 'Sheet1', 'A1')).toEqual([['for Bo']]);
  });

  it('keeps the access only while the person who allowed it can open the source', () => {
    const store = storeWith();
    create(store, 'company', ['Sheet1'], ANA);
    create(store, 'source', ['Sheet1'], 'cy@example.com');
    store.doc('source').editors.push(ANA);
    type(store, 'source', 'Sheet1', { A1: 'shared' }, ANA);
    type(store, 'company', 'Sheet1', { A1: '=IMPORTRANGE("source", "A1")' });
    store.allowImport('company', 'source', ANA);
    expect(store.values('company', 'Sheet1', 'A1')).toEqual([['shared']]);
    store.doc('source').editors = [];
    store.touch(store.doc('source'));
    expect(error(store, 'company', 'Sheet1', 'A1')?.message).toBe('You need to connect these sheets.');
  });

  it('gives #ERROR! when an argument depends on NOW, RAND or RANDBETWEEN; TODAY is allowed', () => {
    const store = storeWith();
    create(store, 'company');
    create(store, 'source');
    type(store, 'source', 'Sheet1', { A1: 'value' });
    store.allowImport('company', 'source', ANA);
    type(store, 'company', 'Sheet1', {
      A1: '=IMPORTRANGE(IF(NOW() > 0, "source", "x"), "A1")',
      B1: '=IF(RAND() < 2, "source", "x")',
      C1: '=IMPORTRANGE(B1, "A1")',
      D1: '=IMPORTRANGE(IF(TODAY() > 0, "source", "x"), "A1")',
    });
    const volatile = { code: '#ERROR!', message: 'This function is not allowed to reference a cell with NOW, RAND, or RANDBETWEEN.' };
    expect(error(store, 'company', 'Sheet1', 'A1')).toEqual(volatile);
    expect(error(store, 'company', 'Sheet1', 'C1')).toEqual(volatile);
    expect(store.values('company', 'Sheet1', 'D1')).toEqual([['value']]);
  });

  it('refuses more than 10MB of data in one import', () => {
    const store = storeWith();
    create(store, 'company');
    create(store, 'big');
    const long = 'x'.repeat(50_000);
    for (let r = 1; r <= 201; r++) type(store, 'big', 'Sheet1', { [`A${r}`]: long });
    store.allowImport('company', 'big', ANA);
    type(store, 'company', 'Sheet1', { A1: '=IMPORTRANGE("big", "A1:A201")', B1: '=ROWS(IMPORTRANGE("big", "A1:A199"))' });
    expect(error(store, 'company', 'Sheet1', 'A1')).toEqual({ code: '#ERROR!', message: 'Result too large.' });
    expect(store.values('company', 'Sheet1', 'B1')).toEqual([[199]]);
  });
});

describe('IMPORTRANGE keeps up with its sources', () => {
  it('recalculates the importer when a source cell changes', () => {
    const store = storeWith();
    create(store, 'company');
    team(store, 'squad', [['O1', 'Ship it']]);
    store.allowImport('company', 'squad', ANA);
    type(store, 'company', 'Sheet1', { A1: '=IMPORTRANGE("squad", "Objectives!B2:C2")' });
    expect(store.values('company', 'Sheet1', 'A1:B1')).toEqual([['Ship it', 7]]);
    type(store, 'squad', 'Objectives', { B2: 'Ship it to everyone' });
    expect(store.values('company', 'Sheet1', 'A1:B1')).toEqual([['Ship it to everyone', 19]]);
  });

  it('carries a change down a chain of three spreadsheets (squad → department → company)', () => {
    const store = storeWith();
    create(store, 'squad');
    create(store, 'department');
    create(store, 'company');
    type(store, 'squad', 'Sheet1', { A1: '5' });
    type(store, 'department', 'Sheet1', { A1: '=IMPORTRANGE("squad", "A1")', B1: '=A1 * 2' });
    type(store, 'company', 'Sheet1', { A1: '=IMPORTRANGE("department", "B1") + 1' });
    store.allowImport('department', 'squad', ANA);
    store.allowImport('company', 'department', ANA);
    expect(store.values('company', 'Sheet1', 'A1')).toEqual([[11]]);
    type(store, 'squad', 'Sheet1', { A1: '7' });
    expect(store.values('company', 'Sheet1', 'A1')).toEqual([[15]]);
  });

  it('ends a cycle of imports with an error in every spreadsheet of it, whichever is read first', () => {
    for (const first of ['a', 'b']) {
      const store = storeWith();
      create(store, 'a');
      create(store, 'b');
      type(store, 'a', 'Sheet1', { A1: '=IMPORTRANGE("b", "B1")', B1: 'from A' });
      type(store, 'b', 'Sheet1', { A1: '=IMPORTRANGE("a", "B1")', B1: 'from B' });
      store.allowImport('a', 'b', ANA);
      store.allowImport('b', 'a', ANA);
      const other = first === 'a' ? 'b' : 'a';
      for (const id of [first, other]) {
        expect(error(store, id, 'Sheet1', 'A1')?.code, id).toBe('#REF!');
        expect(error(store, id, 'Sheet1', 'A1')?.message, id).toMatch(/^Circular IMPORTRANGE: [AB] → [AB] → [AB]\./);
      }
      // Break the cycle: both get their data.
      type(store, 'b', 'Sheet1', { A1: 'plain' });
      expect(store.values('a', 'Sheet1', 'A1')).toEqual([['from B']]);
      expect(store.values('b', 'Sheet1', 'A1')).toEqual([['plain']]);
    }
  });

  it('stops a chain longer than the runtime follows with an error', () => {
    const store = storeWith();
    const ids = Array.from({ length: 22 }, (_, i) => create(store, `d${i}`));
    ids.forEach((id, i) => {
      if (i === ids.length - 1) return type(store, id, 'Sheet1', { A1: 'end' });
      type(store, id, 'Sheet1', { A1: `=IMPORTRANGE("${ids[i + 1]}", "A1")` });
      store.allowImport(id, ids[i + 1]!, ANA);
    });
    expect(error(store, 'd0', 'Sheet1', 'A1')).toEqual({
      code: '#REF!',
      message: 'IMPORTRANGE chain too long: more than 20 spreadsheets each import from the next.',
    });
  });
});

describe('a failing link inside IFERROR', () => {
  /** Stands in for OKR_LINKED: the imported rows under the team's name, or a row saying why there are none. */
  const linked: Custom = (_name, [teamName, data]) => {
    if (!Array.isArray(data)) return [[teamName, data === 1 ? 'not connected' : 'no Objectives tab', '']];
    return data.slice(1).flatMap((row) => (row[0] === '' ? [] : [[teamName, row[0], row[1]]]));
  };
  const block = (row: number) =>
    `LINKED(Teams!A${row}, IFERROR(IMPORTRANGE(Teams!B${row}, "Objectives!A1:Z"), IF(ISERROR(IMPORTRANGE(Teams!B${row}, "A1")), 1, 2)))`;

  it('leaves the other teams’ rows whole in the same array literal', () => {
    const store = storeWith(linked);
    create(store, 'company', ['Linked OKRs', 'Teams']);
    team(store, 'squad', [
      ['S1', 'Ship it'],
      ['S2', 'Grow'],
    ]);
    team(store, 'ops', [['P1', 'Run smoothly']]);
    create(store, 'notes', ['Notes']);
    type(store, 'company', 'Teams', {
      A2: 'Squad',
      B2: url('squad'),
      A3: 'Ops',
      B3: url('ops'),
      A4: 'Notes',
      B4: 'notes',
      A5: 'Gone',
      B5: url('gone'),
    });
    type(store, 'company', 'Linked OKRs', { A1: `={"Team", "ID", "Objective"; ${block(2)}; ${block(3)}; ${block(4)}; ${block(5)}}` });
    store.allowImport('company', 'squad', ANA);
    store.allowImport('company', 'notes', ANA);
    expect(store.values('company', 'Linked OKRs', 'A1:C7')).toEqual([
      ['Team', 'ID', 'Objective'],
      ['Squad', 'S1', 'Ship it'],
      ['Squad', 'S2', 'Grow'],
      ['Ops', 'not connected', ''],
      ['Notes', 'no Objectives tab', ''],
      ['Gone', 'not connected', ''],
      ['', '', ''],
    ]);
    store.allowImport('company', 'ops', ANA);
    expect(store.values('company', 'Linked OKRs', 'A4:C4')).toEqual([['Ops', 'P1', 'Run smoothly']]);
  });
});

describe('IMPORTRANGE in the runtime', () => {
  const NOW = new Date('2026-11-30T09:00:00Z');

  it("imports the source's custom formulas as the bundle computes them", () => {
    const rt = new Runtime({ now: NOW });
    const squad = rt.createSpreadsheet({ name: 'Squad', owner: ANA });
    const company = rt.createSpreadsheet({ name: 'Company', owner: ANA });
    rt.store.userEdit(squad, 'Sheet1', 'A1', '=OKR_PROGRESS(0, 100, 40)', ANA);
    rt.store.userEdit(company, 'Sheet1', 'A1', `=IMPORTRANGE("${url(squad)}", "A1")`, ANA);
    rt.allowImport(company, squad, ANA);
    expect(rt.store.values(company, 'Sheet1', 'A1')).toEqual([[0.4]]);
  });

  it('keeps "Allow access" through snapshot and restore', () => {
    const rt = new Runtime({ now: NOW });
    const squad = rt.createSpreadsheet({ name: 'Squad', owner: ANA });
    const company = rt.createSpreadsheet({ name: 'Company', owner: ANA });
    rt.store.userEdit(squad, 'Sheet1', 'A1', 'Ship it', ANA);
    rt.store.userEdit(company, 'Sheet1', 'A1', `=IMPORTRANGE("${squad}", "A1")`, ANA);
    rt.allowImport(company, squad, ANA);
    const state = JSON.parse(JSON.stringify(rt.snapshot())) as RuntimeState;

    const again = new Runtime({ now: NOW });
    again.restore(state);
    expect(again.store.values(company, 'Sheet1', 'A1')).toEqual([['Ship it']]);
  });

  it('refuses a saved state whose access list is malformed, changing nothing', () => {
    const rt = new Runtime({ now: NOW });
    const squad = rt.createSpreadsheet({ name: 'Squad', owner: ANA });
    const company = rt.createSpreadsheet({ name: 'Company', owner: ANA });
    rt.allowImport(company, squad, ANA);
    const state = JSON.parse(JSON.stringify(rt.snapshot())) as { store: { spreadsheets: { importAccess?: unknown }[] } };
    state.store.spreadsheets.find((s) => s.importAccess)!.importAccess = [{ source: squad }];
    const other = new Runtime({ now: NOW });
    expect(() => other.restore(state as unknown as RuntimeState)).toThrow(/importAccess must be an array of \{source, grantedBy\}/);
    expect(other.store.ids()).toEqual([]);
  });
});
