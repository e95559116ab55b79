import type vm from 'node:vm';

/**
 * How an execution was started, which decides what it may touch.
 * - NONE: an add-on's onOpen before the user has used it here: menus only,
 *   no document, no properties (Google's add-on authorization lifecycle).
 * - LIMITED: a bound script or an add-on's onOpen once used: the document, no other files.
 * - FULL: a menu item, a sidebar call, an installable trigger.
 * - CUSTOM_FUNCTION: a cell formula: read-only access to the active spreadsheet, no
 *   service that needs authorisation, no other spreadsheet.
 */
export type RunMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** Counts service calls per `Class.method`, so a test can assert reads and writes. */
export class CallCounter {
  private counts = new Map<string, number>();

  /** `listener` hears each call after it is counted (the runtime's interleaving hook). */
  constructor(private readonly listener?: (name: string) => void) {}

  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.listener?.(name);
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Every count, sorted by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** The sum of the counts whose names match. */
  total(pattern: RegExp): number {
    let sum = 0;
    for (const [name, count] of this.counts) if (pattern.test(name)) sum += count;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }
}

/** The execution a service call belongs to. Services read it to refuse what the mode forbids. */
export interface Execution {
  mode: RunMode;
  /** The signed-in user's address; "" when Google withholds it. */
  user: string;
  /** The spreadsheet the script is bound to / the add-on runs in. */
  activeSpreadsheetId: string | undefined;
  calls: CallCounter;
  /** The vm context the bundle runs in, for values that must belong to its realm. */
  realm: vm.Context | undefined;
}

/** The error Apps Script throws when a mode forbids an action; the message follows Google's. */
export class PermissionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}
