// Sidebars and dialogs from HtmlService, shown as Sheets shows them: the
// sidebar 300 px wide on the right under its title, modal dialogs centred over
// a dimmed page, modeless ones centred without the dim. The HTML runs in a
// sandboxed iframe; the server put the google.script shim in it (panel-shim.ts).

import { el } from './dom';
import type { HtmlPanel } from './types';

/** Runs a server function for a panel; resolves with the value or rejects with the script's error. */
export type RunServer = (functionName: string, args: unknown[]) => Promise<unknown>;

interface Open {
  frame: HTMLIFrameElement;
  node: HTMLElement;
  kind: HtmlPanel['kind'];
}

const open: Open[] = [];
let listening = false;

export function showPanel(panel: HtmlPanel, runServer: RunServer): void {
  listen(runServer);
  const frame = el('iframe', { sandbox: 'allow-scripts allow-forms allow-modals allow-popups', title: panel.title || 'Add-on' });
  frame.srcdoc = panel.html;
  const close = el('button', { class: 'panel-close', 'aria-label': 'Close', text: '×' });
  const header = el('div', { class: 'panel-title' }, el('span', { text: panel.title }), close);
  let node: HTMLElement;
  if (panel.kind === 'sidebar') {
    // Sheets shows one sidebar at a time: a new one replaces the old.
    for (const other of open.filter((o) => o.kind === 'sidebar')) remove(other);
    node = el('aside', { class: 'sidebar', 'aria-label': panel.title }, header, frame);
    document.querySelector('.main')?.append(node);
  } else {
    const box = el('div', { class: 'html-dialog', role: 'dialog', 'aria-label': panel.title }, header, frame);
    box.style.width = `${panel.width ?? 600}px`;
    frame.style.height = `${panel.height ?? 400}px`;
    node = el('div', { class: panel.kind === 'modal' ? 'modal-layer' : 'modeless-layer' }, box);
    document.body.append(node);
  }
  const entry: Open = { frame, node, kind: panel.kind };
  open.push(entry);
  close.addEventListener('click', () => remove(entry));
}

/**
 * Closes every sidebar and dialog: in Sheets another person or another file is
 * another browser tab, where the panels of this one are not open.
 */
export function closeAllPanels(): void {
  for (const entry of [...open]) remove(entry);
}

function remove(entry: Open): void {
  entry.node.remove();
  open.splice(open.indexOf(entry), 1);
}

function listen(runServer: RunServer): void {
  if (listening) return;
  listening = true;
  window.addEventListener('message', (event) => {
    const entry = open.find((o) => o.frame.contentWindow === event.source);
    if (!entry) return;
    const data = event.data as { type?: string; id?: number; name?: string; args?: unknown[]; height?: number; width?: number };
    const reply = (reply: { ok: true; value: unknown } | { ok: false; error: string }): void =>
      entry.frame.contentWindow?.postMessage({ type: 'gsr-result', id: data.id, reply }, '*');
    if (data.type === 'gsr-run' && typeof data.name === 'string') {
      runServer(data.name, Array.isArray(data.args) ? data.args : []).then(
        (value) => reply({ ok: true, value }),
        (error: unknown) => reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    } else if (data.type === 'gsr-close') remove(entry);
    else if (data.type === 'gsr-size' && entry.kind !== 'sidebar') {
      if (data.height) entry.frame.style.height = `${data.height}px`;
      if (data.width) (entry.frame.parentElement as HTMLElement).style.width = `${data.width}px`;
    }
  });
}
