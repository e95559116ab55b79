import { addExamples, setUp } from './setup';
import { runAction, withDocumentLock } from './errors';
import { formulaHelp } from '../formulas/contract';
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
    .addSeparator()
    .addItem('Help', 'showHelp')
    .addToUi();
}

export function setUpWorkbookAction(): void {
  runAction('Set up the OKR workbook', () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const report = withDocumentLock(() => setUp(spreadsheet));
    const ui = SpreadsheetApp.getUi();
    const done = report.added.length
      ? `Your OKR workbook is ready. Added ${report.added.join('; ')}.`
      : 'Your OKR workbook was already set up: nothing needed to change.';
    const kept = report.leftAlone.length ? `\n\nLeft as they are: ${report.leftAlone.join('; ')}.` : '';
    if (!report.empty) {
      ui.alert('Set up the OKR workbook', done + kept, ui.ButtonSet.OK);
      return;
    }
    // Asked outside the lock: nobody else waits while a person reads a dialog.
    const answer = ui.alert(
      'Set up the OKR workbook',
      `${done}${kept}\n\nAdd example OKRs, so your team can learn by editing a good example?`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
    const added = withDocumentLock(() => addExamples(spreadsheet, report.cycle));
    if (!added) ui.alert('Set up the OKR workbook', 'Someone added OKRs in the meantime, so no examples were added.', ui.ButtonSet.OK);
  });
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
