// The menu bar: Sheets' own menus (inert here, but File > New spreadsheet),
// the menus a script added with createMenu, and Extensions holding the add-on
// menu exactly as onOpen built it.
//
// Mouse and keyboard as in Sheets' menus (and WAI-ARIA's menubar pattern): the
// bar is one Tab stop; Left and Right move along it; Enter, Space or Down opens
// a menu on its first item; Up and Down move through the items, Right opens a
// submenu and Left closes it; Enter runs an item; Escape closes one level.

import { clear, el } from './dom';
import type { MenuEntry, RecordedMenu } from './types';

const SHEETS_MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools'];

export interface MenuActions {
  /** A menu item of a script: runs its function. */
  run(functionName: string, path: string): void;
  /** The playground's own File > New spreadsheet. */
  newSpreadsheet(): void;
}

/** The `functionName` of File > New spreadsheet: no script function can be named so. */
const NEW_SPREADSHEET = '\u0000new-spreadsheet';

export function renderMenuBar(target: HTMLElement, menus: RecordedMenu[], actions: MenuActions): void {
  clear(target);
  target.setAttribute('role', 'menubar');
  const run = (fn: string, path: string): void => {
    closeAll(target);
    if (fn === NEW_SPREADSHEET) actions.newSpreadsheet();
    else actions.run(fn, path);
  };
  const file: MenuEntry[] = [{ kind: 'item', caption: 'New spreadsheet', functionName: NEW_SPREADSHEET }];
  for (const caption of SHEETS_MENUS) target.append(top(target, caption, caption === 'File' ? file : undefined, run));
  const addon = menus.filter((m) => m.addon);
  const extensions: MenuEntry[] = addon.length
    ? addon.map((m) => ({ kind: 'submenu' as const, caption: m.caption, items: m.items }))
    : [{ kind: 'submenu', caption: 'OKR Sheets', items: [] }];
  target.append(top(target, 'Extensions', extensions, run));
  for (const menu of menus.filter((m) => !m.addon)) target.append(top(target, menu.caption, menu.items, run));
  target.append(top(target, 'Help', undefined, run));
  // One Tab stop for the whole bar: the first menu that opens.
  const first = topButtons(target)[0];
  if (first) first.tabIndex = 0;
  if (!target.dataset.wired) {
    target.dataset.wired = '1';
    document.addEventListener('click', () => closeAll(target));
    target.addEventListener('keydown', (event) => key(target, event));
  }
}

function top(bar: HTMLElement, caption: string, entries: MenuEntry[] | undefined, run: Run): HTMLElement {
  const menu = el('div', { class: entries ? 'menu' : 'menu inert', role: 'none' });
  const button = el('button', {
    class: 'menu-button',
    role: 'menuitem',
    text: caption,
    tabindex: '-1',
    'aria-disabled': entries ? false : 'true',
    'aria-haspopup': entries ? 'menu' : false,
    'aria-expanded': entries ? 'false' : false,
  });
  menu.append(button);
  if (entries) {
    menu.append(list(entries, caption, run));
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      const wasOpen = menu.classList.contains('open');
      closeAll(bar);
      if (!wasOpen) openMenu(menu);
    });
  }
  return menu;
}

type Run = (functionName: string, path: string) => void;

function list(entries: MenuEntry[], path: string, run: Run): HTMLElement {
  const node = el('div', { class: 'menu-list', role: 'menu', 'aria-label': path.split(' > ').pop()! });
  if (!entries.length) node.append(el('div', { class: 'menu-empty', role: 'none', text: 'No items: the add-on added none here' }));
  for (const entry of entries) {
    if (entry.kind === 'separator') node.append(el('div', { class: 'menu-separator', role: 'separator' }));
    else if (entry.kind === 'item') {
      const itemPath = `${path} > ${entry.caption}`;
      node.append(
        el('button', {
          class: 'menu-item',
          role: 'menuitem',
          tabindex: '-1',
          text: entry.caption,
          'data-path': itemPath,
          onclick: (e) => {
            e.stopPropagation();
            run(entry.functionName, itemPath);
          },
        }),
      );
    } else {
      const sub = el(
        'div',
        { class: 'menu-sub', role: 'none' },
        el('div', {
          class: 'menu-item submenu-caption',
          role: 'menuitem',
          tabindex: '-1',
          text: entry.caption,
          'aria-haspopup': 'menu',
          'aria-expanded': 'false',
        }),
      );
      sub.append(list(entry.items, `${path} > ${entry.caption}`, run));
      node.append(sub);
    }
  }
  return node;
}

function topButtons(bar: HTMLElement): HTMLButtonElement[] {
  return Array.from(bar.querySelectorAll<HTMLButtonElement>(':scope > .menu > .menu-button'));
}

function closeAll(bar: HTMLElement): void {
  bar.querySelectorAll('.open').forEach((node) => node.classList.remove('open'));
  bar.querySelectorAll('[aria-expanded="true"]').forEach((node) => node.setAttribute('aria-expanded', 'false'));
}

function openMenu(menu: Element): void {
  menu.classList.add('open');
  menu.firstElementChild?.setAttribute('aria-expanded', 'true');
}

/** The items of the menu list `node` itself (not of its submenus). */
function items(node: Element): HTMLElement[] {
  return Array.from(node.children).flatMap((child) =>
    child.getAttribute('role') === 'menuitem'
      ? [child as HTMLElement]
      : child.classList.contains('menu-sub')
        ? [child.firstElementChild as HTMLElement]
        : [],
  );
}

function key(bar: HTMLElement, event: KeyboardEvent): void {
  const focused = document.activeElement as HTMLElement | null;
  if (!focused || !bar.contains(focused)) return;
  const buttons = topButtons(bar);
  const moveAlongBar = (step: number): void => {
    const current = buttons.findIndex((b) => b.parentElement!.contains(focused));
    const next = buttons[(current + step + buttons.length) % buttons.length]!;
    const wasOpen = bar.querySelector(':scope > .menu.open') !== null;
    closeAll(bar);
    rove(buttons, next);
    if (wasOpen && next.getAttribute('aria-haspopup')) enter(next.parentElement!);
  };
  const handled = (): void => {
    event.preventDefault();
    event.stopPropagation();
  };

  if (focused.classList.contains('menu-button')) {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      handled();
      moveAlongBar(event.key === 'ArrowRight' ? 1 : -1);
    } else if (['Enter', ' ', 'ArrowDown'].includes(event.key) && focused.getAttribute('aria-haspopup')) {
      handled();
      closeAll(bar);
      enter(focused.parentElement!);
    } else if (event.key === 'Escape') {
      handled();
      closeAll(bar);
    }
    return;
  }

  const menuList = focused.closest('.menu-list')!;
  const siblings = items(menuList);
  const index = siblings.indexOf(focused);
  const isTopList = menuList.parentElement?.classList.contains('menu') ?? false;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    handled();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    siblings[(index + step + siblings.length) % siblings.length]?.focus();
  } else if (event.key === 'Home' || event.key === 'End') {
    handled();
    (event.key === 'Home' ? siblings[0] : siblings.at(-1))?.focus();
  } else if ((event.key === 'ArrowRight' || event.key === 'Enter' || event.key === ' ') && focused.classList.contains('submenu-caption')) {
    handled();
    enter(focused.parentElement!);
  } else if (event.key === 'ArrowLeft' && !isTopList) {
    handled();
    leave(menuList);
  } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    handled();
    moveAlongBar(event.key === 'ArrowRight' ? 1 : -1);
  } else if (event.key === 'Enter' || event.key === ' ') {
    handled();
    focused.click();
  } else if (event.key === 'Escape') {
    handled();
    if (isTopList) {
      const button = menuList.parentElement!.firstElementChild as HTMLButtonElement;
      closeAll(bar);
      rove(buttons, button);
    } else leave(menuList);
  } else if (event.key === 'Tab') closeAll(bar);
}

/** Opens the menu (or submenu) `holder` and focuses its first item. */
function enter(holder: Element): void {
  openMenu(holder);
  const first = items(holder.querySelector(':scope > .menu-list')!)[0];
  first?.focus();
}

/** Closes the submenu `menuList` and goes back to its caption. */
function leave(menuList: Element): void {
  const holder = menuList.parentElement!;
  holder.classList.remove('open');
  const caption = holder.firstElementChild as HTMLElement;
  caption.setAttribute('aria-expanded', 'false');
  caption.focus();
}

/** The menu bar's one Tab stop moves to `button`, which takes the focus. */
function rove(buttons: HTMLButtonElement[], button: HTMLButtonElement): void {
  for (const b of buttons) b.tabIndex = b === button ? 0 : -1;
  button.focus();
}
