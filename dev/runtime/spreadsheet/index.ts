// The spreadsheet side of the local Apps Script runtime: the in-memory store and SpreadsheetApp.
export type { CellValue } from './model';
export type { CellError, CellInfo, CustomFunctionHost, EditCheck, Evaluate, StoreOptions, UserEditResult } from './types';
export { SpreadsheetStore, spreadsheetUrl, type CreateOptions } from './store';
export { createSpreadsheetApp } from './app';
