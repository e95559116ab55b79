// Everything Apps Script can call, and nothing else: each global is a one-line
// delegate. The JSDoc of a custom formula is what Sheets shows in the formula
// autocomplete; @preserve keeps it through the build onto the stub in Code.js.
import { checkinContext, showCheckinPanel } from './addon/checkin';
import { closeCycle, cycleReview, showCloseCycleDialog } from './addon/close-cycle';
import { recordCheckin } from './addon/record-checkin';
import { applyMetricSuggestions, metricSuggestions, showMetricSuggestions } from './addon/metric-suggestions';
import {
  buildDashboardAction,
  buildMenu,
  linkTeamWorkbookAction,
  setUpWorkbookAction,
  showHelp,
  updateLinksAction,
  validateOkrsAction,
} from './addon/menu';
import type { CheckinContext, CheckinInput, KeyResultView } from './shared/checkin-api';
import type { AppliedMetrics, MetricSuggestion } from './shared/suggestions-api';
import type { CloseCycleInput, CycleClosed, CycleReview } from './shared/cycle-review-api';
import type { SummarySent, SummaryPreview, SummarySettingsInput, SummarySettings } from './shared/summary-api';
import { saveSummarySettings, showSummarySettings, summarySettings } from './addon/summary-settings';
import { previewSummary, sendSummaries } from './addon/summary-send';
import { sendWeeklySummary } from './addon/summary-trigger';
import { spreadsheetWallClock } from './addon/timezone';
import { Arg, Output } from './formulas/columns';
import {
  okrCheckinRate,
  okrCycleStats,
  okrExpected,
  okrForecast,
  okrLinked,
  okrObjectiveProgress,
  okrProgress,
  okrRollup,
  okrScore,
  okrStatus,
  okrValidate,
} from './formulas/formulas';

/**
 * Runs when the spreadsheet opens: adds the OKR Sheets menu.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} _event the open event (unused: the menu is the same in every auth mode)
 */
global.onOpen = (_event: GoogleAppsScript.Events.SheetsOnOpen): void => buildMenu();

/**
 * Runs when the add-on is installed: adds the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} _event the install event (unused)
 */
global.onInstall = (_event: GoogleAppsScript.Events.AddonOnInstall): void => buildMenu();

/** Menu: Set up the OKR workbook. */
global.setUpWorkbook = (): void => setUpWorkbookAction();

/** Menu: Validate the OKRs. */
global.validateOkrs = (): void => validateOkrsAction();

/** Menu: Apply suggested metrics… (a dialog of the metrics key results state in their text, or an alert that there are none). */
global.showMetricSuggestions = (): void => showMetricSuggestions();

/**
 * Apply suggested metrics dialog: the key results whose text states a measure, each with the metric it proposes.
 * @return {MetricSuggestion[]} [{ id, text, metric, start, target, unit, phrase, summary, blocked }]
 */
global.getMetricSuggestions = (): MetricSuggestion[] => metricSuggestions();

/**
 * Apply suggested metrics dialog: writes the proposals of the key results ticked (Metric, Start, Target, and Current where blank or not done).
 * @param {string[]} ids the IDs of the key results to apply
 * @return {AppliedMetrics} { applied: ids, skipped: [{ id, reason }] }
 */
global.applyMetricSuggestions = (ids: string[]): AppliedMetrics => applyMetricSuggestions(ids);

/** Menu: Link a team workbook… (asks for its link and name, adds it to Teams and its import to Linked OKRs). */
global.linkTeamWorkbook = (): void => linkTeamWorkbookAction();

/** Menu: Update links (makes Linked OKRs import what Teams lists, and fills each link's Status). */
global.updateLinks = (): void => updateLinksAction();

/** Menu: Build the dashboard (adds the Dashboard tab, or builds the add-on's own again). */
global.buildDashboard = (): void => buildDashboardAction();

/** Menu: Close the cycle… (opens the dialog that archives the current cycle, carries unfinished key results over and starts the next). */
global.showCloseCycleDialog = (): void => showCloseCycleDialog();

/**
 * Close the cycle dialog: the current cycle's objectives and key results with the figures the Archive will keep.
 * @return {CycleReview} { cycle, nextCycle, closedOn, objectives: [{ id, title, team, owner, progress, score, status, checkins, keyResults }], notices }
 */
global.getCycleReview = (): CycleReview => cycleReview();

/**
 * Close the cycle dialog: archives the cycle, carries the key results over and makes the next cycle current, all or nothing; refuses, changing nothing, with the reason.
 * @param {CloseCycleInput} input { cycle, nextCycle, reflections: { objectiveId: text }, carryOver: [keyResultId] }
 * @return {CycleClosed} { archived, carriedOver, cycle }
 */
global.closeCycle = (input: CloseCycleInput): CycleClosed => closeCycle(input);

/** Menu: Check in (opens the check-in panel). */
global.showCheckinPanel = (): void => showCheckinPanel();

/**
 * Check-in panel: everything it shows, in one round trip.
 * @return {CheckinContext} the cycle, the person, and the key results
 */
global.getCheckinContext = (): CheckinContext => checkinContext();

/**
 * Check-in panel: records one check-in and returns the updated key result.
 * @param {CheckinInput} checkin { id, keyResultId, value, confidence, note }
 * @return {KeyResultView} the key result after the check-in
 */
global.submitCheckin = (checkin: CheckinInput): KeyResultView => recordCheckin(checkin);

/** Menu: Email summaries… (opens the dialog that schedules, previews and sends the weekly summary). */
global.showSummarySettings = (): void => showSummarySettings();

/**
 * Email summaries dialog: the settings, when the next summary goes out, and to how many people.
 * @return {SummarySettings} { enabled, recipients, list, weekday, hour, reminders, nextSend, recipientCount, timeZone }
 */
global.getSummarySettings = (): SummarySettings => summarySettings(SpreadsheetApp.getActiveSpreadsheet());

/**
 * Email summaries dialog: saves the settings and schedules (or removes) the weekly trigger; refuses a bad field, naming it, changing nothing.
 * @param {SummarySettingsInput} settings { enabled, recipients, list, weekday, hour, reminders }
 * @return {SummarySettings} the settings as saved, as getSummarySettings gives them
 */
global.saveSummarySettings = (settings: SummarySettingsInput): SummarySettings =>
  saveSummarySettings(SpreadsheetApp.getActiveSpreadsheet(), settings);

/**
 * Email summaries dialog: this week's summary as it will arrive.
 * @return {SummaryPreview} { subject, html, text, recipients }
 */
global.previewSummary = (): SummaryPreview => previewSummary(SpreadsheetApp.getActiveSpreadsheet());

/**
 * Email summaries dialog: sends this week's summary (and reminders) now to everyone who has not had it this week.
 * @return {SummarySent} { sent, deferred, alreadySent }: numbers of messages (each summary and each reminder is one)
 */
global.sendSummaryNow = (): SummarySent => sendSummaries(SpreadsheetApp.getActiveSpreadsheet());

/**
 * The weekly time-driven trigger's handler: sends the summary and reminders, or records why not.
 * @param {GoogleAppsScript.Events.TimeDriven} event the time-driven event
 */
global.sendWeeklySummary = (event: GoogleAppsScript.Events.TimeDriven): void => void sendWeeklySummary(event);

/** Menu: Help. */
global.showHelp = (): void => showHelp();

/**
 * Progress of a key result, from 0 to 1. Blank current gives blank (no data yet).
 * Works on single cells or whole columns.
 *
 * @param {number} start The value when the cycle began (ignored for at least, at most and milestone).
 * @param {number} target The value that means the key result is met.
 * @param {number} current The latest value; for a milestone TRUE/FALSE, done/not done, yes/no.
 * @param {string} metric Optional: increase, decrease, at least, at most or milestone. Blank follows start and target.
 * @return The progress, 0 to 1.
 * @customfunction
 * @preserve
 */
global.OKR_PROGRESS = (start: Arg, target: Arg, current: Arg, metric?: Arg): Output => okrProgress(start, target, current, metric);

/**
 * Weighted progress of each id from its children: Σ weight × progress / Σ weight.
 * Blank weight counts as 1, weight 0 leaves a child out.
 *
 * @param {string} ids The objective ids to roll up, one per row.
 * @param {string} child_parent_ids Each child's parent id (a key result's Objective ID).
 * @param {number} child_progress Each child's progress, 0 to 1.
 * @param {number} child_weights Optional: each child's weight.
 * @return The progress of each id, 0 to 1.
 * @customfunction
 * @preserve
 */
global.OKR_ROLLUP = (ids: Arg, child_parent_ids: Arg, child_progress: Arg, child_weights?: Arg): Output =>
  okrRollup(ids, child_parent_ids, child_progress, child_weights);

/**
 * Each objective's progress through every level: its key results, the objectives aligned to it here, and linked objectives aligned to it.
 * An objective aligned to a key result counts toward that key result's objective.
 * Blank weight counts as 1, weight 0 leaves a contributor out; objectives aligned in a loop are invalid.
 *
 * @param {string} ids The objective ids, one per row.
 * @param {string} aligned_to Each objective's Aligned to: an id of this workbook, or Name/ID.
 * @param {number} weights Each objective's weight toward the objective it is aligned to.
 * @param {string} child_parent_ids Every other contributor's parent: the Key Results' Objective ID stacked with the Linked OKRs' Aligned to.
 * @param {number} child_progress Each contributor's progress, 0 to 1, in the same order.
 * @param {number} child_weights Optional: each contributor's weight.
 * @param {string} workbook Optional: this workbook's name, such as OKR_WORKBOOK_NAME: Name/ID counts here when Name is it.
 * @param {string} child_ids Optional: each contributor's id, in the same order: the Key Results' ID stacked with the Linked OKRs' Team/ID, so an objective aligned to a key result counts toward that key result's objective.
 * @return The progress of each objective, 0 to 1.
 * @customfunction
 * @preserve
 */
global.OKR_OBJECTIVE_PROGRESS = (
  ids: Arg,
  aligned_to: Arg,
  weights: Arg,
  child_parent_ids: Arg,
  child_progress: Arg,
  child_weights?: Arg,
  workbook?: Arg,
  child_ids?: Arg,
): Output => okrObjectiveProgress(ids, aligned_to, weights, child_parent_ids, child_progress, child_weights, workbook, child_ids);

/**
 * Share of the cycle elapsed on a date, 0 to 1, in the spreadsheet's time zone.
 *
 * @param {string} cycle A cycle name such as 2026-Q4, 2026-H1, 2026, FY2027-Q1 or one of your cycles, or two date cells (first day, last day).
 * @param {Date} as_of The date to measure at, such as TODAY().
 * @param {range} cycles Optional: your cycles (Cycle, Starts, Ends), such as OKR_CYCLES; their names win over the built-in ones.
 * @param {string} fiscal_start Optional: the month the fiscal year starts in, 1 to 12 or its name, such as OKR_FISCAL_START (default January).
 * @param {string} fiscal_naming Optional: end (FY2027 ends in 2027, the default) or start, such as OKR_FISCAL_NAMING.
 * @return The share of the cycle elapsed, 0 to 1.
 * @customfunction
 * @preserve
 */
global.OKR_EXPECTED = (cycle: Arg, as_of: Arg, cycles?: Arg, fiscal_start?: Arg, fiscal_naming?: Arg): Output =>
  okrExpected(cycle, as_of, { cycles, fiscalStart: fiscal_start, fiscalNaming: fiscal_naming }, spreadsheetWallClock());

/**
 * Progress each key result will have at the end of the cycle if it keeps its pace: the least-squares line through Start (the cycle's first day) and its check-ins this cycle, read at the cycle's end.
 * Blank until the first check-in of the cycle; a milestone gives 1 once done.
 *
 * @param {string} kr_ids The key result ids, one per row.
 * @param {number} start Each key result's Start (ignored for milestone; optional for at least and at most).
 * @param {number} target Each key result's Target.
 * @param {string} metric Each key result's Metric: increase, decrease, at least, at most or milestone; blank follows start and target.
 * @param {string} checkin_kr_ids Each check-in's key result id (the Check-ins tab's Key result ID).
 * @param {Date} checkin_times Each check-in's time, in the same order.
 * @param {number} checkin_values Each check-in's value, in the same order.
 * @param {string} cycle The cycle to forecast the end of: a name such as 2026-Q4 or one of your cycles (one, or one per row), or two date cells (first day, last day).
 * @param {Date} as_of Optional: check-ins after this moment are left out (default now).
 * @param {range} cycles Optional: your cycles (Cycle, Starts, Ends), such as OKR_CYCLES; their names win over the built-in ones.
 * @param {string} fiscal_start Optional: the month the fiscal year starts in, 1 to 12 or its name, such as OKR_FISCAL_START (default January).
 * @param {string} fiscal_naming Optional: end (FY2027 ends in 2027, the default) or start, such as OKR_FISCAL_NAMING.
 * @return The forecast progress at the end of the cycle, 0 to 1.
 * @customfunction
 * @preserve
 */
global.OKR_FORECAST = (
  kr_ids: Arg,
  start: Arg,
  target: Arg,
  metric: Arg,
  checkin_kr_ids: Arg,
  checkin_times: Arg,
  checkin_values: Arg,
  cycle: Arg,
  as_of?: Arg,
  cycles?: Arg,
  fiscal_start?: Arg,
  fiscal_naming?: Arg,
): Output =>
  okrForecast(
    { ids: kr_ids, start, target, metric },
    { ids: checkin_kr_ids, times: checkin_times, values: checkin_values },
    cycle,
    as_of,
    { cycles, fiscalStart: fiscal_start, fiscalNaming: fiscal_naming },
    spreadsheetWallClock(),
    new Date(),
  );

/**
 * Share of key results checked in within the cadence and one grace day, 0 to 1: those never checked in count as missing.
 * Blank when there are no key results.
 *
 * @param {string} kr_ids The key result ids; blank rows are left out.
 * @param {Date} last_checkins Each key result's last check-in, in the same order; blank if never checked in.
 * @param {string} cadence Optional: weekly (the default), every two weeks or monthly, such as OKR_CHECKIN_CADENCE.
 * @param {Date} as_of Optional: the date to measure at (default now).
 * @return The share of key results checked in on time, 0 to 1.
 * @customfunction
 * @preserve
 */
global.OKR_CHECKIN_RATE = (kr_ids: Arg, last_checkins: Arg, cadence?: Arg, as_of?: Arg): Output =>
  okrCheckinRate(kr_ids, last_checkins, cadence, as_of, spreadsheetWallClock(), new Date());

/**
 * Status of a key result or objective: done, on track, at risk, off track, or no data.
 * A milestone not done follows its confidence until its cycle ends, then is off track.
 *
 * @param {number} progress The progress, 0 to 1.
 * @param {number} expected The share of the cycle elapsed, from OKR_EXPECTED.
 * @param {number} at_risk_gap Optional: how far progress may trail expected and still be on track (default 0.15).
 * @param {number} off_track_gap Optional: how far it may trail and be at risk rather than off track (default 0.30).
 * @param {string} metric Optional: the Metric; a milestone not done takes its status from confidence until the cycle ends, then is off track.
 * @param {number} confidence Optional: the latest confidence, 0 to 10: for a milestone 7 to 10 is on track, 4 to 6 at risk, 0 to 3 off track, blank no data.
 * @return The status.
 * @customfunction
 * @preserve
 */
global.OKR_STATUS = (progress: Arg, expected: Arg, at_risk_gap?: Arg, off_track_gap?: Arg, metric?: Arg, confidence?: Arg): Output =>
  okrStatus(progress, expected, at_risk_gap, off_track_gap, metric, confidence);

/**
 * End-of-cycle score on the 0.0 to 1.0 scale: progress rounded to one decimal, halves up.
 *
 * @param {number} progress The progress, 0 to 1.
 * @return The score, 0.0 to 1.0.
 * @customfunction
 * @preserve
 */
global.OKR_SCORE = (progress: Arg): Output => okrScore(progress);

/**
 * Checks the OKR structure: a table of Severity, Rule, Where and Message, or OK.
 *
 * @param {range} objectives The Objectives table, header row included.
 * @param {range} key_results The Key Results table, header row included.
 * @param {range} cycles Optional: your cycles (Cycle, Starts, Ends), such as OKR_CYCLES; their names win over the built-in ones.
 * @param {string} fiscal_start Optional: the month the fiscal year starts in, 1 to 12 or its name, such as OKR_FISCAL_START (default January).
 * @param {string} fiscal_naming Optional: end (FY2027 ends in 2027, the default) or start, such as OKR_FISCAL_NAMING.
 * @return The findings, errors first, or OK.
 * @customfunction
 * @preserve
 */
global.OKR_VALIDATE = (objectives: Arg, key_results: Arg, cycles?: Arg, fiscal_start?: Arg, fiscal_naming?: Arg): Output =>
  okrValidate(objectives, key_results, { cycles, fiscalStart: fiscal_start, fiscalNaming: fiscal_naming }, spreadsheetWallClock());

/**
 * The objectives of a linked team workbook, one row each: Team, ID, Objective, Owner, Cycle, Aligned to, Weight, Progress, Status.
 * A failed import gives one row whose Status says link broken, and why.
 *
 * @param {string} team The linked team's name, as its objectives are aligned to: Name/ID.
 * @param {range} imported Its Objectives tab with the header row, as IMPORTRANGE gives it.
 * @return One row per objective.
 * @customfunction
 * @preserve
 */
global.OKR_LINKED = (team: Arg, imported: Arg): Output => okrLinked(team, imported);

/**
 * How OKRs went in each closed cycle, oldest first: counts, average score, completion rate (score 0.7 or more), check-ins per key result, objectives per team, key results per objective.
 * A figure that cannot be trusted reads invalid: naming the Archive row to fix.
 *
 * @param {range} archive The Archive tab, header row included, such as Archive!A1:M.
 * @return A header row, then one row per closed cycle.
 * @customfunction
 * @preserve
 */
global.OKR_CYCLE_STATS = (archive: Arg): Output => okrCycleStats(archive);
