import vm from 'node:vm';
import type { Execution } from '../execution';

// Values handed to the bundle should belong to its realm: `x instanceof Array`,
// `x instanceof Date` and `e instanceof Error` in the bundle compare against the
// context's own constructors, not Node's.

interface Intrinsics {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
  Date: DateConstructor;
}

const cache = new WeakMap<vm.Context, Intrinsics>();

export function intrinsics(realm: vm.Context): Intrinsics {
  let found = cache.get(realm);
  if (!found) {
    found = vm.runInContext('({ Array: Array, Object: Object, Error: Error, Date: Date })', realm) as Intrinsics;
    cache.set(realm, found);
  }
  return found;
}

/** An array of the bundle's realm (a plain array when no realm is attached, as in unit tests). */
export function realmArray<T>(execution: Execution, items: readonly T[]): T[] {
  return execution.realm ? intrinsics(execution.realm).Array.from(items) : [...items];
}

/** A plain object of the bundle's realm. */
export function realmObject<T extends object>(execution: Execution, fields: T): T {
  return execution.realm ? (Object.assign(new (intrinsics(execution.realm).Object)(), fields) as T) : { ...fields };
}

/** A Date of the bundle's realm. */
export function realmDate(execution: Execution, ms: number): Date {
  return execution.realm ? new (intrinsics(execution.realm).Date)(ms) : new Date(ms);
}

/**
 * The error a service throws into the bundle. Apps Script's service errors are
 * Errors named "Exception" (so `String(e)` reads "Exception: ...").
 */
export function scriptError(execution: Execution, message: string): Error {
  const error = execution.realm ? new (intrinsics(execution.realm).Error)(message) : new Error(message);
  error.name = 'Exception';
  return error;
}

/** Copies a value from Node into a realm: Dates, arrays and plain objects, deeply. */
export function intoRealm(value: unknown, realm: vm.Context): unknown {
  const { Array: RArray, Object: RObject, Date: RDate } = intrinsics(realm);
  const copy = (v: unknown): unknown => {
    if (v instanceof Date) return new RDate(v.getTime());
    if (Array.isArray(v)) return RArray.from(v, copy);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out = new RObject() as Record<string, unknown>;
      for (const [k, item] of Object.entries(v)) out[k] = copy(item);
      return out;
    }
    return v;
  };
  return copy(value);
}

/** True for a Date of any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
