import { spreadsheetWallClock } from './timezone';

/** The year and month of `now` on the spreadsheet's own calendar (through the run's one wall clock, so `now` is converted once). */
export function todayIn(now: Date = new Date(), spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet): { year: number; month: number } {
  const local = new Date(spreadsheetWallClock(spreadsheet)(now));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}
