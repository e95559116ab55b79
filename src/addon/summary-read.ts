import { Cell } from '../okr/cells';
import { calendarOf, readCycles } from '../okr/cycles';
import { hasSnapshotSince, snapshotsBefore } from '../okr/history';
import { CHECKINS, CYCLES, HISTORY, KEY_RESULTS, LINKED, MAIL_LOG, OBJECTIVES, PEOPLE, SETTINGS } from '../okr/schema';
import { Settings, checkSettings, readSettings } from '../okr/settings';
import { Summary, buildSummary } from '../okr/summary';
import { validateOkrs } from '../okr/validate';
import { Week, weekOf } from '../okr/week';
import { Tabs } from './tabs';
import { spreadsheetWallClock } from './timezone';
import { todayIn } from './today';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything a summary run needs from the workbook, read with one getValues a tab. */
export interface SummaryRead {
  summary: Summary;
  settings: Settings;
  week: Week;
  sheets: Tabs;
  mailLog: Cell[][];
  /** Whether History already holds this week's snapshot (a run appends one a week). */
  snapshotTaken: boolean;
}

/** Reads the workbook once and builds this week's summary (nothing is written). */
export function readSummary(spreadsheet: Spreadsheet, now = new Date()): SummaryRead {
  const sheets = new Tabs(spreadsheet);
  const read = (name: string): Cell[][] => (sheets.get(name)?.getDataRange().getValues() as Cell[][] | undefined) ?? [];
  const [objectives, keyResults, checkins, people, settingValues, cycleValues, linked, history, mailLog] = [
    OBJECTIVES,
    KEY_RESULTS,
    CHECKINS,
    PEOPLE,
    SETTINGS,
    CYCLES,
    LINKED,
    HISTORY,
    MAIL_LOG,
  ].map((spec) => read(spec.name)) as Cell[][][];
  const wallClock = spreadsheetWallClock(spreadsheet);
  const settings = readSettings(settingValues!, todayIn(now));
  const { custom, problems } = readCycles(cycleValues!, wallClock);
  const calendar = calendarOf(settings.fiscal, cycleValues!, wallClock);
  // The same errors Validate counts: the OKR rules, the Settings values and the Cycles tab.
  const errors =
    validateOkrs(
      objectives!,
      keyResults!,
      { fiscal: settings.fiscal, custom },
      { workbook: settings.workbookName, linked: linked! },
      { people },
    ).filter((f) => f.severity === 'error').length +
    checkSettings(settingValues!, calendar).length +
    problems.length;
  const week = weekOf(wallClock(now));
  const before = snapshotsBefore(history!, week.start, wallClock);
  const summary = buildSummary({
    tables: {
      objectives: objectives!,
      keyResults: keyResults!,
      keyResultFormats: [],
      keyResultFormulas: [],
      checkins: checkins!,
      people: people!,
    },
    linked: linked!,
    settings,
    calendar,
    now,
    wallClock,
    before,
    compared: before.size > 0,
    errors,
    workbook: settings.workbookName || spreadsheet.getName(),
    url: spreadsheet.getUrl(),
  });
  return { summary, settings, week, sheets, mailLog: mailLog!, snapshotTaken: hasSnapshotSince(history!, week.start, wallClock) };
}
