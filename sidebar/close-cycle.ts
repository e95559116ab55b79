// The Close the cycle dialog: the current cycle's objectives and key results
// with the figures the Archive will keep, a reflection per objective, the
// unfinished key results to carry over, the next cycle, a line saying what
// closing will do, and Close (asked twice: it cannot be undone). Titles,
// owners, ids, notices and the server's messages are people's text: they go
// in as text only (dom.ts), never as HTML.
import type { CloseCycleInput, CycleReview, ReviewKeyResult, ReviewObjective } from '../src/shared/cycle-review-api';
import { REFLECTION_MAX } from '../src/shared/cycle-review-api';
import {
  closedText,
  confirmText,
  count,
  dayText,
  keyResultCount,
  lengthText,
  nextCycleProblem,
  scoreText,
  summaryText,
} from './close-cycle-text';
import { el, fill, uid } from './dom';
import { formatProgress } from './format';
import { call } from './server';

declare const google: { script: { host: { close(): void } } } | undefined;

const app = document.getElementById('app')!;

/** A reflection's textarea and its live count. */
interface Reflection {
  objective: ReviewObjective;
  text: HTMLTextAreaElement;
  length: HTMLElement;
}
/** An unfinished key result's checkbox and the part of its label that names the next cycle. */
interface Carry {
  keyResult: ReviewKeyResult;
  box: HTMLInputElement;
  next: HTMLElement;
}

let review: CycleReview;
let reflections: Reflection[] = [];
let carries: Carry[] = [];
/** True from the moment closeCycle is sent until its reply: nothing sends it again meanwhile. */
let sending = false;

const nextCycle = el('input', {
  type: 'text',
  id: 'next-cycle',
  autocomplete: 'off',
  spellcheck: 'false',
  'aria-describedby': 'next-cycle-hint next-cycle-error',
});
const nextCycleError = el('p', { class: 'field-error', id: 'next-cycle-error' });
const summary = el('p', { class: 'summary', id: 'summary', role: 'status', 'aria-live': 'polite' });
const problem = el('p', { class: 'problem', role: 'alert' });
/** The second step (confirm closing, or leaving with unsent text), shown above the buttons. */
const confirmBox = el('div', { class: 'confirm' });
const closeCycleButton = el('button', { type: 'button', class: 'primary', 'aria-describedby': 'summary' });
const cancelButton = el('button', { type: 'button', class: 'secondary' }, 'Cancel');

function hostClose(): void {
  if (typeof google !== 'undefined') google.script.host.close();
}

function closeButton(): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'secondary' }, 'Close');
  button.addEventListener('click', hostClose);
  return button;
}

/** One row of figures: progress, score, status, check-ins. */
function figures(item: { progress: number | null; score: number | null; status: string; checkins: number }): HTMLElement[] {
  return [
    el('td', { class: 'num' }, formatProgress(item.progress)),
    el('td', { class: 'num' }, scoreText(item.score)),
    el('td', { class: 'status' }, item.status),
    el('td', { class: 'num' }, item.checkins),
  ];
}

function keyResultRow(keyResult: ReviewKeyResult, editable: boolean): HTMLElement {
  let carryCell: HTMLElement = el('td', { class: 'carry' });
  if (editable && !keyResult.done) {
    const box = el('input', { type: 'checkbox', id: uid('carry') });
    const next = el('span', {}, nextCycle.value.trim());
    // The visible words first, so the name a speech user says is the one on screen; the id tells the boxes apart.
    const label = el('label', { for: box.id }, 'Carry over to ', next, el('span', { class: 'visually-hidden' }, ` (${keyResult.id})`));
    carries.push({ keyResult, box, next });
    box.addEventListener('change', showSummary);
    carryCell = el('td', { class: 'carry' }, el('div', { class: 'check' }, box, label));
  }
  return el(
    'tr',
    {},
    el(
      'th',
      { scope: 'row', class: 'kr' },
      el('span', { class: 'id' }, keyResult.id),
      ' ',
      el('span', { class: 'title' }, keyResult.title),
      keyResult.owner && el('span', { class: 'owner' }, keyResult.owner),
    ),
    ...figures(keyResult),
    carryCell,
  );
}

function objectiveSection(objective: ReviewObjective, editable: boolean): HTMLElement {
  const heading = uid('objective');
  const section = el(
    'section',
    { class: 'objective', 'aria-labelledby': heading },
    el('h2', { id: heading }, el('span', { class: 'id' }, objective.id), ' ', el('span', { class: 'title' }, objective.title)),
    el(
      'p',
      { class: 'meta' },
      objective.team && el('span', {}, 'Team: ', el('span', { class: 'team' }, objective.team)),
      objective.team && objective.owner && ' · ',
      objective.owner && el('span', {}, 'Owner: ', el('span', { class: 'owner' }, objective.owner)),
    ),
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'Key result'),
          el('th', { scope: 'col', class: 'num' }, 'Progress'),
          el('th', { scope: 'col', class: 'num' }, 'Score'),
          el('th', { scope: 'col' }, 'Status'),
          el('th', { scope: 'col', class: 'num' }, 'Check-ins'),
          el('th', { scope: 'col' }, editable ? 'Next cycle' : el('span', { class: 'visually-hidden' }, 'Next cycle')),
        ),
      ),
      el(
        'tbody',
        {},
        el('tr', { class: 'whole' }, el('th', { scope: 'row' }, 'The objective'), ...figures(objective), el('td', {})),
        ...objective.keyResults.map((keyResult) => keyResultRow(keyResult, editable)),
      ),
    ),
  );
  if (editable) section.append(reflectionField(objective));
  return section;
}

function reflectionField(objective: ReviewObjective): HTMLElement {
  const text = el('textarea', { id: uid('learned'), rows: 3 });
  const length = el('p', { class: 'length', id: uid('length') }, lengthText(0));
  text.setAttribute('aria-describedby', length.id);
  const reflection = { objective, text, length };
  reflections.push(reflection);
  text.addEventListener('input', () => showLength(reflection));
  return el(
    'div',
    { class: 'field' },
    el('label', { for: text.id }, 'What we learned', el('span', { class: 'visually-hidden' }, ` (${objective.id})`)),
    text,
    length,
  );
}

/** The live count; past the limit the field is flagged, and Close refuses to send it. */
function showLength({ text, length }: Reflection): void {
  const over = text.value.length > REFLECTION_MAX;
  length.textContent = lengthText(text.value.length);
  length.classList.toggle('over', over);
  if (over) text.setAttribute('aria-invalid', 'true');
  else text.removeAttribute('aria-invalid');
}

function carried(): Carry[] {
  return carries.filter((carry) => carry.box.checked);
}

function showSummary(): void {
  summary.textContent = summaryText(review, nextCycle.value, carried().length);
}

function onNextCycle(): void {
  for (const carry of carries) carry.next.textContent = nextCycle.value.trim();
  nextCycleError.textContent = '';
  nextCycle.removeAttribute('aria-invalid');
  showSummary();
}

/** What the person typed or ticked that closing would keep and leaving would lose. */
function edited(): boolean {
  return reflections.some((r) => r.text.value.trim() !== '') || carried().length > 0 || nextCycle.value.trim() !== review.nextCycle.trim();
}

function input(): CloseCycleInput {
  const texts: Record<string, string> = {};
  for (const { objective, text } of reflections) if (text.value.trim() !== '') texts[objective.id] = text.value;
  return { cycle: review.cycle, nextCycle: nextCycle.value.trim(), reflections: texts, carryOver: carried().map((c) => c.keyResult.id) };
}

/** Checks what the server would refuse for sure; on a problem, says it and moves focus to the field. */
function ready(): boolean {
  problem.textContent = '';
  const nextProblem = nextCycleProblem(review, nextCycle.value);
  if (nextProblem) {
    nextCycleError.textContent = nextProblem;
    nextCycle.setAttribute('aria-invalid', 'true');
    nextCycle.focus();
    return false;
  }
  const tooLong = reflections.find((r) => r.text.value.length > REFLECTION_MAX);
  if (tooLong) {
    problem.textContent = `What we learned for ${tooLong.objective.id} is ${lengthText(tooLong.text.value.length)}: shorten it to close the cycle.`;
    showLength(tooLong);
    tooLong.text.focus();
    return false;
  }
  return true;
}

/** Takes the open question away and gives the first step's buttons back. */
function dismiss(): void {
  fill(confirmBox);
  closeCycleButton.disabled = false;
  cancelButton.disabled = false;
}

/** Shows the second step: a question, a button that goes ahead, and one (or Escape) that goes back. */
function ask(question: string, yes: string, onYes: () => void, back: HTMLElement): void {
  const go = el('button', { type: 'button', class: 'primary' }, yes);
  const goBack = el('button', { type: 'button', class: 'secondary' }, 'Go back');
  const questionId = uid('question');
  const leave = () => {
    dismiss();
    back.focus();
  };
  goBack.addEventListener('click', leave);
  go.addEventListener('click', () => {
    // Disabled at once, so a double click or a second Enter sends nothing more.
    go.disabled = true;
    goBack.disabled = true;
    onYes();
  });
  fill(
    confirmBox,
    el(
      'div',
      { role: 'group', 'aria-labelledby': questionId, class: 'question' },
      el('p', { id: questionId }, question),
      el('div', { class: 'actions' }, go, goBack),
    ),
  );
  // Escape only ever goes back from a question: nothing on the page throws away what was typed.
  confirmBox.onkeydown = (event) => {
    if (event.key === 'Escape' && !go.disabled) {
      event.preventDefault();
      leave();
    }
  };
  // The first step's buttons wait, so a double click on them cannot answer the question too.
  closeCycleButton.disabled = true;
  cancelButton.disabled = true;
  go.focus();
}

function askToClose(): void {
  if (sending || !ready()) return;
  ask(confirmText(review, nextCycle.value, carried().length), `Yes, close ${review.cycle}`, () => void send(), closeCycleButton);
}

function askToLeave(): void {
  if (!edited()) return hostClose();
  ask(
    'Leave without closing the cycle? Nothing is saved until the cycle is closed: what you wrote and ticked here is lost.',
    'Leave',
    hostClose,
    cancelButton,
  );
}

/** Every control off (or back on) while closeCycle runs, so nothing typed meanwhile is left unsent. */
function lock(on: boolean): void {
  for (const control of app.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('input, textarea, button')) {
    control.disabled = on;
  }
  if (on) app.setAttribute('aria-busy', 'true');
  else app.removeAttribute('aria-busy');
}

async function send(): Promise<void> {
  if (sending) return;
  sending = true;
  const sent = input();
  lock(true);
  try {
    const result = await call('closeCycle', sent);
    const done = el('p', { class: 'result', role: 'status', tabindex: -1 }, closedText(sent.cycle, result));
    fill(app, el('h1', {}, `Close the cycle: ${sent.cycle}`), done, el('div', { class: 'actions' }, closeButton()));
    done.focus();
  } catch (error) {
    // Everything typed and ticked stays as it was; only the question goes. The words do not claim
    // the cycle is open: a retry after a lost reply is refused as "already closed".
    lock(false);
    dismiss();
    problem.textContent = `Closing ${review.cycle} did not go through: ${(error as Error).message.replace(/^(?:Error|Exception):\s*/, '')}`;
    closeCycleButton.focus();
  } finally {
    sending = false;
  }
}

function render(): void {
  reflections = [];
  carries = [];
  // Before the list: each carry-over label names it.
  nextCycle.value = review.nextCycle;
  const closed = review.closedOn !== null;
  const total = review.objectives.length;
  const intro = closed
    ? el('p', { class: 'closed' }, `${review.cycle} was already closed on ${dayText(review.closedOn!)}: its record is in the Archive tab.`)
    : el(
        'p',
        { class: 'intro' },
        `Each objective and key result of ${review.cycle} is archived with these figures and what you learned. Closing cannot be undone.`,
      );
  const notices =
    review.notices.length > 0 &&
    el(
      'div',
      { class: 'notices' },
      el('p', {}, 'Before you close:'),
      el('ul', {}, ...review.notices.map((notice) => el('li', {}, notice))),
    );
  const list = el(
    'div',
    {
      class: 'list',
      role: 'region',
      'aria-label': `${review.cycle}: ${count(total, 'objective', 'objectives')}`,
      tabindex: closed ? 0 : null,
    },
    notices,
    total === 0 && el('p', { class: 'empty' }, `${review.cycle} has no objectives.`),
    ...review.objectives.map((objective) => objectiveSection(objective, !closed)),
  );
  const heading = el('h1', {}, `Close the cycle: ${review.cycle}`);
  if (closed) {
    fill(app, heading, intro, list, el('div', { class: 'footer' }, el('div', { class: 'actions' }, closeButton())));
    return;
  }
  nextCycle.addEventListener('input', onNextCycle);
  closeCycleButton.textContent = `Close ${review.cycle}…`;
  closeCycleButton.addEventListener('click', askToClose);
  cancelButton.addEventListener('click', askToLeave);
  // A change made while a question is open makes its answer stale (the counts it gave, the reflections it checked): it goes.
  const stale = (event: Event) => {
    if (confirmBox.firstChild && !confirmBox.contains(event.target as Node)) dismiss();
  };
  app.addEventListener('input', stale);
  app.addEventListener('change', stale);
  fill(
    app,
    heading,
    intro,
    el(
      'div',
      { class: 'field next' },
      el('label', { for: nextCycle.id }, 'Next cycle'),
      nextCycle,
      el(
        'span',
        { class: 'hint', id: 'next-cycle-hint' },
        `${keyResultCount(review) > 0 ? 'Carried key results start in it; ' : ''}it becomes the current cycle.`,
      ),
      nextCycleError,
    ),
    list,
    el('div', { class: 'footer' }, summary, problem, confirmBox, el('div', { class: 'actions' }, closeCycleButton, cancelButton)),
  );
  showSummary();
}

async function load(): Promise<void> {
  try {
    review = await call('getCycleReview');
  } catch (error) {
    fill(
      app,
      el('h1', {}, 'Close the cycle'),
      el('p', { class: 'problem', role: 'alert' }, `The cycle could not be read: ${(error as Error).message}`),
      el('div', { class: 'actions' }, closeButton()),
    );
    return;
  } finally {
    app.removeAttribute('aria-busy');
  }
  render();
}

void load();
