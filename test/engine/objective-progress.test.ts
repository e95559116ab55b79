import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/okr/errors';
import { linkedRows } from '../../src/okr/linked';
import { objectiveProgress, referenceResolver } from '../../src/okr/objective-progress';

const objective = (id: string, alignedTo = '', weight: unknown = '') => ({ id, alignedTo, weight: weight as never });
const child = (parentId: string, progress: unknown, weight: unknown = '') => ({
  parentId,
  progress: progress as never,
  weight: weight as never,
});
const messageOf = (result: unknown) => (result as UserError).message;

describe('references to objectives', () => {
  const resolve = referenceResolver(new Set(['c1', 'product/p1']), 'Company');
  it('count an id as written, or Name/ID when Name is this workbook', () => {
    expect(resolve(' c1 ')).toBe('c1');
    expect(resolve('Company/C1')).toBe('c1');
    expect(resolve('company / c1')).toBe('c1');
    expect(resolve('Product/P1')).toBe('product/p1');
    expect(resolve('Sales/C1')).toBeUndefined();
    expect(resolve('Company/C9')).toBeUndefined();
    expect(resolve('')).toBeUndefined();
  });
});

describe('objective progress through every level', () => {
  it('is the weighted mean of its key results, aligned objectives and linked rows', () => {
    const objectives = [objective('C1'), objective('C2', 'C1', 3), objective('C3')];
    const children = [child('C1', 0.9), child('C2', 0.2), child('Company/C2', 0.6), child('Company/C1', 0.3, 2), child('Sales/C1', 1)];
    // C2: (0.2 + 0.6) / 2 = 0.4. C1: (0.9·1 + 0.3·2 + 0.4·3) / 6 = 2.7 / 6 = 0.45. Sales/C1 is another workbook's.
    const [c1, c2, c3] = objectiveProgress(objectives, children, 'Company');
    expect(c2).toBeCloseTo(0.4, 12);
    expect(c1).toBeCloseTo(0.45, 12);
    expect(c3).toBe('');
  });

  it('counts an aligned objective with no progress yet as 0 once a sibling has some, and leaves weight 0 out', () => {
    const objectives = [objective('C1'), objective('C2', 'C1'), objective('C3', 'C1', 0)];
    expect(objectiveProgress(objectives, [child('C1', 0.8), child('C3', 1)], '')).toEqual([0.4, '', 1]);
  });

  it('carries an invalid contributor upward, naming it', () => {
    const objectives = [objective('C1'), objective('C2', 'C1')];
    const [c1, c2] = objectiveProgress(objectives, [child('C2', 'invalid: start is blank: it must be a number')], '');
    expect(messageOf(c2)).toBe('row 1 of child_progress (a child of C2) is invalid: start is blank: it must be a number');
    expect(messageOf(c1)).toBe(`objective C2 (aligned to C1) is invalid: ${messageOf(c2)}`);
    const [bad] = objectiveProgress([objective('C1'), objective('C2', 'C1', -1)], [child('C2', 0.5)], '');
    expect(messageOf(bad)).toBe('row 2 of weights (objective C2, aligned to C1) is -1: a weight is a number, 0 or more');
  });

  it('names a loop, and computes everything that does not depend on it', () => {
    const objectives = [objective('A', 'B'), objective('B', 'C'), objective('C', 'A'), objective('D'), objective('E', 'A')];
    const results = objectiveProgress(objectives, [child('E', 0.5), child('D', 0.2)], '');
    expect(results.slice(0, 3).map(messageOf)).toEqual(Array(3).fill('alignment loop A → B → C → A'));
    expect(results.slice(3)).toEqual([0.2, 0.5]);
  });

  it('is linear in rows: a chain of 20,000 objectives computes without recursion', () => {
    const objectives = Array.from({ length: 20_000 }, (_, i) => objective(`O${i}`, i === 0 ? '' : `O${i - 1}`));
    const results = objectiveProgress(objectives, [child('O19999', 0.5)], '');
    expect(results[0]).toBe(0.5);
  });
});

describe('linked rows', () => {
  const header = ['Status', 'ID', 'Objective', 'Owner', 'Team', 'Cycle', 'Aligned to', 'Weight', 'Progress', 'Mine'];
  it('reads a team workbook by header name, in the Linked OKRs columns', () => {
    const rows = linkedRows('Product', [
      header,
      ['on track', 'P1', 'Ship', 'ann', 'Product', '2026-Q4', 'Company/C1', 1, 0.5, 'x'],
      ['', '', '', '', '', '', '', '', '', ''],
    ]);
    expect(rows).toEqual([['Product', 'P1', 'Ship', 'ann', '2026-Q4', 'Company/C1', 1, 0.5, 'on track']]);
  });

  it('says why a link gives nothing, in one row', () => {
    expect(linkedRows('Sales', 1)).toEqual([
      [
        'Sales',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'link broken: waiting for "Allow access" (or the file cannot be found: check its link in Teams)',
      ],
    ]);
    expect(linkedRows('Sales', 2)[0]![8]).toBe('link broken: the linked workbook has no Objectives tab');
    expect(linkedRows('Sales', [['ID', 'Objective']])[0]![8]).toBe('link broken: its Objectives tab has no Aligned to, Progress column');
    expect(linkedRows('Sales', [header])[0]![8]).toBe('no objectives yet');
  });
});
