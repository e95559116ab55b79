// The spreadsheet side of the local Apps Script runtime: the in-memory store and SpreadsheetApp.
export type { CellValue } from './model';
export type { ChartSeries, ChartView } from './chart-series';
export type { CellError, CellInfo, SparklineDrawing, CustomFunctionHost, EditCheck, Evaluate, StoreOptions, UserEditResult } from './types';
export { SpreadsheetStore, spreadsheetUrl, type CreateOptions } from './store';
export { createSpreadsheetApp } from './app';
export { createCharts } from './chart';
export { CHART_FOREIGN_RANGE, CHART_NOT_ON_SHEET } from './sheet';
