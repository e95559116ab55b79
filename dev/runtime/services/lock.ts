import { enter } from './guard';
import { scriptError } from './realm';
import type { Scope } from './world';

/** Google's message when waitLock times out. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export type LockKind = 'document' | 'script' | 'user';

export function lockKey(kind: LockKind, key = ''): string {
  return kind === 'script' ? 'script' : `${kind}:${key}`;
}

/**
 * A mutual-exclusion lock owned by its execution. While another holder has it,
 * tryLock/waitLock wait on the virtual clock: until the holder's hold ends (a
 * test can make a hold end after some time) or until the timeout passes.
 */
export class LockImpl implements GoogleAppsScript.Lock.Lock {
  constructor(
    private scope: Scope,
    private key: string,
  ) {}

  hasLock(): boolean {
    enter(this.scope, 'Lock.hasLock', 'storage');
    const { world, execution } = this.scope;
    return world.locks.holder(this.key, world.clock.now()) === execution;
  }

  tryLock(timeoutInMillis: number): boolean {
    enter(this.scope, 'Lock.tryLock', 'storage');
    return this.acquire(Number(timeoutInMillis) || 0);
  }

  waitLock(timeoutInMillis: number): void {
    enter(this.scope, 'Lock.waitLock', 'storage');
    if (!this.acquire(Number(timeoutInMillis) || 0)) throw scriptError(this.scope.execution, LOCK_TIMEOUT_MESSAGE);
  }

  /** No effect when this execution does not hold the lock. */
  releaseLock(): void {
    enter(this.scope, 'Lock.releaseLock', 'storage');
    this.scope.world.locks.release(this.key, this.scope.execution);
  }

  private acquire(timeout: number): boolean {
    const { world, execution } = this.scope;
    const { locks, clock } = world;
    const holder = locks.holder(this.key, clock.now());
    if (holder === undefined || holder === execution) {
      locks.take(this.key, execution);
      return true;
    }
    const ends = locks.endsAt(this.key);
    if (ends !== undefined && ends - clock.now() <= timeout) {
      world.wait(execution, ends - clock.now());
      locks.take(this.key, execution);
      return true;
    }
    world.wait(execution, Math.max(0, timeout));
    return false;
  }
}

export class LockServiceImpl implements GoogleAppsScript.Lock.LockService {
  constructor(private scope: Scope) {}

  /** null when the script runs outside a document (the reference page's rule). */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    enter(this.scope, 'LockService.getDocumentLock', 'storage');
    const id = this.scope.execution.activeSpreadsheetId;
    return (id === undefined ? null : new LockImpl(this.scope, lockKey('document', id))) as GoogleAppsScript.Lock.Lock;
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    enter(this.scope, 'LockService.getScriptLock', 'storage');
    return new LockImpl(this.scope, lockKey('script'));
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    enter(this.scope, 'LockService.getUserLock', 'storage');
    return new LockImpl(this.scope, lockKey('user', this.scope.execution.user));
  }
}
