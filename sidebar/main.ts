// The check-in panel: loads everything in one call, lists the key results
// (the person's own first), and records check-ins one at a time.
import type { CheckinContext, CheckinInput, KeyResultView } from '../src/shared/checkin-api';
import { renderCard, renderRecent, type Card } from './card';
import { el, fill, uid } from './dom';
import { visible, type Filter } from './filter';
import { Refused, checkinForm } from './form';
import { rememberName, rememberedName, whoAmI } from './identity';
import { call } from './server';
import { notationOf, type Notation } from '../src/okr/checkin';

const app = document.getElementById('app')!;
const announcer = el('p', { class: 'announce', role: 'status', 'aria-live': 'polite', tabindex: -1 });

let context: CheckinContext | undefined;
let picked = rememberedName();
const filter: Filter = { team: '', search: '' };
let selected = '';
const cards = new Map<string, Card>();
let lists: { gone: HTMLElement; own: HTMLElement; others: HTMLElement; count: HTMLElement } | undefined;
/** The card of a key result the server no longer has, kept with what was typed until the person closes it. */
let gone: { id: string; card: Card } | undefined;

/** How the sheet writes numbers, from its locale. */
function notation(): Notation {
  return notationOf(context?.locale ?? 'en_US');
}

function me(): string {
  return context ? whoAmI(context, picked) : '';
}

function say(message: string): void {
  announcer.textContent = message;
}

/** Loads the list afresh; false when it could not, and the panel says so instead. */
async function load(message = ''): Promise<boolean> {
  app.setAttribute('aria-busy', 'true');
  try {
    context = await call('getCheckinContext');
    render();
    say(message);
    return true;
  } catch (error) {
    fill(
      app,
      el('p', { class: 'form-problem', role: 'alert' }, `The key results could not be loaded: ${(error as Error).message}`),
      el('button', { type: 'button', class: 'secondary' }, 'Try again'),
    );
    app.querySelector('button')!.addEventListener('click', () => void load());
    return false;
  } finally {
    app.removeAttribute('aria-busy');
  }
}

function render(): void {
  const ctx = context!;
  cards.clear();
  const refresh = el('button', { type: 'button', class: 'link' }, 'Refresh');
  refresh.addEventListener('click', () => void load('The list is up to date.'));
  const own = el('ul', { class: 'krs', 'aria-labelledby': 'own-heading' });
  const others = el('ul', { class: 'krs', 'aria-labelledby': 'others-heading' });
  const goneList = el('ul', { class: 'krs', 'aria-labelledby': 'gone-heading' });
  const count = el('p', { class: 'count-line' });
  lists = { gone: goneList, own, others, count };
  fill(
    app,
    el(
      'header',
      { class: 'top' },
      el('h1', {}, `Cycle ${ctx.cycle || 'not set'}`),
      el('p', { class: 'sub' }, `Check-ins ${ctx.cadence || 'weekly'} · `, refresh),
    ),
    announcer,
    ctx.notices.length > 0 && el('ul', { class: 'notices', 'aria-label': 'Notices' }, ...ctx.notices.map((n) => el('li', {}, n))),
    ctx.user === '' && identityPicker(ctx),
    filters(ctx),
    count,
    el('section', { class: 'group', id: 'gone-group' }, el('h2', { id: 'gone-heading' }, 'No longer in the sheet'), goneList),
    el('section', { class: 'group', id: 'own-group' }, el('h2', { id: 'own-heading' }, 'Your key results'), own),
    el('section', { class: 'group', id: 'others-group' }, el('h2', { id: 'others-heading' }, 'Other key results'), others),
  );
  for (const kr of ctx.keyResults) cards.set(kr.id, makeCard(kr));
  if (gone && cards.has(gone.id)) gone = undefined; // it is back
  if (!cards.has(selected)) selected = '';
  renderList();
}

function identityPicker(ctx: CheckinContext): HTMLElement {
  const id = uid('as');
  const noteId = uid('hint');
  const select = el(
    'select',
    { id, 'aria-describedby': noteId },
    el('option', { value: '' }, 'Choose your name…'),
    ...ctx.owners.map((o) => el('option', { value: o, selected: o.toLowerCase() === picked.toLowerCase() }, o)),
  );
  select.addEventListener('change', () => {
    picked = select.value;
    rememberName(picked);
    renderList(); // cards do not depend on who is looking: an open form keeps what was typed
  });
  return el(
    'div',
    { class: 'identity' },
    el(
      'p',
      { id: noteId },
      'Google did not share your email address with this panel. Pick your name, so your key results come first and your check-ins are recorded as yours.',
    ),
    el('label', { for: id }, 'I am'),
    select,
  );
}

function filters(ctx: CheckinContext): HTMLElement {
  const teamId = uid('team');
  const searchId = uid('search');
  const team = el(
    'select',
    { id: teamId },
    el('option', { value: '' }, 'All teams'),
    ...ctx.teams.map((t) => el('option', { value: t, selected: t === filter.team }, t)),
  );
  const search = el('input', { id: searchId, type: 'search', autocomplete: 'off', value: filter.search, placeholder: 'Title or owner' });
  team.addEventListener('change', () => {
    filter.team = team.value;
    renderList();
  });
  search.addEventListener('input', () => {
    filter.search = search.value;
    renderList();
  });
  return el(
    'div',
    { class: 'filters' },
    el('div', { class: 'filter' }, el('label', { for: teamId }, 'Team'), team),
    el('div', { class: 'filter' }, el('label', { for: searchId }, 'Search'), search),
  );
}

/** Puts the existing card elements in their lists, so an open form keeps what was typed. */
function renderList(): void {
  if (!context || !lists) return;
  const shown = visible(context.keyResults, me(), filter);
  const total = context.keyResults.length;
  const due = shown.own.filter((kr) => kr.due).length;
  fill(lists.own, ...shown.own.map((kr) => cards.get(kr.id)!.item));
  fill(lists.others, ...shown.others.map((kr) => cards.get(kr.id)!.item));
  fill(lists.gone, gone?.card.item);
  lists.gone.closest('section')!.hidden = !gone;
  lists.own.closest('section')!.hidden = shown.own.length === 0;
  lists.others.closest('section')!.hidden = shown.others.length === 0;
  lists.others.closest('section')!.querySelector('h2')!.textContent = shown.own.length ? 'Other key results' : 'Key results';
  const showing = shown.own.length + shown.others.length;
  lists.count.textContent =
    total === 0
      ? 'No key results in this workbook yet: add them in the Key Results tab.'
      : showing === 0
        ? 'No key results match.'
        : `Showing ${showing} of ${total}.${me() ? ` ${due === 0 ? 'None' : due} of yours ${due === 1 ? 'is' : 'are'} due for a check-in.` : ''}`;
}

function makeCard(kr: KeyResultView): Card {
  const card = renderCard(kr, context!.today, notation());
  card.toggle.addEventListener('click', () => select(kr.id));
  if (kr.id === selected) open(card, kr);
  return card;
}

function replaceCard(kr: KeyResultView): Card {
  const old = cards.get(kr.id);
  const card = makeCard(kr);
  cards.set(kr.id, card);
  old?.item.replaceWith(card.item);
  return card;
}

function select(id: string): void {
  if (gone?.id === id) {
    // Closing the card of a key result that is gone lets it go, with what was typed in it.
    gone = undefined;
    renderList();
    app.querySelector<HTMLElement>('.filters input')?.focus(); // its card, which had focus, is gone
    return;
  }
  const previous = selected;
  selected = previous === id ? '' : id;
  if (previous) close(cards.get(previous));
  if (selected) {
    const kr = context!.keyResults.find((k) => k.id === id)!;
    const card = cards.get(id)!;
    open(card, kr);
    card.details.querySelector<HTMLElement>('input, textarea')?.focus();
  }
}

function open(card: Card, kr: KeyResultView): void {
  card.toggle.setAttribute('aria-expanded', 'true');
  card.item.classList.add('is-open');
  fill(card.details, renderRecent(kr, notation()), checkinForm({ kr, notation: notation(), send: (input) => submit(input, kr) }));
  card.details.hidden = false;
}

function close(card: Card | undefined): void {
  if (!card) return;
  card.toggle.setAttribute('aria-expanded', 'false');
  card.item.classList.remove('is-open');
  card.details.hidden = true;
  card.details.replaceChildren();
}

async function submit(input: Omit<CheckinInput, 'as'>, kr: KeyResultView): Promise<void> {
  const ctx = context!;
  say(''); // the success box never stands beside an error: it speaks only of this check-in
  if (ctx.user === '' && !me()) {
    const picker = app.querySelector<HTMLSelectElement>('.identity select');
    picker?.focus();
    throw new Error('Pick your name at the top of the panel first.');
  }
  let updated: KeyResultView;
  try {
    updated = await call('submitCheckin', ctx.user === '' ? { ...input, as: me() } : input);
  } catch (error) {
    const message = (error as Error).message;
    // The key result was deleted or renamed: the server says so, and the list is stale. The list is loaded
    // afresh, and the card stays, apart, with what was typed (to copy to the renamed key result, say).
    if (/no longer exists/i.test(message)) {
      const card = cards.get(kr.id)!;
      selected = '';
      if ((await load()) && !cards.has(kr.id)) {
        gone = { id: kr.id, card };
        card.item.classList.add('is-gone');
        renderList();
        throw new Refused(`${message} What you typed is kept here.`);
      }
    }
    throw error;
  }
  ctx.keyResults = ctx.keyResults.map((k) => (k.id === updated.id ? updated : k));
  selected = '';
  const card = replaceCard(updated);
  renderList();
  say(`Checked in on ${updated.title || kr.title}.`);
  card.toggle.focus();
}

void load();
