import { describe, expect, it } from 'vitest';
import { okrExpected, okrProgress, okrRollup, okrScore, okrStatus, okrValidate } from '../src/formulas/formulas';
import { cleanKeyResults, cleanObjectives, setCell } from './fixtures/okrs';
import { wallClockIn } from './wall-clock';

const utc = wallClockIn('Etc/UTC');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('formulas on single values', () => {
  it('return one value', () => {
    expect(okrProgress(0, 100, 40)).toBe(0.4);
    expect(okrStatus(0.4, 0.5)).toBe('on track');
    expect(okrScore(0.65)).toBe(0.7);
    expect(okrExpected('2026-Q4', day('2026-11-15'), {}, utc)).toBe(45 / 92);
  });

  it('throw an Error that says which argument is wrong and why', () => {
    expect(() => okrProgress('abc', 100, 40)).toThrow(new Error('start is "abc", not a number'));
    expect(() => okrProgress(0, 100, 40, 'grow')).toThrow(/metric is "grow"/);
    expect(() => okrStatus(0.5, 'soon')).toThrow(/expected is "soon", not a number/);
    expect(() => okrExpected('Q4 2026', day('2026-11-15'), {}, utc)).toThrow(/write it as 2026-Q4/);
    expect(() => okrScore(true)).toThrow(/progress is TRUE, not a number/);
  });

  it('never leak a stack trace, even for an unexpected failure', () => {
    const broken = (() => {
      throw new TypeError('x is undefined');
    }) as never;
    expect(() => okrExpected('2026-Q4', day('2026-11-15'), {}, broken)).toThrow(/OKR Sheets could not compute this \(x is undefined\)/);
  });
});

describe('formulas on columns', () => {
  it('return one value per row, marking bad rows invalid and computing the rest', () => {
    const result = okrProgress([[0], [0], ['x'], [''], [10]], [[100], [100], [100], [''], [0]], [[40], [''], [5], [''], [5]]);
    expect(result).toEqual([[0.4], [''], ['invalid: start is "x", not a number'], [''], [0.5]]);
  });

  it('repeat a single value down the rows', () => {
    expect(okrProgress(0, 10, [[1], [5], [10]], 'increase')).toEqual([[0.1], [0.5], [1]]);
    expect(okrStatus([[0.1], [0.5], [1], ['']], 0.5)).toEqual([['off track'], ['on track'], ['done'], ['']]);
    expect(okrStatus([[''], [0.5]], [[0.4], [0.4]])).toEqual([['no data'], ['on track']]);
  });

  it('return a row for a row', () => {
    expect(okrScore([[0.64, 0.65, '']])).toEqual([[0.6, 0.7, '']]);
  });

  it('refuse ranges of different sizes, naming them', () => {
    expect(() => okrProgress([[0], [0]], [[1], [1], [1]], [[1], [1]])).toThrow(/start has 2 cells but target has 3/);
  });

  it('compute expected progress for a column of cycles or for a date range', () => {
    expect(okrExpected([['2026-Q4'], ['2026'], ['bad'], ['']], day('2026-11-15'), {}, utc)).toEqual([
      [45 / 92],
      [318 / 365],
      ['invalid: unknown cycle "bad": write a cycle as 2026-Q4, 2026-H1 or 2026, or add it to the Cycles tab'],
      [''],
    ]);
    expect(okrExpected([[day('2026-11-01'), day('2026-11-10')]], [[day('2026-11-06')], [day('2026-12-01')]], {}, utc)).toEqual([
      [0.5],
      [1],
    ]);
    expect(() => okrExpected([[day('2026-11-10')], [day('2026-11-01')]], day('2026-11-06'), {}, utc)).toThrow(/ends before it starts/);
  });
});

describe('OKR_ROLLUP', () => {
  it('matches the contract example', () => {
    const result = okrRollup(
      [['O1'], ['O2'], ['O3']],
      [['O1'], ['O1'], ['O2'], ['o1']],
      [[0.5], [1], [0.2], [0]],
      [[1], [3], [''], ['']],
    ) as number[][];
    expect(result[0]![0]).toBeCloseTo(0.7, 12);
    expect(result.slice(1)).toEqual([[0.2], ['']]);
  });

  it('works without weights and for a single id', () => {
    expect(okrRollup('O1', [['O1'], ['O1']], [[0.2], [0.4]])).toBeCloseTo(0.3, 12);
  });

  it('marks an id invalid for a bad weight in a column, throws for a single id', () => {
    expect(okrRollup([['O1'], ['O2']], [['O1'], ['O2']], [[0.5], [0.5]], [[-1], [1]])).toEqual([
      ['invalid: row 1 of child_weights (a child of O1) is -1: a weight is a number, 0 or more'],
      [0.5],
    ]);
    expect(() => okrRollup('O1', [['O1']], [[0.5]], [['x']])).toThrow(/row 1 of child_weights \(a child of O1\) is "x"/);
  });

  it('refuses children ranges of different sizes', () => {
    expect(() => okrRollup([['O1']], [['O1'], ['O1']], [[0.5]], [[1], [1], [1]])).toThrow(
      /child_parent_ids has 2 cells but child_weights has 3: give ranges of the same size/,
    );
  });
});

describe('OKR_VALIDATE', () => {
  it('says OK for a clean workbook', () => {
    expect(okrValidate(cleanObjectives(), cleanKeyResults(), {}, utc)).toBe('OK');
  });

  it('returns a header and one row per finding, errors first', () => {
    const keyResults = cleanKeyResults();
    setCell(keyResults, 2, 'Owner', '');
    setCell(keyResults, 3, 'Confidence', 12);
    expect(okrValidate(cleanObjectives(), keyResults, {}, utc)).toEqual([
      ['Severity', 'Rule', 'Where', 'Message'],
      ['error', 'bad-confidence', 'Key Results row 4, Confidence', 'Key result KR3 has confidence 12: use a number from 0 to 10.'],
      ['warning', 'missing-owner', 'Key Results row 3, Owner', 'Key result KR2 has no owner: every OKR needs someone accountable.'],
    ]);
  });

  it('asks for ranges when given single cells', () => {
    expect(() => okrValidate('O1', cleanKeyResults(), {}, utc)).toThrow(/give objectives as a range that includes its header row/);
  });
});
