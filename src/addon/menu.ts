import { addExamples, setUp } from './setup';
import { buildDashboard, dashboardMissing } from './dashboard';
import { runAction, withDocumentLock } from './errors';
import { formulaHelp } from '../formulas/contract';
import { addTeam, rebuildLinks } from './links';
import { NewPerson, addOwnersToPeople } from './people';
import { summaryLine, validateWorkbook } from './report';

/**
 * Builds the add-on menu. Runs under AuthMode.NONE when the add-on is not yet
 * used in this document, so it touches no document and no property here.
 */
export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Check in', 'showCheckinPanel')
    .addSeparator()
    .addItem('Set up the OKR workbook', 'setUpWorkbook')
    .addItem('Validate the OKRs', 'validateOkrs')
    .addItem('Apply suggested metrics…', 'showMetricSuggestions')
    .addSeparator()
    .addItem('Link a team workbook…', 'linkTeamWorkbook')
    .addItem('Update links', 'updateLinks')
    .addSeparator()
    .addItem('Email summaries…', 'showSummarySettings')
    .addItem('Build the dashboard', 'buildDashboard')
    .addSeparator()
    .addItem('Close the cycle…', 'showCloseCycleDialog')
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addToUi();
}

export function setUpWorkbookAction(): void {
  runAction('Set up the OKR workbook', () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const report = withDocumentLock(() => setUp(spreadsheet));
    const done = report.added.length
      ? `Your OKR workbook is ready. Added ${report.added.join('; ')}.`
      : 'Your OKR workbook was already set up: nothing needed to change.';
    const kept = report.leftAlone.length ? `\n\nLeft as they are: ${report.leftAlone.join('; ')}.` : '';
    if (!report.empty) {
      offerPeople(spreadsheet, done + kept, report.newOwners);
    } else {
      offerExamples(spreadsheet, done + kept, report.cycle);
    }
    // Offered when set-up added something (a new workbook, or an upgrade): running it again asks nothing.
    if (report.added.length > 0) offerDashboard(spreadsheet);
  });
}

/** Asked outside the lock: nobody else waits while a person reads a dialog. */
function offerExamples(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, done: string, cycle: string): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    'Set up the OKR workbook',
    `${done}\n\nAdd example OKRs, so your team can learn by editing a good example?`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  const added = withDocumentLock(() => addExamples(spreadsheet, cycle));
  if (!added) ui.alert('Set up the OKR workbook', 'Someone added OKRs in the meantime, so no examples were added.', ui.ButtonSet.OK);
}

/** Set-up's last question, when the workbook has no dashboard yet. */
function offerDashboard(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  if (!dashboardMissing(spreadsheet)) return;
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    'Set up the OKR workbook',
    'Build a Dashboard tab too? It shows the cycle at a glance (progress against where it should be, the forecast, what is at risk, who has not checked in) and keeps itself current as people check in.',
    ui.ButtonSet.YES_NO,
  );
  if (answer === ui.Button.YES) buildDashboardAction();
}

export function buildDashboardAction(): void {
  runAction('Build the dashboard', () => {
    const message = withDocumentLock(() => buildDashboard(SpreadsheetApp.getActiveSpreadsheet()));
    const ui = SpreadsheetApp.getUi();
    ui.alert('Build the dashboard', message, ui.ButtonSet.OK);
  });
}

/**
 * Ends set-up by offering to add to People the owners it does not know yet
 * (`missing`, found in what set-up read under the lock; asked outside it),
 * or just says what set-up did. Adding reads the tabs again under the lock,
 * as someone may have changed them while the dialog was open.
 */
function offerPeople(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, done: string, missing: readonly NewPerson[]): void {
  const ui = SpreadsheetApp.getUi();
  const title = 'Set up the OKR workbook';
  if (missing.length === 0) {
    ui.alert(title, done, ui.ButtonSet.OK);
    return;
  }
  const shown = missing.slice(0, 3).map((p) => p.name || p.email);
  const more = missing.length > shown.length ? ` and ${missing.length - shown.length} more` : '';
  const owners = missing.length === 1 ? 'owner who is' : `${missing.length} owners who are`;
  const answer = ui.alert(
    title,
    `${done}\n\nYour OKRs name ${owners} not in the People tab yet (${shown.join(', ')}${more}). Add them to People, each once, so you can write down their email and team?`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  const added = withDocumentLock(() => addOwnersToPeople(spreadsheet));
  const message = added.length
    ? `Added ${added.length === 1 ? '1 person' : `${added.length} people`} to the People tab. Write each one's email there (and their team and manager), so the check-in panel and the emails can find them.`
    : 'Someone added them in the meantime: nothing was changed.';
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function validateOkrsAction(): void {
  runAction('Validate the OKRs', () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const summary = withDocumentLock(() => validateWorkbook(spreadsheet));
    const ui = SpreadsheetApp.getUi();
    ui.alert('Validate the OKRs', summaryLine(summary), ui.ButtonSet.OK);
  });
}

export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('OKR Sheets', formulaHelp(), ui.ButtonSet.OK);
}

export function linkTeamWorkbookAction(): void {
  runAction('Link a team workbook', () => {
    const ui = SpreadsheetApp.getUi();
    const link = ui.prompt(
      'Link a team workbook',
      "Paste the link of the team's workbook (from its address bar). Its objectives aligned to ours will count toward our progress.",
      ui.ButtonSet.OK_CANCEL,
    );
    if (link.getSelectedButton() !== ui.Button.OK) return;
    const team = ui.prompt(
      'Link a team workbook',
      'What is the team called? Write the name its workbook goes by (its Settings > Workbook name), as its objectives write Name/ID when they align to ours.',
      ui.ButtonSet.OK_CANCEL,
    );
    if (team.getSelectedButton() !== ui.Button.OK) return;
    const message = addTeam(SpreadsheetApp.getActiveSpreadsheet(), team.getResponseText(), link.getResponseText());
    ui.alert('Link a team workbook', message, ui.ButtonSet.OK);
  });
}

export function updateLinksAction(): void {
  runAction('Update links', () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const report = withDocumentLock(() => rebuildLinks(spreadsheet));
    const ui = SpreadsheetApp.getUi();
    const linked =
      report.linked === 0 && report.problems.length === 0
        ? 'No team workbook is listed in the Teams tab yet: Link a team workbook… adds one.'
        : `${report.linked} team workbook${report.linked === 1 ? '' : 's'} linked: each one's Status in the Teams tab says how it is.`;
    const problems = report.problems.length ? `\n\nRows to fix in Teams: ${report.problems.join('; ')}.` : '';
    ui.alert('Update links', linked + problems, ui.ButtonSet.OK);
  });
}
