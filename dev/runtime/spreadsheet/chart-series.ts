// What an embedded chart shows, read from its ranges' current values, for the
// playground to draw (and tests to read): the categories (the first column,
// Sheets' domain) and one series per further column, named by the header
// rows. Multiple ranges join side by side (MERGE_COLUMNS, the default) or one
// under the other (MERGE_ROWS); setTransposeRowsAndColumns swaps rows and
// columns first. An approximation of Sheets' chart data, not its renderer.

import { displayOf, readCell } from './cells';
import type { ChartData, DocData } from './model';
import type { Recalculator } from './recalc';
import { isDate } from './values';

export interface ChartSeries {
  name: string;
  /** null where the cell holds no number (a gap). */
  values: (number | null)[];
}

/** One chart as the playground draws it. */
export interface ChartView {
  id: number;
  type: string;
  title: string;
  options: Record<string, unknown>;
  position: ChartData['position'];
  categories: string[];
  series: ChartSeries[];
}

interface Cell {
  value: unknown;
  text: string;
}

function readBox(doc: DocData, recalc: Recalculator, range: ChartData['ranges'][number]): Cell[][] | undefined {
  const sheet = doc.sheets.find((s) => s.id === range.sheetId);
  if (!sheet) return undefined;
  const { r1, c1 } = range.box;
  const r2 = Math.min(range.box.r2, sheet.maxRows);
  const c2 = Math.min(range.box.c2, sheet.maxColumns);
  const grid: Cell[][] = [];
  for (let r = r1; r <= r2; r++) {
    const line: Cell[] = [];
    for (let c = c1; c <= c2; c++) {
      const read = readCell(doc, recalc, sheet, r, c);
      line.push({ value: read.error ? '' : read.value, text: displayOf(doc, read) });
    }
    grid.push(line);
  }
  return grid;
}

function merge(grids: Cell[][][], strategy: string): Cell[][] {
  if (strategy === 'MERGE_ROWS') return grids.flat();
  const height = Math.max(0, ...grids.map((g) => g.length));
  return Array.from({ length: height }, (_, r) =>
    grids.flatMap((g) => g[r] ?? Array.from({ length: g[0]?.length ?? 0 }, () => ({ value: '', text: '' }))),
  );
}

function transpose(grid: Cell[][]): Cell[][] {
  const width = Math.max(0, ...grid.map((line) => line.length));
  return Array.from({ length: width }, (_, c) => grid.map((line) => line[c] ?? { value: '', text: '' }));
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (isDate(value)) return value.getTime();
  return null;
}

/** Unset headers (-1): the first row is headers when a series column holds text there, as Sheets guesses. */
function headerRows(grid: Cell[][], numHeaders: number, hasDomain: boolean): number {
  if (numHeaders >= 0) return Math.min(numHeaders, grid.length);
  const first = grid[0] ?? [];
  const valueCells = hasDomain ? first.slice(1) : first;
  return valueCells.some((cell) => typeof cell.value === 'string' && cell.value !== '') ? 1 : 0;
}

export function chartView(doc: DocData, recalc: Recalculator, chart: ChartData): ChartView {
  const grids = chart.ranges.map((r) => readBox(doc, recalc, r)).filter((g): g is Cell[][] => g !== undefined);
  let grid = merge(grids, chart.mergeStrategy);
  if (chart.transpose) grid = transpose(grid);
  const width = Math.max(0, ...grid.map((line) => line.length));
  const hasDomain = width >= 2;
  const headers = headerRows(grid, chart.numHeaders, hasDomain);
  // Open-ended ranges (A2:B) run to the sheet's end: rows with nothing in them are not data.
  const rows = grid.slice(headers).filter((line) => line.some((cell) => cell.text !== ''));
  const first = hasDomain ? 1 : 0;
  const series: ChartSeries[] = [];
  for (let c = first; c < width; c++) {
    const name = grid
      .slice(0, headers)
      .map((line) => line[c]?.text ?? '')
      .filter((t) => t !== '')
      .join(' ');
    series.push({ name: name || `Series ${c - first + 1}`, values: rows.map((line) => numberOf(line[c]?.value)) });
  }
  const categories = rows.map((line, i) => (hasDomain ? (line[0]?.text ?? '') : String(i + 1)));
  const title = typeof chart.options.title === 'string' ? chart.options.title : '';
  return {
    id: chart.id,
    type: chart.type,
    title,
    options: structuredClone(chart.options),
    position: { ...chart.position },
    categories,
    series,
  };
}
