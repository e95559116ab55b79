// JSON cannot hold a Date or tell a missing array entry from a present one, and
// the document model has both (dates in validation and rule arguments, holes in
// sparse rows). These two functions are the only place that bridges the gap.

import { isDate } from './values';

/** A Date becomes {"$date": ms}; undefined array entries become null; undefined fields go. */
export function encode(value: unknown): unknown {
  if (isDate(value)) return { $date: value.getTime() };
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : encode(v)));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, encode(v)]),
    );
  }
  return value;
}

/** The inverse of encode; always builds new objects, so each caller owns what it gets. */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === null ? undefined : decode(v)));
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$date') return new Date((value as { $date: number }).$date);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/**
 * Whether two model values would encode alike (undefined fields count as
 * absent). Much cheaper than comparing encoded JSON, which matters when every
 * one of a sheet's cells is compared with its neighbour.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (x[key] !== undefined && !sameValue(x[key], y[key])) return false;
  for (const key in y) if (y[key] !== undefined && x[key] === undefined) return false;
  return true;
}
