/** Who holds each lock: an execution (by identity) or a named holder a test set. */
export type LockOwner = object | string;

interface Hold {
  owner: LockOwner;
  /** When a test's hold ends by itself (virtual ms); undefined: until released. */
  until: number | undefined;
}

/**
 * The runtime's lock holders. Executions run one at a time, so another holder is
 * an earlier execution that never released (impossible: locks end with their
 * execution) or a holder a test put there.
 */
export class LockTable {
  private holds = new Map<string, Hold>();

  /** The current holder at a time, dropping a test hold that has ended. */
  holder(key: string, now: number): LockOwner | undefined {
    const hold = this.holds.get(key);
    if (hold && hold.until !== undefined && hold.until <= now) {
      this.holds.delete(key);
      return undefined;
    }
    return hold?.owner;
  }

  /** When the current hold ends by itself, if it does. */
  endsAt(key: string): number | undefined {
    return this.holds.get(key)?.until;
  }

  take(key: string, owner: LockOwner, until?: number): void {
    this.holds.set(key, { owner, until });
  }

  release(key: string, owner: LockOwner): void {
    if (this.holds.get(key)?.owner === owner) this.holds.delete(key);
  }

  /** Apps Script releases an execution's locks when it ends. */
  releaseAll(owner: LockOwner): void {
    for (const [key, hold] of this.holds) if (hold.owner === owner) this.holds.delete(key);
  }

  keys(): string[] {
    return [...this.holds.keys()];
  }
}
