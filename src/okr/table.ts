import { Cell, isBlank, normalise } from './cells';

/** A table the add-on reads by its header names. */
export interface TableSpec<Column extends string = string> {
  /** How people know the table: the tab's name. */
  name: string;
  columns: readonly Column[];
  required: readonly Column[];
  /** Columns filled by formulas: a row holding only these counts as blank. */
  computed?: readonly Column[];
}

/** Where a problem is: the table, the row within the range read (1 is the header), and the column. */
export interface Where {
  table: string;
  row: number;
  /** 0-based index of the column within the range read, when one column is at fault. */
  column?: number;
  header?: string;
}

export interface TableRow<Column extends string = string> {
  /** 1-based row within the range read: the header is row 1. */
  row: number;
  get(column: Column): Cell;
  where(column?: Column): Where;
}

export interface Table<Column extends string = string> {
  spec: TableSpec<Column>;
  /** 0-based column index of each header found. */
  columns: Map<Column, number>;
  missing: Column[];
  rows: TableRow<Column>[];
  has(column: Column): boolean;
  where(row: number, column?: Column): Where;
}

/**
 * Reads a range whose first row holds headers. Headers match trimmed and
 * case-insensitively, in any order; unknown columns are ignored; rows blank
 * in every known, typed column are skipped. The first of two equal headers wins.
 */
export function readTable<Column extends string>(values: readonly (readonly Cell[])[], spec: TableSpec<Column>): Table<Column> {
  const header = values[0] ?? [];
  const columns = new Map<Column, number>();
  for (const column of spec.columns) {
    const index = header.findIndex((cell) => normalise(cell) === normalise(column));
    if (index >= 0) columns.set(column, index);
  }
  const where = (row: number, column?: Column): Where => {
    const index = column === undefined ? undefined : columns.get(column);
    return index === undefined ? { table: spec.name, row } : { table: spec.name, row, column: index, header: column };
  };
  const typed = [...columns].filter(([column]) => !spec.computed?.includes(column)).map(([, index]) => index);
  const rows: TableRow<Column>[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r]!;
    if (typed.every((index) => isBlank(cells[index]))) continue;
    const row = r + 1;
    rows.push({
      row,
      get: (column) => {
        const index = columns.get(column);
        return index === undefined ? '' : (cells[index] ?? '');
      },
      where: (column) => where(row, column),
    });
  }
  return {
    spec,
    columns,
    missing: spec.required.filter((column) => !columns.has(column)),
    rows,
    has: (column) => columns.has(column),
    where,
  };
}

/** `Key Results row 5, Weight`: a place within the range a formula was given. */
export function describeWhere(where: Where): string {
  return `${where.table} row ${where.row}${where.header ? `, ${where.header}` : ''}`;
}
