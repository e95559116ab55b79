// google.script.run, both ends of it: what may cross, the page's runner, and
// the server's side of a call. The playground's panels and the tests' harness
// both use this module, so a value Sheets would refuse is refused everywhere.
//
// Google's rules, from "Class google.script.run (Client-side API)"
// (developers.google.com/apps-script/guides/html/reference/run), myFunction(...):
//   "Legal parameters are JavaScript primitives like a Number, Boolean, String,
//   or null, as well as JavaScript objects and arrays that are composed of
//   primitives, objects, and arrays. A form element within the page is also
//   legal as a parameter, but it must be the function's only parameter. Requests
//   fail if you attempt to pass a Date, Function, DOM element besides a form, or
//   other prohibited type, including prohibited types inside objects or arrays.
//   Objects that create circular references will also fail, and undefined fields
//   within arrays become null."
// and for what it returns: "return types are subject to the same restrictions as
// parameter types, except that a form element is not a legal return type". The
// guide "HTML Service: Communicate with Server Functions"
// (developers.google.com/apps-script/guides/html/communication) says the same of
// "legal parameters and return values". Neither says how a failed return shows;
// the stricter reading is taken: the failure handler, never the success handler.

/** Which way a value crosses: the arguments of a call, or what the server function returned. */
export type Direction = 'parameters' | 'return';

/** A value that may cross, copied as it arrives; or why it may not. */
export type Transfer = { ok: true; value: unknown } | { ok: false; message: string };

/** What the server side answers a call with. */
export type ScriptRunReply = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Checks a value against Google's rules and returns the copy that arrives (undefined in
 * arrays becomes null, undefined fields are left out, a form becomes its fields).
 * For 'parameters' the value is the argument list.
 *
 * Self-contained on purpose: its source is also run in the panel's page
 * (scriptRunPageScript), so it refers to nothing outside its own body.
 */
export function checkTransferable(value: unknown, direction: Direction): Transfer {
  const isDomNode = (v: object): boolean => typeof Node === 'function' && v instanceof Node;
  const isForm = (v: unknown): v is HTMLFormElement => typeof HTMLFormElement === 'function' && v instanceof HTMLFormElement;
  const tag = (v: unknown): string => Object.prototype.toString.call(v);
  class Refused {
    key: string;
    path: string;
    found: string;
    constructor(key: string, path: string, found: string) {
      this.key = key;
      this.path = path;
      this.found = found;
    }
  }
  const ancestors: object[] = [];

  const copy = (v: unknown, key: string, path: string): unknown => {
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'function') throw new Refused(key, path, 'a function');
    if (typeof v !== 'object') throw new Refused(key, path, `a ${typeof v}`);
    if (tag(v) === '[object Date]') throw new Refused(key, path, 'a Date');
    if (isForm(v)) throw new Refused(key, path, 'a form that is not the only parameter');
    if (isDomNode(v)) throw new Refused(key, path, 'a DOM element');
    if (ancestors.includes(v)) throw new Refused(key, path, 'a circular reference');
    ancestors.push(v);
    try {
      // Array.from visits holes too: they arrive as null, like undefined items.
      if (Array.isArray(v)) return Array.from(v, (item, i) => copy(item, String(i), `${path}[${i}]`) ?? null);
      // A plain object of any realm (the bundle's values come from its own): its prototype is an Object.prototype.
      const proto = Object.getPrototypeOf(v) as object | null;
      if (tag(v) !== '[object Object]' || (proto !== null && Object.getPrototypeOf(proto) !== null)) {
        const name = (proto?.constructor as { name?: string } | undefined)?.name;
        throw new Refused(key, path, name ? `an object of class ${name}` : 'an object that is not plain');
      }
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        const c = copy(item, k, path === '' ? k : `${path}.${k}`);
        if (c !== undefined) out[k] = c;
      }
      return out;
    } finally {
      ancestors.pop();
    }
  };

  /** A form sent alone becomes an object of its fields (Google: values as strings; file inputs would be Blobs). */
  const formFields = (form: HTMLFormElement): Record<string, unknown> => {
    const fields: Record<string, unknown> = {};
    new FormData(form).forEach((field, name) => {
      if (typeof field !== 'string') throw new Refused(name, name, 'a file input, which the local runtime cannot carry');
      // Google's pages are silent on repeated names: each value is kept, in a list.
      const before = fields[name];
      fields[name] = before === undefined ? field : ([] as unknown[]).concat(before, field);
    });
    return fields;
  };

  try {
    if (direction === 'return') return { ok: true, value: copy(value, 'value', '') ?? null };
    const args = value as unknown[];
    if (args.length === 1 && isForm(args[0])) return { ok: true, value: [formFields(args[0])] };
    return { ok: true, value: args.map((arg, i) => copy(arg, String(i), `argument ${i + 1}`) ?? null) };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    // The client's words for a refused parameter, as Google's runner reports it.
    if (direction === 'parameters') return { ok: false, message: `Failed due to illegal value in property: ${error.key}` };
    const where = error.path === '' ? '' : ` at ${error.path}`;
    return { ok: false, message: `The server function returned ${error.found}${where}, which google.script.run cannot carry to the page.` };
  }
}

/** Carries one call to the server and back: the playground posts it to its page, the harness to the test process. */
export type ScriptRunSend = (functionName: string, args: unknown[]) => Promise<ScriptRunReply>;

/**
 * The page's google.script.run, as the reference describes it: each with*
 * returns a runner carrying that setting; parameters are checked before anything
 * is sent (a refusal goes to the failure handler and nothing is sent); a reply is
 * checked again before the success handler sees it; the success handler gets
 * (value, userObject), the failure handler (Error, userObject); with no failure
 * handler the failure is logged to the console, withFailureHandler(null) silences
 * it; "The google.script.run API allows 10 concurrent calls to server functions.
 * If you make an 11th call while 10 are still running, the server function will
 * be delayed until one of the 10 spots is freed." (the communication guide).
 *
 * Self-contained: scriptRunPageScript sends its source into the page.
 */
export function installScriptRun(check: typeof checkTransferable, send: ScriptRunSend): void {
  const MAX_CONCURRENT = 10;
  type Handler = ((...args: unknown[]) => void) | null | undefined;
  interface Call {
    name: string;
    args: unknown[];
    success: Handler;
    failure: Handler;
    user: unknown;
  }
  let running = 0;
  const queue: Call[] = [];

  const fail = (call: Call, message: string): void => {
    const error = new Error(message);
    if (call.failure) call.failure(error, call.user);
    else if (call.failure === undefined) console.error(error);
  };

  const pump = (): void => {
    while (running < MAX_CONCURRENT && queue.length > 0) {
      const call = queue.shift()!;
      running++;
      send(call.name, call.args)
        .then(
          (reply) => {
            if (!reply.ok) return fail(call, reply.error);
            const back = check(reply.value, 'return');
            if (back.ok) call.success?.(back.value, call.user);
            else fail(call, back.message);
          },
          (error: unknown) => fail(call, error instanceof Error ? error.message : String(error)),
        )
        .finally(() => {
          running--;
          pump();
        });
    }
  };

  const start = (call: Call): void => {
    const sent = check(call.args, 'parameters');
    if (!sent.ok) {
      // Asynchronous like every outcome of a call: the caller's next line runs first.
      setTimeout(() => fail(call, sent.message), 0);
      return;
    }
    queue.push({ ...call, args: sent.value as unknown[] });
    pump();
  };

  const runner = (success: Handler, failure: Handler, user: unknown): unknown => {
    const base: Record<string, unknown> = {
      withSuccessHandler: (fn: Handler) => runner(fn, failure, user),
      withFailureHandler: (fn: Handler) => runner(success, fn, user),
      // "user objects are not sent to the server": handed back as given, unchecked.
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    return new Proxy(base, {
      get(target, name) {
        if (typeof name !== 'string') return undefined;
        if (name in target) return target[name];
        return (...args: unknown[]) => start({ name, args, success, failure, user });
      },
    });
  };

  const root = window as unknown as { google?: { script?: Record<string, unknown> } };
  root.google ??= {};
  root.google.script ??= {};
  root.google.script.run = runner(undefined, undefined, undefined);
}

/**
 * The script that gives a page google.script.run. `send` is the source of an
 * expression whose value is a ScriptRunSend.
 */
export function scriptRunPageScript(send: string): string {
  return `(${installScriptRun.toString()})(${checkTransferable.toString()}, ${send});`;
}

/**
 * The server's side of a call from a page: the arguments are checked again (the
 * server trusts no page), a function whose name ends in "_" is not found (Apps
 * Script keeps such functions private: google.script.run cannot call them; the
 * executor refuses them to every caller too), and the value returned must cross
 * under the same rules, else the page's failure handler gets the reason.
 */
export function callFromPage(
  run: (functionName: string, args: unknown[]) => unknown,
  functionName: string,
  args: unknown[],
): ScriptRunReply {
  const sent = checkTransferable(args, 'parameters');
  if (!sent.ok) return { ok: false, error: sent.message };
  if (functionName.endsWith('_')) return { ok: false, error: `Script function not found: ${functionName}` };
  let value: unknown;
  try {
    value = run(functionName, sent.value as unknown[]);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const back = checkTransferable(value, 'return');
  return back.ok ? { ok: true, value: back.value } : { ok: false, error: back.message };
}
