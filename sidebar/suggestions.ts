// The Apply suggested metrics dialog: the metrics key results state in their
// text, each unticked (the person chooses), an Apply that sends the ticked
// IDs, then what was applied and what was skipped and why. Key result text is
// whatever people typed (HTML, scripts, formulas): it goes in as text only.
import type { AppliedMetrics, MetricSuggestion } from '../src/shared/suggestions-api';
import { el, fill, uid } from './dom';
import { call } from './server';

declare const google: { script: { host: { close(): void } } } | undefined;

const app = document.getElementById('app')!;
/** What the last Apply did; stays on screen while the list reloads under it. */
const outcome = el('div', { class: 'outcome', role: 'status', 'aria-live': 'polite', tabindex: -1 });

async function load(): Promise<void> {
  app.setAttribute('aria-busy', 'true');
  try {
    render(await call('getMetricSuggestions'));
  } catch (error) {
    fill(
      app,
      outcome,
      el('p', { class: 'problem', role: 'alert' }, `The suggestions could not be read: ${(error as Error).message}`),
      el('div', { class: 'actions' }, closeButton()),
    );
  } finally {
    app.removeAttribute('aria-busy');
  }
}

function render(suggestions: MetricSuggestion[]): void {
  const intro = el(
    'p',
    { class: 'intro' },
    'These key results state their numbers in words. Tick the ones to measure: each gets Metric, Start and Target, and Current becomes Start where it was blank or not done. Nothing else changes.',
  );
  if (suggestions.length === 0) {
    fill(
      app,
      outcome,
      el('p', {}, 'Nothing left to suggest: every key result whose text states a measure is measured.'),
      el('div', { class: 'actions' }, closeButton()),
    );
    return;
  }
  const problem = el('p', { class: 'problem', role: 'alert' });
  const apply = el('button', { type: 'submit', class: 'primary' }, 'Apply');
  const form = el(
    'form',
    { novalidate: true },
    el('fieldset', {}, el('legend', {}, 'Suggested metrics'), el('ul', { class: 'suggestions' }, ...suggestions.map(item))),
    problem,
    el('div', { class: 'actions' }, apply, closeButton()),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((box) => box.value);
    if (ids.length === 0) {
      problem.textContent = 'Tick the key results to apply first.';
      form.querySelector<HTMLInputElement>('input[type=checkbox]:not(:disabled)')?.focus();
      return;
    }
    problem.textContent = '';
    apply.disabled = true;
    form.setAttribute('aria-busy', 'true');
    call('applyMetricSuggestions', ids).then(
      async (result) => {
        showOutcome(result);
        await load();
        outcome.focus();
      },
      (error: Error) => {
        problem.textContent = `Nothing was applied: ${error.message}`;
        apply.disabled = false;
        form.removeAttribute('aria-busy');
      },
    );
  });
  fill(app, intro, outcome, form);
}

/** One suggestion: a checkbox labelled with the key result, the proposal in words below it. */
function item(suggestion: MetricSuggestion): HTMLElement {
  const boxId = uid('pick');
  const detailsId = uid('details');
  return el(
    'li',
    { class: 'suggestion' },
    el('input', {
      type: 'checkbox',
      id: boxId,
      value: suggestion.id,
      disabled: suggestion.blocked !== '',
      'aria-describedby': detailsId,
    }),
    el('label', { for: boxId }, el('span', { class: 'kr-id' }, suggestion.id), ' ', el('span', { class: 'kr-text' }, suggestion.text)),
    el(
      'p',
      { class: 'details', id: detailsId },
      el('span', { class: 'proposal' }, `Measure as ${suggestion.summary}`),
      el('span', { class: 'phrase' }, ` (read from "${suggestion.phrase}").`),
      suggestion.blocked && el('span', { class: 'blocked' }, ` ${suggestion.blocked}`),
    ),
  );
}

function showOutcome({ applied, skipped }: AppliedMetrics): void {
  const keyResults = (n: number) => `${n} key result${n === 1 ? '' : 's'}`;
  fill(
    outcome,
    el(
      'p',
      {},
      applied.length
        ? `Applied to ${keyResults(applied.length)}: ${applied.join(', ')}. Their Metric, Start and Target are in the Key Results tab.`
        : 'Nothing was applied.',
    ),
    skipped.length > 0 && el('p', {}, `Not applied to ${keyResults(skipped.length)}:`),
    skipped.length > 0 && el('ul', {}, ...skipped.map(({ id, reason }) => el('li', {}, `${id}: ${reason}`))),
  );
}

function closeButton(): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'secondary' }, 'Close');
  button.addEventListener('click', () => {
    if (typeof google !== 'undefined') google.script.host.close();
  });
  return button;
}

void load();
