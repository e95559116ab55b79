import { FORMULA_HELP } from './help';

/**
 * Builds the add-on menu. Runs under AuthMode.NONE when the add-on is not yet
 * used in this document, so it touches no document and no property here.
 */
export function buildMenu(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Help', 'showHelp').addToUi();
}

export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('OKR Sheets', FORMULA_HELP, ui.ButtonSet.OK);
}
