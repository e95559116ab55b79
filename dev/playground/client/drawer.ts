// The playground's own panels, beside the workbook: the outbox (each message
// as it would arrive: its HTML in a sandboxed iframe that runs no script, and
// its plain text, which text-only mail clients and previews show) and the
// installed triggers, each with "Run now".

import { clear, el } from './dom';
import type { Mail, Trigger, WorkbookInfo } from './types';

export function renderOutbox(target: HTMLElement, outbox: Mail[]): void {
  clear(target);
  target.append(el('h2', { text: `Outbox (${outbox.length})` }));
  if (!outbox.length)
    target.append(el('p', { class: 'empty', text: 'No mail sent yet. Mail the add-on sends appears here; nothing leaves this machine.' }));
  for (const mail of [...outbox].reverse()) {
    const body = mail.htmlBody ? [htmlView(mail), plainTextView(mail.body)] : [el('pre', { class: 'mail-text', text: mail.body })];
    const recipients = [
      `To: ${mail.to.join(', ')}`,
      mail.cc.length ? `Cc: ${mail.cc.join(', ')}` : '',
      mail.bcc.length ? `Bcc: ${mail.bcc.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    target.append(
      el(
        'details',
        { class: 'mail' },
        el(
          'summary',
          {},
          el('strong', { text: mail.subject || '(no subject)' }),
          el('span', { class: 'meta', text: ` ${new Date(mail.time).toLocaleString()}` }),
        ),
        el('div', { class: 'meta', text: `From: ${mail.name ? `${mail.name} <${mail.from}>` : mail.from}` }),
        el('div', { class: 'meta', text: recipients }),
        ...body,
      ),
    );
  }
}

/** The HTML body, in a frame with no permission at all (sandbox=""): no script, no form, no navigation of this page. */
function htmlView(mail: Mail): HTMLIFrameElement {
  const frame = el('iframe', { sandbox: '', class: 'mail-html', title: `${mail.subject || 'Mail'} (HTML)` });
  frame.srcdoc = mail.htmlBody ?? '';
  return frame;
}

/** The text body of an HTML mail, below it: what a text-only client shows, so an empty one is worth saying. */
function plainTextView(body: string): HTMLDetailsElement {
  return el(
    'details',
    { class: 'mail-plain' },
    el('summary', { text: 'Plain text' }),
    body
      ? el('pre', { class: 'mail-text', text: body })
      : el('p', { class: 'meta', text: 'No plain-text body: text-only mail clients show an empty message.' }),
  );
}

export function renderTriggers(
  target: HTMLElement,
  triggers: Trigger[],
  workbooks: WorkbookInfo[],
  runNow: (uniqueId: string) => void,
): void {
  clear(target);
  target.append(el('h2', { text: `Triggers (${triggers.length})` }));
  if (!triggers.length)
    target.append(
      el('p', { class: 'empty', text: 'No installable triggers. Triggers the add-on creates appear here, each with "Run now".' }),
    );
  for (const trigger of triggers) {
    const book = workbooks.find((w) => w.id === (trigger.triggerSourceId ?? trigger.spreadsheetId))?.name ?? '';
    target.append(
      el(
        'div',
        { class: 'trigger' },
        el('div', {}, el('strong', { text: trigger.handlerFunction }), el('span', { class: 'meta', text: ` ${trigger.eventType}` })),
        el('div', { class: 'meta', text: `Runs as ${trigger.user}${book ? ` · ${book}` : ''}` }),
        trigger.schedule ? el('div', { class: 'meta', text: describeSchedule(trigger.schedule, trigger.timeZone) }) : null,
        el('button', { text: 'Run now', onclick: () => runNow(trigger.uniqueId) }),
      ),
    );
  }
}

function describeSchedule(schedule: Record<string, unknown>, timeZone: string): string {
  const parts = Object.entries(schedule).map(([key, value]) => `${key} ${String(value)}`);
  return `${parts.join(', ')} (${timeZone})`;
}
