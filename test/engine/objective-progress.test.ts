import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/okr/errors';
import { linkedRows } from '../../src/okr/linked';
import { alignmentResolver, keyResultIndex, objectiveProgress, referenceResolver } from '../../src/okr/objective-progress';

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

describe('objectives that support a key result', () => {
  // Company: C1 with key results KR1 and KR2, C2 with KR3. The children stack Key Results, then Linked OKRs.
  const keyResultIds = ['KR1', 'KR2', 'KR3'];
  const keyResults = [child('C1', 0.6), child('C1', 0.2), child('C2', 0.5)];

  it('resolve to the key result and its objective; an objective id wins over a key result id', () => {
    const index = keyResultIndex([
      { id: ' kr1 ', objectiveId: 'C1' },
      { id: 'KR1', objectiveId: 'C2' },
      { id: 'Product/P1', objectiveId: 'C1' },
      { id: '', objectiveId: 'C1' },
      { id: 'C2', objectiveId: 'C1' },
      { id: 'KR9', objectiveId: 'C7' },
    ]);
    expect([...index.keys()]).toEqual(['kr1', 'c2', 'kr9']);
    const resolve = alignmentResolver(new Set(['c1', 'c2']), () => index, 'Company');
    expect(resolve('KR1')).toEqual({ keyResult: 'kr1', objective: 'c1' });
    expect(resolve('company/ KR1')).toEqual({ keyResult: 'kr1', objective: 'c1' });
    expect(resolve('C2')).toEqual({ objective: 'c2' });
    expect(resolve('KR9')).toEqual({ keyResult: 'kr9', objective: undefined });
    expect(resolve('Sales/KR1')).toBeUndefined();
    expect(resolve('Product/P1')).toBeUndefined();
  });

  it("count toward that key result's objective with their own weight, as if aligned to it", () => {
    const objectives = [objective('C1'), objective('C2'), objective('C3', 'KR2', 2)];
    const children = [...keyResults, child('C3', 0.9), child('Company/KR3', 0.4, 3), child('Sales/KR1', 1)];
    const ids = [...keyResultIds, 'C3-KR1', 'Product/P1', 'Sales/S1'];
    const [c1, c2, c3] = objectiveProgress(objectives, children, 'Company', ids);
    // C3: 0.9. C1: (0.6 + 0.2 + 0.9·2) / 4 = 2.6 / 4 = 0.65. C2: (0.5 + 0.4·3) / 4 = 1.7 / 4 = 0.425.
    expect(c3).toBeCloseTo(0.9, 12);
    expect(c1).toBeCloseTo(0.65, 12);
    expect(c2).toBeCloseTo(0.425, 12);
    // The earlier formula, without child_ids: a key result's id names nothing.
    expect(objectiveProgress(objectives, children, 'Company')).toEqual([0.4, 0.5, 0.9]);
  });

  it('keep the key result as the link in messages', () => {
    const objectives = [objective('C1'), objective('C3', 'KR2', 'heavy')];
    const [c1] = objectiveProgress(objectives, [child('C1', 0.5), child('C3', 0.5)], '', ['KR2', 'C3-KR1']);
    expect(messageOf(c1)).toBe('row 2 of weights (objective C3, aligned to KR2) is "heavy": a weight is a number, 0 or more');
  });

  it('never drive a key result: a key result whose Objective ID names a key result counts toward nothing', () => {
    const [c1] = objectiveProgress([objective('C1')], [child('C1', 0.5), child('KR1', 1)], '', ['KR1', 'KR2']);
    expect(c1).toBe(0.5);
  });

  it('name a loop through a key result, and compute what does not depend on it', () => {
    // O1 supports KR5 of O2, O2 supports KR1 of O1: a loop. O3 supports KR1 too, below the loop; O4 supports its own KR4.
    const objectives = [
      objective('O1', 'KR5'),
      objective('O2', 'KR1'),
      objective('O3', 'KR1'),
      objective('O4', 'Acme/KR4'),
      objective('O5'),
    ];
    const children = [child('O1', 0.5), child('O2', 0.5), child('O4', 0.5), child('O5', 0.3), child('O3', 0.7)];
    const results = objectiveProgress(objectives, children, 'Acme', ['KR1', 'KR5', 'KR4', 'KR6', 'KR7']);
    expect(results.slice(0, 2).map(messageOf)).toEqual(Array(2).fill('alignment loop O1 → KR5 → O2 → KR1 → O1'));
    expect(messageOf(results[3])).toBe('alignment loop O4 → KR4 → O4');
    expect([results[2], results[4]]).toEqual([0.7, 0.3]);
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
