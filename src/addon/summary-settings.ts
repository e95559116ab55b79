import type { SummarySettings as SummaryView } from '../shared/summary-api';
import { Cell, normalise } from '../okr/cells';
import { UserError } from '../okr/errors';
import { SETTINGS, SUMMARY_SETTING_ROWS, SummarySettingKey, WEEKDAYS } from '../okr/schema';
import { SummarySettings, checkSummaryInput, summaryCells } from '../okr/summary-settings';
import { instantOf, nextWeekly } from '../okr/week';
import { withDocumentLock } from './errors';
import { setUp } from './setup';
import { summaryRecipients } from './summary-send';
import { readSummary } from './summary-read';
import { spreadsheetWallClock } from './timezone';
import { asWritten } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger's handler: the global in src/main.ts that Apps Script calls each week. */
export const SUMMARY_HANDLER = 'sendWeeklySummary';

export function showSummarySettings(): void {
  const html = HtmlService.createHtmlOutputFromFile('Summaries').setWidth(640).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, 'Email summaries');
}

/** The settings as Settings holds them, when the next summary goes out, and to how many people. */
export function summarySettings(spreadsheet: Spreadsheet): SummaryView {
  const { summary, settings } = readSummary(spreadsheet);
  const s = settings.summary;
  return {
    ...s,
    nextSend: s.enabled ? nextSend(s).toISOString() : null,
    recipientCount: summaryRecipients(summary, s).length,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}

/** The next time the weekly trigger fires, from its weekday and hour in the spreadsheet's time zone. */
function nextSend(s: SummarySettings, now = new Date()): Date {
  const wallClock = spreadsheetWallClock();
  const weekday = WEEKDAYS.findIndex((d) => d.toUpperCase() === s.weekday);
  return instantOf(nextWeekly(wallClock(now), weekday, s.hour), wallClock);
}

/**
 * Checks every field first (a refusal names it and changes nothing), then,
 * under the document lock, writes the Settings value cells that changed
 * (never over a formula of the person's) and installs or removes the weekly
 * trigger to match.
 */
export function saveSummarySettings(spreadsheet: Spreadsheet, input: unknown): SummaryView {
  const settings = checkSummaryInput(input);
  withDocumentLock(() => {
    let cells = valueCells(spreadsheet);
    if (!cells) {
      if (!spreadsheet.getSheetByName(SETTINGS.name))
        throw new UserError('This workbook has no Settings tab: run OKR Sheets > Set up the OKR workbook first. Nothing was changed.');
      // A workbook set up before email summaries: set-up adds the section's rows and named ranges (and whatever else this
      // version adds, as the menu's set-up would), never changing what is there.
      setUp(spreadsheet);
      cells = valueCells(spreadsheet)!;
    }
    const wanted = summaryCells(settings);
    const changed = SUMMARY_SETTING_ROWS.filter(({ key }) => normalise(cells![key].getValue() as Cell) !== normalise(wanted[key]));
    const ownFormula = changed.find(({ key }) => cells![key].getFormula() !== '');
    if (ownFormula) {
      throw new UserError(
        `Settings > ${ownFormula.name} holds a formula of yours (${cells[ownFormula.key].getA1Notation()}), so OKR Sheets leaves it: change it there, or clear it and save again. Nothing was changed.`,
      );
    }
    for (const { key } of changed) {
      const cell = cells[key];
      cell.setValue(asWritten(wanted[key], cell.getNumberFormat()));
    }
    scheduleSummaries(spreadsheet, settings);
  });
  return summarySettings(spreadsheet);
}

/** Each summary setting's value cell, by its named range; undefined when one is missing. */
function valueCells(spreadsheet: Spreadsheet): Record<SummarySettingKey, GoogleAppsScript.Spreadsheet.Range> | undefined {
  const found = SUMMARY_SETTING_ROWS.map(({ key, rangeName }) => [key, spreadsheet.getRangeByName(rangeName)] as const);
  if (found.some(([, range]) => !range)) return undefined;
  return Object.fromEntries(found) as Record<SummarySettingKey, GoogleAppsScript.Spreadsheet.Range>;
}

/**
 * Replaces this user's weekly trigger for this workbook: the earlier ones of
 * the handler go first (an add-on may hold one time-driven trigger per user
 * per document), then, when summaries are on, one weekly trigger on the day
 * and hour in the spreadsheet's time zone. Weekly is far from the hourly limit.
 */
export function scheduleSummaries(spreadsheet: Spreadsheet, settings: SummarySettings): void {
  for (const trigger of ScriptApp.getUserTriggers(spreadsheet)) {
    if (trigger.getHandlerFunction() === SUMMARY_HANDLER) ScriptApp.deleteTrigger(trigger);
  }
  if (!settings.enabled) return;
  ScriptApp.newTrigger(SUMMARY_HANDLER)
    .timeBased()
    .onWeekDay(ScriptApp.WeekDay[settings.weekday])
    .atHour(settings.hour)
    .everyWeeks(1)
    .inTimezone(spreadsheet.getSpreadsheetTimeZone())
    .create();
}
