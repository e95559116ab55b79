import { describe, expect, it } from 'vitest';
import { referencedRanges, type CellValue } from '../../dev/runtime/index';
import { formulaRunner } from './formula-fake';

const sheets: Record<string, CellValue[][]> = {
  Sheet1: [
    ['Name', 'Score', 'Flag'],
    ['ann', 3, true],
    ['bob', 5, false],
    ['cy', '', ''],
  ],
  'Key Results': [['ID'], ['KR-1'], ['KR-2']],
  "Bob's": [[42]],
};

const { run, failure } = formulaRunner({ sheets });

describe('literals', () => {
  it('reads numbers in every written form', () => {
    expect(run('=12')).toBe(12);
    expect(run('=1.5')).toBe(1.5);
    expect(run('=.5')).toBe(0.5);
    expect(run('=1e3')).toBe(1000);
    expect(run('=2E-2')).toBe(0.02);
  });

  it('reads strings with doubled quotes as one quote', () => {
    expect(run('="say ""hi"""')).toBe('say "hi"');
    expect(run('=""')).toBe('');
  });

  it('reads TRUE and FALSE in any case, and as functions', () => {
    expect(run('=TRUE')).toBe(true);
    expect(run('=false')).toBe(false);
    expect(run('=TRUE()')).toBe(true);
  });

  it('reads an error literal as that error', () => {
    expect(failure('=#N/A').code).toBe('#N/A');
  });

  it('builds array literals with , between columns and ; between rows', () => {
    expect(run('={1,2;3,4}')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(run('={"a";"b"}')).toEqual([['a'], ['b']]);
    expect(run('={A2:A3, B2:B3}')).toEqual([
      ['ann', 3],
      ['bob', 5],
    ]);
  });

  it('refuses an array literal with rows of different widths', () => {
    const error = failure('={1,2;3}');
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('In ARRAY_LITERAL, an Array Literal was missing values for one or more rows.');
  });
});

describe('references', () => {
  it('reads a cell with or without $', () => {
    expect(run('=B2')).toBe(3);
    expect(run('=$B$3')).toBe(5);
    expect(run('=b$2')).toBe(3);
  });

  it('reads an empty cell as ""', () => {
    expect(run('=B4')).toBe('');
    expect(run('=Z99')).toBe('');
  });

  it('returns a range whole, for the spreadsheet to spill', () => {
    expect(run('=A2:B3')).toEqual([
      ['ann', 3],
      ['bob', 5],
    ]);
    expect(run('=B2:B')).toEqual([[3], [5], ['']]);
    expect(run('=A:A')).toEqual([['Name'], ['ann'], ['bob'], ['cy']]);
    expect(run('=2:2')).toEqual([['ann', 3, true]]);
  });

  it('reads other sheets, quoted when the name needs it', () => {
    expect(run("='Key Results'!A2:A")).toEqual([['KR-1'], ['KR-2']]);
    expect(run("='Bob''s'!A1")).toBe(42);
    expect(run('=Sheet1!B3')).toBe(5);
    expect(run("=COUNTA('Key Results'!A2:A)")).toBe(2);
  });

  it('gives #REF! for a sheet that does not exist, which IFERROR catches', () => {
    const error = failure('=Nowhere!A1');
    expect(error.code).toBe('#REF!');
    expect(error.message).toBe("Unresolved sheet name 'Nowhere'.");
    expect(run('=IFERROR(Nowhere!A1, "none")')).toBe('none');
  });

  it('resolves named ranges through the context', () => {
    const named = { Scores: { startRow: 2, startColumn: 2, endRow: 3, endColumn: 2 } };
    expect(run('=SUM(Scores)', { named })).toBe(8);
    const error = failure('=SUM(Missing)', { named });
    expect(error.code).toBe('#NAME?');
    expect(error.message).toBe("Unknown range name: 'MISSING'.");
  });

  it('tells a function named like a cell (LOG10) from the cell LOG10', () => {
    expect(failure('=LOG10(1)').message).toBe("Unknown function: 'LOG10'.");
    expect(run('=LOG10')).toBe('');
  });
});

describe('operators', () => {
  it('applies Sheets precedence', () => {
    expect(run('=1+2*3')).toBe(7);
    expect(run('=(1+2)*3')).toBe(9);
    expect(run('=2^3^2')).toBe(64);
    expect(run('=-2^2')).toBe(4);
    expect(run('=2*-1')).toBe(-2);
    expect(run('=50%*2')).toBe(1);
    expect(run('=+5')).toBe(5);
    expect(run('="n"&1+1')).toBe('n2');
    expect(run('=1+1=2')).toBe(true);
    expect(run('=10/4-1')).toBe(1.5);
    expect(run('=2*3^2')).toBe(18);
  });

  it('compares text case-insensitively and across types in Sheets order', () => {
    expect(run('="abc"="ABC"')).toBe(true);
    expect(run('="a"<"B"')).toBe(true);
    expect(run('=1<"a"')).toBe(true);
    expect(run('="z"<TRUE')).toBe(true);
    expect(run('=1="1"')).toBe(false);
    expect(run('=1<>2')).toBe(true);
    expect(run('=2>=2')).toBe(true);
    expect(run('=3<=2')).toBe(false);
  });

  it('treats a blank as 0, "" or FALSE, whichever it is compared with', () => {
    expect(run('=B4=0')).toBe(true);
    expect(run('=B4=""')).toBe(true);
    expect(run('=B4=FALSE')).toBe(true);
    expect(run('=B4+1')).toBe(1);
    expect(run('=B4&"x"')).toBe('x');
  });

  it('coerces numeric text and booleans in arithmetic', () => {
    expect(run('="3"*2')).toBe(6);
    expect(run('=" 1,000 "+1')).toBe(1001);
    expect(run('="50%"*2')).toBe(1);
    expect(run('=TRUE+1')).toBe(2);
    expect(run('=C2*10')).toBe(10);
    expect(run('=1&TRUE')).toBe('1TRUE');
    expect(run('=1/3&""')).toBe('0.333333333333333');
  });

  it('gives #VALUE! with Sheets wording for text that is not a number', () => {
    const error = failure('=A2*2');
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(
      "Function MULTIPLY parameter 1 expects number values. But 'ann' is a text and cannot be coerced to a number.",
    );
    expect(failure('=1+"x"').message).toBe(
      "Function ADD parameter 2 expects number values. But 'x' is a text and cannot be coerced to a number.",
    );
  });

  it('gives #DIV/0! for a division by zero or by a blank', () => {
    const error = failure('=1/0');
    expect(error.code).toBe('#DIV/0!');
    expect(error.message).toBe('Function DIVIDE parameter 2 cannot be zero.');
    expect(failure('=B2/B4').code).toBe('#DIV/0!');
  });

  it('has no negative zero and no infinity', () => {
    expect(Object.is(run('=-B4'), 0)).toBe(true);
    expect(Object.is(run('=-0*1'), 0)).toBe(true);
    expect(failure('=1E300*1E300').code).toBe('#NUM!');
    expect(failure('=10^400').code).toBe('#NUM!');
  });

  it('propagates the leftmost error through operators', () => {
    expect(failure('=(1/0)+NA()').code).toBe('#DIV/0!');
    expect(failure('=NA()&(1/0)').code).toBe('#N/A');
    expect(failure('=-(1/0)').code).toBe('#DIV/0!');
  });
});

describe('function calls', () => {
  it('takes names in any case and nested calls', () => {
    expect(run('=sum(1, max(2, 3), Min(4, 5))')).toBe(8);
  });

  it('passes a left-out argument as a blank', () => {
    expect(run('=IF(TRUE,,1)')).toBe('');
    expect(run('=VLOOKUP("bob", A2:B4, 2, )')).toBe(5);
  });

  it('gives #NAME? for an unknown function', () => {
    const error = failure('=FOO(1)');
    expect(error.code).toBe('#NAME?');
    expect(error.message).toBe("Unknown function: 'FOO'.");
    expect(run('=IFERROR(FOO(1), "caught")')).toBe('caught');
  });

  it('gives #N/A for a wrong number of arguments', () => {
    const error = failure('=IF(TRUE)');
    expect(error.code).toBe('#N/A');
    expect(error.message).toBe('Wrong number of arguments to IF. Expected between 2 and 3 arguments, but got 1 arguments.');
    expect(failure('=LEN()').message).toBe('Wrong number of arguments to LEN. Expected 1 arguments, but got 0 arguments.');
    expect(failure('=SUM()').message).toBe('Wrong number of arguments to SUM. Expected at least 1 arguments, but got 0 arguments.');
  });
});

describe('parse errors', () => {
  it.each(['=1+', '=(1', '="abc', '=SUM(1,2', '1+1', '=A1:', '={1,2', "='Key Results'!", '=1 2', '=)', '=SUM(1;2)', '=@A1'])(
    '%s is #ERROR! "Formula parse error."',
    (formula) => {
      const error = failure(formula);
      expect(error.code).toBe('#ERROR!');
      expect(error.message).toBe('Formula parse error.');
    },
  );

  it('accepts spaces between tokens', () => {
    expect(run('=  SUM( 1 ,  2 ) * 2 ')).toBe(6);
  });
});

describe('referencedRanges', () => {
  it('lists every reference as written, with the sheet when named', () => {
    expect(referencedRanges("=SUM(A1:B2) + 'Key Results'!A2:A + IF(C1, $D$4, 2:2) & E:E")).toEqual([
      { startRow: 1, startColumn: 1, endRow: 2, endColumn: 2 },
      { sheet: 'Key Results', startRow: 2, startColumn: 1, endRow: undefined, endColumn: 1 },
      { startRow: 1, startColumn: 3, endRow: 1, endColumn: 3 },
      { startRow: 4, startColumn: 4, endRow: 4, endColumn: 4 },
      { startRow: 2, startColumn: 1, endRow: 2, endColumn: undefined },
      { startRow: 1, startColumn: 5, endRow: undefined, endColumn: 5 },
    ]);
  });

  it('finds references inside array literals and nested calls, and none in a bad formula', () => {
    expect(referencedRanges('={A1;ARRAYFORMULA(-B2:B%)}')).toHaveLength(2);
    expect(referencedRanges('=SUM(')).toEqual([]);
    expect(referencedRanges('="A1"')).toEqual([]);
  });
});
