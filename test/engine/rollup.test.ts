import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/okr/errors';
import { rollup } from '../../src/okr/rollup';

describe('rollup', () => {
  it('matches the contract example', () => {
    const result = rollup(
      ['O1', 'O2', 'O3'],
      [
        { parentId: 'O1', progress: 0.5, weight: 1 },
        { parentId: 'O1', progress: 1, weight: 3 },
        { parentId: 'O2', progress: 0.2, weight: '' },
        { parentId: 'o1', progress: 0, weight: '' },
      ],
    );
    expect(result[0]).toBeCloseTo(0.7, 12);
    expect(result.slice(1)).toEqual([0.2, '']);
  });

  it('matches ids trimmed and case-insensitively, and gives blank for a blank id', () => {
    expect(rollup([' o1 ', ''], [{ parentId: 'O1 ', progress: 0.4, weight: '' }])).toEqual([0.4, '']);
  });

  it('counts a child with no progress yet as 0 once a sibling has progress: never 100 % with unmeasured key results', () => {
    const result = rollup(
      ['O1'],
      [
        { parentId: 'O1', progress: 1, weight: '' },
        { parentId: 'O1', progress: '', weight: '' },
        { parentId: 'O1', progress: '', weight: '' },
      ],
    );
    expect(result).toEqual([1 / 3]);
  });

  it('leaves out children with weight 0, whatever their progress', () => {
    const result = rollup(
      ['O1'],
      [
        { parentId: 'O1', progress: 0.9, weight: 0 },
        { parentId: 'O1', progress: 'invalid: start is blank', weight: 0 },
        { parentId: 'O1', progress: '', weight: 2 },
        { parentId: 'O1', progress: 0.3, weight: 2 },
      ],
    );
    expect(result).toEqual([0.15]);
  });

  it('gives blank while no child has progress, or every weight is 0', () => {
    expect(rollup(['O1'], [{ parentId: 'O1', progress: '', weight: 1 }])).toEqual(['']);
    expect(rollup(['O1'], [{ parentId: 'O1', progress: 0.5, weight: 0 }])).toEqual(['']);
  });

  it('reads a number written as text as that number', () => {
    expect(rollup(['O1'], [{ parentId: 'O1', progress: ' 0.25 ', weight: '2' }])).toEqual([0.25]);
  });

  it('makes the parent invalid when a child is, naming the child: errors travel upward', () => {
    const message = (progress: unknown) =>
      (
        rollup(
          ['O1', 'O2'],
          [
            { parentId: 'O1', progress: 0.5, weight: 1 },
            { parentId: 'O1', progress: progress as never, weight: 1 },
            { parentId: 'O2', progress: 0.5, weight: 1 },
          ],
        )[0] as UserError
      ).message;
    expect(message('invalid: start is blank: it must be a number')).toBe(
      'row 2 of child_progress (a child of O1) is invalid: start is blank: it must be a number',
    );
    expect(message('#N/A')).toBe('row 2 of child_progress (a child of O1) is "#N/A", not a progress from 0 to 1');
    expect(message(1.5)).toBe('row 2 of child_progress (a child of O1) is 1.5: progress is a fraction from 0 to 1');
    expect(message(-0.1)).toBe('row 2 of child_progress (a child of O1) is -0.1: progress is a fraction from 0 to 1');
    expect(message(true)).toMatch(/is TRUE, not a progress/);
    // The other parent is untouched.
    expect(
      rollup(
        ['O2'],
        [
          { parentId: 'O1', progress: 'x', weight: 1 },
          { parentId: 'O2', progress: 0.5, weight: 1 },
        ],
      ),
    ).toEqual([0.5]);
  });

  it('makes the parent invalid for a negative or non-numeric weight', () => {
    const [bad, good] = rollup(
      ['O1', 'O2'],
      [
        { parentId: 'O1', progress: 0.5, weight: -1 },
        { parentId: 'O1', progress: 0.5, weight: 1 },
        { parentId: 'O2', progress: 0.5, weight: 1 },
      ],
    );
    expect(bad).toBeInstanceOf(UserError);
    expect((bad as UserError).message).toBe('row 1 of child_weights (a child of O1) is -1: a weight is a number, 0 or more');
    expect(good).toBe(0.5);
    const [text] = rollup(['O1'], [{ parentId: 'O1', progress: 0.5, weight: 'heavy' }]);
    expect((text as UserError).message).toMatch(/child_weights \(a child of O1\) is "heavy"/);
  });

  it('rolls up weights near the largest double without overflow', () => {
    const result = rollup(
      ['O1'],
      [
        { parentId: 'O1', progress: 0.5, weight: 1e308 },
        { parentId: 'O1', progress: 1, weight: 1e308 },
      ],
    );
    expect(result).toEqual([0.75]);
  });
});
