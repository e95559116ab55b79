// The playground page: a workbook as Sheets shows it, driven by the real
// add-on running on the server. Everything the user does goes through the API.

import { api } from './api';
import { clear, el } from './dom';
import { showDialog, showMessage, toast } from './dialogs';
import { renderOutbox, renderTriggers } from './drawer';
import { Grid, type GridScroll } from './grid';
import { renderMenuBar } from './menus';
import { closeAllPanels, showPanel } from './panels';
import type { RunOutcome, State, Step } from './types';

const saved = (key: string): string | null => localStorage.getItem(`okr-playground:${key}`);
const remember = (key: string, value: string): void => localStorage.setItem(`okr-playground:${key}`, value);

const app = {
  state: undefined as State | undefined,
  workbook: '',
  user: '',
  sheet: '',
};

const nameBox = el('div', { class: 'name-box', 'aria-label': 'Selected cell' });
const formulaInput = el('input', { class: 'formula-input', 'aria-label': 'Formula bar' });
const titleNode = el('div', { class: 'doc-title' });
const workbookSelect = el('select', { 'aria-label': 'Workbook' });
const userSelect = el('select', { class: 'signed-in', 'aria-label': 'Signed in as' });
const outboxButton = el('button', { class: 'tool', text: 'Outbox' });
const triggersButton = el('button', { class: 'tool', text: 'Triggers' });
const menuBar = el('nav', { class: 'menubar', 'aria-label': 'Menus' });
const gridHost = el('div', { class: 'grid-host' });
const tabs = el('nav', { class: 'tabs', 'aria-label': 'Sheets' });
const drawer = el('aside', { class: 'drawer', hidden: true });
const busy = el('div', { class: 'busy', hidden: true, text: 'Running script…' });
const main = el('div', { class: 'main' }, drawer, gridHost);

const grid = new Grid(gridHost, {
  select: (a1, cell) => {
    nameBox.textContent = a1;
    formulaInput.value = cell ? (cell.f ?? cell.t) : '';
  },
  edit: (a1, input) => void edit(a1, input),
  allowAccess: (a1) => void allowAccess(a1),
  follow: (sheet, range) => void follow(sheet, range),
  resize: (column, width) => void resize(column, width),
});

document
  .getElementById('app')!
  .append(
    el(
      'header',
      { class: 'topbar' },
      el('div', { class: 'logo', 'aria-hidden': 'true', text: '▦' }),
      el('div', { class: 'titles' }, titleNode, menuBar),
      el(
        'div',
        { class: 'controls' },
        el('label', {}, 'Workbook ', workbookSelect),
        outboxButton,
        triggersButton,
        el('label', {}, 'Signed in as ', userSelect),
      ),
    ),
    el('div', { class: 'formula-bar' }, nameBox, el('span', { class: 'fx', text: 'fx' }), formulaInput),
    main,
    tabs,
    busy,
    el('div', { class: 'toasts' }),
  );

formulaInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    const a1 = grid.a1;
    void edit(a1, formulaInput.value);
    gridHost.focus();
  }
});
workbookSelect.addEventListener('change', () => void switchTo(workbookSelect.value, app.user));
userSelect.addEventListener('change', () => void switchTo(app.workbook, userSelect.value));
outboxButton.addEventListener('click', () => toggleDrawer('outbox'));
triggersButton.addEventListener('click', () => toggleDrawer('triggers'));

let drawerShows: 'outbox' | 'triggers' | '' = '';

function toggleDrawer(which: 'outbox' | 'triggers'): void {
  drawerShows = drawerShows === which ? '' : which;
  renderDrawer();
}

function renderDrawer(): void {
  drawer.hidden = drawerShows === '';
  const state = app.state;
  if (!state) return;
  outboxButton.textContent = `Outbox (${state.outbox.length})`;
  triggersButton.textContent = `Triggers (${state.triggers.length})`;
  outboxButton.classList.toggle('active', drawerShows === 'outbox');
  triggersButton.classList.toggle('active', drawerShows === 'triggers');
  if (drawerShows === 'outbox') renderOutbox(drawer, state.outbox);
  if (drawerShows === 'triggers') renderTriggers(drawer, state.triggers, state.workbooks, (id) => void runStep(() => api.trigger(id)));
}

async function loadState(): Promise<State> {
  // Before a workbook is open, the person last signed in.
  const user = () => app.user || saved('user') || '';
  let state = await api.state(user());
  // A script still waits on this person's dialog (the page was reloaded): show it again first.
  while (state.dialog) {
    const answer = await showDialog(state.dialog);
    await finish(await api.answer(state.dialog.user ?? user(), answer.button, answer.text), true);
    state = await api.state(user());
  }
  app.state = state;
  if (state.notice && !sessionStorage.getItem('notice-shown')) {
    sessionStorage.setItem('notice-shown', '1');
    void showMessage('Saved state set aside', state.notice);
  }
  return state;
}

function renderChoices(state: State): void {
  clear(workbookSelect);
  for (const book of state.workbooks)
    workbookSelect.append(el('option', { value: book.id, text: book.name, selected: book.id === app.workbook }));
  clear(userSelect);
  for (const person of state.people)
    userSelect.append(el('option', { value: person.email, text: `${person.name} <${person.email}>`, selected: person.email === app.user }));
}

/** Each workbook's tab last shown, and where each tab was scrolled to, as Sheets keeps them per file. */
const lastSheet = new Map<string, string>();
const scrolls = new Map<string, GridScroll>();
const scrollKey = (workbook: string, sheet: string): string => `${workbook}\u0000${sheet}`;

function leaveSheet(): void {
  if (!app.workbook) return;
  lastSheet.set(app.workbook, app.sheet);
  scrolls.set(scrollKey(app.workbook, app.sheet), grid.scroll);
}

/**
 * Another workbook or another person: in Sheets that is another browser tab,
 * so the sidebars and dialogs open here do not follow (they would show the
 * previous person's or file's key results, and act for them).
 */
async function switchTo(workbook: string, user: string): Promise<void> {
  closeAllPanels();
  leaveSheet();
  await openWorkbook(workbook, user, lastSheet.get(workbook) ?? '');
}

async function openWorkbook(workbook: string, user: string, sheet: string): Promise<void> {
  app.workbook = workbook;
  app.user = user;
  remember('workbook', workbook);
  remember('user', user);
  const opened = await api.open(workbook, user);
  renderMenuBar(menuBar, opened.menus, {
    run: (fn) => void runStep(() => api.menu(app.workbook, app.user, fn)),
    newSpreadsheet: () => void newSpreadsheet(),
  });
  app.sheet = opened.sheets.includes(sheet) ? sheet : opened.sheets[0]!;
  await refresh(false, scrolls.get(scrollKey(workbook, app.sheet)) ?? { top: 0, left: 0 });
}

/** File > New spreadsheet: a blank workbook of the signed-in person, opened as a new file is (panels closed). */
async function newSpreadsheet(): Promise<void> {
  const { id } = await api.create(app.workbook, app.user);
  await switchTo(id, app.user);
}

/** Reloads the state and the sheet shown (after anything that may have changed them). */
/** A script changed the tab shown: the next refresh starts it at A1. */
let showTopLeft = false;

async function refresh(keepSelection = true, scroll?: GridScroll): Promise<void> {
  if (showTopLeft) {
    showTopLeft = false;
    keepSelection = false;
    scroll = { top: 0, left: 0 };
  }
  const state = await loadState();
  const book = state.workbooks.find((w) => w.id === app.workbook) ?? state.workbooks[0]!;
  if (!book.sheets.includes(app.sheet)) {
    app.sheet = book.sheets[0]!;
    keepSelection = false;
    scroll = { top: 0, left: 0 };
  }
  remember('sheet', app.sheet);
  titleNode.textContent = book.name;
  document.title = `${book.name} — OKR Sheets playground`;
  renderChoices(state);
  renderTabs(book.sheets);
  renderDrawer();
  grid.render(await api.sheet(app.workbook, app.sheet), keepSelection, scroll);
}

function renderTabs(sheets: string[]): void {
  clear(tabs);
  for (const name of sheets) {
    tabs.append(
      el('button', {
        class: name === app.sheet ? 'tab active' : 'tab',
        role: 'tab',
        'aria-selected': name === app.sheet ? 'true' : 'false',
        text: name,
        onclick: () => {
          leaveSheet();
          app.sheet = name;
          void refresh(false, scrolls.get(scrollKey(app.workbook, name)) ?? { top: 0, left: 0 });
        },
      }),
    );
  }
}

async function edit(a1: string, input: string): Promise<void> {
  let result = await api.edit(app.workbook, app.sheet, a1, input, app.user);
  if (!result.ok && result.confirm) {
    // A warning-only protection: as in Sheets, the edit waits for "OK" and Cancel drops it.
    const answer = await showDialog({ kind: 'alert', title: 'Edit anyway?', message: result.message, buttons: 'OK_CANCEL' });
    if (answer.button !== 'OK') return refresh();
    result = await api.edit(app.workbook, app.sheet, a1, input, app.user, true);
  }
  if (!result.ok) await showMessage('There was a problem', result.message);
  else if (result.warning) toast(result.warning, 'Warning');
  await refresh();
}

/** A column border dragged: the width is the sheet's, for everyone, as in Sheets. */
async function resize(column: number, width: number): Promise<void> {
  const result = await api.columnWidth(app.workbook, app.sheet, column, width, app.user);
  if (!result.ok) await showMessage('Could not resize the column', result.message);
  await refresh();
}

/** A link to `#gid=…&range=…` (the Validation tab's Where column): that tab, that cell selected. */
async function follow(sheet: string, range: string): Promise<void> {
  leaveSheet();
  app.sheet = sheet;
  await refresh(false, scrolls.get(scrollKey(app.workbook, sheet)) ?? { top: 0, left: 0 });
  grid.selectA1(range);
}

/** "Allow access" on an IMPORTRANGE cell: the pair is connected for everyone, and the sheet recomputes. */
async function allowAccess(a1: string): Promise<void> {
  const result = await api.allowImport(app.workbook, app.sheet, a1, app.user);
  if (!result.ok) await showMessage('Could not allow access', result.message);
  await refresh();
}

/** Runs a script (menu item, trigger, sidebar call), answering its dialogs, and shows what it opened. */
async function runStep(start: () => Promise<Step>, reportErrors = true): Promise<RunOutcome> {
  busy.hidden = false;
  try {
    return await finish(await start(), reportErrors);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (reportErrors) await showMessage('Error', message);
    return { ok: false, error: message, panels: [], toasts: [] };
  } finally {
    busy.hidden = true;
    await refresh();
  }
}

async function finish(first: Step, reportErrors: boolean): Promise<RunOutcome> {
  let step = first;
  while (step.status === 'dialog') {
    busy.hidden = true;
    const answer = await showDialog(step.dialog);
    busy.hidden = false;
    step = await api.answer(step.dialog.user ?? app.user, answer.button, answer.text);
  }
  const outcome = step.result;
  // The script showed a tab (setActiveSheet): the page goes there, as Sheets does; the refresh after the run draws it.
  if (outcome.activeSheet && outcome.activeSheet !== app.sheet) {
    leaveSheet();
    app.sheet = outcome.activeSheet;
    showTopLeft = true;
  }
  for (const t of outcome.toasts) toast(t.message, t.title);
  for (const panel of outcome.panels) showPanel(panel, runServer);
  // Sheets reports a failed menu item or trigger in a box naming the error.
  if (!outcome.ok && reportErrors) await showMessage('Error', outcome.error ?? 'The script failed.');
  return outcome;
}

/** google.script.run: a failure goes to the page's failure handler, not to a box. */
async function runServer(functionName: string, args: unknown[]): Promise<unknown> {
  const outcome = await runStep(() => api.run(app.workbook, app.user, functionName, args), false);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value ?? null;
}

async function boot(): Promise<void> {
  const state = await loadState();
  const book = state.workbooks.find((w) => w.id === saved('workbook')) ?? state.workbooks[0]!;
  const person = state.people.find((p) => p.email === saved('user')) ?? state.people[0]!;
  await openWorkbook(book.id, person.email, saved('sheet') ?? '');
  gridHost.focus();
}

boot().catch(
  (error: unknown) => void showMessage('The playground could not start', error instanceof Error ? error.message : String(error)),
);
