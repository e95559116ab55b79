import { describe, expect, it } from 'vitest';
import type { CheckinInput } from '../../src/shared/checkin-api';
import { Runtime } from '../../dev/runtime/index';
import { CHAMPION, byHand, fill, lastAlert, records, teamWorkbook, workbookUrl, okrRuntime } from './workbook';

// Linked team workbooks through dist/Code.js in the runtime: Sheets' own
// IMPORTRANGE brings each team's objectives in, OKR_LINKED lists them, and
// OKR_OBJECTIVE_PROGRESS rolls them up. Figures are counted by hand.

/** Runs the menu's "Link a team workbook…": its link, then its name, then OK on what it says. */
function link(rt: Runtime, id: string, team: string, teamId: string): string {
  rt.answer({ button: 'OK', text: workbookUrl(teamId) }, { button: 'OK', text: team }, { button: 'OK' });
  rt.run('linkTeamWorkbook', { spreadsheetId: id, user: CHAMPION });
  return lastAlert(rt);
}

const progressOf = (rt: Runtime, id: string, objective: string) =>
  records(rt, id, 'Objectives').find((r) => r.ID === objective)!.Progress as number;

/** Squad ← Product ← Company, each linked to the one below and allowed. */
function cascade() {
  const rt = okrRuntime({ now: new Date('2026-11-15T10:00:00Z') });
  const squad = teamWorkbook(
    rt,
    'Squad',
    [['S1', 'Ship the new editor', 'sam', 'Squad', '2026-Q4', 'Product/P1']],
    [['S1-KR1', 'S1', 'Editor used by 10 teams', 'sam', 'increase', 0, 10, 5]],
  );
  const product = teamWorkbook(
    rt,
    'Product',
    [['P1', 'Make editing effortless', 'pia', 'Product', '2026-Q4', 'Company/C1']],
    [['P1-KR1', 'P1', 'Cut edit time to 2 minutes', 'pia', 'decrease', 10, 0, 8]],
  );
  const company = teamWorkbook(
    rt,
    'Company',
    [['C1', 'Become the tool teams love', 'maya', 'Company', '2026-Q4', '']],
    [['C1-KR1', 'C1', 'NPS from 30 to 40', 'maya', 'increase', 30, 40, 38]],
  );
  link(rt, product, 'Squad', squad);
  link(rt, company, 'Product', product);
  rt.allowImport(product, squad, CHAMPION);
  rt.allowImport(company, product, CHAMPION);
  return { rt, squad, product, company };
}

describe('a three-level cascade', () => {
  it("rolls each level's progress up into the company's objective, live", () => {
    const { rt, squad, product, company } = cascade();
    // Squad S1: 5 of 10 = 0.5. Product P1: its key result (10 → 8 of 10 → 0) 0.2, and S1: (0.2 + 0.5) / 2 = 0.35.
    // Company C1: its key result (30 → 38 of 30 → 40) 0.8, and P1: (0.8 + 0.35) / 2 = 0.575.
    expect(progressOf(rt, squad, 'S1')).toBeCloseTo(0.5, 12);
    expect(progressOf(rt, product, 'P1')).toBeCloseTo(0.35, 12);
    expect(progressOf(rt, company, 'C1')).toBeCloseTo(0.575, 12);
    expect(records(rt, company, 'Linked OKRs')).toEqual([
      expect.objectContaining({ Team: 'Product', ID: 'P1', 'Aligned to': 'Company/C1', Objective: 'Make editing effortless' }),
    ]);
    // Someone in the squad checks in: S1 is done, P1 (0.2 + 1) / 2 = 0.6, C1 (0.8 + 0.6) / 2 = 0.7.
    const checkin: CheckinInput = {
      id: 'squad-checkin-01',
      keyResultId: 'S1-KR1',
      value: 10,
      confidence: 9,
      note: 'all ten',
      as: undefined,
    };
    rt.run('submitCheckin', { spreadsheetId: squad, user: 'sam@example.com', args: [checkin] });
    expect(progressOf(rt, product, 'P1')).toBeCloseTo(0.6, 12);
    expect(progressOf(rt, company, 'C1')).toBeCloseTo(0.7, 12);
  });

  it("fills each link's Status, and validates clean", () => {
    const { rt, company } = cascade();
    rt.answer({ button: 'OK' });
    rt.run('updateLinks', { spreadsheetId: company, user: CHAMPION });
    expect(lastAlert(rt)).toMatch(/^1 team workbook linked/);
    expect(records(rt, company, 'Teams')).toEqual([
      { Team: 'Product', Spreadsheet: expect.stringMatching(/^https:/), Status: 'ok: 1 objective' },
    ]);
    rt.answer({ button: 'OK' });
    rt.run('validateOkrs', { spreadsheetId: company, user: CHAMPION });
    const rules = (rt.store.values(company, 'Validation') as string[][]).slice(1).map((row) => row[1]);
    expect(rules).not.toContain('broken-link');
    expect(rules).not.toContain('unknown-parent');
    expect(rules).not.toContain('no-key-results');
  });
});

describe('broken links', () => {
  it('each says why in Linked OKRs and in Teams, and never breaks the others', () => {
    const { rt, company, product } = cascade();
    const sales = teamWorkbook(
      rt,
      'Sales',
      [['SA1', 'Sell more', 'tom', 'Sales', '2026-Q4', 'Company/C1']],
      [['SA1-KR1', 'SA1', 'Deals', 'tom', 'increase', 0, 10, 1]],
    );
    const bare = rt.createSpreadsheet({ name: 'Notes', owner: CHAMPION });
    const old = rt.createSpreadsheet({ name: 'Old OKRs', owner: CHAMPION, sheets: ['Objectives'] });
    fill(rt, old, 'Objectives', [
      ['ID', 'Objective'],
      ['X1', 'Old'],
    ]);
    expect(link(rt, company, 'Sales', sales)).toMatch(
      /Now click its Status in the Teams tab \(row 3\), which shows #REF!, and choose "Allow access"/,
    );
    link(rt, company, 'Notes', bare);
    link(rt, company, 'Old', old);
    rt.allowImport(company, bare, CHAMPION);
    rt.allowImport(company, old, CHAMPION);
    fill(
      rt,
      company,
      'Teams',
      [
        ['Ghost', 'not a link'],
        ['Product again', workbookUrl(product)],
      ],
      6,
    );
    rt.answer({ button: 'OK' });
    rt.run('updateLinks', { spreadsheetId: company, user: CHAMPION });
    expect(records(rt, company, 'Teams').map((r) => [r.Team, r.Status])).toEqual([
      ['Product', 'ok: 1 objective'],
      // Waiting for access, its Status is the import itself, whose #REF! offers "Allow access" as Sheets does.
      ['Sales', '#REF!'],
      ['Notes', 'the linked workbook has no Objectives tab'],
      ['Old', 'its Objectives tab has no Aligned to, Progress column'],
      ['Ghost', 'not a spreadsheet link: paste the link of the team workbook (https://docs.google.com/spreadsheets/d/...)'],
      ['Product again', 'linked twice: row 2 already links it'],
    ]);
    const salesStatus = byHand(rt, company).getSheetByName('Teams')!.getRange('C3');
    expect(salesStatus.getFormula()).toBe(
      '=IF(ISERROR(IMPORTRANGE(B3, "A1")), IMPORTRANGE(B3, "A1"), "connected: run OKR Sheets > Update links")',
    );
    expect(rt.store.cell(company, 'Teams', 'C3').needsAccessTo).toBe(sales);
    // Product still counts: C1 is still (0.8 + 0.35) / 2.
    expect(progressOf(rt, company, 'C1')).toBeCloseTo(0.575, 12);
    rt.answer({ button: 'OK' });
    rt.run('validateOkrs', { spreadsheetId: company, user: CHAMPION });
    const broken = (rt.store.values(company, 'Validation') as string[][]).filter((row) => row[1] === 'broken-link');
    expect(broken.map((row) => row[0])).toEqual(['warning', 'warning', 'warning']);
    expect(broken[0]![3]).toMatch(
      /^The link to Sales is broken: waiting for "Allow access".*click the cell that shows #REF! and choose "Allow access"/,
    );
    // Once allowed, Sales counts too: C1 (0.8 + 0.35 + 0.1) / 3, and its Status says to update the links.
    rt.allowImport(company, sales, CHAMPION);
    expect(rt.store.values(company, 'Teams', 'C3')).toEqual([['connected: run OKR Sheets > Update links']]);
    expect(progressOf(rt, company, 'C1')).toBeCloseTo((0.8 + 0.35 + 0.1) / 3, 12);
  });

  it('the link dialog refuses what is not a spreadsheet, one already linked, and this workbook', () => {
    const { rt, company, product } = cascade();
    expect(link(rt, company, 'Nope', 'hello')).toMatch(
      /^"https:\/\/docs\.google\.com\/spreadsheets\/d\/hello\/edit" is not a spreadsheet link/,
    );
    expect(link(rt, company, 'Product', product)).toBe('Product is already linked, in row 2 of Teams. Nothing was changed.');
    expect(link(rt, company, 'Me', company)).toMatch(/^That is this workbook/);
    expect(records(rt, company, 'Teams')).toHaveLength(1);
  });
});

describe('alignments across workbooks', () => {
  it('a loop through another workbook is named by Validate; a linked row aligned to an objective we lack is unknown-parent', () => {
    const { rt, company } = cascade();
    byHand(rt, company).getSheetByName('Objectives')!.getRange('F2').setValue('Product/P1');
    const product = records(rt, company, 'Teams')[0]!;
    expect(product.Team).toBe('Product');
    rt.answer({ button: 'OK' });
    rt.run('validateOkrs', { spreadsheetId: company, user: CHAMPION });
    const report = rt.store.values(company, 'Validation') as string[][];
    expect(report.find((row) => row[1] === 'alignment-cycle')?.[3]).toBe(
      'Objectives are aligned in a loop across workbooks (C1 → Product/P1 → C1): an objective cannot sit above itself.',
    );
  });

  it('a linked objective aligned to one this workbook lacks is unknown-parent; one aligned to another workbook is fine', () => {
    const { rt, product, company } = cascade();
    byHand(rt, product).getSheetByName('Objectives')!.getRange('F2').setValue('Company/C9');
    rt.answer({ button: 'OK' });
    rt.run('validateOkrs', { spreadsheetId: company, user: CHAMPION });
    const unknown = (rt.store.values(company, 'Validation') as string[][]).filter((row) => row[1] === 'unknown-parent');
    expect(unknown.map((row) => [row[2], row[3]])).toEqual([
      [
        "'Linked OKRs'!F2",
        "Product's objective P1 is aligned to Company/C9, which is no objective or key result in this workbook: ask Product to fix its Aligned to, or add the objective here.",
      ],
    ]);
    byHand(rt, product).getSheetByName('Objectives')!.getRange('F2').setValue('Sales/S9');
    rt.answer({ button: 'OK' });
    rt.run('validateOkrs', { spreadsheetId: company, user: CHAMPION });
    expect((rt.store.values(company, 'Validation') as string[][]).filter((row) => row[1] === 'unknown-parent')).toEqual([]);
  });

  it("an earlier workbook is upgraded: its own rollup formula is replaced, never a person's", () => {
    const { rt, company } = cascade();
    const sheet = byHand(rt, company).getSheetByName('Objectives')!;
    sheet.getRange('H1').setFormula("={\"Progress\"; OKR_ROLLUP(A2:A, 'Key Results'!B2:B, 'Key Results'!L2:L, 'Key Results'!J2:J)}");
    expect(progressOf(rt, company, 'C1')).toBeCloseTo(0.8, 12);
    rt.answer({ button: 'NO' }); // not now: add the owners to People
    rt.run('setUpWorkbook', { spreadsheetId: company, user: CHAMPION });
    expect(lastAlert(rt)).toMatch(/the newer Progress formula on Objectives/);
    expect(progressOf(rt, company, 'C1')).toBeCloseTo(0.575, 12);
    rt.answer({ button: 'NO' });
    rt.run('setUpWorkbook', { spreadsheetId: company, user: CHAMPION });
    expect(lastAlert(rt)).toMatch(/^Your OKR workbook was already set up: nothing needed to change\.\n\nYour OKRs name/);
  });
});

describe('a company of 300 linked team workbooks', () => {
  it('links them all within the formula limits, and rolls 1,500 objectives up', { timeout: 120_000 }, () => {
    const rt = okrRuntime({ now: new Date('2026-11-15T10:00:00Z') });
    const company = teamWorkbook(rt, 'Company', [['C1', 'Grow', 'maya', 'Company', '2026-Q4', '']], []);
    const header = ['ID', 'Objective', 'Aligned to', 'Weight', 'Progress', 'Status'];
    const teams: unknown[][] = [];
    for (let t = 1; t <= 300; t++) {
      const id = rt.createSpreadsheet({ name: `Team ${t}`, owner: CHAMPION, sheets: ['Objectives'] });
      const rows = Array.from({ length: 5 }, (_, o) => [
        `T${t}-O${o + 1}`,
        `Objective ${o + 1}`,
        'Company/C1',
        '',
        (t % 10) / 10,
        'on track',
      ]);
      fill(rt, id, 'Objectives', [header, ...rows]);
      // A grid of 10 rows, so each import carries 10 rows and not 1,000: the runtime passes every imported cell to the bundle.
      byHand(rt, id).getSheetByName('Objectives')!.deleteRows(11, 990);
      rt.allowImport(company, id, CHAMPION);
      teams.push([`Team ${t}`, workbookUrl(id)]);
    }
    fill(rt, company, 'Teams', teams as never, 2);
    rt.answer({ button: 'OK' });
    rt.run('updateLinks', { spreadsheetId: company, user: CHAMPION });
    const formula = rt.store.formulas(company, 'Linked OKRs', 'A1')[0]![0]!;
    // Sheets keeps at most 50,000 characters in a cell, formulas included.
    expect(formula.length).toBeLessThan(50_000);
    expect(records(rt, company, 'Linked OKRs')).toHaveLength(1_500);
    expect(new Set(records(rt, company, 'Teams').map((r) => r.Status))).toEqual(new Set(['ok: 5 objectives']));
    // Teams 1..300 at (t mod 10) / 10, five objectives each: the mean of 0.0 .. 0.9, 30 times over, is 0.45.
    expect(progressOf(rt, company, 'C1')).toBeCloseTo(0.45, 12);
  });

  it('refuses, naming the limit and changing nothing, more links than one cell can hold', () => {
    const rt = okrRuntime({ now: new Date('2026-11-15T10:00:00Z') });
    const company = teamWorkbook(rt, 'Company', [['C1', 'Grow', 'maya', 'Company', '2026-Q4', '']], []);
    // Links to files that need not exist: only the formula's length is at stake.
    const url = (t: number) => workbookUrl(`team-${String(t).padStart(4, '0')}-spreadsheet-id-x`);
    const teams = Array.from({ length: 450 }, (_, t) => [`Team ${t}`, url(t)]);
    fill(rt, company, 'Teams', teams, 2);
    const before = rt.store.formulas(company, 'Linked OKRs', 'A1')[0]![0];
    rt.answer({ button: 'OK' });
    rt.run('updateLinks', { spreadsheetId: company, user: CHAMPION });
    expect(lastAlert(rt)).toMatch(
      /^450 linked workbooks need a Linked OKRs formula of [\d,]+ characters, and Sheets keeps at most 50,000 in a cell \(about 3\d\d links\)\. Link department workbooks/,
    );
    expect(rt.store.formulas(company, 'Linked OKRs', 'A1')[0]![0]).toBe(before);

    // One more link on a Teams tab already at the limit: refused before its row is written.
    const full = Array.from({ length: 395 }, (_, t) => [`Team ${t}`, url(t)]);
    const other = teamWorkbook(rt, 'Division', [['D1', 'Grow', 'maya', 'Division', '2026-Q4', '']], []);
    fill(rt, other, 'Teams', full, 2);
    const squad = teamWorkbook(rt, 'Squad', [['S1', 'Ship', 'sam', 'Squad', '2026-Q4', 'Division/D1']], []);
    expect(link(rt, other, 'Squad', squad)).toMatch(/^396 linked workbooks need a Linked OKRs formula .* Nothing was changed\.$/);
    expect(records(rt, other, 'Teams')).toHaveLength(395);
  });
});
