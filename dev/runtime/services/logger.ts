import util from 'node:util';
import { formatString } from './format-string';
import { enter } from './guard';
import type { Scope } from './world';

/**
 * Logger: each message goes to the runtime's log and to this execution's
 * getLog(). Not in the custom functions guide's table of services, so refused
 * in a custom formula (guard.ts); `console` is the language's own and works there.
 */
export class LoggerImpl implements GoogleAppsScript.Base.Logger {
  private lines: string[] = [];

  constructor(private scope: Scope) {}

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    enter(this.scope, 'Logger.log', 'unlisted');
    const message = values.length > 0 && typeof data === 'string' ? formatString(data, ...values) : describe(data);
    this.lines.push(message);
    this.scope.world.logs.push(message);
    return this;
  }

  getLog(): string {
    enter(this.scope, 'Logger.getLog', 'unlisted');
    return this.lines.map((line) => `${line}\n`).join('');
  }

  clear(): void {
    enter(this.scope, 'Logger.clear', 'unlisted');
    this.lines = [];
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && Object.prototype.toString.call(value) !== '[object Date]') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** The console the bundle sees: log, info, warn, error, recorded with their level. */
export function createConsole(scope: Scope): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const record =
    (level: 'log' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      enter(scope, `console.${level}`, 'free');
      const message = util.format(...args);
      scope.world.logs.push(level === 'log' ? message : `[${level}] ${message}`);
    };
  return { log: record('log'), info: record('info'), warn: record('warn'), error: record('error') };
}
