import fs from 'node:fs';
import vm from 'node:vm';
import { intoRealm } from './services/realm';

/**
 * A Date for the bundle's realm whose `new Date()` and `Date.now()` read the
 * runtime's clock. It shares the realm's Date.prototype, so every date of the
 * realm is `instanceof Date`, whoever made it.
 */
const CLOCK_DATE = `(function (now) {
  var NativeDate = Date;
  function ClockDate() {
    if (!new.target) return new NativeDate(now()).toString();
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(NativeDate, args, new.target);
  }
  ClockDate.prototype = NativeDate.prototype;
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  ClockDate.now = function () { return now(); };
  ClockDate.parse = NativeDate.parse;
  ClockDate.UTC = NativeDate.UTC;
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  return ClockDate;
})`;

export interface RunRequest {
  functionName: string;
  /** The globals of this execution: the services, and nothing of Node. */
  globals: (realm: vm.Context) => Record<string, unknown>;
  /** The runtime's clock, in ms since the epoch. */
  now: () => number;
  /** Arguments from Node; Dates, arrays and plain objects are copied into the realm. */
  args?: unknown[];
  /** Arguments built in the realm (event objects holding service objects). */
  realmArgs?: (realm: vm.Context) => unknown[];
  /** Sheets finds a custom formula by name whatever its case. */
  ignoreCase?: boolean;
  /** When the function is absent, return undefined instead of failing (simple triggers are optional). */
  optional?: boolean;
  /** Called with the fresh context before the bundle's top level runs. */
  onContext?: (realm: vm.Context) => void;
  /**
   * Ms of real time the execution has left: the bundle's code is stopped there
   * even when it calls no service (a loop that never ends), as Apps Script
   * stops it, with an error whose code is ERR_SCRIPT_EXECUTION_TIMEOUT.
   */
  timeLeft?: () => number | undefined;
}

/** The name the function call runs under in the context, for the moment of the call. */
const CALL = '__appsScriptRuntimeCall__';
const CALL_SCRIPT = new vm.Script(`${CALL}()`, { filename: 'Code.js' });

/**
 * Runs functions of the built bundle as Apps Script does: each execution in a
 * fresh context holding only the Apps Script globals, the bundle's top level run
 * first, then the named function.
 */
export class Executor {
  private script: vm.Script | undefined;

  constructor(private codePath: string) {}

  /** Compiled once, on first use, and reused by every execution. */
  private compiled(): vm.Script {
    this.script ??= new vm.Script(fs.readFileSync(this.codePath, 'utf8'), { filename: 'Code.js' });
    return this.script;
  }

  run(request: RunRequest): unknown {
    const script = this.compiled();
    const context = vm.createContext({});
    const makeDate = vm.runInContext(CLOCK_DATE, context) as (now: () => number) => DateConstructor;
    Object.assign(context, request.globals(context), { Date: makeDate(request.now) });
    request.onContext?.(context);
    // The top level, then the function: one execution, under one time limit.
    const body = (): unknown => {
      script.runInContext(context);
      const fn = this.find(context, request);
      if (fn === undefined) return undefined;
      const args = request.realmArgs ? request.realmArgs(context) : (request.args ?? []).map((arg) => intoRealm(arg, context));
      return fn(...args);
    };
    try {
      const left = request.timeLeft?.();
      if (left === undefined) return body();
      // Run from inside the context, so vm's timeout covers it all; vm wants a whole number of ms, at least 1.
      Object.defineProperty(context, CALL, { value: body, configurable: true });
      try {
        return CALL_SCRIPT.runInContext(context, { timeout: Math.max(1, Math.ceil(left)) });
      } finally {
        delete (context as Record<string, unknown>)[CALL];
      }
    } catch (error) {
      throw toNodeError(error);
    }
  }

  /**
   * The names of the global functions the bundle defines (its top level run
   * once in a scratch context), for telling Sheets which custom formulas exist.
   */
  functionNames(globals: (realm: vm.Context) => Record<string, unknown>): string[] {
    const context = vm.createContext({});
    Object.assign(context, globals(context));
    const before = new Set(Object.keys(context));
    this.compiled().runInContext(context);
    const all = context as Record<string, unknown>;
    return Object.keys(all).filter((key) => !before.has(key) && typeof all[key] === 'function');
  }

  private find(context: vm.Context, request: RunRequest): ((...args: unknown[]) => unknown) | undefined {
    const { functionName } = request;
    const globals = context as Record<string, unknown>;
    let name: string | undefined = functionName;
    if (request.ignoreCase && typeof globals[functionName] !== 'function') {
      name = Object.keys(globals).find((key) => key.toUpperCase() === functionName.toUpperCase() && typeof globals[key] === 'function');
    }
    const fn = name === undefined ? undefined : globals[name];
    // Functions ending in "_" are private in Apps Script: nothing outside the script may call them.
    if (typeof fn !== 'function' || functionName.endsWith('_')) {
      if (request.optional) return undefined;
      throw new Error(`Script function not found: ${functionName}`);
    }
    return fn as (...args: unknown[]) => unknown;
  }
}

/** The bundle's errors belong to its realm; tests and callers get a Node Error with the same name and message. */
export function toNodeError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const source = error as { name?: unknown; message: unknown; stack?: unknown };
    const copy = new Error(String(source.message));
    if (typeof source.name === 'string') copy.name = source.name;
    if (typeof source.stack === 'string') copy.stack = source.stack;
    return copy;
  }
  return new Error(String(error));
}
