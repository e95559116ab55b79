// What the services of every execution share. It sits below them: it imports
// records (outbox, triggers) and plain helpers, never a service, so each
// service may import it without a loop.

import type { Execution, RunMode } from '../execution';
import { VirtualClock } from './clock';
import { LockTable } from './lock-table';
import { UiRecorder } from './ui-recorder';
import type { SentMail } from './outbox';
import type { TriggerRecord } from './triggers';

/** Settings of one runtime, fixed when it is made. */
export interface WorldSettings {
  /** The built dist folder: HtmlService reads `<dist>/<name>.html`. */
  dist: string;
  /** appsscript.json's timeZone. */
  scriptTimeZone: string;
  /** Email recipients a day per user (100 for a consumer account, 1,500 for Workspace). */
  mailQuota: number;
  /** The add-on's name: its menu shows under Extensions > this name. */
  addonName: string;
  /** Google's by default; a test shortens them so that reaching one takes milliseconds. */
  timeLimits?: TimeLimits;
}

/** How long an execution may run, in ms: Google's "Quotas for Google Services". */
export interface TimeLimits {
  /** Script runtime: 6 min an execution (a menu item, a sidebar call, a trigger). */
  execution: number;
  /** Custom function runtime: 30 s. */
  customFunction: number;
  /** Simple triggers (onOpen, onEdit): 30 s. */
  simpleTrigger: number;
}

export const GOOGLE_TIME_LIMITS: TimeLimits = { execution: 360_000, customFunction: 30_000, simpleTrigger: 30_000 };

/** When an execution started, on both clocks, and how long it may run. */
interface Timer {
  limit: number;
  startedReal: number;
  startedWaited: number;
}

/**
 * Everything that outlives one execution: stores, the clock, the outbox, the
 * triggers, the locks held. Each execution's services read and write it.
 */
export class World {
  readonly clock: VirtualClock;
  readonly ui: UiRecorder;
  readonly locks = new LockTable();
  /** Property stores by scope key (`script`, `user:<email>`, `document:<id>`). */
  readonly properties = new Map<string, Map<string, string>>();
  /** Caches by the same scope keys. */
  readonly caches = new Map<string, Map<string, { value: string; expires: number }>>();
  readonly outbox: SentMail[] = [];
  /** Recipients used per user, in the 24 h window that began with the first send. */
  readonly mailUsage = new Map<string, { since: number; used: number }>();
  readonly triggers: TriggerRecord[] = [];
  readonly logs: string[] = [];
  /** Authorization status per user; NOT_REQUIRED when absent. */
  readonly authorization = new Map<string, 'REQUIRED' | 'NOT_REQUIRED'>();
  /** Users whose address Google withholds from the script (another domain, consumer accounts). */
  readonly hiddenEmails = new Set<string>();
  readonly locales = new Map<string, string>();
  /** The owner of each spreadsheet: custom formulas read the owner's user properties. */
  readonly owners = new Map<string, string>();
  private readonly timers = new WeakMap<Execution, Timer>();
  /**
   * The number the next trigger id is made from. It is part of the saved state
   * (Runtime.snapshot): ids of deleted triggers must not come back either.
   */
  nextTriggerNumber = 1;

  /**
   * `stopwatch` reads real time in ms (performance.now by default): what the
   * computation of an execution costs it, as much as its waits do.
   */
  constructor(
    readonly settings: WorldSettings,
    now: () => number,
    private readonly stopwatch: () => number = () => performance.now(),
  ) {
    this.clock = new VirtualClock(now);
    this.ui = new UiRecorder(settings.addonName);
  }

  /** The limit of an execution of this mode, after Google's quotas (or the settings'). */
  timeLimit(mode: RunMode, simpleTrigger: boolean): number {
    const limits = this.settings.timeLimits ?? GOOGLE_TIME_LIMITS;
    if (mode === 'CUSTOM_FUNCTION') return limits.customFunction;
    return simpleTrigger ? limits.simpleTrigger : limits.execution;
  }

  /**
   * Starts counting an execution's time against `limit`. Apps Script counts
   * elapsed time: the script's own computation (real time here) and its waits
   * (virtual time here: sleeps and lock waits pass without really sleeping).
   */
  startTimer(execution: Execution, limit: number): void {
    this.timers.set(execution, { limit, startedReal: this.stopwatch(), startedWaited: this.clock.waited() });
  }

  /** Ms of its limit the execution has left (negative past it); undefined when it is not timed. */
  timeLeft(execution: Execution): number | undefined {
    const timer = this.timers.get(execution);
    if (!timer) return undefined;
    const elapsed = this.stopwatch() - timer.startedReal + (this.clock.waited() - timer.startedWaited);
    return timer.limit - elapsed;
  }

  /**
   * Ends the execution once it has used its time, as Apps Script stops it: from
   * then on every service call throws again, so catching the error does not help.
   */
  checkTime(execution: Execution): void {
    const left = this.timeLeft(execution);
    if (left !== undefined && left < 0) throw new ExecutionTimeout();
  }

  /** Lets virtual time pass inside an execution (a sleep, a lock wait); passing its limit ends it. */
  wait(execution: Execution, ms: number): void {
    this.clock.advance(ms);
    this.checkTime(execution);
  }

  /** A new trigger id, never one in use (triggers restored from a saved state keep theirs). */
  newTriggerId(): string {
    // Apps Script trigger ids are long decimal strings.
    const base = 4_000_000_000_000_000;
    const used = this.triggers.reduce((max, t) => Math.max(max, Number(t.uniqueId) - base), 0);
    this.nextTriggerNumber = Math.max(this.nextTriggerNumber, used + 1);
    return String(base + this.nextTriggerNumber++);
  }
}

/** Thrown when an execution runs past its time limit; the executor reports Google's message. */
export class ExecutionTimeout extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'Exception';
  }
}

/** What a service needs: the shared world and the execution the call belongs to. */
export interface Scope {
  world: World;
  execution: Execution;
}

export type { RunMode };
