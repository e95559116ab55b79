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
  /** When each running execution must end (virtual ms): Apps Script stops it there. */
  readonly deadlines = new WeakMap<Execution, number>();
  /**
   * The number the next trigger id is made from. It is part of the saved state
   * (Runtime.snapshot): ids of deleted triggers must not come back either.
   */
  nextTriggerNumber = 1;

  constructor(
    readonly settings: WorldSettings,
    now: () => number,
  ) {
    this.clock = new VirtualClock(now);
    this.ui = new UiRecorder(settings.addonName);
  }

  /**
   * Lets virtual time pass inside an execution (a sleep, a lock wait). Passing
   * the execution's time limit ends it as Apps Script does.
   */
  wait(execution: Execution, ms: number): void {
    this.clock.advance(ms);
    const deadline = this.deadlines.get(execution);
    if (deadline !== undefined && this.clock.now() > deadline) throw new ExecutionTimeout();
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

/** Quotas for Google Services: 6 min per execution, 30 s for a custom function or a simple trigger. */
export function timeLimit(mode: RunMode, simpleTrigger: boolean): number {
  return mode === 'CUSTOM_FUNCTION' || simpleTrigger ? 30_000 : 360_000;
}

/** What a service needs: the shared world and the execution the call belongs to. */
export interface Scope {
  world: World;
  execution: Execution;
}

export type { RunMode };
