// The check-in form of one key result. It checks the input with the same
// rules as the server (checkCheckin) and shows each problem beside its field
// before anything is sent; the server checks again.
import type { CheckinInput, KeyResultView } from '../src/shared/checkin-api';
import { NOTE_MAX, checkCheckin, type CheckinField, type FieldError, type Notation } from '../src/okr/checkin';
import { el, uid } from './dom';
import { formatValue, howToType, parseValue, type Scale } from './format';
import { Attempt } from './request-id';

/** A refusal that sending again cannot change (the key result is gone): the form keeps what was typed, and stops sending. */
export class Refused extends Error {}

export interface FormOptions {
  kr: KeyResultView;
  /** How the sheet writes numbers. */
  notation: Notation;
  /** Sends the check-in; rejects with an Error whose message the form shows. */
  send(input: Omit<CheckinInput, 'as'>): Promise<void>;
}

interface Field {
  /** What gets focus when the field is in error. */
  focus: HTMLElement;
  /** What carries aria-invalid. */
  controls: HTMLElement[];
  /** Where aria-describedby goes (the control, or the fieldset of radios). */
  described: HTMLElement;
  hintId: string;
  error: HTMLElement;
}

/** What the value field read: a value to send, or a problem to show beside it. */
interface ValueRead {
  value: number | boolean | null | undefined;
  problem?: string;
}

export function checkinForm({ kr, notation, send }: FormOptions): HTMLFormElement {
  const attempt = new Attempt();
  const scale: Scale = { ...kr, notation };
  const value = kr.currentFromFormula ? formulaField(kr, scale) : kr.metric === 'milestone' ? milestoneField() : numberField(kr, scale);
  const confidence = confidenceField(kr);
  const note = noteField();
  const fields: Record<CheckinField, Field> = { value: value.field, confidence: confidence.field, note: note.field };
  const problem = el('p', { class: 'form-problem', role: 'alert', tabindex: -1 });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Check in');
  const form = el(
    'form',
    { class: 'checkin', novalidate: true, 'aria-label': `Check in on ${kr.title || kr.id}` },
    value.node,
    confidence.node,
    note.node,
    problem,
    submit,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return; // a second Enter while sending
    problem.textContent = '';
    const typed = value.read();
    const input = { keyResultId: kr.id, value: typed.value, confidence: confidence.read(), note: note.read() };
    const checked = checkCheckin(input, kr.metric, { valueFromFormula: kr.currentFromFormula });
    const errors = typed.problem
      ? [{ field: 'value' as const, message: typed.problem }, ...checked.filter((e) => e.field !== 'value')]
      : checked;
    showErrors(fields, errors);
    if (errors.length) return;
    const sent = input as Omit<CheckinInput, 'id' | 'as'>;
    const id = attempt.idFor(sent);
    submit.disabled = true;
    submit.textContent = 'Saving…';
    form.setAttribute('aria-busy', 'true');
    send({ id, ...sent }).then(
      () => attempt.done(),
      (error: Error) => {
        // Everything typed stays as it was: only the message and the button change.
        problem.textContent = error.message || 'The check-in was not saved: try again.';
        submit.textContent = 'Check in';
        form.removeAttribute('aria-busy');
        if (error instanceof Refused) {
          problem.focus(); // nothing to send it to: the button stays disabled
          return;
        }
        submit.disabled = false;
        submit.focus(); // disabling it dropped focus; the alert above it is read out
      },
    );
  });
  return form;
}

function showErrors(fields: Record<CheckinField, Field>, errors: FieldError[]): void {
  for (const [name, field] of Object.entries(fields) as [CheckinField, Field][]) {
    const error = errors.find((e) => e.field === name);
    field.error.textContent = error?.message ?? '';
    field.error.hidden = !error;
    for (const control of field.controls) {
      if (error) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    field.described.setAttribute('aria-describedby', error ? `${field.hintId} ${field.error.id}` : field.hintId);
  }
  const first = (['value', 'confidence', 'note'] as const).find((name) => errors.some((e) => e.field === name));
  if (first) fields[first].focus.focus();
}

function errorNode(): HTMLElement {
  return el('p', { class: 'field-error', id: uid('error'), hidden: true });
}

function numberField(kr: KeyResultView, scale: Scale) {
  const id = uid('value');
  const hintId = uid('hint');
  const now = kr.current === null ? 'No value yet' : `Now ${formatValue(kr.current, scale)}`;
  const how = howToType(scale);
  const input = el('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': hintId });
  const error = errorNode();
  const node = el(
    'div',
    { class: 'field' },
    el('label', { for: id }, 'New value'),
    el('p', { class: 'hint', id: hintId }, `${now}: ${how}.`),
    input,
    error,
  );
  return {
    node,
    field: { focus: input, controls: [input], described: input, hintId, error },
    read: (): ValueRead => {
      const read = parseValue(input.value, scale);
      // An empty field gets the hint's words too, not the server's general "must be a number".
      return read === undefined
        ? { value: undefined, problem: `No new value yet: ${how}.` }
        : 'problem' in read
          ? { value: undefined, problem: read.problem }
          : { value: read.value };
    },
  };
}

/** Current is a formula in the sheet (fed from another tab): shown, not typed; the check-in records its value. */
function formulaField(kr: KeyResultView, scale: Scale) {
  const id = uid('value');
  const hintId = uid('hint');
  const output = el('output', { id, class: 'formula-value', 'aria-describedby': hintId }, formatValue(kr.current, scale));
  const error = errorNode();
  const node = el(
    'div',
    { class: 'field' },
    el('span', { class: 'label', id: uid('label') }, 'Current value'),
    output,
    el(
      'p',
      { class: 'hint', id: hintId },
      'From a formula in the sheet, so it is not typed here: your check-in records it as it is, with your confidence and note.',
    ),
    error,
  );
  return {
    node,
    field: { focus: output, controls: [], described: output, hintId, error },
    read: (): ValueRead => ({ value: null }),
  };
}

function milestoneField() {
  const name = uid('milestone');
  const hintId = uid('hint');
  const done = el('input', { type: 'radio', name, value: 'done', id: uid('done') });
  const notDone = el('input', { type: 'radio', name, value: 'not done', id: uid('not-done') });
  const error = errorNode();
  const node = el(
    'fieldset',
    { class: 'field', 'aria-describedby': hintId },
    el('legend', {}, 'New value'),
    el('p', { class: 'hint', id: hintId }, 'Is it done?'),
    el('div', { class: 'choices' }, el('label', { for: done.id }, done, ' Done'), el('label', { for: notDone.id }, notDone, ' Not done')),
    error,
  );
  return {
    node,
    field: { focus: done, controls: [done, notDone], described: node, hintId, error },
    read: (): ValueRead => ({ value: done.checked ? true : notDone.checked ? false : undefined }),
  };
}

function confidenceField(kr: KeyResultView) {
  const id = uid('confidence');
  const hintId = uid('hint');
  const input = el('input', {
    id,
    type: 'number',
    min: 0,
    max: 10,
    step: 1,
    inputmode: 'numeric',
    'aria-describedby': hintId,
    value: kr.confidence ?? '',
  });
  const error = errorNode();
  const node = el(
    'div',
    { class: 'field' },
    el('label', { for: id }, 'Confidence'),
    el('p', { class: 'hint', id: hintId }, 'From 0 (no chance) to 10 (certain) that the target is reached.'),
    input,
    error,
  );
  return {
    node,
    field: { focus: input, controls: [input], described: input, hintId, error },
    read: (): number | undefined => (input.value.trim() === '' ? undefined : Number(input.value)),
  };
}

function noteField() {
  const id = uid('note');
  const hintId = uid('hint');
  const countId = uid('count');
  const textarea = el('textarea', { id, rows: 3, 'aria-describedby': `${hintId} ${countId}` });
  const count = el('span', { id: countId, class: 'count' }, `0 of ${NOTE_MAX} characters`);
  textarea.addEventListener('input', () => {
    count.textContent = `${textarea.value.length} of ${NOTE_MAX} characters`;
    count.classList.toggle('over', textarea.value.length > NOTE_MAX);
  });
  const error = errorNode();
  const node = el(
    'div',
    { class: 'field' },
    el('label', { for: id }, 'Note'),
    el('p', { class: 'hint', id: hintId }, 'What changed, or what is in the way.'),
    textarea,
    count,
    error,
  );
  return {
    node,
    // The count stays in the description, so it is read with the error.
    field: { focus: textarea, controls: [textarea], described: textarea, hintId: `${hintId} ${countId}`, error },
    read: (): string => textarea.value,
  };
}
