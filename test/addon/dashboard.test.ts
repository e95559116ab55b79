// Build the dashboard, through dist/Code.js in the local runtime: its figures
// against a workbook worked out by hand, live after a check-in, rebuilt in
// place, and never over a Dashboard tab the add-on did not make.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../../dev/runtime/index';
import { Cell } from '../../src/okr/cells';
import { ARCHIVE } from '../../src/okr/schema';
import { CHAMPION, byHand, click, fill, lastAlert, newWorkbook } from './workbook';

// Sunday 15 November 2026 in New York: TODAY() is day 45 of 2026-Q4's 92, so the cycle expects 45/92.
const EXPECTED = 45 / 92;

let rt: Runtime;
let id = '';

/** Objectives [ID, Objective, Owner, Team, Cycle, Aligned to, Weight]. */
const OBJECTIVES: Cell[][] = [
  ['O1', 'Grow revenue', 'Ana', 'Sales', '2026-Q4', '', 2],
  ['O2', 'Ship v2', 'Ben', 'Product', '', '', ''],
  ['O3', 'Last quarter', 'Cy', 'Product', '2026-Q3', '', ''],
  ['O4', 'Support O1', 'Ana', 'Sales', '2026-Q4', 'O1', ''],
];

/** Key results [ID, Objective ID, Key result, Owner, Metric, Start, Target, Current, Unit, Weight, Confidence]. */
const KEY_RESULTS: Cell[][] = [
  ['K1', 'O1', 'Revenue to 100', 'Ana', '', 0, 100, 50, '', '', 7],
  ['K2', 'O1', 'Ten partners', 'Dee', '', 0, 10, 2, '', '', 5],
  ['K3', 'O2', 'Four releases', 'Ben', '', 0, 4, 4, '', '', 9],
  ['K4', 'O3', 'Old one', 'Cy', '', 0, 10, 1, '', '', 1],
  ['K5', 'O4', 'Six wins', 'Ana', '', 0, 10, 6, '', '', 8],
];

/** Last check-in per key result (column N), as the panel writes it: K1 5 days ago, K2 9 (stale), K3 never, K5 yesterday. */
const LAST: Cell[][] = [
  [new Date('2026-11-10T17:00:00Z')],
  [new Date('2026-11-06T17:00:00Z')],
  [''],
  [''],
  [new Date('2026-11-14T17:00:00Z')],
];

function dashboard(): Cell[][] {
  return rt.store.values(id, 'Dashboard') as Cell[][];
}

/** The cell at an A1 address of the Dashboard, as computed. */
function at(a1: string): Cell {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const column = [...letters!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return dashboard()[Number(digits) - 1]![column - 1]!;
}

/** The Dashboard's rows under a section title (Teams, Objectives) and its header row, up to the first blank. */
function section(title: string): Cell[][] {
  const rows = dashboard();
  const start = rows.findIndex((row) => row[0] === title) + 2;
  const out: Cell[][] = [];
  for (let r = start; r < rows.length && rows[r]![0] !== ''; r++) out.push(rows[r]!.slice(0, 9));
  return out;
}

function charts(name = 'Dashboard'): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
  return byHand(rt, id).getSheetByName(name)!.getCharts();
}

beforeEach(() => {
  ({ rt, id } = newWorkbook());
  click(rt, id, 'setUpWorkbook', 'NO', 'NO');
  fill(rt, id, 'Objectives', OBJECTIVES, 2);
  fill(rt, id, 'Key Results', KEY_RESULTS, 2);
  fill(rt, id, 'Key Results', LAST, 2, 14);
});

describe('Build the dashboard', () => {
  it('shows the cycle at a glance, each figure worked out by hand', () => {
    click(rt, id, 'buildDashboard', 'OK');
    expect(lastAlert(rt)).toContain('Added the Dashboard tab');
    expect(at('A1')).toBe('OKR dashboard · 2026-Q4');
    expect(dashboard()[2]!.slice(0, 10)).toEqual([
      'Progress',
      'Expected',
      'Forecast',
      'On track',
      'At risk',
      'Off track',
      'Done',
      'No data',
      'Check-in rate',
      'Confidence',
    ]);
    // O1 = (K1 0.5 + K2 0.2 + O4 0.6) / 3; O2 = K3 = 1. Top level this cycle: O1 (weight 2) and O2 (blank = 1);
    // O4 is aligned to O1 and O3 is last quarter's, so overall = (2 × 1.3/3 + 1) / 3.
    const o1 = (0.5 + 0.2 + 0.6) / 3;
    expect(at('A4')).toBeCloseTo((2 * o1 + 1) / 3, 10);
    expect(at('B4')).toBeCloseTo(EXPECTED, 10);
    // Key results of this cycle (K4 is O3's, last quarter): K1 0.5 and K5 0.6 trail 0.489 by less than 0.15
    // (on track), K2 0.2 by 0.289 (at risk, within 0.30), K3 done.
    expect(dashboard()[3]!.slice(3, 8)).toEqual([2, 1, 0, 1, 0]);
    // Weekly, a grace day: K1 (5 days) and K5 (1 day) are fresh; K2 (9 days) and K3 (never) are stale: 2 of 4.
    expect(at('I4')).toBe(0.5);
    expect(at('J4')).toBeCloseTo((7 + 5 + 9 + 8) / 4, 10);
    // Stale and not done: K2's owner only (K3 is done).
    expect(at('B5')).toBe('Dee');
    // No check-in this cycle yet (the Check-ins tab is empty): no forecast.
    expect(at('C4')).toBe('');
  });

  it('lists the teams and the objectives of this cycle', () => {
    click(rt, id, 'buildDashboard', 'OK');
    const o1 = (0.5 + 0.2 + 0.6) / 3;
    const teams = section('Teams');
    expect(teams.map((row) => row.slice(0, 2))).toEqual([
      ['Product', 1],
      ['Sales', 2],
    ]);
    // Product: O2 (1). Sales: O1 (weight 2) and O4 (0.6).
    expect(teams[0]![2]).toBe(1);
    expect(teams[1]![2]).toBeCloseTo((2 * o1 + 0.6) / 3, 10);
    expect(teams.map((row) => row[3])).toEqual([0, 0]);
    // Product's only key result K3 was never checked in; Sales: K1 and K5 fresh, K2 stale.
    expect(teams[0]![4]).toBe(0);
    expect(teams[1]![4]).toBeCloseTo(2 / 3, 10);

    const objectives = section('Objectives');
    expect(objectives.map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      ['O1', 'Grow revenue', 'Sales', 'Ana'],
      ['O2', 'Ship v2', 'Product', 'Ben'],
      ['O4', 'Support O1', 'Sales', 'Ana'],
    ]);
    expect(objectives.map((row) => row[4])).toEqual([expect.closeTo(o1, 10), 1, expect.closeTo(0.6, 10)]);
    expect(objectives.map((row) => row[6])).toEqual([
      expect.closeTo(EXPECTED, 10),
      expect.closeTo(EXPECTED, 10),
      expect.closeTo(EXPECTED, 10),
    ]);
    expect(objectives.map((row) => row[8])).toEqual(['on track', 'done', 'on track']);
  });

  it("draws each objective's progress as an in-cell bar", () => {
    click(rt, id, 'buildDashboard', 'OK');
    const row = dashboard().findIndex((r) => r[0] === 'O1') + 1;
    const formula = rt.store.formulas(id, 'Dashboard', `F${row}`)[0]![0]!;
    expect(formula).toMatch(/^=IF\(ISNUMBER\(E\d+\), SPARKLINE\(E\d+, \{"charttype","bar";"max",1;/);
    // A sparkline shows a drawing, not a value.
    expect(at(`F${row}`)).toBe('');
  });

  it('builds four charts: the status mix, progress against expected, the weeks, and the closed cycles', () => {
    click(rt, id, 'buildDashboard', 'OK');
    const built = charts();
    expect(built).toHaveLength(4);
    expect(built.map((chart) => chart.getOptions().get('title'))).toEqual([
      'Key results by status',
      'Progress by objective',
      'Progress over the weeks',
      'Average score and completion rate by cycle',
    ]);
    expect(built.map((chart) => String(chart.modify().getChartType()))).toEqual(['PIE', 'COLUMN', 'LINE', 'COLUMN']);
    const pie = built[0]!.getRanges()[0]!;
    expect(pie.getValues()).toEqual([
      ['Status', 'Key results'],
      ['on track', 2],
      ['at risk', 1],
      ['off track', 0],
      ['done', 1],
      ['no data', 0],
    ]);
  });

  it('makes the Archive tab when there is none, so its effectiveness table reads a tab that exists', () => {
    expect(rt.store.sheetNames(id)).not.toContain('Archive');
    click(rt, id, 'buildDashboard', 'OK');
    const names = rt.store.sheetNames(id);
    expect(names[names.length - 1]).toBe('Archive');
    const archive = byHand(rt, id).getSheetByName('Archive')!;
    expect(archive.getRange(1, 1, 1, 13).getValues()[0]).toEqual([...ARCHIVE.headers]);
    expect(archive.getRange('A1:M1').getFontWeight()).toBe('bold');
    expect(archive.getFrozenRows()).toBe(1);
    expect(archive.isSheetHidden()).toBe(false);
    // Each column's format from the schema, down the data rows: Cycle text, Closed on a date, Score one decimal.
    const formats = ARCHIVE.columns.map((_, i) => archive.getRange(500, i + 1).getNumberFormat());
    expect(formats.slice(0, 2)).toEqual(['@', 'yyyy-mm-dd']);
    expect(formats[9]).toBe('0.0');
    expect(formats[11]).toBe('0');
    // Nothing closed yet: the table is its header row alone, and the objectives follow the rows kept for cycles.
    expect(section('Effectiveness by cycle')).toEqual([]);
    const title = dashboard().findIndex((row) => row[0] === 'Effectiveness by cycle');
    expect(dashboard()[title + 1]!.slice(0, 8)).toEqual([
      'Cycle',
      'Objectives',
      'Key results',
      'Average score',
      'Completion rate',
      'Check-ins per key result',
      'Objectives per team',
      'Key results per objective',
    ]);
    expect(rt.store.formulas(id, 'Dashboard', `A${title + 2}`)[0]![0]).toBe('=OKR_CYCLE_STATS(Archive!A1:M)');
    // 8 rows kept for cycles to come, a blank row, then the Objectives title.
    expect(dashboard()[title + 1 + 8 + 2]![0]).toBe('Objectives');
    // The Guide tab set-up wrote explains the block by the title it shows.
    const guide = rt.store.values(id, 'Guide').map((r) => String(r[0]));
    expect(guide.filter((line) => line.includes('"Effectiveness by cycle"'))).toHaveLength(1);
    expect(guide).toContain('Are we getting better at OKRs?');
  });

  it('shows the closed cycles of an Archive whose columns were moved, and draws their score and completion', () => {
    // The schema's columns with Reflection first: the table reads by header.
    const header = ['Reflection', ...ARCHIVE.headers.filter((h) => h !== 'Reflection')];
    const row = (cycle: string, closed: string, kind: string, id: string, team: string, score: Cell, checkins: Cell) => {
      const cells: Record<string, Cell> = { Cycle: cycle, 'Closed on': new Date(closed), Kind: kind, ID: id, Team: team };
      Object.assign(cells, { Score: score, 'Check-ins': checkins });
      return header.map((h) => cells[h] ?? '');
    };
    fill(rt, id, 'Archive', [
      header,
      row('2026-Q3', '2026-10-01T12:00:00Z', 'objective', 'O1', 'Sales', '', ''),
      row('2026-Q3', '2026-10-01T12:00:00Z', 'key result', 'K1', 'Sales', 0.9, 10),
      row('2026-Q3', '2026-10-01T12:00:00Z', 'key result', 'K2', 'Sales', 0.4, 6),
      row('2026-Q2', '2026-07-01T12:00:00Z', 'objective', 'O9', '', '', ''),
      row('2026-Q2', '2026-07-01T12:00:00Z', 'key result', 'K9', '', 0.7, 12),
    ]);
    click(rt, id, 'buildDashboard', 'OK');
    const title = dashboard().findIndex((r) => r[0] === 'Effectiveness by cycle');
    expect(rt.store.formulas(id, 'Dashboard', `A${title + 2}`)[0]![0]).toBe('=OKR_CYCLE_STATS(Archive!A1:M)');
    // Q2 closed first: 1 objective, 1 key result scoring 0.7 (completed), 12 check-ins, one (blank) team.
    // Q3: (0.9 + 0.4) / 2 = 0.65, 1 of 2 at 0.7 or more, (10 + 6) / 2 = 8 check-ins, 2 key results for 1 objective.
    expect(section('Effectiveness by cycle').map((r) => r.slice(0, 8))).toEqual([
      ['2026-Q2', 1, 1, 0.7, 1, 12, 1, 1],
      ['2026-Q3', 1, 2, expect.closeTo(0.65, 10), 0.5, 8, 1, 2],
    ]);
    const chart = charts()[3]!;
    const [cycles, figures] = chart.getRanges().map((range) => range.getValues().filter((r) => r[0] !== ''));
    expect(cycles).toEqual([['Cycle'], ['2026-Q2'], ['2026-Q3']]);
    expect(figures!.slice(0, 3)).toEqual([
      ['Average score', 'Completion rate'],
      [0.7, 1],
      [expect.closeTo(0.65, 10), 0.5],
    ]);
    // Two cycles in the Archive: 2 + 8 rows kept before the objectives.
    expect(dashboard()[title + 1 + 10 + 2]![0]).toBe('Objectives');
  });

  it("draws the weeks from History by the rollup rule, this cycle's only", () => {
    fill(rt, id, 'History', [
      ['Date', 'ID', 'Progress', 'Confidence', 'Status'],
      [new Date('2026-09-28T12:00:00Z'), 'O1', 0.9, '', 'on track'],
      [new Date('2026-11-02T13:00:00Z'), 'O1', 0.2, '', 'at risk'],
      [new Date('2026-11-02T13:00:00Z'), 'O2', 0.5, '', 'on track'],
      [new Date('2026-11-09T13:00:00Z'), 'O1', 0.3, '', 'at risk'],
      [new Date('2026-11-09T13:00:00Z'), 'O2', '', '', 'no data'],
      [new Date('2026-11-09T13:00:00Z'), 'O3', 0.9, '', 'done'],
      [new Date('2026-11-09T13:00:00Z'), 'K1', 0.4, 7, 'on track'],
    ]);
    click(rt, id, 'buildDashboard', 'OK');
    const chart = charts()[2]!;
    const [trend] = chart.getRanges();
    const rows = trend!.getValues().filter((row) => row[0] !== '');
    expect(rows[0]).toEqual(['Week', 'Expected', 'Overall']);
    // 28 September is last quarter's; O3 is not this cycle's, K1 is a key result.
    expect(rows.slice(1).map((row) => (row[0] as Date).toISOString())).toEqual(['2026-11-02T13:00:00.000Z', '2026-11-09T13:00:00.000Z']);
    // 08:00 in New York on 2 and 9 November: 32 and 39 days and 8 hours into 92.
    expect(rows[1]![1]).toBeCloseTo((32 + 8 / 24) / 92, 10);
    expect(rows[2]![1]).toBeCloseTo((39 + 8 / 24) / 92, 10);
    // O1 weight 2, O2 weight 1: (2 × 0.2 + 0.5) / 3, then O2 blank counts 0 once O1 has progress: 2 × 0.3 / 3.
    expect(rows[1]![2]).toBeCloseTo(0.3, 10);
    expect(rows[2]![2]).toBeCloseTo(0.2, 10);
  });

  it('moves with a check-in, without anyone running anything', () => {
    click(rt, id, 'buildDashboard', 'OK');
    rt.run('submitCheckin', {
      spreadsheetId: id,
      user: CHAMPION,
      args: [{ id: 'checkin-0001', keyResultId: 'K2', value: 8, confidence: 6, note: 'Signed six', as: 'Dee' }],
    });
    // K2 0.2 → 0.8: O1 = (0.5 + 0.8 + 0.6) / 3; K2 is on track and fresh now.
    const o1 = (0.5 + 0.8 + 0.6) / 3;
    expect(at('A4')).toBeCloseTo((2 * o1 + 1) / 3, 10);
    expect(dashboard()[3]!.slice(3, 8)).toEqual([3, 0, 0, 1, 0]);
    expect(at('I4')).toBe(0.75);
    expect(at('J4')).toBeCloseTo((7 + 6 + 9 + 8) / 4, 10);
    expect(at('B5')).toBe('Everyone is up to date.');
    // K2's line through (0, 0) and (45 days 10 h, 8) reaches 8 × 92 / 45.42 ≈ 16 of 10 by the end: forecast 1.
    // O1's forecast is its key results' (K1 has none yet, so 0 once K2 has one): 0.5; O2 has none: 0.
    // Overall forecast: (2 × 0.5 + 0) / 3.
    expect(at('C4')).toBeCloseTo(1 / 3, 10);
  });

  it('building again replaces its own cells and charts, and keeps a chart a person added', () => {
    click(rt, id, 'buildDashboard', 'OK');
    const sheet = byHand(rt, id).getSheetByName('Dashboard')!;
    sheet.insertChart(sheet.newChart().asBarChart().addRange(sheet.getRange('A3:C4')).setOption('title', 'Mine').build());
    click(rt, id, 'buildDashboard', 'OK');
    click(rt, id, 'buildDashboard', 'OK');
    expect(lastAlert(rt)).toContain('built again');
    expect(charts().map((chart) => chart.getOptions().get('title'))).toEqual(
      expect.arrayContaining([
        'Mine',
        'Key results by status',
        'Progress by objective',
        'Progress over the weeks',
        'Average score and completion rate by cycle',
      ]),
    );
    expect(charts()).toHaveLength(5);
    expect(rt.store.sheetNames(id).filter((name) => name.startsWith('Dashboard'))).toEqual(['Dashboard']);
  });

  it('finds its own tab after a rename, and builds there', () => {
    click(rt, id, 'buildDashboard', 'OK');
    byHand(rt, id).getSheetByName('Dashboard')!.setName('Q4 at a glance');
    click(rt, id, 'buildDashboard', 'OK');
    expect(rt.store.sheetNames(id)).toContain('Q4 at a glance');
    expect(rt.store.sheetNames(id)).not.toContain('Dashboard');
    expect(charts('Q4 at a glance')).toHaveLength(4);
  });

  it('never overwrites a Dashboard tab the add-on did not make', () => {
    fill(rt, id, 'Dashboard', [['My own dashboard'], ['=1+1']]);
    const before = rt.store.formulas(id, 'Dashboard');
    click(rt, id, 'buildDashboard', 'OK');
    expect(lastAlert(rt)).toBe(
      'There is already a tab called Dashboard that OKR Sheets did not make, so nothing was changed. Rename that tab, then build the dashboard again.',
    );
    expect(rt.store.formulas(id, 'Dashboard')).toEqual(before);
    expect(rt.store.values(id, 'Dashboard').slice(0, 2)).toEqual(
      [['My own dashboard'], [2]].map((row) => [...row, ...new Array(rt.store.values(id, 'Dashboard')[0]!.length - 1).fill('')]),
    );
    expect(charts()).toHaveLength(0);
  });

  it('says what set-up must add first, and changes nothing', () => {
    const { rt: bare, id: bareId } = newWorkbook(['Objectives']);
    fill(bare, bareId, 'Objectives', [['ID', 'Objective']]);
    bare.answer({ button: 'OK' });
    bare.run('buildDashboard', { spreadsheetId: bareId, user: CHAMPION });
    expect(bare.ui.last('alert')?.message).toMatch(/^The dashboard reads the .* Run OKR Sheets > Set up the OKR workbook first/);
    expect(bare.store.sheetNames(bareId)).toEqual(['Objectives']);
  });

  it('is offered at the end of set-up, and built on Yes', () => {
    const { rt: fresh, id: freshId } = newWorkbook();
    click(fresh, freshId, 'setUpWorkbook', 'NO', 'YES', 'OK');
    expect(fresh.store.sheetNames(freshId)).toContain('Dashboard');
    // Set up again: the dashboard is there, so it is not offered a second time.
    click(fresh, freshId, 'setUpWorkbook', 'OK');
  });
});
