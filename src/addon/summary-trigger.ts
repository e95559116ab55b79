import type { SummarySent } from '../shared/summary-api';
import { sendSummaries } from './summary-send';

/** The document property where the handler records why a scheduled summary was not sent. */
export const LAST_SKIPPED = 'OKR_SUMMARY_LAST_SKIPPED';

/**
 * The weekly trigger's handler. Installable triggers keep firing after the
 * person's authorisation lapses (Google's add-on trigger guide), so it checks
 * ScriptApp.getAuthorizationInfo first; when authorisation is required, the
 * workbook is gone or summaries were turned off (by someone else whose save
 * could not remove this user's trigger), it records why and sends nothing.
 * The reason goes to the execution log (console.warn: Apps Script's Executions
 * page, there even with no document) and, when the document opens, to a
 * document property the Email summaries dialog shows.
 */
export function sendWeeklySummary(_event: unknown): SummarySent | undefined {
  const skip = (why: string, spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet) => {
    console.warn(`OKR Sheets: the weekly summary was not sent: ${why}`);
    if (spreadsheet)
      PropertiesService.getDocumentProperties().setProperty(LAST_SKIPPED, JSON.stringify({ time: new Date().toISOString(), why }));
    return undefined;
  };
  const auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (auth.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
    return skip('OKR Sheets needs to be authorised again: open the workbook and use Extensions > OKR Sheets > Email summaries….');
  }
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  try {
    spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  } catch {
    spreadsheet = null;
  }
  if (!spreadsheet) return skip('the workbook cannot be opened (deleted, or access removed).');
  try {
    // Whether summaries are still on is read under the lock, with everything else (one read of Settings).
    return sendSummaries(spreadsheet, new Date(), { onlyWhenOn: true });
  } catch (error) {
    // A trigger has nobody to show a dialog to: the log keeps the reason.
    return skip(error instanceof Error ? error.message : String(error), spreadsheet);
  }
}
