/** Today's year and month on the spreadsheet's own calendar. */
export function todayIn(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): { year: number; month: number } {
  const [year, month] = Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM').split('-').map(Number);
  return { year: year!, month: month! };
}
