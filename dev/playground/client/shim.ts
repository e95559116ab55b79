// The `google.script` object injected into every sidebar and dialog. The HTML
// runs in a sandboxed iframe (as HtmlService serves it, IFRAME mode) without
// access to the playground; calls go to the page by postMessage, and the page
// asks the server to run the function.
//
// Semantics from the google.script.run reference: each with* returns a runner
// carrying that setting; the success handler gets (value, userObject), the
// failure handler (Error, userObject); without a failure handler the failure
// is logged to the console; Dates, functions and DOM elements fail the call;
// undefined in arrays becomes null; at most 10 calls run at once.

function shim(): void {
  const MAX_CONCURRENT = 10;
  type Handler = ((...args: unknown[]) => void) | null | undefined;
  interface Call {
    id: number;
    name: string;
    args: unknown[];
    success: Handler;
    failure: Handler;
    user: unknown;
  }
  let nextId = 1;
  let running = 0;
  const queue: Call[] = [];
  const pending = new Map<number, Call>();

  function problem(value: unknown): string | undefined {
    if (value instanceof Date) return 'Date';
    if (typeof value === 'function') return 'Function';
    if (typeof Node !== 'undefined' && value instanceof Node) return 'DOM element';
    if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) {
        const found = problem(item);
        if (found) return found;
      }
    }
    return undefined;
  }

  function fail(call: Call, error: Error): void {
    if (call.failure) call.failure(error, call.user);
    else console.error(error);
  }

  function pump(): void {
    while (running < MAX_CONCURRENT && queue.length) {
      const call = queue.shift()!;
      running++;
      pending.set(call.id, call);
      parent.postMessage({ type: 'gsr-run', id: call.id, name: call.name, args: call.args }, '*');
    }
  }

  function start(call: Call): void {
    const bad = problem(call.args);
    if (bad) {
      setTimeout(() => fail(call, new Error(`Failed due to illegal value in property: ${bad}`)), 0);
      return;
    }
    call.args = JSON.parse(JSON.stringify(call.args)) as unknown[];
    queue.push(call);
    pump();
  }

  function runner(success: Handler, failure: Handler, user: unknown): unknown {
    const base: Record<string, unknown> = {
      withSuccessHandler: (fn: Handler) => runner(fn, failure, user),
      withFailureHandler: (fn: Handler) => runner(success, fn, user),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    return new Proxy(base, {
      get(target, name) {
        if (typeof name !== 'string') return undefined;
        if (name in target) return target[name];
        return (...args: unknown[]) => start({ id: nextId++, name, args, success, failure, user });
      },
    });
  }

  window.addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const data = event.data as { type?: string; id?: number; ok?: boolean; value?: unknown; error?: string };
    if (data.type !== 'gsr-result' || data.id === undefined) return;
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    running--;
    if (data.ok) call.success?.(data.value, call.user);
    else fail(call, new Error(data.error));
    pump();
  });

  const host = {
    close: () => parent.postMessage({ type: 'gsr-close' }, '*'),
    setHeight: (height: number) => parent.postMessage({ type: 'gsr-size', height }, '*'),
    setWidth: (width: number) => parent.postMessage({ type: 'gsr-size', width }, '*'),
    editor: { focus: () => parent.postMessage({ type: 'gsr-focus' }, '*') },
  };
  (window as unknown as { google: unknown }).google = { script: { run: runner(undefined, undefined, undefined), host } };
}

/** The HTML with the shim as its first script, so the page's own scripts find google.script. */
export function withShim(html: string): string {
  const script = `<script>(${shim.toString()})();</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  return script + html;
}
