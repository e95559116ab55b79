// Embedded charts: Sheet.newChart() → EmbeddedChartBuilder → build() →
// insertChart/getCharts/updateChart/removeChart, and the Charts global's enums
// (developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder,
// .../spreadsheet/embedded-chart, .../charts/chart-type). A test reads a chart's
// type with chart.modify().getChartType() and what it draws with store.charts().
import { describe, expect, it } from 'vitest';
import { CHART_FOREIGN_RANGE, CHART_NOT_ON_SHEET, SpreadsheetStore, createCharts } from '../../dev/runtime/index';
import { appFor, newExecution, setup } from './spreadsheet-helpers';
import { runtimeWithBundle } from './own-bundle';

const Charts = createCharts();

/** The reference's methods @types (2.0.13) does not declare. */
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart & { getId(): string | null };
const withId = (chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) => chart as Chart;
const orDefault = (chart: GoogleAppsScript.Spreadsheet.EmbeddedChart, option: string) =>
  (chart.getOptions() as GoogleAppsScript.Charts.ChartOptions & { getOrDefault(option: string): unknown }).getOrDefault(option);

function workbook() {
  const s = setup({ fake: false, sheets: ['Dashboard', 'Data'] });
  const dashboard = s.ss.getSheetByName('Dashboard')!;
  const data = s.ss.getSheetByName('Data')!;
  data.getRange('A1:C4').setValues([
    ['Status', 'Count', 'Last cycle'],
    ['On track', 5, 4],
    ['At risk', 2, 3],
    ['Off track', 1, 2],
  ]);
  const pie = () =>
    dashboard
      .newChart()
      .asPieChart()
      .setTitle('Key results by status')
      .setLegendPosition(Charts.Position.RIGHT)
      .addRange(data.getRange('A1:B4'))
      .setNumHeaders(1)
      .setPosition(2, 5, 10, 4)
      .build();
  return { ...s, dashboard, data, pie };
}

describe('the chart builder', () => {
  it('builds and inserts charts; getCharts counts them and reads back type, ranges, options and position', () => {
    const { dashboard, data, pie } = workbook();
    const built = pie();
    expect(built.getChartId()).toBeNull();
    dashboard.insertChart(built);
    dashboard.insertChart(
      dashboard
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(data.getRange('A1:C4'))
        .setOption('colors', ['#34a853', '#fbbc04'])
        .build(),
    );
    const charts = dashboard.getCharts();
    expect(charts).toHaveLength(2);
    const [first, second] = charts as [GoogleAppsScript.Spreadsheet.EmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart];
    expect(first.getChartId()).toBe(1);
    expect(withId(first).getId()).toBe('u1');
    expect(String(first.modify().getChartType())).toBe('PIE');
    expect(first.modify().getChartType()).toBe(Charts.ChartType.PIE);
    expect(first.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B4']);
    expect(first.getRanges()[0]!.getSheet().getName()).toBe('Data');
    expect(first.getOptions().get('title')).toBe('Key results by status');
    expect(first.getOptions().get('legend.position')).toBe('right');
    expect(first.getOptions().get('nothing')).toBeNull();
    expect(orDefault(second, 'legend.position')).toBe('right');
    const container = first.getContainerInfo();
    expect([container.getAnchorRow(), container.getAnchorColumn(), container.getOffsetX(), container.getOffsetY()]).toEqual([2, 5, 10, 4]);
    expect(first.getNumHeaders()).toBe(1);
    expect(first.getTransposeRowsAndColumns()).toBe(false);
    expect(String(second.modify().getChartType())).toBe('COLUMN');
    expect(second.getOptions().get('colors')).toEqual(['#34a853', '#fbbc04']);
    expect(second.getNumHeaders()).toBe(-1);
  });

  it('keeps the typed builders methods as options: setRange, setStacked, setColors, transpose, merge and hidden strategies', () => {
    const { dashboard, data } = workbook();
    const chart = dashboard
      .newChart()
      .asLineChart()
      .setRange(0, 10)
      .setColors(['red'])
      .addRange(data.getRange('A1:C4'))
      .setTransposeRowsAndColumns(true)
      .setMergeStrategy(Charts.ChartMergeStrategy.MERGE_ROWS)
      .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)
      .build();
    dashboard.insertChart(chart);
    const read = dashboard.getCharts()[0]!;
    expect(read.getOptions().get('vAxis.viewWindow.min')).toBe(0);
    expect(read.getOptions().get('vAxis.viewWindow.max')).toBe(10);
    expect(read.getOptions().get('colors')).toEqual(['red']);
    expect(read.getTransposeRowsAndColumns()).toBe(true);
    expect(String(read.getMergeStrategy())).toBe('MERGE_ROWS');
    expect(String(read.getHiddenDimensionStrategy())).toBe('SHOW_BOTH');
    const stacked = dashboard.newChart().asBarChart().setRange(0, 5).setStacked().addRange(data.getRange('A1:B4')).build();
    expect(stacked.getOptions().get('hAxis.viewWindow.max')).toBe(5);
    expect(stacked.getOptions().get('isStacked')).toBe(true);
  });

  it('addRange adds a range once; removeRange and clearRanges take ranges away', () => {
    const { dashboard, data } = workbook();
    const builder = dashboard.newChart().addRange(data.getRange('A1:B4')).addRange(data.getRange('A1:B4')).addRange(data.getRange('C1:C4'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B4', 'C1:C4']);
    builder.removeRange(data.getRange('A1:B4'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['C1:C4']);
    builder.removeRange(data.getRange('Z1'));
    builder.clearRanges();
    expect(builder.getRanges()).toEqual([]);
  });

  it('updateChart replaces the chart of the same id in place; a second insert of a chart adds a new one', () => {
    const { dashboard, pie } = workbook();
    dashboard.insertChart(pie());
    dashboard.insertChart(pie());
    const [first] = dashboard.getCharts();
    dashboard.updateChart(first!.modify().asColumnChart().setTitle('By status').setPosition(20, 1, 0, 0).build());
    const charts = dashboard.getCharts();
    expect(charts.map((c) => c.getChartId())).toEqual([1, 2]);
    expect(String(charts[0]!.modify().getChartType())).toBe('COLUMN');
    expect(charts[0]!.getOptions().get('title')).toBe('By status');
    expect(charts[0]!.getContainerInfo().getAnchorRow()).toBe(20);
    dashboard.insertChart(charts[0]!);
    expect(dashboard.getCharts().map((c) => c.getChartId())).toEqual([1, 2, 3]);
  });

  it('removeChart takes the chart off the sheet', () => {
    const { dashboard, pie } = workbook();
    dashboard.insertChart(pie());
    dashboard.insertChart(pie());
    dashboard.removeChart(dashboard.getCharts()[0]!);
    expect(dashboard.getCharts().map((c) => c.getChartId())).toEqual([2]);
  });

  it('refuses a chart that is not on the sheet, and a chart of ranges of another spreadsheet', () => {
    const { dashboard, data, pie, store, ss } = workbook();
    const notInserted = pie();
    expect(() => dashboard.removeChart(notInserted)).toThrow(CHART_NOT_ON_SHEET);
    expect(() => dashboard.updateChart(notInserted)).toThrow(CHART_NOT_ON_SHEET);
    dashboard.insertChart(pie());
    const chart = dashboard.getCharts()[0]!;
    dashboard.removeChart(chart);
    expect(() => dashboard.removeChart(chart)).toThrow(CHART_NOT_ON_SHEET);
    expect(() => data.removeChart(pie())).toThrow(CHART_NOT_ON_SHEET);
    const otherId = store.create({ name: 'Other', id: 'doc-2' });
    const other = appFor(store, newExecution(otherId, 'FULL')).getActiveSpreadsheet().getSheets()[0]!;
    expect(() => dashboard.insertChart(dashboard.newChart().addRange(other.getRange('A1:B3')).build())).toThrow(CHART_FOREIGN_RANGE);
    expect(() => other.insertChart(pie())).toThrow(CHART_FOREIGN_RANGE);
    expect(() => dashboard.insertChart({} as GoogleAppsScript.Spreadsheet.EmbeddedChart)).toThrow();
    expect(ss.getSheetByName('Dashboard')!.getCharts()).toHaveLength(0);
  });

  it('a custom formula may read charts but not insert one', () => {
    const { dashboard, store, id, pie } = workbook();
    dashboard.insertChart(pie());
    const sheet = appFor(store, newExecution(id, 'CUSTOM_FUNCTION')).getActiveSpreadsheet().getSheetByName('Dashboard')!;
    expect(sheet.getCharts()).toHaveLength(1);
    expect(() => sheet.insertChart(sheet.getCharts()[0]!)).toThrow('You do not have permission to call insertChart');
  });
});

describe('charts in the workbook', () => {
  it('go with their sheet when it is deleted', () => {
    const { ss, dashboard, pie, store, id } = workbook();
    dashboard.insertChart(pie());
    ss.deleteSheet(dashboard);
    const again = ss.insertSheet('Dashboard');
    expect(again.getCharts()).toEqual([]);
    expect(store.charts(id, 'Dashboard')).toEqual([]);
  });

  it('keep their ranges when the data sheet is renamed, and read the renamed sheet', () => {
    const { dashboard, data, pie, store, id } = workbook();
    dashboard.insertChart(pie());
    data.setName('Figures');
    const range = dashboard.getCharts()[0]!.getRanges()[0]!;
    expect(range.getSheet().getName()).toBe('Figures');
    expect(range.getA1Notation()).toBe('A1:B4');
    expect(store.charts(id, 'Dashboard')[0]!.series[0]!.values).toEqual([5, 2, 1]);
  });

  it('keep their ranges on the same cells when rows and columns are inserted or deleted before them', () => {
    const { dashboard, data, pie } = workbook();
    dashboard.insertChart(pie());
    data.insertRowsBefore(1, 2);
    data.insertColumnBefore(1);
    const a1 = () =>
      dashboard
        .getCharts()[0]!
        .getRanges()
        .map((r) => r.getA1Notation());
    expect(a1()).toEqual(['B3:C6']);
    data.deleteRow(1);
    expect(a1()).toEqual(['B2:C5']);
  });

  it('survive saving and restoring the spreadsheets', () => {
    const { dashboard, pie, store, id } = workbook();
    dashboard.insertChart(pie());
    const json = JSON.parse(JSON.stringify(store.toJSON())) as unknown;
    const copy = SpreadsheetStore.fromJSON(json, store.options);
    const sheet = appFor(copy, newExecution(id, 'FULL')).getActiveSpreadsheet().getSheetByName('Dashboard')!;
    const [chart] = sheet.getCharts();
    expect(chart!.getChartId()).toBe(1);
    expect(String(chart!.modify().getChartType())).toBe('PIE');
    expect(chart!.getOptions().get('title')).toBe('Key results by status');
    expect(copy.charts(id, 'Dashboard')).toEqual(store.charts(id, 'Dashboard'));
    // The id counter is saved too: a chart inserted after the restore gets a new id.
    sheet.insertChart(chart!.modify().build());
    expect(sheet.getCharts().map((c) => c.getChartId())).toEqual([1, 2]);
  });

  it('refuse a saved chart that does not fit, naming it', () => {
    const { dashboard, pie, store } = workbook();
    dashboard.insertChart(pie());
    const json = JSON.parse(JSON.stringify(store.toJSON())) as { spreadsheets: { sheets: { charts?: unknown[] }[] }[] };
    json.spreadsheets[0]!.sheets[0]!.charts = [{ id: 'one' }];
    expect(() => SpreadsheetStore.fromJSON(json, store.options)).toThrow('spreadsheets[0].sheets[0].charts must be an array of charts');
  });
});

describe('store.charts: the series a chart draws', () => {
  it('reads headers and values from the ranges with numHeaders, live', () => {
    const { dashboard, data, pie, store, id } = workbook();
    dashboard.insertChart(pie());
    dashboard.insertChart(dashboard.newChart().asColumnChart().addRange(data.getRange('A1:C4')).build());
    const [pieView, columns] = store.charts(id, 'Dashboard');
    expect(pieView).toMatchObject({
      id: 1,
      type: 'PIE',
      title: 'Key results by status',
      position: { row: 2, column: 5, offsetX: 10, offsetY: 4 },
      categories: ['On track', 'At risk', 'Off track'],
      series: [{ name: 'Count', values: [5, 2, 1] }],
    });
    // No setNumHeaders: the text in the first row makes it the headers, as Sheets guesses.
    expect(columns!.series).toEqual([
      { name: 'Count', values: [5, 2, 1] },
      { name: 'Last cycle', values: [4, 3, 2] },
    ]);
    data.getRange('B2').setValue(7);
    expect(store.charts(id, 'Dashboard')[0]!.series[0]!.values).toEqual([7, 2, 1]);
  });

  it('shows dates as the cells display them, skips empty rows of an open range, transposes and merges', () => {
    const { dashboard, data, store, id } = workbook();
    data.getRange('E1:F3').setValues([
      ['Week', 'Progress'],
      [new Date(Date.UTC(2026, 0, 5, 12)), 0.2],
      [new Date(Date.UTC(2026, 0, 12, 12)), 0.35],
    ]);
    data.getRange('E2:E3').setNumberFormat('yyyy-mm-dd');
    dashboard.insertChart(dashboard.newChart().asLineChart().addRange(data.getRange('E1:F')).setNumHeaders(1).build());
    dashboard.insertChart(dashboard.newChart().asColumnChart().addRange(data.getRange('A1:C4')).setTransposeRowsAndColumns(true).build());
    dashboard.insertChart(
      dashboard.newChart().asColumnChart().addRange(data.getRange('A1:A4')).addRange(data.getRange('C1:C4')).setNumHeaders(1).build(),
    );
    const [line, transposed, merged] = store.charts(id, 'Dashboard');
    expect(line!.categories).toEqual(['2026-01-05', '2026-01-12']);
    expect(line!.series).toEqual([{ name: 'Progress', values: [0.2, 0.35] }]);
    expect(transposed!.categories).toEqual(['Count', 'Last cycle']);
    expect(transposed!.series.map((s) => s.name)).toEqual(['On track', 'At risk', 'Off track']);
    expect(merged!.series).toEqual([{ name: 'Last cycle', values: [4, 3, 2] }]);
  });
});

describe('the Charts global', () => {
  it('is there for the bundle, with ChartType and Position whose members print as their names', () => {
    const { runtime, id } = runtimeWithBundle(`
      function makeChart() {
        var sheet = SpreadsheetApp.getActiveSheet();
        sheet.getRange('A1:B3').setValues([['Status', 'Count'], ['On track', 3], ['At risk', 1]]);
        sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B3'))
          .setPosition(5, 1, 0, 0).setOption('legend.position', String(Charts.Position.BOTTOM).toLowerCase()).build());
        var chart = sheet.getCharts()[0];
        return [String(chart.modify().getChartType()), chart.getOptions().get('legend.position'), sheet.getCharts().length].join(',');
      }
    `);
    expect(runtime.run('makeChart', { spreadsheetId: id })).toBe('PIE,bottom,1');
    expect(runtime.store.charts(id, 'Sheet1')[0]!.series).toEqual([{ name: 'Count', values: [3, 1] }]);
  });
});
