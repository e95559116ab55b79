import { WallClock } from '../okr/dates';

/**
 * The wall clock of the open spreadsheet's time zone, read only when a date
 * needs it (custom formulas may read the spreadsheet, and Utilities needs no
 * authorisation). Each instant is converted once: a summary asks about the
 * same few dates (now, the cycle's days, check-in days) for every key result,
 * and each Utilities call is a service call. One per execution (Apps Script
 * loads the script afresh for each), so every part of a run shares the zone
 * read and the conversions.
 */
export function spreadsheetWallClock(spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet): WallClock {
  return (shared ??= newWallClock(spreadsheet));
}

let shared: WallClock | undefined;

/** `spreadsheet`: the active one when the caller holds it already (saves looking it up). */
function newWallClock(spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet): WallClock {
  let zone: string | undefined;
  const known = new Map<number, number>();
  return (instant) => {
    const time = instant.getTime();
    const cached = known.get(time);
    if (cached !== undefined) return cached;
    zone ??= (spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet())?.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
    const local = Date.parse(`${Utilities.formatDate(instant, zone, "yyyy-MM-dd'T'HH:mm:ss.SSS")}Z`);
    known.set(time, local);
    return local;
  };
}
