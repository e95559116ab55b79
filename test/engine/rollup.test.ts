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

  it('leaves out children with weight 0 or progress that is not a number', () => {
    const result = rollup(
      ['O1'],
      [
        { parentId: 'O1', progress: 0.9, weight: 0 },
        { parentId: 'O1', progress: '', weight: 2 },
        { parentId: 'O1', progress: 'invalid: start is blank', weight: 1 },
        { parentId: 'O1', progress: 0.3, weight: 2 },
      ],
    );
    expect(result).toEqual([0.3]);
  });

  it('gives blank when no child has a numeric progress or every weight is 0', () => {
    expect(rollup(['O1'], [{ parentId: 'O1', progress: '', weight: 1 }])).toEqual(['']);
    expect(rollup(['O1'], [{ parentId: 'O1', progress: 0.5, weight: 0 }])).toEqual(['']);
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
    expect((bad as UserError).message).toBe('child_weights is -1 for child 1 (of "O1"): a weight is a number, 0 or more');
    expect(good).toBe(0.5);
    const [text] = rollup(['O1'], [{ parentId: 'O1', progress: 0.5, weight: 'heavy' }]);
    expect((text as UserError).message).toMatch(/child_weights is "heavy" for child 1/);
  });
});
