import { Cell, isBlank, normalise } from './cells';
import { TabSpec } from './schema';

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
  spec: TabSpec<Column>;
  /** 0-based column index of each header found. */
  columns: Map<Column, number>;
  missing: Column[];
  rows: TableRow<Column>[];
  has(column: Column): boolean;
  where(row: number, column?: Column): Where;
}

/**
 * The one header matcher: the 0-based column of each of `headers` found in a
 * header row, matched trimmed and case-insensitively, in any order. The first
 * of two equal headers wins.
 */
export function matchHeaders<Header extends string>(headerRow: readonly Cell[], headers: readonly Header[]): Map<Header, number> {
  const found = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const key = normalise(cell);
    if (key !== '' && !found.has(key)) found.set(key, index);
  });
  const columns = new Map<Header, number>();
  for (const header of headers) {
    const index = found.get(normalise(header));
    if (index !== undefined) columns.set(header, index);
  }
  return columns;
}

/**
 * Reads a range whose first row holds headers (see matchHeaders); unknown
 * columns are ignored, and rows blank in every known column that is typed
 * rather than computed are skipped.
 */
export function readTable<Column extends string>(values: readonly (readonly Cell[])[], spec: TabSpec<Column>): Table<Column> {
  const columns = matchHeaders(values[0] ?? [], spec.headers);
  const where = (row: number, column?: Column): Where => {
    const index = column === undefined ? undefined : columns.get(column);
    return index === undefined ? { table: spec.name, row } : { table: spec.name, row, column: index, header: column };
  };
  const typed = [...columns].filter(([column]) => !spec.computed.includes(column)).map(([, index]) => index);
  const rows: TableRow<Column>[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r]!;
    if (blankAt(cells, typed)) continue;
    rows.push(new ReadRow(r + 1, cells, columns, where));
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

/** Whether the cells at these indexes are all blank. */
function blankAt(cells: readonly Cell[], indexes: readonly number[]): boolean {
  for (const index of indexes) if (!isBlank(cells[index])) return false;
  return true;
}

/** A row of a table as read: one small object a row, its methods shared (a table can have 100,000 rows). */
class ReadRow<Column extends string> implements TableRow<Column> {
  constructor(
    readonly row: number,
    private readonly cells: readonly Cell[],
    private readonly columns: ReadonlyMap<Column, number>,
    private readonly whereIn: (row: number, column?: Column) => Where,
  ) {}

  get(column: Column): Cell {
    const index = this.columns.get(column);
    return index === undefined ? '' : (this.cells[index] ?? '');
  }

  where(column?: Column): Where {
    return this.whereIn(this.row, column);
  }
}

/** `Key Results row 5, Weight`: a place within the range a formula was given. */
export function describeWhere(where: Where): string {
  return `${where.table} row ${where.row}${where.header ? `, ${where.header}` : ''}`;
}

/**
 * Reads a hidden log tab the add-on alone writes, always in the spec's column
 * order (Mail log, History): by header, or, when someone renamed or cleared a
 * required header, by that order, so the record still counts (a Mail log
 * read as empty would send the week's mail again).
 */
export function readLogTable<Column extends string>(values: readonly (readonly Cell[])[], spec: TabSpec<Column>): Table<Column> {
  const table = readTable(values, spec);
  return table.missing.length === 0 || values.length === 0 ? table : readTable([spec.headers, ...values.slice(1)], spec);
}
