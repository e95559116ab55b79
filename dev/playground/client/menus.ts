// The menu bar: Sheets' own menus (inert here), the menus a script added with
// createMenu, and Extensions holding the add-on menu exactly as onOpen built it.

import { clear, el } from './dom';
import type { MenuEntry, RecordedMenu } from './types';

const SHEETS_MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools'];

export function renderMenuBar(target: HTMLElement, menus: RecordedMenu[], run: (functionName: string, path: string) => void): void {
  clear(target);
  const closeAll = (): void => target.querySelectorAll('.menu.open').forEach((m) => m.classList.remove('open'));
  const top = (caption: string, entries: MenuEntry[] | undefined, path: string): HTMLElement => {
    const menu = el('div', { class: entries ? 'menu' : 'menu inert' });
    const button = el('button', { class: 'menu-button', text: caption, disabled: !entries, 'aria-haspopup': 'true' });
    menu.append(button);
    if (entries) {
      menu.append(
        list(entries, path, (fn, p) => {
          closeAll();
          run(fn, p);
        }),
      );
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        const wasOpen = menu.classList.contains('open');
        closeAll();
        if (!wasOpen) menu.classList.add('open');
      });
    }
    return menu;
  };
  for (const caption of SHEETS_MENUS) target.append(top(caption, undefined, caption));
  const addon = menus.filter((m) => m.addon);
  const extensions: MenuEntry[] = addon.length
    ? addon.map((m) => ({ kind: 'submenu' as const, caption: m.caption, items: m.items }))
    : [{ kind: 'submenu', caption: 'OKR Sheets', items: [] }];
  target.append(top('Extensions', extensions, 'Extensions'));
  for (const menu of menus.filter((m) => !m.addon)) target.append(top(menu.caption, menu.items, menu.caption));
  target.append(top('Help', undefined, 'Help'));
  document.addEventListener('click', closeAll);
}

function list(entries: MenuEntry[], path: string, run: (functionName: string, path: string) => void): HTMLElement {
  const node = el('div', { class: 'menu-list', role: 'menu' });
  if (!entries.length) node.append(el('div', { class: 'menu-empty', text: 'No items: the add-on added none here' }));
  for (const entry of entries) {
    if (entry.kind === 'separator') node.append(el('div', { class: 'menu-separator', role: 'separator' }));
    else if (entry.kind === 'item') {
      const itemPath = `${path} > ${entry.caption}`;
      node.append(
        el('button', {
          class: 'menu-item',
          role: 'menuitem',
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
        { class: 'menu-sub' },
        el('div', { class: 'menu-item submenu-caption', role: 'menuitem', text: entry.caption, 'aria-haspopup': 'true' }),
      );
      sub.append(list(entry.items, `${path} > ${entry.caption}`, run));
      node.append(sub);
    }
  }
  return node;
}
