import { CacheServiceImpl } from './cache';
import { HtmlServiceImpl } from './html';
import { LockServiceImpl } from './lock';
import { LoggerImpl, createConsole } from './logger';
import { MailAppImpl } from './mail';
import { PropertiesServiceImpl } from './properties';
import { scriptError } from './realm';
import { ScriptAppImpl } from './script-app';
import { SessionImpl } from './session';
import { UiImpl } from './ui';
import { UtilitiesImpl } from './utilities';
import type { Scope } from './world';
import { standIn } from '../stand-in';

export { World, ExecutionTimeout, GOOGLE_TIME_LIMITS, type Scope, type TimeLimits, type WorldSettings } from './world';
export {
  UiRecorder,
  type DialogRecord,
  type MenuEntry,
  type RecordedMenu,
  type ScriptedAnswer,
  type ButtonName,
  type AskedDialog,
} from './ui-recorder';
export type { SentMail } from './outbox';
export type { TriggerRecord, ClockSchedule, TriggerEventType } from './triggers';
export { lockKey, LOCK_TIMEOUT_MESSAGE, type LockKind } from './lock';
export { QUOTA_MESSAGE, RECIPIENTS_PER_MESSAGE_MESSAGE } from './mail';
export { formatDate, zoneFields, weekOfYear } from './format-date';
export { formatString } from './format-string';
export { AuthMode } from './enums';
export { userObject } from './session';
export { intoRealm, scriptError } from './realm';

/**
 * The Ui of one execution, for SpreadsheetApp.getUi(). Custom formulas have no
 * user interface: Apps Script refuses getUi there.
 */
export function createUi(scope: Scope): () => GoogleAppsScript.Base.Ui {
  let ui: UiImpl | undefined;
  return () => {
    if (scope.execution.mode === 'CUSTOM_FUNCTION')
      throw scriptError(scope.execution, 'Cannot call SpreadsheetApp.getUi() from this context.');
    // UiImpl leaves out only the deprecated showDialog.
    return standIn<GoogleAppsScript.Base.Ui>((ui ??= new UiImpl(scope)));
  };
}

/** The global service objects of one execution, SpreadsheetApp aside (the spreadsheet side makes it). */
export function createServices(scope: Scope): Record<string, unknown> {
  return {
    HtmlService: new HtmlServiceImpl(scope),
    PropertiesService: new PropertiesServiceImpl(scope),
    CacheService: new CacheServiceImpl(scope),
    LockService: new LockServiceImpl(scope),
    Session: new SessionImpl(scope),
    Utilities: new UtilitiesImpl(scope),
    MailApp: new MailAppImpl(scope),
    ScriptApp: new ScriptAppImpl(scope),
    Logger: new LoggerImpl(scope),
    console: createConsole(scope),
  };
}
