import { byteLength, enter } from './guard';
import { realmObject, scriptError } from './realm';
import type { Scope } from './world';

/** The Cache reference page: keys up to 250 characters, values up to 100 KB, 600 s by default, 6 h at most. */
export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;

/** One cache. Entries expire by the runtime's clock. */
export class CacheImpl implements GoogleAppsScript.Cache.Cache {
  constructor(
    private scope: Scope,
    private key: string,
  ) {}

  private get entries(): Map<string, { value: string; expires: number }> {
    const caches = this.scope.world.caches;
    let entries = caches.get(this.key);
    if (!entries) caches.set(this.key, (entries = new Map()));
    return entries;
  }

  private read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= this.scope.world.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** Validates every pair first, so a refused putAll stores nothing. */
  private store(values: [string, unknown][], expirationInSeconds: number | undefined): void {
    const seconds = expirationInSeconds === undefined ? CACHE_DEFAULT_SECONDS : Number(expirationInSeconds);
    const { execution } = this.scope;
    if (!(seconds >= 1 && seconds <= CACHE_MAX_SECONDS)) throw scriptError(execution, 'Argument out of range: expirationInSeconds');
    const checked = values.map(([key, value]) => {
      if (key.length > CACHE_KEY_LIMIT) throw scriptError(execution, 'Argument too large: key');
      const text = String(value);
      if (byteLength(text) > CACHE_VALUE_LIMIT) throw scriptError(execution, 'Argument too large: value');
      return [key, text] as const;
    });
    const expires = this.scope.world.clock.now() + seconds * 1000;
    for (const [key, value] of checked) this.entries.set(key, { value, expires });
  }

  get(key: string): string | null {
    enter(this.scope, 'Cache.get', 'storage');
    return this.read(String(key));
  }

  /** Only the keys found appear in the result. */
  getAll(keys: string[]): { [key: string]: string } {
    enter(this.scope, 'Cache.getAll', 'storage');
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.read(String(key));
      if (value !== null) found[String(key)] = value;
    }
    return realmObject(this.scope.execution, found);
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    enter(this.scope, 'Cache.put', 'storage');
    this.store([[String(key), value]], expirationInSeconds);
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    enter(this.scope, 'Cache.putAll', 'storage');
    this.store(Object.entries(values ?? {}), expirationInSeconds);
  }

  remove(key: string): void {
    enter(this.scope, 'Cache.remove', 'storage');
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    enter(this.scope, 'Cache.removeAll', 'storage');
    for (const key of keys) this.entries.delete(String(key));
  }
}

export class CacheServiceImpl implements GoogleAppsScript.Cache.CacheService {
  constructor(private scope: Scope) {}

  /** null when the script runs outside a document (the reference page's rule). */
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    enter(this.scope, 'CacheService.getDocumentCache', 'storage');
    const id = this.scope.execution.activeSpreadsheetId;
    return id === undefined ? null : new CacheImpl(this.scope, `document:${id}`);
  }

  getScriptCache(): GoogleAppsScript.Cache.Cache {
    enter(this.scope, 'CacheService.getScriptCache', 'storage');
    return new CacheImpl(this.scope, 'script');
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    enter(this.scope, 'CacheService.getUserCache', 'storage');
    return new CacheImpl(this.scope, `user:${this.scope.execution.user}`);
  }
}
