import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../dev/runtime/index';
import { formulaRunner } from './formula-fake';

const sheets: Record<string, CellValue[][]> = {
  Sheet1: [
    ['Team', 'Owner', 'Score', 'Status'],
    ['Sales', 'Ann', 0.7, 'On track'],
    ['Ops', 'bob', 0.3, 'At risk'],
    ['Sales', 'Cy', 0.5, 'on track'],
    ['HR', '', '', ''],
    ['Ops', 'Dee', 'n/a', 'Done'],
  ],
};

const { run, failure } = formulaRunner({ sheets, at: { row: 2, column: 9 } });

describe('logical', () => {
  it('IF chooses, and coerces the condition', () => {
    expect(run('=IF(C2>0.6, "good", "low")')).toBe('good');
    expect(run('=IF(0, "yes")')).toBe(false);
    expect(run('=IF("true", 1, 2)')).toBe(1);
    expect(failure('=IF("maybe", 1, 2)').message).toBe(
      "Function IF parameter 1 expects boolean values. But 'maybe' is a text and cannot be coerced to a boolean.",
    );
  });

  it('IFS takes the first true condition, #N/A when none', () => {
    expect(run('=IFS(C3>0.6, "good", C3>0.2, "fair", TRUE, "low")')).toBe('fair');
    expect(failure('=IFS(FALSE, 1)').code).toBe('#N/A');
  });

  it('IFERROR catches any error, IFNA only #N/A', () => {
    expect(run('=IFERROR(1/0, "x")')).toBe('x');
    expect(run('=IFERROR(1/0)')).toBe('');
    expect(run('=IFERROR(5, "x")')).toBe(5);
    expect(run('=IFNA(NA(), "missing")')).toBe('missing');
    expect(failure('=IFNA(1/0, "missing")').code).toBe('#DIV/0!');
  });

  it('AND, OR, NOT', () => {
    expect(run('=AND(TRUE, 1, C2>0)')).toBe(true);
    expect(run('=AND(TRUE, 0)')).toBe(false);
    expect(run('=OR(FALSE, C3>0.5)')).toBe(false);
    expect(run('=OR(A2:B3, TRUE)')).toBe(true);
    expect(run('=NOT(B5="")')).toBe(false);
    expect(run('=NOT(B6="")')).toBe(true);
    expect(failure('=AND(A2:A3)').message).toBe('AND has no valid input data.');
    expect(failure('=OR(1/0, TRUE)').code).toBe('#DIV/0!');
  });

  it('IS functions see errors instead of failing', () => {
    expect(run('=ISBLANK(B6)')).toBe(false);
    expect(run('=ISBLANK(C5)')).toBe(true);
    expect(run('=ISNUMBER(C2)')).toBe(true);
    expect(run('=ISNUMBER(C6)')).toBe(false);
    expect(run('=ISTEXT(A2)')).toBe(true);
    expect(run('=ISTEXT(C5)')).toBe(false);
    expect(run('=ISERROR(1/0)')).toBe(true);
    expect(run('=ISERROR(1)')).toBe(false);
    expect(run('=ISNA(NA())')).toBe(true);
    expect(failure('=NA()').code).toBe('#N/A');
  });
});

describe('text', () => {
  it('LEN, TRIM, LOWER, UPPER', () => {
    expect(run('=LEN("héllo")')).toBe(5);
    expect(run('=LEN(12.5)')).toBe(4);
    expect(run('=TRIM("  a   b  ")')).toBe('a b');
    expect(run('=LOWER(A2)')).toBe('sales');
    expect(run('=UPPER("x"&1)')).toBe('X1');
  });

  it('FIND, LEFT and MID find and cut text as the help pages say', () => {
    expect(run('=FIND("/", "Product/P1")')).toBe(8);
    expect(run('=FIND("P", "Product/P1", 2)')).toBe(9);
    expect(failure('=FIND("p", "Product/P1")').code).toBe('#VALUE!');
    expect(run('=LEFT("Product/P1", FIND("/", "Product/P1") - 1)')).toBe('Product');
    expect(run('=LEFT("abc")')).toBe('a');
    expect(run('=MID("Product/P1", 9, 200)')).toBe('P1');
    expect(failure('=FIND("/", "P1")').code).toBe('#VALUE!');
    expect(failure('=LEFT("abc", -1)').code).toBe('#VALUE!');
    expect(failure('=MID("abc", 0, 1)').code).toBe('#VALUE!');
  });

  it('CONCATENATE joins values and whole ranges', () => {
    expect(run('=CONCATENATE("a", 1, TRUE)')).toBe('a1TRUE');
    expect(run('=CONCATENATE(A2:A3)')).toBe('SalesOps');
  });

  it('VALUE reads numbers written as text', () => {
    expect(run('=VALUE("12.5")')).toBe(12.5);
    expect(run('=VALUE("1,234")')).toBe(1234);
    expect(run('=VALUE("15%")')).toBe(0.15);
    expect(run('=VALUE("")')).toBe(0);
    const error = failure('=VALUE("abc")');
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe("VALUE parameter 'abc' cannot be parsed to number.");
  });

  it('TEXT formats numbers', () => {
    expect(run('=TEXT(0.256, "0%")')).toBe('26%');
    expect(run('=TEXT(0.256, "0.0%")')).toBe('25.6%');
    expect(run('=TEXT(1234.567, "#,##0.00")')).toBe('1,234.57');
    expect(run('=TEXT(1234.5, "0")')).toBe('1235');
    expect(run('=TEXT(3.14159, "0.00")')).toBe('3.14');
    expect(run('=TEXT(0.5, "#.##")')).toBe('.5');
    expect(run('=TEXT(7, "000")')).toBe('007');
    expect(run('=TEXT(-5, "0.0")')).toBe('-5.0');
    expect(run('=TEXT(-5, "0;(0)")')).toBe('(5)');
    expect(run('=TEXT(42, "$#,##0")')).toBe('$42');
    expect(run('=TEXT("abc", "0.0")')).toBe('abc');
  });

  it('TEXT formats dates', () => {
    expect(run('=TEXT(DATE(2026, 1, 5), "yyyy-mm-dd")')).toBe('2026-01-05');
    expect(run('=TEXT(DATE(2026, 1, 5), "dd/mm/yy")')).toBe('05/01/26');
    expect(run('=TEXT(DATE(2026, 1, 5), "mmmm d, yyyy")')).toBe('January 5, 2026');
    expect(run('=TEXT(DATE(2026, 1, 5), "ddd mmm d")')).toBe('Mon Jan 5');
    expect(run('=TEXT(DATE(2026, 1, 5) + 0.5 + 1/1440*7, "hh:mm")')).toBe('12:07');
    expect(run('=TEXT(46027.75, "h:mm AM/PM")')).toBe('6:00 PM');
    expect(run('=TEXT(46030, "dddd")')).toBe('Thursday');
  });

  it('SPLIT, JOIN, TEXTJOIN', () => {
    expect(run('=SPLIT("a, b,,c", ", ")')).toEqual([['a', 'b', 'c']]);
    expect(run('=SPLIT("a--b", "--", FALSE)')).toEqual([['a', 'b']]);
    expect(run('=SPLIT("a,,b", ",", TRUE, FALSE)')).toEqual([['a', '', 'b']]);
    expect(run('=SPLIT("1,2", ",")')).toEqual([[1, 2]]);
    expect(run('=JOIN(", ", A2:A4)')).toBe('Sales, Ops, Sales');
    expect(run('=TEXTJOIN("/", TRUE, B2:B6)')).toBe('Ann/bob/Cy/Dee');
    expect(run('=TEXTJOIN("/", FALSE, B4:B6)')).toBe('Cy//Dee');
  });

  it('HYPERLINK shows the label, or the url when there is none', () => {
    expect(run('=HYPERLINK("#gid=0&range=A2", "Key Results!A2")')).toBe('Key Results!A2');
    expect(run('=HYPERLINK("https://example.com")')).toBe('https://example.com');
  });
});

describe('math', () => {
  it('SUM, AVERAGE, MIN, MAX skip text and blanks in ranges', () => {
    expect(run('=SUM(C2:C6)')).toBeCloseTo(1.5);
    expect(run('=SUM(C2:C6, 1, "2", TRUE)')).toBeCloseTo(5.5);
    expect(run('=AVERAGE(C2:C6)')).toBeCloseTo(0.5);
    expect(run('=MIN(C2:C6)')).toBe(0.3);
    expect(run('=MAX(C2:C6)')).toBe(0.7);
    expect(run('=MAX(A2:A3)')).toBe(0);
    expect(failure('=SUM(1, "x")').message).toBe(
      "Function SUM parameter 2 expects number values. But 'x' is a text and cannot be coerced to a number.",
    );
  });

  it('AVERAGE of nothing is #DIV/0!', () => {
    const error = failure('=AVERAGE(A2:A6)');
    expect(error.code).toBe('#DIV/0!');
    expect(error.message).toBe('Evaluation of function AVERAGE caused a divide by zero error.');
  });

  it('errors in a range propagate', () => {
    expect(failure('=SUM(C2:C3, 1/0)').code).toBe('#DIV/0!');
    expect(failure('=SUM({1, #N/A})').code).toBe('#N/A');
  });

  it('COUNT and COUNTA', () => {
    expect(run('=COUNT(C2:C6)')).toBe(3);
    expect(run('=COUNTA(B2:B6)')).toBe(4);
    expect(run('=COUNTA(A:A)')).toBe(6);
    expect(run('=COUNTBLANK(B2:D6)')).toBe(3);
  });

  it('ROUND half away from zero, ROUNDUP, ROUNDDOWN, ABS', () => {
    expect(run('=ROUND(2.5)')).toBe(3);
    expect(run('=ROUND(-2.5)')).toBe(-3);
    expect(run('=ROUND(1.005, 2)')).toBe(1.01);
    expect(run('=ROUND(1234, -2)')).toBe(1200);
    expect(run('=ROUND(0.1*3, 1)')).toBe(0.3);
    expect(run('=ROUNDUP(1.21, 1)')).toBe(1.3);
    expect(run('=ROUNDUP(-1.21, 1)')).toBe(-1.3);
    expect(run('=ROUNDDOWN(1.29, 1)')).toBe(1.2);
    expect(run('=ROUNDDOWN(-1.29)')).toBe(-1);
    expect(run('=ABS(-4)')).toBe(4);
    expect(run('=MOD(-1, 3)')).toBe(2);
  });

  it('SUMPRODUCT multiplies arrays without ARRAYFORMULA', () => {
    expect(run('=SUMPRODUCT((A2:A5="Sales")*(C2:C5))')).toBeCloseTo(1.2);
    expect(run('=SUMPRODUCT(C2:C3, {2;10})')).toBeCloseTo(4.4);
    expect(failure('=SUMPRODUCT((A2:A6="Sales")*C2:C6)').code).toBe('#VALUE!');
  });
});

describe('criteria', () => {
  it('COUNTIF with values, comparisons and wildcards, case-insensitive', () => {
    expect(run('=COUNTIF(A2:A6, "sales")')).toBe(2);
    expect(run('=COUNTIF(C2:C6, ">0.4")')).toBe(2);
    expect(run('=COUNTIF(C2:C6, "<=0.5")')).toBe(2);
    expect(run('=COUNTIF(D2:D6, "on*")')).toBe(2);
    expect(run('=COUNTIF(B2:B6, "?o?")')).toBe(1);
    expect(run('=COUNTIF(B2:B6, "")')).toBe(1);
    expect(run('=COUNTIF(B2:B6, "<>")')).toBe(4);
    expect(run('=COUNTIF(A2:A6, "<>Ops")')).toBe(3);
    expect(run('=COUNTIF(C2:C6, 0.5)')).toBe(1);
    expect(run('=COUNTIF(C2:C6, "=0.3")')).toBe(1);
    expect(run('=COUNTIF(D2:D6, "a~*")')).toBe(0);
  });

  it('COUNTIFS, SUMIF, SUMIFS, AVERAGEIF', () => {
    expect(run('=COUNTIFS(A2:A6, "Sales", C2:C6, ">0.6")')).toBe(1);
    expect(run('=SUMIF(A2:A6, "Sales", C2:C6)')).toBeCloseTo(1.2);
    expect(run('=SUMIF(C2:C6, ">0.4")')).toBeCloseTo(1.2);
    expect(run('=SUMIFS(C2:C6, A2:A6, "Ops", B2:B6, "<>")')).toBeCloseTo(0.3);
    expect(run('=AVERAGEIF(A2:A6, "Sales", C2:C6)')).toBeCloseTo(0.6);
    expect(failure('=AVERAGEIF(A2:A6, "none", C2:C6)').code).toBe('#DIV/0!');
    const error = failure('=COUNTIFS(A2:A6, "Sales", C2:C4, ">0")');
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('Array arguments to COUNTIFS are of different size.');
  });
});

describe('lookup', () => {
  it('VLOOKUP exact, case-insensitive, and its errors', () => {
    expect(run('=VLOOKUP("cy", B2:D6, 2, FALSE)')).toBe(0.5);
    expect(run('=VLOOKUP("Ops", A2:D6, 4, FALSE)')).toBe('At risk');
    const missing = failure('=VLOOKUP("Zed", B2:D6, 2, FALSE)');
    expect(missing.code).toBe('#N/A');
    expect(missing.message).toBe("Did not find value 'Zed' in VLOOKUP evaluation.");
    expect(failure('=VLOOKUP("Ann", B2:D6, 5, FALSE)').message).toBe('VLOOKUP evaluates to an out of bounds range.');
    expect(failure('=VLOOKUP("Ann", B2:D6, 0, FALSE)').code).toBe('#VALUE!');
    expect(failure('=VLOOKUP(0, B2:D6, 2, FALSE)').code).toBe('#N/A');
  });

  it('VLOOKUP sorted finds the last key not above the value', () => {
    const bands = {
      Sheet1: [
        [0, 'red'],
        [0.4, 'yellow'],
        [0.7, 'green'],
      ],
    };
    expect(run('=VLOOKUP(0.55, A1:B3, 2)', { sheets: bands })).toBe('yellow');
    expect(run('=VLOOKUP(0.9, A1:B3, 2, TRUE)', { sheets: bands })).toBe('green');
    expect(() => run('=VLOOKUP(-1, A1:B3, 2)', { sheets: bands })).toThrow("Did not find value '-1' in VLOOKUP evaluation.");
  });

  it('MATCH and INDEX', () => {
    expect(run('=MATCH("bob", B2:B6, 0)')).toBe(2);
    expect(run('=MATCH("D*", B2:B6, 0)')).toBe(5);
    expect(run('=MATCH(0.6, {0, 0.4, 0.7}, 1)')).toBe(2);
    expect(run('=MATCH(0.5, {0.9, 0.6, 0.2}, -1)')).toBe(2);
    expect(failure('=MATCH("x", B2:B6, 0)').message).toBe("Did not find value 'x' in MATCH evaluation.");
    expect(run('=INDEX(B2:D6, 3, 2)')).toBe(0.5);
    expect(run('=INDEX(B2:B6, 2)')).toBe('bob');
    expect(run('=INDEX(A2:D2, 2)')).toBe('Ann');
    expect(run('=INDEX(B2:D3, 0, 2)')).toEqual([[0.7], [0.3]]);
    expect(run('=INDEX(B2:D3, 2, 0)')).toEqual([['bob', 0.3, 'At risk']]);
    expect(run('=INDEX(D2:D6, MATCH("Cy", B2:B6, 0))')).toBe('on track');
    expect(failure('=INDEX(B2:D6, 9, 1)').code).toBe('#NUM!');
  });

  it('XLOOKUP with a fallback, a search from the end, and a whole row result', () => {
    expect(run('=XLOOKUP("Ops", A2:A6, B2:B6)')).toBe('bob');
    expect(run('=XLOOKUP("Ops", A2:A6, B2:B6, "none", 0, -1)')).toBe('Dee');
    expect(run('=XLOOKUP("IT", A2:A6, B2:B6, "none")')).toBe('none');
    expect(failure('=XLOOKUP("IT", A2:A6, B2:B6)').message).toBe("Did not find value 'IT' in XLOOKUP evaluation.");
    expect(run('=XLOOKUP("Cy", B2:B6, C2:D6)')).toEqual([[0.5, 'on track']]);
    expect(run('=XLOOKUP(0.6, C2:C4, B2:B4, , -1)')).toBe('Cy');
    expect(run('=XLOOKUP(0.6, C2:C4, B2:B4, , 1)')).toBe('Ann');
  });

  it('ROWS and COLUMNS count, open-ended ranges to the last row', () => {
    expect(run('=ROWS(A2:A)')).toBe(5);
    expect(run('=COLUMNS(A1:D1)')).toBe(4);
    expect(run('=ROWS({1;2;3})')).toBe(3);
  });

  it('IMPORTRANGE hands the spreadsheet side its two texts, from cells or expressions, and shows its error', () => {
    const asked: string[][] = [];
    const importRange = (spreadsheet: string, range: string) => {
      asked.push([spreadsheet, range]);
      return [[`${spreadsheet}:${range}`, 2]];
    };
    expect(run('=IMPORTRANGE(A2, "Sheet1!A" & 1 & ":B1")', { importRange })).toEqual([['Sales:Sheet1!A1:B1', 2]]);
    expect(asked).toEqual([['Sales', 'Sheet1!A1:B1']]);
    expect(failure('=IMPORTRANGE("https://docs.google.com/spreadsheets/d/abc", "Sheet1!A1:B2")').message).toBe(
      'No other spreadsheets here.',
    );
    expect(failure('=IMPORTRANGE(1/0, "A1")', { importRange }).code).toBe('#DIV/0!');
    expect(failure('=IMPORTRANGE("x")').code).toBe('#N/A');
  });
});

describe('arrays', () => {
  it('FILTER by rows and by several conditions, #N/A when nothing matches', () => {
    expect(run('=FILTER(B2:B6, A2:A6="Sales")')).toEqual([['Ann'], ['Cy']]);
    expect(run('=FILTER(B2:C6, A2:A6="Ops", C2:C6<>"n/a")')).toEqual([['bob', 0.3]]);
    const none = failure('=FILTER(B2:B6, A2:A6="IT")');
    expect(none.code).toBe('#N/A');
    expect(none.message).toBe('No matches are found in FILTER evaluation.');
    const size = failure('=FILTER(B2:B6, A2:A4="Sales")');
    expect(size.code).toBe('#VALUE!');
    expect(size.message).toBe(
      'FILTER has mismatched range sizes. Expected row count: 5. column count: 1. Actual row count: 3, column count: 1.',
    );
  });

  it('UNIQUE keeps first occurrences in order', () => {
    expect(run('=UNIQUE(A2:A6)')).toEqual([['Sales'], ['Ops'], ['HR']]);
    expect(run('=UNIQUE({1;2;1;3}, FALSE, TRUE)')).toEqual([[2], [3]]);
  });

  it('SORT by a column, ascending or not, blanks last', () => {
    expect(run('=SORT(C2:C6)')).toEqual([[0.3], [0.5], [0.7], ['n/a'], ['']]);
    expect(run('=SORT(B2:C4, 2, FALSE)')).toEqual([
      ['Ann', 0.7],
      ['Cy', 0.5],
      ['bob', 0.3],
    ]);
    expect(run('=SORT(B2:B4)')).toEqual([['Ann'], ['bob'], ['Cy']]);
    expect(run('=SORT(A2:B6, 1, TRUE, 2, FALSE)')).toEqual([
      ['HR', ''],
      ['Ops', 'Dee'],
      ['Ops', 'bob'],
      ['Sales', 'Cy'],
      ['Sales', 'Ann'],
    ]);
  });
});
