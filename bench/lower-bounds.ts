// Each action of the add-on, how the report and the budget test run it, and
// its lower bound: the fewest service calls (by name, as the local runtime
// counts them) that can do the job, argued in one sentence. The report
// (bench/sections/calls.ts) and the test (test/addon/call-budgets.test.ts)
// read this one table, so neither can drift from the other.
import { Cell } from '../src/okr/cells';
import { PEOPLE } from '../src/okr/schema';
import { Runtime } from '../dev/runtime/index';
import { CHAMPION, NOW, byHand, click, fill, teamWorkbook, workbookUrl, okrRuntime } from '../test/addon/workbook';
import { KEY_RESULT_HEADERS, OBJECTIVE_HEADERS, organisation } from './org';

export type Calls = Record<string, number>;

export interface Action {
  title: string;
  /** The fewest calls that can do the job, by name, on a workbook of about `keyResults` key results. */
  bound: (keyResults: number) => Calls;
  /** Why no fewer calls can do it. */
  argument: string;
  /**
   * Calls the add-on makes above the bound, kept on purpose (a behaviour
   * change would be needed to drop them), with the reason; the budget is
   * bound + excess, exactly.
   */
  excess?: { calls: Calls; why: string };
  /** Cells read or written in batches per key result (an estimate from the tabs the action reads whole), for the modelled time. */
  cellsPerKeyResult: number;
  /** Which run of `measure` gives its calls. */
  key: string;
}

/** The budget an action's calls must equal: its bound plus any excess it keeps on purpose. */
export function budget(action: Action, keyResults: number): Calls {
  const total: Calls = { ...action.bound(keyResults) };
  for (const [name, count] of Object.entries(action.excess?.calls ?? {})) total[name] = (total[name] ?? 0) + count;
  return Object.fromEntries(Object.entries(total).sort(([a], [b]) => a.localeCompare(b)));
}

export const total = (calls: Calls): number => Object.values(calls).reduce((sum, n) => sum + n, 0);

/**
 * A workbook holding a company's OKRs (bench/org.ts) at about `keyResults`
 * key results, pasted into its tabs, then set up, as a champion who already
 * kept OKRs in a sheet would do it.
 */
export function companyWorkbook(
  keyResults: number,
  options: { mailQuota?: number } = {},
): { rt: Runtime; id: string; owner: string; kr: string; objective: string } {
  const rt = okrRuntime({ now: NOW, ...options });
  const id = rt.createSpreadsheet({ name: 'Company OKRs', timeZone: 'America/New_York', sheets: ['Sheet1'], owner: CHAMPION });
  const org = organisation(keyResults);
  const tables: [string, readonly string[], Cell[][]][] = [
    ['Objectives', OBJECTIVE_HEADERS, org.objectives],
    ['Key Results', KEY_RESULT_HEADERS, org.keyResults],
    ['People', PEOPLE.headers, org.people],
  ];
  for (const [name, headers, rows] of tables) {
    const sheet = byHand(rt, id).insertSheet(name);
    if (sheet.getMaxRows() < rows.length + 1) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
    fill(rt, id, name, [[...headers], ...rows]);
  }
  click(rt, id, 'setUpWorkbook', 'OK');
  const kr = org.keyResults[0]!;
  return { rt, id, owner: String(kr[3]), kr: String(kr[0]), objective: String(kr[1]) };
}

const run = (rt: Runtime, id: string, name: string, user = CHAMPION, args?: unknown[]): Calls => {
  rt.run(name, { spreadsheetId: id, user, ...(args ? { args } : {}) });
  return rt.lastCalls;
};

const sum = (...all: Calls[]): Calls => {
  const out: Calls = {};
  for (const calls of all) for (const [name, n] of Object.entries(calls)) out[name] = (out[name] ?? 0) + n;
  return out;
};

/** A team workbook for linking: set up, one objective aligned to the company's first. */
function squad(rt: Runtime): string {
  return teamWorkbook(rt, 'Squad', [['S1', 'Ship it', 'sam', 'Squad', '2026-Q4', 'Company/T0-O0']], []);
}

function linkSquad(rt: Runtime, id: string): Calls {
  const team = squad(rt);
  rt.answer({ button: 'OK', text: workbookUrl(team) }, { button: 'OK', text: 'Squad' }, { button: 'OK' });
  return run(rt, id, 'linkTeamWorkbook');
}

/**
 * The weekly trigger's runs, one a week, to each count of addresses on the
 * summary list in turn; the first week's run (which makes the Mail log and
 * History tabs) is left out, as it happens once.
 */
export function weeklySummaries(keyResults: number, recipients: readonly number[]): Calls[] {
  const { rt, id } = companyWorkbook(keyResults, { mailQuota: 1500 });
  const save = (n: number) =>
    rt.run('saveSummarySettings', {
      spreadsheetId: id,
      user: CHAMPION,
      args: [{ enabled: true, recipients: 'list', list: readers(n), weekday: 'MONDAY', hour: 8, reminders: false }],
    });
  save(1);
  rt.run('sendSummaryNow', { spreadsheetId: id, user: CHAMPION });
  return recipients.map((n) => {
    save(n);
    rt.advance(7 * 86_400_000);
    rt.fireTrigger(rt.triggers.find((t) => t.handlerFunction === 'sendWeeklySummary')!.uniqueId);
    return rt.lastCalls;
  });
}

const readers = (n: number) => Array.from({ length: n }, (_, i) => `reader${i}@example.com`);

/** Every action but the summary, in order on one workbook of about `keyResults` key results; the calls of each. */
export function actionCalls(keyResults: number): Record<string, Calls> {
  const blank = okrRuntime({ now: NOW });
  const blankId = blank.createSpreadsheet({ name: 'Team OKRs', timeZone: 'America/New_York', sheets: ['Sheet1'], owner: CHAMPION });
  click(blank, blankId, 'setUpWorkbook', 'NO');
  const out: Record<string, Calls> = { setup: blank.lastCalls };
  const { rt, id, owner, kr } = companyWorkbook(keyResults);
  click(rt, id, 'setUpWorkbook', 'OK');
  out.again = rt.lastCalls;
  // The first run makes the Validation tab; every later run is this one.
  click(rt, id, 'validateOkrs', 'OK');
  click(rt, id, 'validateOkrs', 'OK');
  out.validate = rt.lastCalls;
  out.panel = sum(run(rt, id, 'showCheckinPanel', owner), run(rt, id, 'getCheckinContext', owner));
  out.checkin = run(rt, id, 'submitCheckin', owner, [
    { id: 'checkin-0001', keyResultId: kr, value: 50, confidence: 7, note: 'on our way' },
  ]);
  out.link = linkSquad(rt, id);
  rt.answer({ button: 'OK' });
  out.update = run(rt, id, 'updateLinks');
  rt.answer({ button: 'OK' });
  out.dashboard = run(rt, id, 'buildDashboard');
  // On a workbook of its own, with no dashboard: reading a workbook waits for its formulas, and the local runtime
  // recalculates a company's dashboard far slower than Sheets does (docs/benchmarks.md), which is not the close's cost.
  const other = companyWorkbook(keyResults);
  out.close = run(other.rt, other.id, 'closeCycle', CHAMPION, [
    { cycle: '2026-Q4', nextCycle: '2027-Q1', reflections: { [other.objective]: 'What we learned.' }, carryOver: [other.kr] },
  ]);
  return out;
}

export const SUMMARY_RECIPIENTS = [1, 10, 50, 200] as const;

const constant = (calls: Calls) => () => calls;

export const ACTIONS: Action[] = [
  {
    key: 'setup',
    title: 'Set up, on a blank workbook',
    bound: constant({
      'ConditionalFormatRuleBuilder.build': 20,
      'ConditionalFormatRuleBuilder.setBackground': 20,
      'ConditionalFormatRuleBuilder.setRanges': 20,
      'ConditionalFormatRuleBuilder.whenFormulaSatisfied': 10,
      'ConditionalFormatRuleBuilder.whenTextEqualTo': 10,
      'DataValidationBuilder.build': 15,
      'DataValidationBuilder.requireNumberBetween': 3,
      'DataValidationBuilder.requireNumberGreaterThanOrEqualTo': 2,
      'DataValidationBuilder.requireValueInList': 10,
      'DataValidationBuilder.setAllowInvalid': 15,
      'DataValidationBuilder.setHelpText': 15,
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Protection.setDescription': 6,
      'Protection.setWarningOnly': 6,
      'Range.getDataValidations': 3,
      'Range.getNumberFormats': 2,
      'Range.protect': 6,
      'Range.setDataValidation': 15,
      'Range.setFontWeight': 9,
      'Range.setFormula': 6,
      'Range.setNote': 6,
      'Range.setNumberFormat': 10,
      'Range.setValues': 10,
      'Range.setWrap': 3,
      'Sheet.getConditionalFormatRules': 2,
      'Sheet.getFrozenColumns': 2,
      'Sheet.getFrozenRows': 8,
      'Sheet.getLastColumn': 7,
      'Sheet.getMaxColumns': 8,
      'Sheet.getMaxRows': 6,
      'Sheet.getName': 1,
      'Sheet.getProtections': 2,
      'Sheet.getRange': 78,
      'Sheet.setColumnWidth': 14,
      'Sheet.setColumnWidths': 5,
      'Sheet.setConditionalFormatRules': 2,
      'Sheet.setFrozenColumns': 2,
      'Sheet.setFrozenRows': 8,
      'Spreadsheet.getName': 1,
      'Spreadsheet.getNamedRanges': 1,
      'Spreadsheet.getRangeByName': 1,
      'Spreadsheet.getSheetByName': 1,
      'Spreadsheet.getSheets': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'Spreadsheet.insertSheet': 9,
      'Spreadsheet.setNamedRange': 14,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.getUi': 2,
      'SpreadsheetApp.newConditionalFormatRule': 20,
      'SpreadsheetApp.newDataValidation': 15,
      'Ui.alert': 2,
      'Utilities.formatDate': 1,
    }),
    argument:
      'Everything set-up adds, once each: 9 tabs inserted, one header block a tab (10 setValues with the settings rows), 6 header formulas, 15 checks and 20 colour rules (Status and Progress, five each on each of the 2 tabs) built step by step (each builder step is a call) and set, 6 warning protections, 14 named ranges, 6 notes and 10 number formats on the new columns, the widths of the 25 columns of Objectives and Key Results (13 calls, as 5 runs of neighbours of one width take one call each) and the wrap of their 2 title columns, one frozen-row check a tab and one frozen-column check on each of the 2 tabs whose ID comes first, the tabs listed once (each new one inserted at the count kept from that list), and one grid-size read for each of the 6 tabs that get a column-wide format, check or colour (Settings and Teams get none, so fewer than one a tab); under one lock, flushed before it is released; then two dialogs, the examples and the dashboard, which is offered only when there is none (its named range and a tab of its name looked up once each).',
    cellsPerKeyResult: 0,
  },
  {
    key: 'again',
    title: 'Set up again (nothing to add)',
    bound: constant({
      'ConditionalFormatRule.getBooleanCondition': 20,
      'ConditionalFormatRule.getRanges': 20,
      'DataValidation.getCriteriaValues': 2,
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'NamedRange.getName': 14,
      'Protection.getDescription': 6,
      'Range.getA1Notation': 20,
      'Range.getDataValidation': 1,
      'Range.getDataValidations': 3,
      'Range.getFormulas': 2,
      'Range.getMergedRanges': 8,
      'Range.getValues': 8,
      'Sheet.getConditionalFormatRules': 2,
      'Sheet.getDataRange': 8,
      'Sheet.getFrozenColumns': 2,
      'Sheet.getFrozenRows': 8,
      'Sheet.getMaxRows': 2,
      'Sheet.getName': 10,
      'Sheet.getProtections': 2,
      'Sheet.getRange': 20,
      'Spreadsheet.getName': 1,
      'Spreadsheet.getNamedRanges': 1,
      'Spreadsheet.getSheets': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.alert': 1,
      'Utilities.formatDate': 1,
    }),
    argument:
      "To know that nothing is missing it must look at everything it would add, once: each of the 8 tables read in one getValues (with its header formulas where formulas live, and its merged header cells, which it refuses), each named range, protection, check and colour rule listed once (each existing rule's ranges and condition read once; the wanted rules are data, their ranges worked out from one grid-size read for each of the 2 tabs with colours, so none is built or asked for a range), the frozen rows of each tab and the frozen columns of the 2 whose ID comes first, and writes nothing (the widths are set only on columns it adds); one lock, one flush, one dialog, whose question about owners People lacks comes from the tables read under the lock.",
    cellsPerKeyResult: 20,
  },
  {
    key: 'validate',
    title: 'Validate the OKRs',
    bound: constant({
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Range.getFormulas': 2,
      'Range.getMergedRanges': 6,
      'Range.getNumberFormats': 2,
      'Range.getValues': 7,
      'Range.setValues': 1,
      'Sheet.getDataRange': 7,
      'Sheet.getLastRow': 1,
      'Sheet.getMaxRows': 1,
      'Sheet.getRange': 8,
      'Spreadsheet.getSheetByName': 7,
      'Spreadsheet.getSpreadsheetLocale': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'Spreadsheet.setActiveSheet': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.alert': 1,
      'Utilities.formatDate': 1,
    }),
    argument:
      'Read each of the 7 tabs it checks once (values, the header formulas of the two formula tabs, merged header cells per tab), look each tab up by name once (getSheetByName, so other tabs of the workbook cost nothing), read today once (time zone, one conversion) and the locale, write the report in one block (its number formats read first so text stays text, the old report cleared by the same write) and show it (setActiveSheet), one lock and flush, one dialog.',
    cellsPerKeyResult: 20,
  },
  {
    key: 'panel',
    title: 'Open the check-in panel (showCheckinPanel + getCheckinContext)',
    bound: constant({
      'HtmlOutput.getContent': 1,
      'HtmlOutput.getTitle': 1,
      'HtmlOutput.setTitle': 1,
      'HtmlService.createHtmlOutputFromFile': 1,
      'Range.getFormulas': 1,
      'Range.getNumberFormats': 1,
      'Range.getValues': 6,
      'Session.getActiveUser': 1,
      'Sheet.getDataRange': 6,
      'Spreadsheet.getSheetByName': 6,
      'Spreadsheet.getSpreadsheetLocale': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.showSidebar': 1,
      'Utilities.formatDate': 1,
    }),
    argument:
      "Show the built page (the runtime counts HtmlService reading its title and content), then one server call that finds (one getSheetByName each) and reads each of the 6 tabs the panel shows once, with the Key Results' number formats and formulas from the same range, the user, the locale and today (one time-zone read, one conversion); no lock, as it writes nothing.",
    cellsPerKeyResult: 55,
  },
  {
    key: 'checkin',
    title: 'A check-in (submitCheckin)',
    bound: constant({
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Range.getFormulas': 1,
      'Range.getNumberFormats': 2,
      'Range.getValues': 6,
      'Range.setValues': 4,
      'Session.getActiveUser': 1,
      'Sheet.getDataRange': 6,
      'Sheet.getMaxRows': 1,
      'Sheet.getRange': 5,
      'Spreadsheet.getSheetByName': 6,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Utilities.formatDate': 1,
    }),
    argument:
      "Under the lock (two people checking in at once must not collide), find and read the tabs it needs once each (one getSheetByName a tab: Key Results to find the row, Check-ins for a retried id, Settings, Cycles, Objectives and People for the view it returns), read the row's formulas and formats so a person's formula is never overwritten and text stays text, append the Check-ins row in one write (its formats read first; grid size checked) and write Current, Confidence and Last check-in, three cells that are not adjacent (3 writes), then flush before releasing the lock.",
    cellsPerKeyResult: 25,
  },
  {
    key: 'link',
    title: 'Link a team workbook',
    bound: constant({
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Range.clearContent': 1,
      'Range.getFormula': 1,
      'Range.getNumberFormats': 2,
      'Range.getValues': 3,
      'Range.setFormula': 1,
      'Range.setValues': 2,
      'Sheet.getDataRange': 3,
      'Sheet.getMaxRows': 1,
      'Sheet.getRange': 4,
      'Spreadsheet.getId': 1,
      'Spreadsheet.getSheetByName': 2,
      'SpreadsheetApp.flush': 2,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.alert': 1,
      'Ui.prompt': 2,
    }),
    argument:
      "Two prompts and a dialog; under the lock, read Teams once and append the team's row (formats read first), rebuild the links: Teams and Linked OKRs read once each, the IMPORTRANGE header formula read (never to overwrite a person's own) and written with the cells it spills into cleared, one flush so the import computes before its rows are read, the Status column written in one block, and the flush before the lock is released.",
    cellsPerKeyResult: 0,
  },
  {
    key: 'update',
    title: 'Update links',
    bound: constant({
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Range.getFormula': 1,
      'Range.getNumberFormats': 1,
      'Range.getValues': 2,
      'Range.setValues': 1,
      'Sheet.getDataRange': 2,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheetByName': 2,
      'SpreadsheetApp.flush': 2,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.alert': 1,
    }),
    argument:
      "Under the lock, read Teams and Linked OKRs once each and the import's header formula (left as it is when unchanged), flush so the import computes before its rows are read, write the Status column in one block (formats read first), flush before the lock is released; one dialog.",
    cellsPerKeyResult: 0,
  },
  ...SUMMARY_RECIPIENTS.map((n, week): Action => ({
    key: `weekly-${n}`,
    title: `The weekly summary, ${n} recipient${n === 1 ? '' : 's'}`,
    bound: (keyResults) => ({
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'MailApp.getRemainingDailyQuota': 1,
      'MailApp.sendEmail': n,
      'Range.getNumberFormats': 2,
      'Range.getValues': 9,
      'Range.setValues': 2,
      'ScriptApp.getAuthorizationInfo': 1,
      'Sheet.getDataRange': 9,
      'Sheet.getLastRow': 2,
      'Sheet.getMaxRows': 2,
      'Sheet.getRange': 2,
      'Spreadsheet.getOwner': 1,
      'Spreadsheet.getSheetByName': 9,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'Spreadsheet.getUrl': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      // Now, and the day of each earlier week's snapshot in History (to compare with last week).
      'Utilities.formatDate': 2 + week,
      // History takes a row a key result and objective each week: past 1,000 rows its grid grows every week.
      ...(keyResults >= 1000 ? { 'Sheet.insertRowsAfter': 1 } : {}),
    }),
    argument:
      "Check authorisation (a lapsed one still fires), find and read the 9 tabs the summary needs once each under the lock (one getSheetByName a tab) (so a double fire sends nothing twice), the quota once, append the Mail log and History in one block each (formats read first, the grid grown once when full), flush before releasing the lock, then one sendEmail a recipient: each person's message is logged, retried and quota-counted on its own, so no run sends anyone a mail twice and no address is shown to the others (Google's floor would be ⌈N/50⌉ messages to 50 recipients each, giving up both). Time-zone conversions: now and one a past week in History.",
    cellsPerKeyResult: 30,
  })),
  {
    key: 'dashboard',
    title: 'Build the dashboard',
    bound: (keyResults) => ({
      'EmbeddedChart.getChartId': 4,
      'EmbeddedChartBuilder.addRange': 7,
      'EmbeddedChartBuilder.asColumnChart': 2,
      'EmbeddedChartBuilder.asLineChart': 1,
      'EmbeddedChartBuilder.asPieChart': 1,
      'EmbeddedChartBuilder.build': 4,
      'EmbeddedChartBuilder.setColors': 4,
      'EmbeddedChartBuilder.setNumHeaders': 4,
      'EmbeddedChartBuilder.setOption': 8,
      'EmbeddedChartBuilder.setPosition': 4,
      'EmbeddedChartBuilder.setTitle': 4,
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Properties.setProperty': 1,
      'PropertiesService.getDocumentProperties': 1,
      'Range.getFormulas': 4,
      'Range.getValues': 7,
      'Range.setFontColor': 1,
      'Range.setFontSize': 1,
      'Range.setFontStyle': 1,
      'Range.setFontWeight': 9,
      'Range.setNumberFormat': 24,
      'Range.setValues': 17,
      'Sheet.getCharts': 2,
      'Sheet.getLastColumn': 4,
      'Sheet.getLastRow': 3,
      'Sheet.getMaxColumns': 3,
      'Sheet.getRange': 66,
      'Sheet.insertChart': 4,
      'Sheet.insertColumnsAfter': 1,
      'Sheet.newChart': 4,
      'Sheet.setFrozenRows': 1,
      'Sheet.setColumnWidth': 10,
      'Spreadsheet.getNumSheets': 1,
      'Spreadsheet.getRangeByName': 1,
      'Spreadsheet.getSheetByName': 7,
      'Spreadsheet.insertSheet': 2,
      'Spreadsheet.setActiveSheet': 1,
      'Spreadsheet.setNamedRange': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.alert': 1,
      // A company's objectives need more than a new tab's 1,000 rows for their bars: the grid grows once.
      // One more either way: the new Archive tab's grid height, for its columns' formats.
      ...(keyResults >= 1000 ? { 'Sheet.getMaxRows': 4, 'Sheet.insertRowsAfter': 1 } : { 'Sheet.getMaxRows': 2 }),
    }),
    argument:
      "Under the lock: its own tab found by its named range, and 7 tabs by name once each (refusing a Dashboard tab it did not make); the header row of the 5 tabs its formulas read (values and formulas, so a blocked computed column is still found) and the IDs and teams typed, for the rows to keep; the Archive tab made when missing (issue 22: the effectiveness table's OKR_CYCLE_STATS must never name a missing tab): inserted last (the tab count read once), its header row in one setValues made bold, frozen, and the schema's number format on each of its 11 formatted columns (one range and one setNumberFormat each, the grid's height read once; an Archive that exists is read like the other tabs instead: its header row, and its Cycle column for the rows to keep); then one new tab (first among them), its grid widened for the chart data, 16 blocks written one setValues each (they lie apart, and the cells between them stay empty for the lists that spill), 13 number formats, 8 bold headers and 3 title styles (Google's RangeList would merge the formats into fewer calls; the local runtime does not have it yet), 10 column widths, the four charts built step by step (each builder step is a call) and inserted, their ids kept in one document property so the next build replaces only them, the tab made active, flushed, and one dialog. Nothing grows with the rows but the grid, once.",
    cellsPerKeyResult: 2,
  },
  {
    key: 'close',
    title: 'Close the cycle, carrying one key result over',
    bound: (keyResults) => ({
      'Lock.releaseLock': 1,
      'Lock.tryLock': 1,
      'LockService.getDocumentLock': 1,
      'Range.getFormula': 1,
      'Range.getFormulas': 2,
      'Range.getNumberFormat': 1,
      'Range.getNumberFormats': 3,
      'Range.getValue': 1,
      'Range.getValues': 7,
      'Range.setFontWeight': 1,
      'Range.setNumberFormat': 11,
      'Range.setNumberFormats': 3,
      'Range.setValue': 1,
      'Range.setValues': 5,
      'Sheet.getDataRange': 6,
      'Sheet.getLastColumn': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getMaxRows': 4,
      'Sheet.getRange': 17,
      'Sheet.setFrozenRows': 1,
      'Spreadsheet.getNumSheets': 1,
      'Spreadsheet.getRangeByName': 1,
      'Spreadsheet.getSheetByName': 7,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'Spreadsheet.insertSheet': 1,
      'SpreadsheetApp.flush': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Utilities.formatDate': 1,
      // A company's tabs are exactly as long as their rows here: the new rows grow Key Results, Objectives and the Archive.
      ...(keyResults >= 1000 ? { 'Sheet.insertRowsAfter': 3 } : {}),
    }),
    argument:
      "Under the lock: 7 tabs by name once each, 6 of them read with one getValues (the Archive is new here), Objectives and Key Results with their number formats and formulas too (the formats the new rows copy, and the formulas a new row must not land on), the time zone once; Settings' current cycle checked for a formula of yours before anything is written; then the carried key result and its objective's copy, one setNumberFormats and one setValues per run of adjacent typed columns (Key Results has two: ID to Confidence, and Last check-in), the next cycle in Settings, and the Archive made (its header, frozen, and one number format a column: Google's setNumberFormats would take a pattern for the columns that have none, which is not documented) and its rows appended in one setValues after reading their formats; flushed. Nothing grows with the rows but the grids, once each.",
    // As the panel reads (Key Results three times over: values, formats, formulas), and the new rows.
    cellsPerKeyResult: 55,
  },
];

/** The calls of every action at about `keyResults` key results, by the action's key. */
export function measure(keyResults: number): Record<string, Calls> {
  const out = actionCalls(keyResults);
  weeklySummaries(keyResults, SUMMARY_RECIPIENTS).forEach((calls, i) => (out[`weekly-${SUMMARY_RECIPIENTS[i]}`] = calls));
  return out;
}
