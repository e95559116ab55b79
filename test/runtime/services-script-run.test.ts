// google.script.run's rules, both ends: what may cross (Google's reference page
// "Class google.script.run", myFunction(...)), the page's runner as the page gets
// it, and the server's side of a call.
import vm from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callFromPage, checkTransferable, scriptRunPageScript, type ScriptRunReply } from '../../dev/runtime/index';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('checkTransferable', () => {
  it('carries primitives, plain objects and arrays as a copy', () => {
    const sent = { n: 1.5, s: 'a', b: false, none: null, list: [1, [2, { deep: 'x' }]] };
    const result = checkTransferable([sent], 'parameters');
    expect(result).toEqual({ ok: true, value: [sent] });
    expect((result as { value: unknown[] }).value[0]).not.toBe(sent);
  });

  it('turns undefined in arrays (and holes) into null and leaves undefined fields out', () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole is what is tested
    const holes = [1, , 3];
    expect(checkTransferable([[1, undefined, 'a'], holes, { a: undefined, b: 2 }, undefined], 'parameters')).toEqual({
      ok: true,
      value: [[1, null, 'a'], [1, null, 3], { b: 2 }, null],
    });
    expect(checkTransferable(undefined, 'return')).toEqual({ ok: true, value: null });
  });

  it('refuses a Date, also deep inside objects and arrays, naming the property as the runner does', () => {
    expect(checkTransferable([new Date()], 'parameters')).toEqual({ ok: false, message: 'Failed due to illegal value in property: 0' });
    expect(checkTransferable(['ok', { a: [{ when: new Date() }] }], 'parameters')).toEqual({
      ok: false,
      message: 'Failed due to illegal value in property: when',
    });
    expect(checkTransferable({ keyResults: [{ id: 'KR1', due: new Date() }] }, 'return')).toEqual({
      ok: false,
      message: 'The server function returned a Date at keyResults[0].due, which google.script.run cannot carry to the page.',
    });
  });

  it('refuses functions, symbols, big integers, class instances, Maps and Errors', () => {
    expect(checkTransferable([{ f: () => 1 }], 'parameters')).toMatchObject({ ok: false, message: expect.stringMatching(/property: f$/) });
    expect(checkTransferable([Symbol('s')], 'parameters')).toMatchObject({ ok: false });
    expect(checkTransferable([10n], 'parameters')).toMatchObject({ ok: false });
    class Range {}
    expect(checkTransferable(new Range(), 'return')).toMatchObject({ ok: false, message: expect.stringMatching(/object of class Range/) });
    expect(checkTransferable(new Map(), 'return')).toMatchObject({ ok: false });
    expect(checkTransferable({ e: new Error('x') }, 'return')).toMatchObject({ ok: false });
  });

  it('refuses a circular object but not an object met twice', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(checkTransferable([loop], 'parameters')).toEqual({ ok: false, message: 'Failed due to illegal value in property: self' });
    const shared = { x: 1 };
    expect(checkTransferable({ one: shared, two: [shared] }, 'return')).toEqual({ ok: true, value: { one: { x: 1 }, two: [{ x: 1 }] } });
  });

  it("takes the bundle's values, which belong to another realm, as plain: its Dates still fail", () => {
    const realm = vm.createContext({});
    expect(checkTransferable(vm.runInContext('({ a: [1, { b: "c" }] })', realm), 'return')).toEqual({
      ok: true,
      value: { a: [1, { b: 'c' }] },
    });
    expect(checkTransferable(vm.runInContext('({ at: new Date(0) })', realm), 'return')).toMatchObject({ ok: false });
  });

  it('takes a form as the only parameter, as its fields; refuses it beside others, and any other DOM element', () => {
    class FakeNode {}
    class FakeForm extends FakeNode {
      constructor(readonly fields: [string, string][]) {
        super();
      }
    }
    class FakeFormData {
      constructor(private form: FakeForm) {}
      forEach(each: (value: string, name: string) => void): void {
        for (const [name, value] of this.form.fields) each(value, name);
      }
    }
    vi.stubGlobal('Node', FakeNode);
    vi.stubGlobal('HTMLFormElement', FakeForm);
    vi.stubGlobal('FormData', FakeFormData);
    const form = new FakeForm([
      ['name', 'Ada'],
      ['tag', 'a'],
      ['tag', 'b'],
    ]);
    expect(checkTransferable([form], 'parameters')).toEqual({ ok: true, value: [{ name: 'Ada', tag: ['a', 'b'] }] });
    expect(checkTransferable([form, 1], 'parameters')).toEqual({ ok: false, message: 'Failed due to illegal value in property: 0' });
    expect(checkTransferable([{ form }], 'parameters')).toEqual({ ok: false, message: 'Failed due to illegal value in property: form' });
    expect(checkTransferable([new FakeNode()], 'parameters')).toEqual({ ok: false, message: 'Failed due to illegal value in property: 0' });
  });
});

describe('the page runner (scriptRunPageScript)', () => {
  /** The script in a bare context with only what a browser frame would give it, and a send that records. */
  function page(send: (name: string, args: unknown[]) => Promise<ScriptRunReply>) {
    const sent: { name: string; args: unknown[] }[] = [];
    const logged: unknown[] = [];
    const window: Record<string, unknown> = {};
    const context = vm.createContext({
      window,
      setTimeout,
      console: { error: (e: unknown) => logged.push(e) },
      send: (name: string, args: unknown[]) => {
        sent.push({ name, args });
        return send(name, args);
      },
    });
    vm.runInContext(scriptRunPageScript('send'), context);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- google.script.run is a Proxy of any function name
    const run = (window.google as any).script.run;
    return { run, sent, logged };
  }

  it('is self-contained: runs in a context holding nothing else, success handler with value and user object', async () => {
    const { run, sent } = page(async () => ({ ok: true, value: { echoed: [1, null] } }));
    const got = await new Promise((resolve) =>
      run
        .withSuccessHandler((v: unknown, u: unknown) => resolve([v, u]))
        .withUserObject('u1')
        .echo([1, undefined]),
    );
    expect(got).toEqual([{ echoed: [1, null] }, 'u1']);
    expect(sent).toEqual([{ name: 'echo', args: [[1, null]] }]);
  });

  it('a Date parameter goes to the failure handler as an Error and nothing is sent', async () => {
    const { run, sent } = page(async () => ({ ok: true, value: null }));
    const error = await new Promise<Error>((resolve) => run.withFailureHandler(resolve).echo({ when: new Date() }));
    // An Error of the page's own realm.
    expect(Object.prototype.toString.call(error)).toBe('[object Error]');
    expect(error.message).toBe('Failed due to illegal value in property: when');
    expect(sent).toEqual([]);
  });

  it('a reply holding a Date reaches the failure handler, not the success handler', async () => {
    const { run } = page(async () => ({ ok: true, value: { at: new Date() } }));
    const success = vi.fn();
    const error = await new Promise<Error>((resolve) => run.withSuccessHandler(success).withFailureHandler(resolve).today());
    expect(error.message).toMatch(/returned a Date at at/);
    expect(success).not.toHaveBeenCalled();
  });

  it('without a failure handler the failure is logged; withFailureHandler(null) silences it', async () => {
    const { run, logged } = page(async () => ({ ok: false, error: 'It broke' }));
    run.fail();
    run.withFailureHandler(null).fail();
    await vi.waitFor(() => expect(logged).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged).toHaveLength(1);
    expect((logged[0] as Error).message).toBe('It broke');
  });

  it('runs at most 10 calls at once; the 11th waits for a free spot', async () => {
    const finish: (() => void)[] = [];
    const { run, sent } = page(() => new Promise((resolve) => finish.push(() => resolve({ ok: true, value: null }))));
    for (let i = 0; i < 11; i++) run.work(i);
    expect(sent).toHaveLength(10);
    finish[0]!();
    await vi.waitFor(() => expect(sent).toHaveLength(11));
  });
});

describe('callFromPage', () => {
  const run = (name: string, args: unknown[]): unknown => {
    if (name === 'fail') throw new Error('It broke on purpose');
    if (name === 'today') return { today: new Date() };
    return { name, args };
  };

  it('runs the function with the copied arguments and returns its value', () => {
    expect(callFromPage(run, 'echo', [[1, undefined]])).toEqual({ ok: true, value: { name: 'echo', args: [[1, null]] } });
  });

  it("a thrown error, a refused value and a private function's name come back as failures", () => {
    expect(callFromPage(run, 'fail', [])).toEqual({ ok: false, error: 'It broke on purpose' });
    expect(callFromPage(run, 'today', [])).toEqual({
      ok: false,
      error: 'The server function returned a Date at today, which google.script.run cannot carry to the page.',
    });
    expect(callFromPage(run, 'helper_', [])).toEqual({ ok: false, error: 'Script function not found: helper_' });
    expect(callFromPage(run, 'echo', [new Date()])).toEqual({ ok: false, error: 'Failed due to illegal value in property: 0' });
  });
});
