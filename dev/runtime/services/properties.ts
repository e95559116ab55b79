import { byteLength, enter } from './guard';
import { realmArray, realmObject, scriptError } from './realm';
import type { Scope } from './world';

type Props = GoogleAppsScript.Properties.Properties;

/** Quotas for Google Services: 9 KB a value, 500 KB a property store. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

/** One property store. Values are kept as strings: the service converts whatever it is given. */
export class PropertiesImpl implements Props {
  constructor(
    private scope: Scope,
    private key: string,
    /** Custom formulas read the owner's user properties but may not change them. */
    private readOnly = false,
  ) {}

  private get store(): Map<string, string> {
    const stores = this.scope.world.properties;
    let store = stores.get(this.key);
    if (!store) stores.set(this.key, (store = new Map()));
    return store;
  }

  private enter(method: string, write = false): void {
    enter(this.scope, `Properties.${method}`, 'storage');
    if (write && this.readOnly) throw scriptError(this.scope.execution, `You do not have permission to call Properties.${method}.`);
  }

  getProperty(key: string): string | null {
    this.enter('getProperty');
    return this.store.get(String(key)) ?? null;
  }

  getProperties(): { [key: string]: string } {
    this.enter('getProperties');
    return realmObject(this.scope.execution, Object.fromEntries(this.store));
  }

  getKeys(): string[] {
    this.enter('getKeys');
    return realmArray(this.scope.execution, [...this.store.keys()]);
  }

  setProperty(key: string, value: string): Props {
    this.enter('setProperty', true);
    this.write(new Map([[String(key), String(value)]]), false);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Props {
    this.enter('setProperties', true);
    const entries = new Map(Object.entries(properties ?? {}).map(([k, v]) => [k, String(v)] as const));
    this.write(entries, Boolean(deleteAllOthers));
    return this;
  }

  deleteProperty(key: string): Props {
    this.enter('deleteProperty', true);
    this.store.delete(String(key));
    return this;
  }

  deleteAllProperties(): Props {
    this.enter('deleteAllProperties', true);
    this.store.clear();
    return this;
  }

  /** Checks the limits before changing anything, so a refused write leaves the store as it was. */
  private write(entries: Map<string, string>, replace: boolean): void {
    for (const value of entries.values()) {
      if (byteLength(value) > PROPERTY_VALUE_LIMIT) throw scriptError(this.scope.execution, 'Argument too large: value');
    }
    const next = new Map(replace ? [] : this.store);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += byteLength(k) + byteLength(v);
    if (total > PROPERTY_STORE_LIMIT) {
      throw scriptError(this.scope.execution, 'You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }
}

export class PropertiesServiceImpl implements GoogleAppsScript.Properties.PropertiesService {
  constructor(private scope: Scope) {}

  /** null when the script runs outside a document (the reference page's rule). */
  getDocumentProperties(): Props {
    enter(this.scope, 'PropertiesService.getDocumentProperties', 'storage');
    const id = this.scope.execution.activeSpreadsheetId;
    return (id === undefined ? null : new PropertiesImpl(this.scope, `document:${id}`)) as Props;
  }

  getScriptProperties(): Props {
    enter(this.scope, 'PropertiesService.getScriptProperties', 'storage');
    return new PropertiesImpl(this.scope, 'script');
  }

  /**
   * The current user's store. A custom formula runs without a user: it gets the
   * spreadsheet owner's properties, read-only (custom functions guide).
   */
  getUserProperties(): Props {
    enter(this.scope, 'PropertiesService.getUserProperties', 'storage');
    const { execution, world } = this.scope;
    if (execution.mode === 'CUSTOM_FUNCTION') {
      const owner = world.owners.get(execution.activeSpreadsheetId ?? '') ?? '';
      return new PropertiesImpl(this.scope, `user:${owner}`, true);
    }
    return new PropertiesImpl(this.scope, `user:${execution.user}`);
  }
}
