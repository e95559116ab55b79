// Alerts and prompts drawn as Sheets draws them: a modal box centred over the
// sheet, the title, the message as plain text, the buttons of the ButtonSet,
// and a close (×) that answers CLOSE.

import { el } from './dom';
import type { AskedDialog } from './types';

const LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };
const SETS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export interface DialogAnswer {
  button: string;
  text?: string;
}

export function showDialog(dialog: AskedDialog): Promise<DialogAnswer> {
  return new Promise((resolve) => {
    const input = dialog.kind === 'prompt' ? el('input', { type: 'text', class: 'prompt-input', 'aria-label': dialog.message }) : null;
    const finish = (button: string): void => {
      layer.remove();
      resolve(input ? { button, text: input.value } : { button });
    };
    const buttons = (SETS[dialog.buttons] ?? ['OK']).map((name, i) =>
      el('button', { class: i === 0 ? 'primary' : '', 'data-button': name, text: LABELS[name] ?? name, onclick: () => finish(name) }),
    );
    const box = el(
      'div',
      { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-label': dialog.title || 'Message' },
      el('button', { class: 'dialog-close', 'aria-label': 'Close', text: '×', onclick: () => finish('CLOSE') }),
      dialog.title ? el('h2', { text: dialog.title }) : null,
      el('p', { class: 'dialog-message', text: dialog.message }),
      input,
      el('div', { class: 'dialog-buttons' }, ...buttons),
    );
    const layer = el('div', { class: 'modal-layer' }, box);
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish('CLOSE');
      if (event.key === 'Enter' && input) finish(SETS[dialog.buttons]?.[0] ?? 'OK');
    });
    document.body.append(layer);
    (input ?? buttons[0])?.focus();
  });
}

/** A message of the playground itself (an error, a rejected edit), in the same style. */
export function showMessage(title: string, message: string): Promise<void> {
  return showDialog({ kind: 'alert', title, message, buttons: 'OK' }).then(() => undefined);
}

/** A short note at the bottom of the page, as Sheets shows toasts. */
export function toast(message: string, title = '', seconds = 5): void {
  const node = el('div', { class: 'toast', role: 'status' }, title ? el('strong', { text: title }) : null, el('span', { text: message }));
  document.querySelector('.toasts')?.append(node);
  setTimeout(() => node.remove(), seconds * 1000);
}
