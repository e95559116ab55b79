import type { RunMode } from '../execution';
import { scriptError } from './realm';
import type { Scope } from './world';

/**
 * What a call needs, after Google's authorization lifecycle for add-ons and the
 * custom functions guide (developers.google.com/apps-script/guides/sheets/functions,
 * "Using Apps Script services": a custom function may call Cache, HTML, JDBC,
 * Language, Lock, Maps, Properties, Spreadsheet (read only), URL Fetch,
 * Utilities and XML, and "If your custom function throws the error message
 * You do not have permission to call X service., the service requires user
 * authorization and thus can't be used in a custom function"):
 * - free: works everywhere (Utilities, HtmlService, enums);
 * - unlisted: needs no consent, but is not in that table (Session, Logger,
 *   ScriptApp's information): everywhere but a custom function;
 * - menu: Ui menus, the one thing AuthMode.NONE allows;
 * - dialog: alerts, prompts, sidebars (not in NONE);
 * - storage: Properties, Cache, Lock (not in NONE; custom functions may use them);
 * - authorized: services needing the user's consent (MailApp, triggers): FULL only.
 */
export type Need = 'free' | 'unlisted' | 'menu' | 'dialog' | 'storage' | 'authorized';

const ALLOWED: Record<Need, readonly RunMode[]> = {
  free: ['NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION'],
  unlisted: ['NONE', 'LIMITED', 'FULL'],
  menu: ['NONE', 'LIMITED', 'FULL'],
  dialog: ['LIMITED', 'FULL'],
  storage: ['LIMITED', 'FULL', 'CUSTOM_FUNCTION'],
  authorized: ['FULL'],
};

/**
 * Counts a call as `Class.method` and refuses it when the mode forbids it, with
 * Apps Script's wording ("You do not have permission to call X. Required permissions: scope").
 */
export function enter(scope: Scope, name: string, need: Need, requiredScope?: string): void {
  scope.execution.calls.count(name);
  if (ALLOWED[need].includes(scope.execution.mode)) return;
  const required = requiredScope ? ` Required permissions: https://www.googleapis.com/auth/${requiredScope}` : '';
  throw scriptError(scope.execution, `You do not have permission to call ${name}.${required}`);
}

/** Byte length as Google measures its size limits (UTF-8). */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
