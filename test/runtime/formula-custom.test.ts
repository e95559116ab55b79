import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError, type CellValue } from '../../dev/runtime/index';
import { fakeContext, type FakeOptions } from './formula-fake';

const due = new Date('2026-03-31T00:00:00Z');
const sheets: Record<string, CellValue[][]> = {
  Sheet1: [
    ['KR', 'Value', 'Due'],
    ['a', 5, due],
    ['b', '', ''],
    ['c', 7, due],
  ],
};

function setup(custom: NonNullable<FakeOptions['custom']>, at = { row: 2, column: 4 }) {
  const context = fakeContext({ sheets, custom, at });
  return { context, run: (formula: string) => evaluateFormula(formula, context) };
}

const echo = { OKR_ECHO: (...args: (CellValue | CellValue[][])[]) => JSON.stringify(args) };

describe('custom functions receive what Sheets passes', () => {
  it('a range as a 2D array, with "" for empty cells and Date objects for dates', () => {
    const { context, run } = setup(echo);
    run('=OKR_ECHO(A2:C3)');
    const [range] = context.calls[0]!.args;
    expect(range).toEqual([
      ['a', 5, due],
      ['b', '', ''],
    ]);
    expect((range as CellValue[][])[0]![2]).toBeInstanceOf(Date);
  });

  it('a single-cell reference as its value, not an array', () => {
    const { context, run } = setup(echo);
    run('=OKR_ECHO(B2, C2, B3)');
    expect(context.calls[0]!.args).toEqual([5, due, '']);
  });

  it('an open-ended range to the last row, and literals as they are', () => {
    const { context, run } = setup(echo);
    run('=OKR_ECHO(B2:B, "x", TRUE, 1.5, {1,2})');
    expect(context.calls[0]!.args).toEqual([[[5], [''], [7]], 'x', true, 1.5, [[1, 2]]]);
  });

  it('an expression over a range inside ARRAYFORMULA as the computed array, in one call', () => {
    const { context, run } = setup({ OKR_DOUBLE: (values) => (values as CellValue[][]).map(([v]) => [Number(v) * 2]) });
    expect(run('=ARRAYFORMULA(OKR_DOUBLE(B2:B4 + 1))')).toEqual([[12], [2], [16]]);
    expect(context.calls).toHaveLength(1);
    expect(context.calls[0]!.args).toEqual([[[6], [1], [8]]]);
  });

  it('an expression over a range outside ARRAYFORMULA as the value in its row', () => {
    const { context, run } = setup(echo, { row: 4, column: 4 });
    run('=OKR_ECHO(B2:B4 * 10)');
    expect(context.calls[0]!.args).toEqual([70]);
  });

  it('the name in upper case whatever the case typed', () => {
    const { context, run } = setup(echo);
    run('=okr_echo(1)');
    expect(context.calls[0]!.name).toBe('OKR_ECHO');
  });
});

describe('custom function results', () => {
  it('come back as arrays to spill, or single values', () => {
    const { run } = setup({
      OKR_TABLE: () => [
        [1, 'a'],
        [2, 'b'],
      ],
      OKR_ONE: () => 'done',
    });
    expect(run('=OKR_TABLE()')).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(run('=OKR_ONE()')).toBe('done');
    expect(run('=OKR_ONE()&"!"')).toBe('done!');
  });

  it('read a flat array as a column, null as blank, and a Date from another realm as a Date', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('new Date(Date.UTC(2026, 0, 2))') as Date;
    expect(foreign instanceof Date).toBe(false);
    const { run } = setup({
      OKR_FLAT: () => [1, 2] as unknown as CellValue[][],
      OKR_NULL: () => null as unknown as CellValue,
      OKR_DATE: () => foreign,
    });
    expect(run('=OKR_FLAT()')).toEqual([[1], [2]]);
    expect(run('=OKR_NULL()')).toBe('');
    expect(run('=OKR_DATE()')).toEqual(new Date('2026-01-02T00:00:00Z'));
    expect(run('=OKR_DATE()+1')).toEqual(new Date('2026-01-03T00:00:00Z'));
  });

  it('pad a ragged array with blanks', () => {
    const { run } = setup({ OKR_RAGGED: () => [[1, 2], [3]] });
    expect(run('=OKR_RAGGED()')).toEqual([
      [1, 2],
      [3, ''],
    ]);
  });

  it('show a thrown error as #ERROR! with its message', () => {
    const { run } = setup({
      OKR_FAIL: () => {
        throw new Error('Key result KR-9 has no target.');
      },
    });
    let error: unknown;
    try {
      run('=OKR_FAIL()');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormulaError);
    expect((error as FormulaError).code).toBe('#ERROR!');
    expect((error as FormulaError).message).toBe('Key result KR-9 has no target.');
    expect(run('=IFERROR(OKR_FAIL(), "fallback")')).toBe('fallback');
  });

  it('are not computed when an argument is an error', () => {
    const { context, run } = setup(echo);
    expect(() => run('=OKR_ECHO(1/0)')).toThrow('Function DIVIDE parameter 2 cannot be zero.');
    expect(context.calls).toHaveLength(0);
  });

  it('are not computed in the branch IF does not take', () => {
    const { context, run } = setup(echo);
    expect(run('=IF(FALSE, OKR_ECHO(1), "skipped")')).toBe('skipped');
    expect(run('=IFERROR(1, OKR_ECHO(2))')).toBe(1);
    expect(context.calls).toHaveLength(0);
  });

  it('an array result feeds an ARRAYFORMULA around it', () => {
    const { run } = setup({ OKR_PROGRESS: () => [[0.5], [''], [1]] });
    expect(run('=ARRAYFORMULA(IF(A2:A4="b", "-", OKR_PROGRESS(B2:B4)))')).toEqual([[0.5], ['-'], [1]]);
  });

  it('the add-on status column: an ARRAYFORMULA argument arrives as an array, named ranges as values, TODAY() as a Date', () => {
    const context = fakeContext({
      sheets: { ...sheets, Settings: [['2026-Q1', 0.1]] },
      at: { row: 1, column: 5 },
      named: {
        OKR_CURRENT_CYCLE: { sheet: 'Settings', startRow: 1, startColumn: 1, endRow: 1, endColumn: 1 },
        OKR_AT_RISK_GAP: { sheet: 'Settings', startRow: 1, startColumn: 2, endRow: 1, endColumn: 2 },
      },
      now: new Date('2026-02-15T10:00:00Z'),
      custom: {
        OKR_EXPECTED: () => 0.5,
        OKR_STATUS: (progress, expected) => (progress as CellValue[][]).map(([p], i) => [`${p}/${(expected as CellValue[][])[i]![0]}`]),
      },
    });
    const value = evaluateFormula(
      '=OKR_STATUS(B2:B, ARRAYFORMULA(IF(A2:A="", "", OKR_EXPECTED(OKR_CURRENT_CYCLE, TODAY()))), OKR_AT_RISK_GAP)',
      context,
    );
    expect(value).toEqual([['5/0.5'], ['/0.5'], ['7/0.5']]);
    expect(context.calls.map((call) => call.name)).toEqual(['OKR_EXPECTED', 'OKR_STATUS']);
    expect(context.calls[0]!.args).toEqual(['2026-Q1', new Date('2026-02-15T00:00:00Z')]);
    expect(context.calls[1]!.args).toEqual([[[5], [''], [7]], [[0.5], [0.5], [0.5]], 0.1]);
  });
});
