// The `google.script` object put into every sidebar and dialog the add-on
// opens. The HTML runs in a sandboxed iframe (as HtmlService serves it, IFRAME
// mode) without access to the playground: google.script.run is the runtime's
// (dev/runtime/services/script-run.ts, the same one the tests' harness uses), and
// its calls reach the page by postMessage; the page asks the server to run them.

import { scriptRunPageScript, type ScriptRunReply, type ScriptRunSend } from '../runtime/index';

/**
 * Runs in the panel's frame: installs google.script.host and returns the send
 * that carries google.script.run calls to the page. Self-contained: its source
 * is sent into the frame.
 */
function pageLink(): ScriptRunSend {
  let nextId = 1;
  const pending = new Map<number, (reply: ScriptRunReply) => void>();
  const post = (message: Record<string, unknown>): void => parent.postMessage(message, '*');
  window.addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const data = event.data as { type?: string; id?: number; reply?: ScriptRunReply };
    if (data.type !== 'gsr-result' || data.id === undefined || !data.reply) return;
    const resolve = pending.get(data.id);
    pending.delete(data.id);
    resolve?.(data.reply);
  });
  const host = {
    close: () => post({ type: 'gsr-close' }),
    setHeight: (height: number) => post({ type: 'gsr-size', height }),
    setWidth: (width: number) => post({ type: 'gsr-size', width }),
    editor: { focus: () => post({ type: 'gsr-focus' }) },
  };
  (window as unknown as { google: unknown }).google = { script: { host } };
  return (name, args) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      post({ type: 'gsr-run', id, name, args });
    });
}

/** The HTML with the shim as its first script, so the page's own scripts find google.script. */
export function withShim(html: string): string {
  const script = `<script>${scriptRunPageScript(`(${pageLink.toString()})()`)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  return script + html;
}
