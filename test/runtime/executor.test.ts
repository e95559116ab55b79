import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Executor, createServices, createUi, type RunMode } from '../../dev/runtime/index';
import { START, makeScope, makeWorld, tempDist } from './services-fixture';

/** A bundle of our own, so the executor is tested apart from the add-on. */
const BUNDLE = `
var loadedAt = Date.now();
var counter = 0;
function bump() { counter++; return counter; }
function probe() {
  return [typeof require, typeof process, typeof setTimeout, typeof Buffer, typeof fetch, typeof module, typeof global, typeof SpreadsheetApp, typeof Utilities];
}
function clock() { return [Date.now(), new Date().getTime(), new Date(0).getTime(), typeof Date(), new Date() instanceof Date, loadedAt]; }
function kinds(d, a, o) { return [d instanceof Date, a instanceof Array, o.constructor === Object, d.getTime()]; }
function secret_() { return 'private'; }
function boom() { throw new TypeError('bad cell'); }
function caught() { try { LockService.getScriptLock(); } catch (e) { return [e instanceof Error, String(e)]; } }
function greet(name) { return 'Hi ' + name; }
function render() { var t = HtmlService.createTemplate('<?= greet(who) ?>!'); t.who = 'Ana <3'; return t.evaluate().getContent(); }
function DOUBLE(x) { return x * 2; }
function sheetName() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
`;

function setup(code = BUNDLE) {
  const dist = tempDist();
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  const world = makeWorld({ dist });
  const executor = new Executor(path.join(dist, 'Code.js'));
  const run = (functionName: string, options: { mode?: RunMode; args?: unknown[]; ignoreCase?: boolean; optional?: boolean } = {}) => {
    const scope = makeScope(world, { mode: options.mode ?? 'FULL' });
    const result = executor.run({
      functionName,
      now: () => world.clock.now(),
      args: options.args,
      ignoreCase: options.ignoreCase,
      optional: options.optional,
      globals: (realm) => {
        scope.execution.realm = realm;
        // A stand-in SpreadsheetApp: the real one is the spreadsheet side's.
        const SpreadsheetApp = { getActiveSpreadsheet: () => ({ getName: () => 'Team OKRs' }), getUi: createUi(scope) };
        return { ...createServices(scope), SpreadsheetApp };
      },
    });
    return { result, calls: scope.execution.calls.snapshot() };
  };
  return { world, run };
}

describe('Executor', () => {
  it('runs the bundle with only the Apps Script globals: nothing of Node', () => {
    const { run } = setup();
    expect(run('probe').result).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'object',
      'object',
    ]);
  });

  it('runs each execution in a fresh context, top level first', () => {
    const { run } = setup();
    expect(run('bump').result).toBe(1);
    expect(run('bump').result).toBe(1);
  });

  it("gives the bundle a Date that reads the runtime's clock", () => {
    const { world, run } = setup();
    world.clock.advance(5000);
    const [now, constructed, epoch, called, isDate, loadedAt] = run('clock').result as unknown[];
    expect([now, constructed, epoch, called, isDate, loadedAt]).toEqual([START + 5000, START + 5000, 0, 'string', true, START + 5000]);
  });

  it('hands arguments over as values of the bundle realm', () => {
    const { run } = setup();
    expect(run('kinds', { args: [new Date(86_400_000), [1, 2], { a: 1 }] }).result).toEqual([true, true, true, 86_400_000]);
  });

  it('refuses functions that do not exist or end with "_", as Apps Script does', () => {
    const { run } = setup();
    expect(() => run('nothing')).toThrow('Script function not found: nothing');
    expect(() => run('secret_')).toThrow('Script function not found: secret_');
    expect(run('nothing', { optional: true }).result).toBeUndefined();
  });

  it('finds a function in any case when asked (custom formula names)', () => {
    const { run } = setup();
    expect(run('double', { args: [21], ignoreCase: true }).result).toBe(42);
    expect(() => run('double', { args: [21] })).toThrow('Script function not found: double');
  });

  it("passes the script's errors on as Node Errors with their name and message", () => {
    const { run } = setup();
    let error: unknown;
    try {
      run('boom');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('TypeError');
    expect((error as Error).message).toBe('bad cell');
  });

  it('throws service errors the bundle can catch as its own Errors, named Exception', () => {
    const { run } = setup();
    expect(run('caught', { mode: 'NONE' }).result).toEqual([
      true,
      'Exception: You do not have permission to call LockService.getScriptLock.',
    ]);
  });

  it('fails an execution whose top level touches a service under AuthMode.NONE', () => {
    const { run } = setup(`var settings = PropertiesService.getDocumentProperties();\nfunction onOpen(e) { return 'menu'; }`);
    expect(() => run('onOpen', { mode: 'NONE' })).toThrow('You do not have permission to call PropertiesService.getDocumentProperties');
    expect(run('onOpen', { mode: 'LIMITED' }).result).toBe('menu');
  });

  it("evaluates templates in the bundle's context, so scriptlets call its functions", () => {
    const { run } = setup();
    expect(run('render').result).toBe('Hi Ana &#60;3!');
  });

  it('counts the service calls of the execution', () => {
    const { run } = setup();
    const { calls } = run('render');
    expect(calls).toEqual({ 'HtmlService.createTemplate': 1, 'HtmlTemplate.evaluate': 1, 'HtmlOutput.getContent': 1 });
  });
});
