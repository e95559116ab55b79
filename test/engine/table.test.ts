import { describe, expect, it } from 'vitest';
import { KEY_RESULTS, OBJECTIVES } from '../../src/okr/schema';
import { describeWhere, readTable } from '../../src/okr/table';

describe('readTable', () => {
  it('finds headers case-insensitively, trimmed, in any order, ignoring extra columns', () => {
    const table = readTable(
      [
        ['My notes', ' objective ', 'id', 'CYCLE'],
        ['hello', 'Delight customers', 'O1', '2026-Q4'],
      ],
      OBJECTIVES,
    );
    expect(table.missing).toEqual([]);
    expect(table.columns.get('ID')).toBe(2);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.get('Objective')).toBe('Delight customers');
    expect(table.rows[0]!.get('Owner')).toBe('');
  });

  it('skips rows blank in every typed column, even when formulas or notes fill others', () => {
    const table = readTable(
      [
        ['ID', 'Objective', 'Progress', 'Notes'],
        ['', '', '', ''],
        ['', ' ', 0.5, 'a note'],
        ['O1', 'Grow', '', ''],
      ],
      OBJECTIVES,
    );
    expect(table.rows.map((row) => row.row)).toEqual([4]);
  });

  it('reports missing required headers and where each cell is', () => {
    const table = readTable(
      [
        ['ID', 'Key result', 'Start'],
        ['KR1', 'Ship', 0],
      ],
      KEY_RESULTS,
    );
    expect(table.missing).toEqual(['Objective ID', 'Target', 'Current']);
    expect(describeWhere(table.rows[0]!.where('Start'))).toBe('Key Results row 2, Start');
    expect(table.rows[0]!.where('Start').column).toBe(2);
    expect(describeWhere(table.where(1))).toBe('Key Results row 1');
  });

  it('reads an empty range as a table with every column missing', () => {
    const table = readTable([], OBJECTIVES);
    expect(table.rows).toEqual([]);
    expect(table.missing).toEqual(['ID', 'Objective']);
  });
});
