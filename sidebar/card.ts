// One key result in the list: what it is, how far along, when last checked in,
// and (when selected) its recent check-ins and the form.
import type { CheckinView, KeyResultView } from '../src/shared/checkin-api';
import { el, uid } from './dom';
import type { Notation } from '../src/okr/checkin';
import { formatAgo, formatDate, formatProgress, formatTarget, formatValue, type Scale } from './format';

export interface Card {
  item: HTMLLIElement;
  toggle: HTMLButtonElement;
  details: HTMLDivElement;
}

export function renderCard(kr: KeyResultView, today: string, notation: Notation): Card {
  const scale: Scale = { ...kr, notation };
  const detailsId = uid('details');
  const toggle = el(
    'button',
    { type: 'button', class: 'kr-toggle', 'aria-expanded': 'false', 'aria-controls': detailsId },
    kr.title || kr.id,
  );
  const details = el('div', { id: detailsId, class: 'kr-details', hidden: true });
  const item = el(
    'li',
    { class: `kr${kr.due ? ' is-due' : ''}`, 'data-id': kr.id },
    kr.objective && el('p', { class: 'kr-objective' }, kr.objective),
    el('h3', { class: 'kr-title' }, toggle),
    el(
      'p',
      { class: 'kr-badges' },
      kr.due && el('span', { class: 'badge badge-due' }, 'Due'),
      kr.status && el('span', { class: `badge status-${kr.status.replace(/\s+/g, '-')}` }, kr.status),
    ),
    progressBar(kr),
    kr.reason && el('p', { class: 'kr-reason' }, kr.reason),
    el(
      'dl',
      { class: 'kr-facts' },
      ...fact('Now', `${formatValue(kr.current, scale)}${kr.currentFromFormula ? ' (from a formula)' : ''}`),
      ...fact('Target', formatTarget({ ...scale, metric: kr.metric, target: kr.target })),
      ...expectedFact(kr),
      ...fact('Confidence', kr.confidence === null ? '—' : `${kr.confidence}/10`),
      ...fact('Checked in', formatAgo(kr.lastCheckin, today)),
      ...fact('Owner', kr.owner || 'nobody'),
    ),
    details,
  );
  return { item, toggle, details };
}

/** Where it should be today: the share of its cycle gone (a milestone is expected done by the end); none when the cycle cannot be read. */
function expectedFact(kr: KeyResultView): HTMLElement[] {
  if (kr.expected === null) return [];
  return fact('Expected', kr.metric === 'milestone' ? 'done by the end of the cycle' : formatProgress(kr.expected));
}

function fact(term: string, value: string): HTMLElement[] {
  return [el('dt', {}, term), el('dd', {}, value)];
}

function progressBar(kr: KeyResultView): HTMLElement {
  const percent = kr.progress === null ? null : Math.round(Math.min(1, Math.max(0, kr.progress)) * 100);
  const fill = el('span', { class: 'bar-fill' });
  fill.style.width = `${percent ?? 0}%`;
  return el(
    'div',
    { class: 'kr-progress' },
    el(
      'div',
      {
        class: 'bar',
        role: 'progressbar',
        'aria-label': `Progress of ${kr.title || kr.id}`,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': percent,
        'aria-valuetext': formatProgress(kr.progress),
      },
      fill,
    ),
    el('span', { class: 'bar-text', 'aria-hidden': 'true' }, formatProgress(kr.progress)),
  );
}

/** The last few check-ins, newest first. */
export function renderRecent(kr: KeyResultView, notation: Notation): HTMLElement {
  if (!kr.recent.length) return el('p', { class: 'recent-none' }, 'No check-ins yet.');
  return el(
    'section',
    { class: 'recent', 'aria-label': 'Recent check-ins' },
    el('h4', {}, 'Recent check-ins'),
    el('ol', {}, ...kr.recent.map((c) => recentItem(c, { ...kr, notation }))),
  );
}

function recentItem(c: CheckinView, scale: Scale): HTMLElement {
  return el(
    'li',
    {},
    el(
      'span',
      { class: 'recent-head' },
      el('time', { datetime: c.timestamp }, formatDate(c.timestamp)),
      ` · ${formatValue(c.value, scale)}`,
      c.confidence === null ? '' : ` · confidence ${c.confidence}/10`,
    ),
    c.by && el('span', { class: 'recent-by' }, c.by),
    c.note && el('span', { class: 'recent-note' }, c.note),
  );
}
