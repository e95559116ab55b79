// Apply suggested metrics, through dist/Code.js in the runtime: Validate's
// metric-in-text findings, getMetricSuggestions, and applyMetricSuggestions
// writing exactly the cells it names and nothing else.
import { describe, expect, it } from 'vitest';
import type { AppliedMetrics, MetricSuggestion } from '../../src/shared/suggestions-api';
import { Cell } from '../../src/okr/cells';
import { Runtime } from '../../dev/runtime/index';
import { CHAMPION, byHand, click, fill, lastAlert, newWorkbook, errorOf } from './workbook';

const OBJECTIVES: Cell[][] = [
  ['ID', 'Objective', 'Owner', 'Team', 'Cycle'],
  ['O1', 'Make data easy to trust', 'ana@example.com', 'Data', '2026-Q4'],
  ['O2', 'Run a platform people rely on', 'ben@example.com', 'Data', '2026-Q4'],
  ['O3', 'Spend wisely', 'ben@example.com', 'Data', '2026-Q4'],
];

/** Key Results A:K, below the header: five key results with a proposal and four without. */
const KEY_RESULTS: Cell[][] = [
  ['KR1', 'O1', 'Reduce the list of sources from 74 to less than 15', 'ana@example.com', 'milestone', '', '', false],
  ['KR2', 'O1', 'Raise NPS from 30 to 50', 'ana@example.com', 'milestone', '', '', 'not done'],
  ['KR3', 'O2', '99.95% availability', 'ben@example.com', '', '', '', ''],
  ['KR4', 'O2', 'Migrate 12 of 40 services', 'ben@example.com', 'milestone', '', '', 'half way'],
  ['KR5', 'O3', 'Cut cloud spend from $1,200 to $900', 'ben@example.com', '', 'n/a', '', 0],
  ['KR6', 'O1', 'Launch the partner portal', 'ana@example.com', 'milestone', '', '', false],
  ['KR7', 'O2', 'Grow weekly active teams from 40 to 60', 'ben@example.com', 'increase', 40, 60, 45],
  ['KR8', 'O3', 'Double the trial signups', 'ben@example.com', 'milestone', '', '', ''],
  ['KR9', 'O3', 'Ship v2 of the app', 'ben@example.com', 'milestone', '', '', 'done'],
];

/** A set-up workbook holding the rows above (the Progress and Status columns hold the add-on's formulas). */
function workbook(keyResults: Cell[][] = KEY_RESULTS, locale = 'en_US') {
  const { rt, id } = newWorkbook(['Sheet1'], locale);
  click(rt, id, 'setUpWorkbook', 'NO');
  fill(rt, id, 'Objectives', OBJECTIVES);
  fill(rt, id, 'Key Results', keyResults, 2);
  return { rt, id };
}

const suggestions = (rt: Runtime, id: string) => rt.run<MetricSuggestion[]>('getMetricSuggestions', { spreadsheetId: id, user: CHAMPION });
const apply = (rt: Runtime, id: string, ids: unknown) =>
  rt.run<AppliedMetrics>('applyMetricSuggestions', { spreadsheetId: id, user: CHAMPION, args: [ids] });

/** The whole Key Results grid: each cell's value and formula, by A1. */
function grid(rt: Runtime, id: string): Map<string, string> {
  const range = 'A1:N20';
  const values = rt.store.values(id, 'Key Results', range);
  const formulas = rt.store.formulas(id, 'Key Results', range);
  const cells = new Map<string, string>();
  values.forEach((row, r) =>
    row.forEach((value, c) => cells.set(`${String.fromCharCode(65 + c)}${r + 1}`, `${JSON.stringify(value)} ${formulas[r]![c]}`)),
  );
  return cells;
}

/** The cells whose value or formula differs, leaving out Progress (L) and Status (M): their header formulas recompute. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([a1, cell]) => !/^[LM]/.test(a1) && before.get(a1) !== cell).map(([a1]) => a1);
}

const row = (rt: Runtime, id: string, n: number) => rt.store.values(id, 'Key Results', `A${n}:H${n}`)[0];

describe('Validate: metric-in-text', () => {
  it('writes one suggestion per key result whose text states a measure, after errors and warnings', () => {
    const { rt, id } = workbook();
    click(rt, id, 'validateOkrs', 'OK');
    const report = rt.store.displayValues(id, 'Validation').filter((r) => r[1] === 'metric-in-text');
    expect(report).toEqual([
      [
        'info',
        'metric-in-text',
        "'Key Results'!C2",
        'Key result KR1 says "from 74 to less than 15": it can be measured as decrease, start 74, target 15. Run OKR Sheets > Apply suggested metrics… to apply it.',
      ],
      [
        'info',
        'metric-in-text',
        "'Key Results'!C3",
        'Key result KR2 says "from 30 to 50": it can be measured as increase, start 30, target 50. Run OKR Sheets > Apply suggested metrics… to apply it.',
      ],
      [
        'info',
        'metric-in-text',
        "'Key Results'!C4",
        'Key result KR3 says "99.95% availability": it can be measured as at least, target 99.95%. Run OKR Sheets > Apply suggested metrics… to apply it.',
      ],
      [
        'info',
        'metric-in-text',
        "'Key Results'!C5",
        'Key result KR4 says "12 of 40": it can be measured as increase, start 0, target 40. Run OKR Sheets > Apply suggested metrics… to apply it.',
      ],
      [
        'info',
        'metric-in-text',
        "'Key Results'!C6",
        'Key result KR5 says "from $1,200 to $900": it can be measured as decrease, start $1,200, target $900. Run OKR Sheets > Apply suggested metrics… to apply it.',
      ],
      [
        'info',
        'metric-in-text',
        "'Key Results'!C9",
        'Key result KR8 says "Double": it doubles something, but its numbers are not in the text, so nothing can be proposed. Write its Start and Target by hand (the target twice the start), with Metric increase.',
      ],
    ]);
    // The suggestions come last, after the not-measurable errors of KR3 and KR5.
    const severities = rt.store.displayValues(id, 'Validation').map((r) => r[0]);
    expect(severities.lastIndexOf('error')).toBeLessThan(severities.indexOf('info'));
    expect(lastAlert(rt)).toMatch(/, and 6 suggestions: see the Validation tab\.$/);
  });
});

describe('getMetricSuggestions', () => {
  it('lists the five proposals, in sheet order, JSON-safe', () => {
    const { rt, id } = workbook();
    const list = suggestions(rt, id);
    expect(list).toEqual([
      {
        id: 'KR1',
        text: 'Reduce the list of sources from 74 to less than 15',
        metric: 'decrease',
        start: 74,
        target: 15,
        unit: '',
        phrase: 'from 74 to less than 15',
        summary: 'decrease, start 74, target 15',
        blocked: '',
      },
      {
        id: 'KR2',
        text: 'Raise NPS from 30 to 50',
        metric: 'increase',
        start: 30,
        target: 50,
        unit: '',
        phrase: 'from 30 to 50',
        summary: 'increase, start 30, target 50',
        blocked: '',
      },
      {
        id: 'KR3',
        text: '99.95% availability',
        metric: 'at least',
        start: null,
        target: 99.95,
        unit: '%',
        phrase: '99.95% availability',
        summary: 'at least, target 99.95%',
        blocked: '',
      },
      {
        id: 'KR4',
        text: 'Migrate 12 of 40 services',
        metric: 'increase',
        start: 0,
        target: 40,
        unit: '',
        phrase: '12 of 40',
        summary: 'increase, start 0, target 40',
        blocked: '',
      },
      {
        id: 'KR5',
        text: 'Cut cloud spend from $1,200 to $900',
        metric: 'decrease',
        start: 1200,
        target: 900,
        unit: '$',
        phrase: 'from $1,200 to $900',
        summary: 'decrease, start $1,200, target $900',
        blocked: '',
      },
    ]);
    // What google.script.run carries: the same through JSON.
    expect(JSON.parse(JSON.stringify(list))).toEqual(list);
  });

  it('proposes fractions where the cells are formatted as percent', () => {
    const { rt, id } = workbook();
    byHand(rt, id).getSheetByName('Key Results')!.getRange('F4:H4').setNumberFormat('0.00%');
    expect(suggestions(rt, id).find((s) => s.id === 'KR3')).toMatchObject({
      metric: 'at least',
      start: null,
      target: 0.9995,
      unit: '',
      summary: 'at least, target 99.95%',
    });
  });

  it('guesses no number written with a separator where the sheet writes decimal commas (de_DE)', () => {
    // In German 1.200 is twelve hundred and 1,200 is 1.2: "$1,200" could be either, and "99.95%" too.
    const { rt, id } = workbook(KEY_RESULTS, 'de_DE');
    expect(suggestions(rt, id).map((s) => s.id)).toEqual(['KR1', 'KR2', 'KR4']);
    click(rt, id, 'validateOkrs', 'OK');
    const found = (rt.store.values(id, 'Validation') as string[][]).filter((row) => row[1] === 'metric-in-text').map((row) => row[2]);
    expect(found).toEqual(["'Key Results'!C2", "'Key Results'!C3", "'Key Results'!C5", "'Key Results'!C9"]);
  });

  it('reads the Key Results tab once', () => {
    const { rt, id } = workbook();
    suggestions(rt, id);
    expect(rt.lastCalls['Range.getValues']).toBe(1);
    expect(rt.lastCalls['Range.getNumberFormats']).toBe(1);
    expect(rt.lastCalls['Range.getFormulas']).toBe(1);
    expect(rt.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });
});

describe('applyMetricSuggestions', () => {
  it('applying two of five changes exactly their Metric, Start, Target and Current cells', () => {
    const { rt, id } = workbook();
    const before = grid(rt, id);
    expect(apply(rt, id, ['KR1', 'KR4'])).toEqual({ applied: ['KR1', 'KR4'], skipped: [] });
    const after = grid(rt, id);
    // KR1: a milestone not done (FALSE), so Current becomes Start. KR4: Current "half way" is the person's own.
    expect(changed(before, after)).toEqual(['E2', 'F2', 'G2', 'H2', 'E5', 'F5', 'G5']);
    expect(row(rt, id, 2)).toEqual([
      'KR1',
      'O1',
      'Reduce the list of sources from 74 to less than 15',
      'ana@example.com',
      'decrease',
      74,
      15,
      74,
    ]);
    expect(row(rt, id, 5)).toEqual(['KR4', 'O2', 'Migrate 12 of 40 services', 'ben@example.com', 'increase', 0, 40, 'half way']);
    // KR1 now shows progress: 0 of the way from 74 to 15.
    expect(rt.store.displayValues(id, 'Key Results', 'L2')).toEqual([['0%']]);

    // Applying them again changes nothing more.
    expect(apply(rt, id, ['KR1', 'KR4'])).toEqual({
      applied: [],
      skipped: [
        { id: 'KR1', reason: 'Key result KR1 has nothing to suggest now: it is measured already, or its text changed.' },
        { id: 'KR4', reason: 'Key result KR4 has nothing to suggest now: it is measured already, or its text changed.' },
      ],
    });
    expect(changed(after, grid(rt, id))).toEqual([]);
    expect(suggestions(rt, id).map((s) => s.id)).toEqual(['KR2', 'KR3', 'KR5']);
  });

  it('sets Current to Start over "not done" or blank, never over a number or text the person wrote', () => {
    const { rt, id } = workbook();
    expect(apply(rt, id, ['KR2', 'KR3', 'KR5']).applied).toEqual(['KR2', 'KR3', 'KR5']);
    // KR2 "not done" becomes its start; KR3 is at least, with no start: Current stays blank.
    expect(row(rt, id, 3)!.slice(4)).toEqual(['increase', 30, 50, 30]);
    expect(row(rt, id, 4)!.slice(4)).toEqual(['at least', '', 99.95, '']);
    // KR5 has no metric, so its 0 is a value the person wrote, not "not done".
    expect(row(rt, id, 6)!.slice(4)).toEqual(['decrease', 1200, 900, 0]);
  });

  it('writes the fractions percent cells hold', () => {
    const { rt, id } = workbook();
    byHand(rt, id).getSheetByName('Key Results')!.getRange('F4:H4').setNumberFormat('0.00%');
    apply(rt, id, ['KR3']);
    expect(row(rt, id, 4)!.slice(4)).toEqual(['at least', '', 0.9995, '']);
    expect(rt.store.displayValues(id, 'Key Results', 'G4')).toEqual([['99.95%']]);
  });

  it("never writes over a formula of the person's: that row is skipped, and says so", () => {
    const { rt, id } = workbook();
    byHand(rt, id).getSheetByName('Key Results')!.getRange('H3').setFormula('=IF(TRUE, "not done", "")');
    expect(suggestions(rt, id).find((s) => s.id === 'KR2')!.blocked).toBe(
      "Current holds a formula of yours, which OKR Sheets never writes over: set this key result's metric by hand.",
    );
    const before = grid(rt, id);
    expect(apply(rt, id, ['KR2', 'KR1'])).toEqual({
      applied: ['KR1'],
      skipped: [
        {
          id: 'KR2',
          reason: "Current holds a formula of yours, which OKR Sheets never writes over: set this key result's metric by hand.",
        },
      ],
    });
    expect(changed(before, grid(rt, id))).toEqual(['E2', 'F2', 'G2', 'H2']);
    expect(rt.store.formulas(id, 'Key Results', 'H3')).toEqual([['=IF(TRUE, "not done", "")']]);
  });

  it('applies what the sheet says now, finding each row by its ID wherever it moved', () => {
    const { rt, id } = workbook();
    const tab = byHand(rt, id).getSheetByName('Key Results')!;
    suggestions(rt, id); // the dialog opens
    // Meanwhile: KR1's row is deleted, KR2's text changes, KR4 gets measured by hand, and an id nobody has is sent.
    tab.deleteRow(2);
    tab.getRange('C2').setValue('Raise NPS from 30 to 60');
    tab.getRange('E4').setValue('increase');
    tab.getRange('F4:G4').setValues([[12, 40]]);
    expect(apply(rt, id, ['KR2', 'KR1', 'KR4', 'KR3', 'KR42', ' kr3 '])).toEqual({
      applied: ['KR2', 'KR3'],
      skipped: [
        { id: 'KR1', reason: 'There is no key result KR1 in the Key Results tab now: it may have been renamed or deleted.' },
        { id: 'KR4', reason: 'Key result KR4 has nothing to suggest now: it is measured already, or its text changed.' },
        { id: 'KR42', reason: 'There is no key result KR42 in the Key Results tab now: it may have been renamed or deleted.' },
      ],
    });
    expect(row(rt, id, 2)!.slice(4)).toEqual(['increase', 30, 60, 30]);
    expect(row(rt, id, 3)!.slice(4)).toEqual(['at least', '', 99.95, '']);
  });

  it('skips an ID used twice', () => {
    const { rt, id } = workbook([
      ...KEY_RESULTS,
      ['KR1', 'O1', 'Keep the catalogue at most 20 sources', 'ana@example.com', 'milestone', '', '', ''],
    ]);
    const reason = 'ID KR1 is used by more than one key result: give each its own ID, then apply.';
    expect(
      suggestions(rt, id)
        .filter((s) => s.id === 'KR1')
        .map((s) => s.blocked),
    ).toEqual([reason, reason]);
    const before = grid(rt, id);
    expect(apply(rt, id, ['KR1'])).toEqual({ applied: [], skipped: [{ id: 'KR1', reason }] });
    expect(changed(before, grid(rt, id))).toEqual([]);
  });

  it('refuses anything but a list of IDs, in words, and changes nothing', () => {
    const { rt, id } = workbook();
    const before = grid(rt, id);
    const message = 'Send the IDs of the key results to apply, as a list of text such as ["KR1", "KR4"].';
    expect(errorOf(() => apply(rt, id, 'KR1'))).toBe(message);
    expect(errorOf(() => apply(rt, id, ['KR1', 4]))).toBe(message);
    expect(errorOf(() => apply(rt, id, null))).toBe(message);
    expect(apply(rt, id, [])).toEqual({ applied: [], skipped: [] });
    expect(changed(before, grid(rt, id))).toEqual([]);
  });

  it('writes under the document lock, in one setValues per run of adjacent cells', () => {
    const { rt, id } = workbook();
    apply(rt, id, ['KR1', 'KR3']);
    const calls = rt.lastCalls;
    expect(calls['LockService.getDocumentLock']).toBe(1);
    // KR1: Metric to Current in one run. KR3: Metric, then Target (no start, Current stays blank).
    expect(calls['Range.setValues']).toBe(3);
    expect(calls['Range.setValue'] ?? 0).toBe(0);
  });
});

describe('Apply suggested metrics… (the menu item)', () => {
  it('opens the dialog from the built Suggestions.html', () => {
    const { rt, id } = workbook();
    rt.run('showMetricSuggestions', { spreadsheetId: id, user: CHAMPION });
    const dialog = rt.ui.last('modal')!;
    expect(dialog).toMatchObject({ title: 'Apply suggested metrics', width: 640, height: 520 });
    expect(dialog.html).toMatch(/<title>Apply suggested metrics<\/title>/);
    expect(dialog.html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
  });

  it('says there is nothing to suggest, in an alert, rather than open an empty dialog', () => {
    const { rt, id } = workbook(KEY_RESULTS.filter((r) => ['KR6', 'KR7', 'KR8', 'KR9'].includes(r[0] as string)));
    click(rt, id, 'showMetricSuggestions', 'OK');
    expect(lastAlert(rt)).toBe(
      'There is nothing to suggest: no milestone or unmeasured key result states its numbers in a way OKR Sheets can read, such as "from 74 to less than 15", "at least 99.95%" or "12 of 40".',
    );
    expect(rt.ui.last('modal')).toBeUndefined();
  });

  it('says what to do when there is no Key Results tab', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'showMetricSuggestions', 'OK');
    expect(lastAlert(rt)).toBe('There is no Key Results tab: run OKR Sheets > Set up the OKR workbook.');
  });
});
