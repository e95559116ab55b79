import crypto from 'node:crypto';
import { enter } from './guard';
import type { Scope } from './world';

class UserImpl implements GoogleAppsScript.Base.User {
  constructor(private email: string) {}

  getEmail(): string {
    return this.email;
  }

  /** Deprecated in Apps Script; the address, as it returned. */
  getUserLoginId(): string {
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

export function userObject(email: string): GoogleAppsScript.Base.User {
  return new UserImpl(email);
}

/**
 * Session. The active user's address is "" when Google withholds it (the
 * runtime marks such users) and under AuthMode.NONE. A custom formula may not
 * call Session at all: it is not in the custom functions guide's table of the
 * services they may use (guard.ts). The deprecated getTimeZone and getUser are left out.
 */
export class SessionImpl implements Omit<GoogleAppsScript.Base.Session, 'getTimeZone' | 'getUser'> {
  constructor(private scope: Scope) {}

  private activeEmail(): string {
    const { execution, world } = this.scope;
    if (execution.mode === 'NONE') return '';
    return world.hiddenEmails.has(execution.user) ? '' : execution.user;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    enter(this.scope, 'Session.getActiveUser', 'unlisted', 'userinfo.email');
    return new UserImpl(this.activeEmail());
  }

  /** The user the script runs as: the user for an add-on, a trigger's creator for a trigger. */
  getEffectiveUser(): GoogleAppsScript.Base.User {
    enter(this.scope, 'Session.getEffectiveUser', 'unlisted', 'userinfo.email');
    const { execution } = this.scope;
    return new UserImpl(execution.mode === 'NONE' ? '' : execution.user);
  }

  getActiveUserLocale(): string {
    enter(this.scope, 'Session.getActiveUserLocale', 'unlisted');
    return this.scope.world.locales.get(this.scope.execution.user) ?? 'en';
  }

  getScriptTimeZone(): string {
    enter(this.scope, 'Session.getScriptTimeZone', 'unlisted');
    return this.scope.world.settings.scriptTimeZone;
  }

  /** A key unique to the active user and this script, stable for the runtime's life ("" without a user). */
  getTemporaryActiveUserKey(): string {
    enter(this.scope, 'Session.getTemporaryActiveUserKey', 'unlisted');
    const email = this.scope.execution.user;
    if (!email) return '';
    return crypto.createHash('sha256').update(`temporary-key:${email}`).digest('base64').slice(0, 43);
  }
}
