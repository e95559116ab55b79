import { UserError } from '../okr/errors';

/**
 * Runs a menu action: a UserError is shown as it is, anything else as a short
 * message (the stack goes to the log, never to the person).
 */
export function runAction(title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    if (error instanceof UserError) {
      ui.alert(title, error.message, ui.ButtonSet.OK);
      return;
    }
    console.error(error);
    const detail = error instanceof Error ? error.message : String(error);
    ui.alert(title, `OKR Sheets could not finish: ${detail}`, ui.ButtonSet.OK);
  }
}

/**
 * Runs `work` holding the document lock, so two people cannot set up or save
 * at once; changes are flushed before the lock is released.
 */
export function withDocumentLock<T>(
  work: () => T,
  waitMs = 20_000,
  busy = 'Someone else is changing this workbook with OKR Sheets right now. Nothing was changed: please try again in a minute.',
): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) throw new UserError(busy);
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
