// A world and an execution without the bundle or the spreadsheet side, so the
// services can be tested on their own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CallCounter, World, createServices, createUi, type Execution, type Scope, type WorldSettings } from '../../dev/runtime/index';

export const START = Date.UTC(2026, 10, 30, 9, 0, 0);

export function makeWorld(settings: Partial<WorldSettings> = {}): World {
  return new World({ dist: tempDist(), scriptTimeZone: 'Etc/UTC', mailQuota: 100, addonName: 'OKR Sheets', ...settings }, () => START);
}

export function makeScope(world: World, execution: Partial<Execution> = {}): Scope {
  return {
    world,
    execution: {
      mode: 'FULL',
      user: 'ana@example.com',
      activeSpreadsheetId: 'sheet-1',
      calls: new CallCounter(),
      realm: undefined,
      ...execution,
    },
  };
}

export interface Services {
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Logger: GoogleAppsScript.Base.Logger;
  console: Console;
  ui: () => GoogleAppsScript.Base.Ui;
}

/** The services of one execution, typed as the bundle sees them. */
export function servicesFor(scope: Scope): Services {
  return { ...(createServices(scope) as unknown as Omit<Services, 'ui'>), ui: createUi(scope) };
}

/** A dist folder with one HTML file. */
export function tempDist(files: Record<string, string> = { Sidebar: '<p>Check-in</p>' }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-dist-'));
  for (const [name, html] of Object.entries(files)) fs.writeFileSync(path.join(dir, `${name}.html`), html);
  return dir;
}
