// The sheet view the playground sends the page: per-cell sparkline drawings
// and per-sheet charts with their series read from the ranges (server side,
// so the page only draws), live after a change of the data.
import { describe, expect, it } from 'vitest';
import { HOSTILE, dashboardWorkbook } from './dashboard-fixture';

describe('the sheet view of a dashboard', () => {
  it('carries each sparkline cell drawing and no text for it', () => {
    const { workbooks, id } = dashboardWorkbook();
    const view = workbooks.sheetView(id, 'Dashboard');
    const bars = view.cells.slice(1, 5).map((line) => line[2]!);
    expect(bars.map((cell) => cell.t)).toEqual(['', '', '', '']);
    expect(bars.map((cell) => cell.sp?.data)).toEqual([[0.4], [1], [], undefined]);
    expect(bars[0]!.sp!.options).toMatchObject({ max: 1, color1: '#34a853' });
  });

  it('carries the chart with type, title, anchor and the series read with its header row, and follows the data', () => {
    const { workbooks, id } = dashboardWorkbook();
    const [chart, ...others] = workbooks.sheetView(id, 'Dashboard').charts;
    expect(others).toEqual([]);
    expect(chart).toMatchObject({
      type: 'PIE',
      title: 'Key results by status',
      position: { row: 8, column: 2, offsetX: 0, offsetY: 0 },
      categories: ['On track', 'At risk', HOSTILE],
      series: [{ name: 'Key results', values: [5, 2, 1] }],
    });
    workbooks.runtime.store.userEdit(id, 'Dashboard', 'F2', '7', 'ana@example.com');
    expect(workbooks.sheetView(id, 'Dashboard').charts[0]!.series[0]!.values).toEqual([7, 2, 1]);
    // The rows shown reach past the chart's anchor, so the page has a cell to put it on.
    expect(workbooks.sheetView(id, 'Dashboard').rows).toBeGreaterThanOrEqual(8 + 18);
  });
});
