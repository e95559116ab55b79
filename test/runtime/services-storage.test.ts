import { describe, expect, it } from 'vitest';
import { LOCK_TIMEOUT_MESSAGE } from '../../dev/runtime/index';
import { START, makeScope, makeWorld, servicesFor } from './services-fixture';

describe('PropertiesService', () => {
  it('scopes document properties per spreadsheet, user properties per user, script properties to all', () => {
    const world = makeWorld();
    const ana = servicesFor(makeScope(world, { user: 'ana@example.com', activeSpreadsheetId: 'a' })).PropertiesService;
    const bo = servicesFor(makeScope(world, { user: 'bo@example.com', activeSpreadsheetId: 'a' })).PropertiesService;
    const elsewhere = servicesFor(makeScope(world, { user: 'ana@example.com', activeSpreadsheetId: 'b' })).PropertiesService;
    ana.getDocumentProperties().setProperty('cycle', '2026-Q4');
    ana.getUserProperties().setProperty('units', 'metric');
    ana.getScriptProperties().setProperty('version', '3');
    expect(bo.getDocumentProperties().getProperty('cycle')).toBe('2026-Q4');
    expect(elsewhere.getDocumentProperties().getProperty('cycle')).toBeNull();
    expect(bo.getUserProperties().getProperty('units')).toBeNull();
    expect(elsewhere.getUserProperties().getProperty('units')).toBe('metric');
    expect(bo.getScriptProperties().getProperty('version')).toBe('3');
  });

  it('stores strings, sets in bulk, deletes, lists keys', () => {
    const props = servicesFor(makeScope(makeWorld())).PropertiesService.getDocumentProperties();
    props.setProperty('n', 42 as unknown as string);
    expect(props.getProperty('n')).toBe('42');
    props.setProperties({ a: '1', b: true as unknown as string });
    expect(props.getProperties()).toEqual({ n: '42', a: '1', b: 'true' });
    props.setProperties({ c: '3' }, true);
    expect(props.getKeys()).toEqual(['c']);
    props.deleteProperty('c');
    expect(props.getKeys()).toEqual([]);
    props.setProperty('x', '1').setProperty('y', '2').deleteAllProperties();
    expect(props.getProperties()).toEqual({});
  });

  it('refuses a value over 9 KB and a store over 500 KB, changing nothing', () => {
    const props = servicesFor(makeScope(makeWorld())).PropertiesService.getScriptProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    const many: Record<string, string> = {};
    for (let i = 0; i < 60; i++) many[`k${i}`] = 'y'.repeat(9000);
    expect(() => props.setProperties(many)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getKeys()).toEqual(['fits']);
  });

  it('is refused under AuthMode.NONE, and gives null document properties outside a document', () => {
    expect(() => servicesFor(makeScope(makeWorld(), { mode: 'NONE' })).PropertiesService.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(servicesFor(makeScope(makeWorld(), { activeSpreadsheetId: undefined })).PropertiesService.getDocumentProperties()).toBeNull();
  });

  it("lets a custom formula read the owner's user properties but not change them", () => {
    const world = makeWorld();
    world.owners.set('sheet-1', 'owner@example.com');
    servicesFor(makeScope(world, { user: 'owner@example.com' }))
      .PropertiesService.getUserProperties()
      .setProperty('gap', '0.2');
    const formula = servicesFor(makeScope(world, { mode: 'CUSTOM_FUNCTION', user: '' })).PropertiesService.getUserProperties();
    expect(formula.getProperty('gap')).toBe('0.2');
    expect(() => formula.setProperty('gap', '0.5')).toThrow('You do not have permission to call Properties.setProperty');
  });

  it('counts each call', () => {
    const scope = makeScope(makeWorld());
    const props = servicesFor(scope).PropertiesService.getDocumentProperties();
    props.getProperty('a');
    props.getProperty('b');
    props.setProperty('a', '1');
    expect(scope.execution.calls.snapshot()).toEqual({
      'Properties.getProperty': 2,
      'Properties.setProperty': 1,
      'PropertiesService.getDocumentProperties': 1,
    });
  });
});

describe('CacheService', () => {
  it('expires entries by the runtime clock, 600 s by default', () => {
    const world = makeWorld();
    const cache = servicesFor(makeScope(world)).CacheService.getScriptCache();
    cache.put('short', 'a', 10);
    cache.put('default', 'b');
    world.clock.advance(10_000);
    expect(cache.get('short')).toBeNull();
    expect(cache.get('default')).toBe('b');
    world.clock.advance(590_000);
    expect(cache.get('default')).toBeNull();
  });

  it('gets, puts and removes in bulk; getAll holds only the keys found', () => {
    const cache = servicesFor(makeScope(makeWorld())).CacheService.getUserCache();
    cache.putAll({ a: '1', b: '2', c: '3' }, 60);
    cache.remove('b');
    expect(cache.getAll(['a', 'b', 'c', 'd'])).toEqual({ a: '1', c: '3' });
    cache.removeAll(['a', 'c']);
    expect(cache.getAll(['a', 'c'])).toEqual({});
  });

  it('enforces the documented limits: 250-character keys, 100 KB values, 6 hours', () => {
    const cache = servicesFor(makeScope(makeWorld())).CacheService.getDocumentCache()!;
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k', 'v', 21601)).toThrow('Argument out of range: expirationInSeconds');
    cache.put('k'.repeat(250), 'v'.repeat(100 * 1024), 21600);
    expect(cache.get('k'.repeat(250))).toHaveLength(100 * 1024);
  });

  it('scopes caches like properties: per document, per user', () => {
    const world = makeWorld();
    servicesFor(makeScope(world, { activeSpreadsheetId: 'a' }))
      .CacheService.getDocumentCache()!
      .put('x', '1');
    servicesFor(makeScope(world, { user: 'ana@example.com' }))
      .CacheService.getUserCache()
      .put('x', 'ana');
    expect(
      servicesFor(makeScope(world, { activeSpreadsheetId: 'b' }))
        .CacheService.getDocumentCache()!
        .get('x'),
    ).toBeNull();
    expect(
      servicesFor(makeScope(world, { user: 'bo@example.com' }))
        .CacheService.getUserCache()
        .get('x'),
    ).toBeNull();
    expect(servicesFor(makeScope(world, { activeSpreadsheetId: undefined })).CacheService.getDocumentCache()).toBeNull();
  });
});

describe('LockService', () => {
  it('excludes: a second execution waits the timeout on the virtual clock and fails', () => {
    const world = makeWorld();
    const first = makeScope(world);
    const second = makeScope(world, { user: 'bo@example.com' });
    expect(servicesFor(first).LockService.getDocumentLock().tryLock(1000)).toBe(true);
    const lock = servicesFor(second).LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(world.clock.now()).toBe(START + 5000);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(world.clock.now()).toBe(START + 35_000);
  });

  it('is free again once released, and released locks of an ended execution free it too', () => {
    const world = makeWorld();
    const first = makeScope(world);
    const held = servicesFor(first).LockService.getScriptLock();
    held.waitLock(100);
    expect(held.hasLock()).toBe(true);
    held.releaseLock();
    expect(held.hasLock()).toBe(false);
    held.waitLock(100);
    world.locks.releaseAll(first.execution);
    expect(servicesFor(makeScope(world)).LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('waits for a holder whose hold ends within the timeout', () => {
    const world = makeWorld();
    world.locks.take('document:sheet-1', 'another process', START + 2000);
    const lock = servicesFor(makeScope(world)).LockService.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(true);
    expect(world.clock.now()).toBe(START + 2000);
  });

  it('keeps document locks per document and user locks per user', () => {
    const world = makeWorld();
    servicesFor(makeScope(world, { activeSpreadsheetId: 'a' }))
      .LockService.getDocumentLock()
      .waitLock(0);
    servicesFor(makeScope(world, { user: 'ana@example.com' }))
      .LockService.getUserLock()
      .waitLock(0);
    expect(
      servicesFor(makeScope(world, { activeSpreadsheetId: 'b' }))
        .LockService.getDocumentLock()
        .tryLock(0),
    ).toBe(true);
    expect(
      servicesFor(makeScope(world, { user: 'bo@example.com' }))
        .LockService.getUserLock()
        .tryLock(0),
    ).toBe(true);
    expect(
      servicesFor(makeScope(world, { user: 'ana@example.com' }))
        .LockService.getUserLock()
        .tryLock(0),
    ).toBe(false);
  });

  it('works in custom formulas, as the custom functions guide lists Cache, Lock and Properties', () => {
    const services = servicesFor(makeScope(makeWorld(), { mode: 'CUSTOM_FUNCTION', user: '' }));
    expect(services.LockService.getDocumentLock().tryLock(0)).toBe(true);
    services.CacheService.getDocumentCache()!.put('k', 'v');
    expect(services.CacheService.getDocumentCache()!.get('k')).toBe('v');
    expect(services.PropertiesService.getDocumentProperties().getProperty('none')).toBeNull();
  });

  it('gives no document lock outside a document, and none under AuthMode.NONE', () => {
    expect(servicesFor(makeScope(makeWorld(), { activeSpreadsheetId: undefined })).LockService.getDocumentLock()).toBeNull();
    expect(() => servicesFor(makeScope(makeWorld(), { mode: 'NONE' })).LockService.getScriptLock()).toThrow('You do not have permission');
  });
});
