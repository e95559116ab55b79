import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../dev/runtime/index';
import { formulaRunner } from './formula-fake';

// Rows 2..5 of a Key Results-like table; the sheet has 5 rows of data.
const sheets: Record<string, CellValue[][]> = {
  Sheet1: [
    ['KR', 'Start', 'Target', 'Current', 'Progress'],
    ['a', 0, 10, 5],
    ['b', 0, 4, 4],
    ['', '', '', ''],
    ['c', 10, 20, 'n/a'],
  ],
};

const { run, failure } = formulaRunner({ sheets, at: { row: 2, column: 5 } });

describe('ARRAYFORMULA', () => {
  it('applies operators element by element over open-ended ranges', () => {
    expect(run('=ARRAYFORMULA(D2:D*2)')).toEqual([[10], [8], [0], ['#VALUE!']]);
    expect(run('=ARRAYFORMULA((D2:D3-B2:B3)/(C2:C3-B2:B3))')).toEqual([[0.5], [1]]);
  });

  it('stretches a single value, row or column against a larger array', () => {
    expect(run('=ARRAYFORMULA(B2:B3+1)')).toEqual([[1], [1]]);
    expect(run('=ARRAYFORMULA({1;2}*{10,20})')).toEqual([
      [10, 20],
      [20, 40],
    ]);
    expect(run('=ARRAYFORMULA(A2:A3&"-"&C2:C3)')).toEqual([['a-10'], ['b-4']]);
  });

  it('gives #VALUE! for arrays of different sizes', () => {
    const error = failure('=ARRAYFORMULA(B2:B3+C2:C4)');
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('Array arguments to ADD are of different size.');
  });

  it('applies element-wise functions, IF, IFERROR and ISBLANK per element', () => {
    expect(run('=ARRAYFORMULA(IF(A2:A="", "", UPPER(A2:A)))')).toEqual([['A'], ['B'], [''], ['C']]);
    expect(run('=ARRAYFORMULA(IFERROR(D2:D/C2:C, "-"))')).toEqual([[0.5], [1], ['-'], ['-']]);
    expect(run('=ARRAYFORMULA(ISBLANK(A2:A))')).toEqual([[false], [false], [true], [false]]);
    expect(run('=ARRAYFORMULA(LEN(A2:A3))')).toEqual([[1], [1]]);
    expect(run('=ARRAYFORMULA(ROUND(D2:D3/3, 2))')).toEqual([[1.67], [1.33]]);
  });

  it('keeps errors per element; IFERROR catches only those', () => {
    expect(run('=ARRAYFORMULA(C2:C/B2:B)')).toEqual([['#DIV/0!'], ['#DIV/0!'], ['#DIV/0!'], [2]]);
  });

  it('broadcasts the criterion of COUNTIF and the key of VLOOKUP', () => {
    expect(run('=ARRAYFORMULA(COUNTIF(B2:B, B2:B))')).toEqual([[2], [2], [1], [1]]);
    expect(run('=ARRAYFORMULA(VLOOKUP({"b";"a"}, A2:C5, 3, FALSE))')).toEqual([[4], [10]]);
  });

  it('aggregates still reduce inside it', () => {
    expect(run('=ARRAYFORMULA(SUM(C2:C5*2))')).toBe(68);
  });

  it('lists row numbers with ROW over a range', () => {
    expect(run('=ARRAYFORMULA(ROW(A2:A))')).toEqual([[2], [3], [4], [5]]);
    expect(run('=ROW(A3:A)')).toBe(3);
    expect(run('=ROW()')).toBe(2);
    expect(run('=COLUMN()')).toBe(5);
    expect(run('=ARRAYFORMULA(COLUMN(B1:D1))')).toEqual([[2, 3, 4]]);
  });

  it('expands SPLIT over a column into a table', () => {
    const table = { Sheet1: [['a,b,c'], ['d'], ['e,f']] };
    expect(run('=ARRAYFORMULA(SPLIT(A1:A3, ","))', { sheets: table })).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
      ['e', 'f', ''],
    ]);
  });
});

describe('implicit intersection outside ARRAYFORMULA', () => {
  it('uses the value in the formula row for a column range', () => {
    expect(run('=D2:D5*2')).toBe(10);
    expect(run('=D2:D5*2', { at: { row: 3, column: 5 } })).toBe(8);
    expect(run('=LEN(A2:A)', { at: { row: 5, column: 6 } })).toBe(1);
    expect(run('=IF(D:D>4, "hi", "lo")', { at: { row: 3, column: 6 } })).toBe('lo');
  });

  it('uses the value in the formula column for a row range', () => {
    expect(run('=A2:E2&"!"', { at: { row: 9, column: 3 } })).toBe('10!');
  });

  it('gives #VALUE! when the formula row is outside the range', () => {
    const error = failure('=D2:D3*2', { at: { row: 9, column: 5 } });
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('An array value could not be found.');
  });

  it('takes the first value of an array literal', () => {
    expect(run('={5,6}*2')).toBe(10);
  });

  it('still lets functions that take ranges read them whole', () => {
    expect(run('=SUM(C2:C)')).toBe(34);
    expect(run('=COUNTIF(A2:A, "?")')).toBe(3);
  });

  it('lets FILTER, SORT and UNIQUE work on arrays without ARRAYFORMULA', () => {
    expect(run('=FILTER(A2:A, C2:C > 5)')).toEqual([['a'], ['c']]);
    expect(run('=SORT(FILTER(A2:C, A2:A <> ""), 3, FALSE)')).toEqual([
      ['c', 10, 20],
      ['a', 0, 10],
      ['b', 0, 4],
    ]);
  });

  it('passes an array result of IFERROR through whole', () => {
    expect(run('=IFERROR(FILTER(A2:A, C2:C > 100), "none")')).toBe('none');
    expect(run('=IFERROR(FILTER(A2:A, C2:C > 5), "none")')).toEqual([['a'], ['c']]);
  });
});
