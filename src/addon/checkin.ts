import type { CheckinContext } from '../shared/checkin-api';
import { Cell, normalise } from '../okr/cells';
import { CHECKINS, KEY_RESULTS, OBJECTIVES, PEOPLE, SETTINGS } from '../okr/schema';
import { readSettings } from '../okr/settings';
import { Tables, expectedOrUndefined, keyResultViews, shownWithCycle } from '../okr/views';
import { workbookCalendar } from './calendar';
import { readTable } from '../okr/table';
import { Tabs } from './tabs';
import { spreadsheetWallClock } from './timezone';
import { todayIn } from './today';

export function showCheckinPanel(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Check in');
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Everything the panel shows, in one round trip: one getValues a tab, and
 * the Key Results' number formats and formulas from the same range (whether
 * values are percentages, and whether Current is a person's formula).
 */
export function checkinContext(): CheckinContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheets = new Tabs(spreadsheet);
  const notices: string[] = [];
  const read = (name: string): Cell[][] => {
    const sheet = sheets.get(name);
    if (sheet) return sheet.getDataRange().getValues() as Cell[][];
    if (name !== CHECKINS.name && name !== PEOPLE.name) notices.push(`There is no ${name} tab: run OKR Sheets > Set up the OKR workbook.`);
    return [];
  };
  const krRange = sheets.get(KEY_RESULTS.name)?.getDataRange();
  const tables: Tables = {
    objectives: read(OBJECTIVES.name),
    keyResults: krRange ? (krRange.getValues() as Cell[][]) : [],
    keyResultFormats: krRange ? krRange.getNumberFormats() : [],
    keyResultFormulas: krRange ? krRange.getFormulas() : [],
    checkins: read(CHECKINS.name),
    people: read(PEOPLE.name),
  };
  if (!krRange) notices.push(`There is no ${KEY_RESULTS.name} tab: run OKR Sheets > Set up the OKR workbook.`);
  const now = new Date();
  const settings = readSettings(read(SETTINGS.name), todayIn(now, spreadsheet));
  const missing = readTable(tables.keyResults, KEY_RESULTS).missing;
  if (tables.keyResults.length > 0 && missing.length > 0)
    notices.push(`The Key Results tab has no ${missing.join(', ')} column: run Validate the OKRs to see what to fix.`);
  const wallClock = spreadsheetWallClock();
  const calendar = workbookCalendar(settings.fiscal, sheets);
  if (expectedOrUndefined(settings, calendar, now, wallClock) === undefined)
    notices.push(
      `The current cycle in Settings, "${settings.cycle}", is not a cycle this workbook knows, so no status is shown: run Validate the OKRs to see how to write it.`,
    );
  // The current cycle's key results: those of objectives with no Cycle or this one (or none found), as the summary
  // counts them, and of those whose Cycle names no cycle, so their owners still check in (the summary names those it
  // leaves out); a closed cycle's, or one planned ahead, are not checked in on.
  const shown = shownWithCycle(settings.cycle, calendar);
  const otherCycle = new Set(
    readTable(tables.objectives, OBJECTIVES)
      .rows.filter((row) => !shown(row))
      .map((row) => normalise(row.get('ID'))),
  );
  const keyResults = keyResultViews(tables, settings, calendar, now, wallClock).filter((kr) => !otherCycle.has(normalise(kr.objectiveId)));
  const owners = [...new Set(keyResults.map((kr) => kr.owner).filter((o) => o !== ''))].sort();
  const teams = [...new Set(keyResults.map((kr) => kr.team).filter((t) => t !== ''))].sort();
  return {
    cycle: settings.cycle,
    cadence: settings.cadence,
    locale: spreadsheet.getSpreadsheetLocale(),
    today: new Date(wallClock(now)).toISOString().slice(0, 10),
    user: Session.getActiveUser().getEmail(),
    owners,
    teams,
    keyResults,
    notices,
  };
}
