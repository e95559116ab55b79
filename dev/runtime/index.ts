import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type vm from 'node:vm';
import { CallCounter, type Execution, type RunMode } from './execution';
import { Executor } from './executor';
import {
  AuthMode,
  GOOGLE_TIME_LIMITS,
  World,
  createServices,
  createUi,
  ExecutionTimeout,
  lockKey,
  userObject,
  type LockKind,
  type Scope,
  type ScriptedAnswer,
  type SentMail,
  type TimeLimits,
  type TriggerRecord,
  type UiRecorder,
} from './services/index';
import { customResult } from './services/custom-result';
import { callFromPage, type ScriptRunReply } from './services/script-run';
import { clockFields, stringValue } from './services/events';
import { intoRealm, realmObject } from './services/realm';
import { SpreadsheetStore, createCharts, createSpreadsheetApp, type UserEditResult } from './spreadsheet/index';
import { STATE_FORMAT, applyWorld, readWorld, record, snapshotWorld, type RuntimeState } from './state';

// The runtime's public surface: tests, benchmarks and the playground import
// from this file only, so the modules behind it can move freely.

// The whole runtime: the Runtime class below runs the built bundle, and these
// are what it takes, reports and saves.
export type { RunMode } from './execution';
export { customResult } from './services/custom-result';
export type { EditCheck, UserEditResult } from './spreadsheet/index';
export { STATE_FORMAT, type RuntimeState, type SavedMail, type SavedTrigger } from './state';
export type {
  AskedDialog,
  DialogRecord,
  MenuEntry,
  RecordedMenu,
  ScriptedAnswer,
  SentMail,
  TriggerRecord,
  LockKind,
  UiRecorder,
} from './services/index';

// google.script.run, both ends: what may cross, the page's runner, the server's side.
export {
  callFromPage,
  checkTransferable,
  scriptRunPageScript,
  type Direction,
  type ScriptRunReply,
  type ScriptRunSend,
  type Transfer,
} from './services/script-run';

// One execution, for tests that drive a part without the bundle: the call
// counter a SpreadsheetApp or a service counts into, and the error a run mode raises.
export { CallCounter, PermissionError, type Execution } from './execution';

// The spreadsheets alone: the store, a SpreadsheetApp over it (spreadsheet and
// add-on tests, benchmarks, the playground's workbooks).
export {
  CHART_FOREIGN_RANGE,
  CHART_NOT_ON_SHEET,
  SpreadsheetStore,
  createCharts,
  createSpreadsheetApp,
  type CellValue,
  type ChartSeries,
  type ChartView,
  type SparklineDrawing,
  type StoreOptions,
} from './spreadsheet/index';

// The services alone: the world they share and the globals of one execution.
export {
  World,
  createServices,
  createUi,
  GOOGLE_TIME_LIMITS,
  QUOTA_MESSAGE,
  RECIPIENTS_PER_MESSAGE_MESSAGE,
  LOCK_TIMEOUT_MESSAGE,
  type Scope,
  type TimeLimits,
  type WorldSettings,
} from './services/index';

// The bundle's runner alone.
export { Executor } from './executor';

// The formula engine alone, with a context a test fakes.
export { evaluateFormula, FormulaError, referencedRanges, type FormulaContext, type FormulaValue, type RangeRef } from './formula/index';

// A1 notation, and how Sheets reads typed text and shows a value under a number format.
export { columnLetter, parseA1 } from './a1';
export { parseInput } from './spreadsheet/input';
export { displayValue, formatGeneral } from './spreadsheet/number-format';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The user a run acts as when a test names none. */
export const DEFAULT_USER = 'user@example.com';

export interface RuntimeOptions {
  /** The built add-on; default `<repo>/dist`. */
  dist?: string;
  /** The clock's start (it then moves only when told or when a service waits). */
  now?: Date | (() => Date);
  /** Email recipients a day per user; default 100 (a consumer account). */
  mailQuota?: number;
  /** Default: dist/appsscript.json's timeZone. */
  scriptTimeZone?: string;
  /** The add-on's name, shown as Extensions > name; default "OKR Sheets". */
  addonName?: string;
  /**
   * How long an execution may run (ms), counting its computation and its
   * waits: Google's 6 min, and 30 s for a custom function or a simple trigger,
   * unless a test shortens them so that reaching one takes milliseconds.
   */
  timeLimits?: Partial<TimeLimits>;
}

export interface RunOptions {
  spreadsheetId?: string;
  user?: string;
  /** Default FULL: a menu item, a sidebar call. */
  mode?: RunMode;
  args?: unknown[];
}

interface ExecuteRequest {
  functionName: string;
  spreadsheetId: string | undefined;
  user: string;
  mode: RunMode;
  args?: unknown[];
  /** Builds the event object in the realm, with the execution's SpreadsheetApp at hand. */
  event?: (tools: EventTools) => Record<string, unknown>;
  optional?: boolean;
  ignoreCase?: boolean;
  /** onOpen and onEdit run as simple triggers: 30 s, not 6 min. */
  simpleTrigger?: boolean;
}

export interface EventTools {
  realm: vm.Context;
  /** The active spreadsheet, fetched without counting a call (Apps Script builds events itself). */
  source(): unknown;
  /** Runs a SpreadsheetApp lookup without counting it. */
  uncounted<T>(read: (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => T): T;
}

/**
 * The local Apps Script runtime: in-memory spreadsheets, the services, and the
 * built bundle run in a fresh context per execution.
 */
export class Runtime {
  /** Replaced as a whole by restore(). */
  private spreadsheets: SpreadsheetStore;
  /** Service calls of all executions. */
  readonly calls = new CallCounter();
  /** The counts of the last execution alone. */
  lastCalls: Record<string, number> = {};
  /** How many custom formula executions ran. */
  customFunctionCalls = 0;
  readonly world: World;
  private executor: Executor;
  private customNames: Set<string> | undefined;

  constructor(options: RuntimeOptions = {}) {
    const dist = options.dist ?? path.join(ROOT, 'dist');
    const now = options.now;
    const base = now === undefined ? () => Date.now() : typeof now === 'function' ? () => now().getTime() : () => now.getTime();
    this.world = new World(
      {
        dist,
        scriptTimeZone: options.scriptTimeZone ?? manifestTimeZone(dist),
        mailQuota: options.mailQuota ?? 100,
        addonName: options.addonName ?? 'OKR Sheets',
        timeLimits: { ...GOOGLE_TIME_LIMITS, ...options.timeLimits },
      },
      base,
    );
    if (now instanceof Date) this.world.clock.set(now);
    this.executor = new Executor(path.join(dist, 'Code.js'));
    this.spreadsheets = new SpreadsheetStore({
      customFunctions: (id, name, args) => this.runCustomFunction(id, name, args),
      now: () => new Date(this.world.clock.now()),
      isCustomFunction: (name) => this.isCustomFunction(name),
    });
  }

  /** The spreadsheets. */
  get store(): SpreadsheetStore {
    return this.spreadsheets;
  }

  /**
   * Everything that outlives the runtime, as plain JSON: the spreadsheets,
   * properties, triggers, outbox, mail quota used and what it keeps about users
   * (see state.ts for what is left out and why).
   */
  snapshot(): RuntimeState {
    return { format: STATE_FORMAT, store: this.spreadsheets.toJSON(), ...snapshotWorld(this.world) };
  }

  /**
   * Puts a snapshot's state in place of this runtime's. The whole state is
   * checked first: on an Error (which names the part at fault) nothing changed.
   */
  restore(state: RuntimeState): void {
    const root = record(state, 'The runtime state');
    if (root.format !== STATE_FORMAT) throw new Error(`format must be "${STATE_FORMAT}"`);
    const parts = readWorld(root);
    let store: SpreadsheetStore;
    try {
      store = SpreadsheetStore.fromJSON(root.store, this.spreadsheets.options);
    } catch (error) {
      throw new Error(`store: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    this.spreadsheets = store;
    applyWorld(this.world, parts);
    this.world.owners.clear();
    for (const id of store.ids()) this.world.owners.set(id, store.doc(id).owner);
  }

  get outbox(): SentMail[] {
    return this.world.outbox;
  }

  get ui(): UiRecorder {
    return this.world.ui;
  }

  get triggers(): readonly TriggerRecord[] {
    return this.world.triggers;
  }

  get logs(): string[] {
    return this.world.logs;
  }

  /** A new spreadsheet; its owner defaults to DEFAULT_USER. */
  createSpreadsheet(options: { name: string; id?: string; timeZone?: string; locale?: string; sheets?: string[]; owner?: string }): string {
    const owner = options.owner ?? DEFAULT_USER;
    const id = this.store.create({ ...options, owner });
    this.world.owners.set(id, owner);
    return id;
  }

  /**
   * A person clicks "Allow access" on an IMPORTRANGE cell that shows #REF! "You
   * need to connect these sheets.": from now on `importingId` may import from
   * `sourceId`, for everyone who uses it, as Google's IMPORTRANGE help page says
   * (store.cell(...).needsAccessTo names the source a cell waits on). Throws,
   * changing nothing, when the person cannot edit the importing spreadsheet or
   * cannot open the source ("You don't have permissions to access that sheet.").
   */
  allowImport(importingId: string, sourceId: string, user = DEFAULT_USER): void {
    this.store.allowImport(importingId, sourceId, user);
  }

  /** Runs a global function of the bundle and returns its value; throws what the script threw. */
  run<T = unknown>(functionName: string, options: RunOptions = {}): T {
    if (options.spreadsheetId !== undefined && !this.store.has(options.spreadsheetId)) {
      throw new Error(`No spreadsheet with id ${options.spreadsheetId}`);
    }
    return this.execute({
      functionName,
      spreadsheetId: options.spreadsheetId,
      user: options.user ?? DEFAULT_USER,
      mode: options.mode ?? 'FULL',
      args: options.args ?? [],
    }) as T;
  }

  /**
   * A call from a sidebar or dialog through google.script.run: the function runs
   * in FULL mode unless told otherwise, and its arguments and value cross as
   * Google allows (services/script-run.ts); a refusal or a thrown error comes
   * back as the reply the page's failure handler gets. Never throws.
   */
  runFromPage(functionName: string, options: RunOptions = {}): ScriptRunReply {
    return callFromPage((name, args) => this.run(name, { ...options, args }), functionName, options.args ?? []);
  }

  /**
   * The document opens for a user, as Sheets does it: the script menus go, the
   * simple onOpen(e) runs (NONE when the add-on is not yet used in this document,
   * LIMITED once it is), then the installable open triggers run as their owners.
   */
  open(spreadsheetId: string, options: { user?: string; mode?: 'NONE' | 'LIMITED' | 'FULL' } = {}): void {
    const user = options.user ?? DEFAULT_USER;
    const mode = options.mode ?? 'LIMITED';
    this.world.ui.clearMenus(spreadsheetId, user);
    this.execute({
      functionName: 'onOpen',
      spreadsheetId,
      user,
      mode,
      optional: true,
      simpleTrigger: true,
      event: (tools) => this.simpleEvent(tools, mode, user),
    });
    for (const trigger of this.triggersFor(spreadsheetId, 'ON_OPEN'))
      this.fireTrigger(trigger.uniqueId, { user: this.activeUser(user, trigger.user) });
  }

  /** The add-on is installed from the store: onInstall(e) runs in FULL mode; its menu shows for this user. */
  install(spreadsheetId: string, user = DEFAULT_USER): void {
    this.execute({
      functionName: 'onInstall',
      spreadsheetId,
      user,
      mode: 'FULL',
      optional: true,
      // The install event holds authMode alone (AddonOnInstall); onInstall(e) usually passes it to onOpen(e).
      event: () => ({ authMode: AuthMode.FULL }),
    });
  }

  /**
   * A user types into a cell. When Sheets accepts the edit, the simple onEdit(e)
   * runs (LIMITED), then the installable edit triggers run as their owners.
   * `confirmed`: the user already answered the "Edit anyway?" that
   * store.checkEdit asks for a warning-only protection, so it is not repeated.
   */
  edit(
    spreadsheetId: string,
    sheet: string,
    a1: string,
    input: string,
    user = DEFAULT_USER,
    options: { confirmed?: boolean } = {},
  ): UserEditResult {
    const before = this.store.cell(spreadsheetId, sheet, a1);
    const result = this.store.userEdit(spreadsheetId, sheet, a1, input, user, options);
    if (!result.ok) return result;
    const after = this.store.cell(spreadsheetId, sheet, a1);
    const editFields = (tools: EventTools): Record<string, unknown> => ({
      range: tools.uncounted((app) => app.getActiveSpreadsheet().getSheetByName(sheet)?.getRange(a1)),
      value: stringValue(after.value),
      oldValue: stringValue(before.value),
    });
    this.execute({
      functionName: 'onEdit',
      spreadsheetId,
      user,
      mode: 'LIMITED',
      optional: true,
      simpleTrigger: true,
      event: (tools) => ({ ...this.simpleEvent(tools, 'LIMITED', user), ...editFields(tools) }),
    });
    for (const trigger of this.triggersFor(spreadsheetId, 'ON_EDIT')) {
      this.fireTrigger(trigger.uniqueId, (tools) => ({ ...editFields(tools), user: this.activeUser(user, trigger.user) }));
    }
    return result;
  }

  /**
   * Fires an installable trigger: its handler runs in FULL mode as the user who
   * created it, even when that user's authorization has lapsed (the handler must
   * check ScriptApp.getAuthorizationInfo), with the event object Apps Script passes.
   */
  fireTrigger(uniqueId: string, extra?: Record<string, unknown> | ((tools: EventTools) => Record<string, unknown>)): unknown {
    const trigger = this.world.triggers.find((t) => t.uniqueId === uniqueId);
    if (!trigger) throw new Error(`No trigger with id ${uniqueId}`);
    return this.execute({
      functionName: trigger.handlerFunction,
      spreadsheetId: trigger.spreadsheetId,
      user: trigger.user,
      mode: 'FULL',
      event: (tools) => {
        const base: Record<string, unknown> = { authMode: AuthMode.FULL, triggerUid: trigger.uniqueId };
        if (trigger.eventType === 'CLOCK') Object.assign(base, clockFields(this.world.clock.now(), trigger.timeZone));
        else Object.assign(base, { user: userObject(trigger.user), source: tools.source() });
        if (trigger.eventType === 'ON_CHANGE') base.changeType = 'OTHER';
        const more = typeof extra === 'function' ? extra(tools) : (intoRealm(extra ?? {}, tools.realm) as Record<string, unknown>);
        return { ...base, ...more };
      },
    });
  }

  /** Queues the scripted user's answers to the next alerts and prompts. */
  answer(...answers: ScriptedAnswer[]): void {
    this.world.ui.answer(...answers);
  }

  /**
   * Another process takes a lock (document: key is the spreadsheet id; user: the
   * email; script: no key). It holds it until the returned function is called,
   * or for `durationMs` of virtual time when given.
   */
  holdLock(kind: LockKind, key = '', owner = 'another process', durationMs?: number): () => void {
    const lock = lockKey(kind, key);
    const until = durationMs === undefined ? undefined : this.world.clock.now() + durationMs;
    this.world.locks.take(lock, owner, until);
    return () => this.world.locks.release(lock, owner);
  }

  setClock(date: Date): void {
    this.world.clock.set(date);
  }

  advance(ms: number): void {
    this.world.clock.advance(ms);
  }

  now(): Date {
    return new Date(this.world.clock.now());
  }

  /** Google withholds this user's address from the script (Session.getActiveUser().getEmail() is ""). */
  setUserEmailHidden(user: string, hidden: boolean): void {
    if (hidden) this.world.hiddenEmails.add(user);
    else this.world.hiddenEmails.delete(user);
  }

  /** What ScriptApp.getAuthorizationInfo reports for this user. */
  setAuthorization(user: string, status: 'REQUIRED' | 'NOT_REQUIRED'): void {
    this.world.authorization.set(user, status);
  }

  setLocale(user: string, locale: string): void {
    this.world.locales.set(user, locale);
  }

  private triggersFor(spreadsheetId: string, type: TriggerRecord['eventType']): TriggerRecord[] {
    return this.world.triggers.filter((t) => t.eventType === type && t.triggerSourceId === spreadsheetId);
  }

  /**
   * The event's user when someone else's installable trigger fires: the person
   * acting, whose address Google may withhold from the trigger's owner.
   */
  private activeUser(actor: string, owner: string): GoogleAppsScript.Base.User {
    return userObject(actor === owner || !this.world.hiddenEmails.has(actor) ? actor : '');
  }

  /** onOpen/onEdit's event: authMode, the user, and the document except under NONE. */
  private simpleEvent(tools: EventTools, mode: RunMode, user: string): Record<string, unknown> {
    const hidden = mode === 'NONE' || this.world.hiddenEmails.has(user);
    const event: Record<string, unknown> = { authMode: AuthMode[mode as keyof typeof AuthMode], user: userObject(hidden ? '' : user) };
    if (mode !== 'NONE') event.source = tools.source();
    return event;
  }

  /** A custom formula: the bundle runs in CUSTOM_FUNCTION mode, its result made a cell value or rows. */
  private runCustomFunction(spreadsheetId: string, name: string, args: unknown[]): unknown {
    this.customFunctionCalls++;
    const result = this.execute({ functionName: name, spreadsheetId, user: '', mode: 'CUSTOM_FUNCTION', args, ignoreCase: true });
    return customResult(result);
  }

  /** Whether the bundle defines a global function of that name (Sheets matches names in any case). */
  private isCustomFunction(name: string): boolean {
    if (name.endsWith('_')) return false;
    if (!this.customNames) {
      try {
        const scope = this.scope({ mode: 'NONE', user: '', activeSpreadsheetId: undefined, calls: new CallCounter(), realm: undefined });
        this.customNames = new Set(this.executor.functionNames(() => this.globals(scope)).map((n) => n.toUpperCase()));
      } catch {
        return true;
      }
    }
    return this.customNames.has(name.toUpperCase());
  }

  private scope(execution: Execution): Scope {
    return { world: this.world, execution };
  }

  private globals(scope: Scope): Record<string, unknown> {
    return {
      ...createServices(scope),
      SpreadsheetApp: createSpreadsheetApp(this.store, scope.execution, createUi(scope)),
      Charts: createCharts(),
    };
  }

  /**
   * Called after every service call of every execution, with the call's name.
   * A test can start another execution from here: it then runs between two
   * service calls of this one, as concurrent executions interleave in Apps Script.
   */
  onServiceCall: ((name: string, functionName: string) => void) | undefined;

  private execute(request: ExecuteRequest): unknown {
    const execution: Execution = {
      mode: request.mode,
      user: request.user,
      activeSpreadsheetId: request.spreadsheetId,
      calls: new CallCounter((name) => {
        this.onServiceCall?.(name, request.functionName);
        // Every service call is a point where Apps Script may find the execution over its time.
        this.world.checkTime(execution);
      }),
      realm: undefined,
    };
    const scope = this.scope(execution);
    this.world.startTimer(execution, this.world.timeLimit(request.mode, request.simpleTrigger ?? false));
    let app: GoogleAppsScript.Spreadsheet.SpreadsheetApp | undefined;
    const uncounted = <T>(read: (a: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => T): T => {
      const calls = execution.calls;
      execution.calls = new CallCounter();
      try {
        return read(app!);
      } finally {
        execution.calls = calls;
      }
    };
    const { event } = request;
    try {
      const result = this.executor.run({
        functionName: request.functionName,
        now: () => this.world.clock.now(),
        timeLeft: () => this.world.timeLeft(execution),
        args: request.args,
        optional: request.optional,
        ignoreCase: request.ignoreCase,
        globals: (realm) => {
          execution.realm = realm;
          const globals = this.globals(scope);
          app = globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
          return globals;
        },
        realmArgs: event
          ? (realm) => [realmObject(execution, event({ realm, uncounted, source: () => uncounted((a) => a.getActiveSpreadsheet()) }))]
          : undefined,
      });
      // Finished, but past its limit: Apps Script would have stopped it before it could answer.
      this.world.checkTime(execution);
      return result;
    } catch (error) {
      const stopped = (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT' || (this.world.timeLeft(execution) ?? 1) < 0;
      throw stopped ? new ExecutionTimeout() : error;
    } finally {
      this.world.locks.releaseAll(execution);
      this.lastCalls = execution.calls.snapshot();
      for (const [name, count] of Object.entries(this.lastCalls)) for (let i = 0; i < count; i++) this.calls.count(name);
    }
  }
}

function manifestTimeZone(dist: string): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8')) as { timeZone?: string };
    return manifest.timeZone ?? 'Etc/UTC';
  } catch {
    return 'Etc/UTC';
  }
}
