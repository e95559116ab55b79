import { WallClock } from '../okr/dates';

/**
 * The wall clock of the open spreadsheet's time zone, read only when a date
 * needs it (custom formulas may read the spreadsheet, and Utilities needs no
 * authorisation).
 */
export function spreadsheetWallClock(): WallClock {
  let zone: string | undefined;
  return (instant) => {
    zone ??= SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
    const local = Utilities.formatDate(instant, zone, "yyyy-MM-dd'T'HH:mm:ss.SSS");
    return Date.parse(`${local}Z`);
  };
}
