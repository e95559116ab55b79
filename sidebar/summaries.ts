// The Email summaries dialog: the weekly summary's settings in a form, when
// the next one goes out and to how many people, this week's summary as it will
// arrive, and Send now (asked twice). The preview's HTML is mail the server
// built from people's text: it is shown only in a sandboxed frame that runs no
// script, never put into this page; everything else goes in as text.
import type { SummaryPreview, SummarySent, SummarySettings } from '../src/shared/summary-api';
import { WEEKDAYS } from '../src/shared/summary-api';
import { el, fill, uid } from './dom';
import { call } from './server';
import {
  changed,
  fieldOf,
  hourText,
  nextSendText,
  people,
  toForm,
  toSettings,
  weekdayText,
  type Field,
  type FormValues,
} from './summary-settings';

declare const google: { script: { host: { close(): void } } } | undefined;

const app = document.getElementById('app')!;

/** What the server holds: changes only when a save succeeds. */
let saved: SummarySettings;
/** How many people the summary goes to; null until counted, or when it could not be. */
let recipientCount: number | null = null;

// The page's parts, built once the settings are read.
const schedule = el('p', { class: 'schedule', role: 'status', 'aria-live': 'polite' });
const result = el('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
const problem = el('p', { class: 'problem', role: 'alert' });
const previewArea = el('section', { class: 'preview', 'aria-labelledby': 'preview-heading', hidden: true });

const controls = {
  enabled: el('input', { type: 'checkbox', id: 'enabled', name: 'enabled' }),
  recipients: (['owners', 'list', 'both'] as const).map((value) =>
    el('input', { type: 'radio', name: 'recipients', id: `recipients-${value}`, value }),
  ),
  list: el('textarea', {
    id: 'list',
    name: 'list',
    rows: 3,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'list-hint list-error',
  }),
  weekday: el('select', { id: 'weekday', name: 'weekday' }, ...WEEKDAYS.map((day) => el('option', { value: day }, weekdayText(day)))),
  hour: el('select', { id: 'hour', name: 'hour' }, ...Array.from({ length: 24 }, (_, h) => el('option', { value: h }, hourText(h)))),
  reminders: el('input', { type: 'checkbox', id: 'reminders', name: 'reminders' }),
};

/** Each field's error, shown next to it. */
const errors = Object.fromEntries(
  (['enabled', 'recipients', 'list', 'weekday', 'hour', 'reminders'] as const).map((field) => [
    field,
    el('p', { class: 'field-error', id: `${field}-error` }),
  ]),
) as Record<Field, HTMLParagraphElement>;

const buttons = {
  save: el('button', { type: 'submit', class: 'primary' }, 'Save'),
  preview: el('button', { type: 'button', class: 'secondary' }, 'Preview'),
  send: el('button', { type: 'button', class: 'secondary' }, 'Send now…'),
  close: el('button', { type: 'button', class: 'secondary' }, 'Close'),
};

function readForm(): FormValues {
  return {
    enabled: controls.enabled.checked,
    recipients: (controls.recipients.find((radio) => radio.checked)?.value ?? 'owners') as FormValues['recipients'],
    list: controls.list.value,
    weekday: controls.weekday.value as FormValues['weekday'],
    hour: Number(controls.hour.value),
    reminders: controls.reminders.checked,
  };
}

function writeForm(values: FormValues): void {
  controls.enabled.checked = values.enabled;
  for (const radio of controls.recipients) radio.checked = radio.value === values.recipients;
  controls.list.value = values.list;
  controls.weekday.value = values.weekday;
  controls.hour.value = String(values.hour);
  controls.reminders.checked = values.reminders;
}

/** The control a field's error points at (the first radio of a group). */
function controlOf(field: Field): HTMLElement {
  const control = controls[field];
  return Array.isArray(control) ? control[0]! : control;
}

function clearErrors(): void {
  problem.textContent = '';
  for (const field of Object.keys(errors) as Field[]) {
    errors[field].textContent = '';
    const control = controls[field];
    for (const c of Array.isArray(control) ? control : [control]) c.removeAttribute('aria-invalid');
  }
}

/** Runs a server call with the action buttons off, so no call starts while one runs. */
async function busy<T>(work: () => Promise<T>): Promise<T> {
  for (const button of [buttons.save, buttons.preview, buttons.send]) button.disabled = true;
  app.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    for (const button of [buttons.save, buttons.preview, buttons.send]) button.disabled = false;
    app.removeAttribute('aria-busy');
  }
}

function showSchedule(): void {
  const when = nextSendText(saved);
  const to = recipientCount === null ? '' : `, to ${people(recipientCount)}`;
  schedule.textContent = when
    ? `Next summary: ${when} (in the spreadsheet's time zone)${to}.`
    : 'Summaries are off: none is scheduled. Tick "Send a summary every week" and save to start them.';
}

/** Counts the recipients from this week's preview; returns the preview, or null when it could not be made. */
async function count(): Promise<SummaryPreview | null> {
  try {
    const preview = await call('previewSummary');
    recipientCount = preview.recipients.length;
    return preview;
  } catch (error) {
    recipientCount = null;
    problem.textContent = `The summary could not be prepared: ${(error as Error).message}`;
    return null;
  } finally {
    showSchedule();
  }
}

async function save(): Promise<void> {
  clearErrors();
  fill(result);
  try {
    saved = await call('saveSummarySettings', toSettings(readForm()));
  } catch (error) {
    // The saved settings, the schedule line and the form as edited all stay.
    const { field, text } = fieldOf((error as Error).message);
    problem.textContent = `Nothing was saved: ${(error as Error).message.replace(/^(?:Error|Exception):\s*/, '')}`;
    if (field) {
      errors[field].textContent = text;
      const control = controls[field];
      for (const c of Array.isArray(control) ? control : [control]) c.setAttribute('aria-invalid', 'true');
      controlOf(field).focus();
    }
    return;
  }
  writeForm(toForm(saved));
  result.textContent = 'Saved.';
  await count();
}

async function preview(): Promise<void> {
  clearErrors();
  const summary = await count();
  if (!summary) return;
  renderPreview(summary);
  previewArea.hidden = false;
  document.getElementById('preview-heading')!.focus();
}

function renderPreview(summary: SummaryPreview): void {
  const frame = el('iframe', { class: 'mail-html', sandbox: '', title: `The summary as it arrives: ${summary.subject}` });
  frame.srcdoc = summary.html;
  const text = el('pre', { class: 'mail-text', hidden: true, tabindex: 0, 'aria-label': 'The summary in plain text' }, summary.text);
  const toggle = el('button', { type: 'button', class: 'secondary toggle', 'aria-pressed': 'false' }, 'Plain text');
  toggle.addEventListener('click', () => {
    const showText = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(showText));
    text.hidden = !showText;
    frame.hidden = showText;
  });
  fill(
    previewArea,
    el('h2', { id: 'preview-heading', tabindex: -1 }, 'This week’s summary'),
    el('p', { class: 'subject' }, el('span', { class: 'label' }, 'Subject: '), summary.subject),
    el(
      'p',
      { class: 'recipients' },
      el('span', { class: 'label' }, 'To: '),
      summary.recipients.length ? `${people(summary.recipients.length)} (${summary.recipients.join(', ')})` : 'nobody yet',
    ),
    toggle,
    frame,
    text,
  );
}

/** Send now asks first, in the page, saying to how many people and that unsaved changes do not count. */
function askToSend(): void {
  clearErrors();
  const send = el('button', { type: 'button', class: 'primary' }, 'Send');
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const unsaved = changed(readForm(), toForm(saved));
  const question = el(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-question' },
    el(
      'p',
      { id: 'confirm-question' },
      `Send this week’s summary now${recipientCount === null ? '' : ` to ${people(recipientCount)}`}?`,
      unsaved ? ' Your unsaved changes do not count: it goes out with the saved settings.' : '',
    ),
    el('div', { class: 'actions' }, send, cancel),
  );
  cancel.addEventListener('click', () => {
    fill(result);
    buttons.send.focus();
  });
  send.addEventListener('click', () => {
    send.disabled = true;
    cancel.disabled = true;
    void busy(sendNow);
  });
  fill(result, question);
  send.focus();
}

async function sendNow(): Promise<void> {
  let outcome: SummarySent;
  try {
    outcome = await call('sendSummaryNow');
  } catch (error) {
    fill(result);
    problem.textContent = `The summary was not sent: ${(error as Error).message}`;
    return;
  }
  fill(result, el('p', { tabindex: -1 }, sentText(outcome)));
  (result.firstElementChild as HTMLElement).focus();
}

/**
 * What the server sent. Its counts are messages, a reminder as much as a
 * summary (an owner may get both), so they are told as messages, not people;
 * nothing new to send when this week's went out already is said as such.
 */
function sentText({ sent, deferred, alreadySent }: SummarySent): string {
  if (sent === 0 && deferred === 0)
    return alreadySent > 0
      ? `Nothing new was sent: this week’s ${messages(alreadySent)} went out already.`
      : 'Nothing was sent: the summary has nobody to go to.';
  const later = deferred > 0 ? `; ${deferred} more go out on the next run: today’s mail quota is used up` : '';
  return `Sent ${messages(sent)}${later}.`;
}

function messages(n: number): string {
  return `${n} ${n === 1 ? 'message' : 'messages'}`;
}

function field(control: HTMLElement, label: string, ...after: Node[]): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: control.id }, label), control, ...after);
}

function render(): void {
  const recipientsHint = uid('hint');
  const form = el(
    'form',
    { novalidate: true },
    el('div', { class: 'check' }, controls.enabled, el('label', { for: 'enabled' }, 'Send a summary every week'), errors.enabled),
    el(
      'fieldset',
      { 'aria-describedby': `${recipientsHint} recipients-error` },
      el('legend', {}, 'Send it to'),
      ...controls.recipients.map((radio, i) =>
        el(
          'div',
          { class: 'check' },
          radio,
          el('label', { for: radio.id }, ['The owners of the key results', 'The addresses below', 'Both'][i]),
        ),
      ),
      el('p', { class: 'hint', id: recipientsHint }, 'Owners get it at their address, or at their Email in the People tab.'),
      errors.recipients,
    ),
    field(controls.list, 'Addresses', el('p', { class: 'hint', id: 'list-hint' }, 'One a line, or separated by commas.'), errors.list),
    el(
      'fieldset',
      { class: 'when' },
      el('legend', {}, 'When (in the spreadsheet’s time zone)'),
      el('div', { class: 'row' }, field(controls.weekday, 'Day'), field(controls.hour, 'Hour')),
      errors.weekday,
      errors.hour,
    ),
    el(
      'div',
      { class: 'check' },
      controls.reminders,
      el('label', { for: 'reminders' }, 'Also remind owners who have not checked in'),
      errors.reminders,
    ),
    problem,
    el('div', { class: 'actions' }, buttons.save, buttons.preview, buttons.send, buttons.close),
  );
  controls.weekday.setAttribute('aria-describedby', 'weekday-error');
  controls.hour.setAttribute('aria-describedby', 'hour-error');
  controls.enabled.setAttribute('aria-describedby', 'enabled-error');
  controls.reminders.setAttribute('aria-describedby', 'reminders-error');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(save);
  });
  buttons.preview.addEventListener('click', () => void busy(preview));
  buttons.send.addEventListener('click', askToSend);
  buttons.close.addEventListener('click', () => {
    if (typeof google !== 'undefined') google.script.host.close();
  });
  fill(app, el('h1', { class: 'visually-hidden' }, 'Email summaries'), schedule, form, result, previewArea);
  writeForm(toForm(saved));
  showSchedule();
}

async function load(): Promise<void> {
  try {
    saved = await call('getSummarySettings');
  } catch (error) {
    const closeButton = buttons.close;
    closeButton.addEventListener('click', () => {
      if (typeof google !== 'undefined') google.script.host.close();
    });
    fill(
      app,
      el('p', { class: 'problem', role: 'alert' }, `The summary settings could not be read: ${(error as Error).message}`),
      el('div', { class: 'actions' }, closeButton),
    );
    app.removeAttribute('aria-busy');
    return;
  }
  render();
  await busy(count);
}

void load();
