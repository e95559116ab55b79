// The sheet grid: column letters, row numbers, frozen rows and columns that
// stay in view, cells as displayed with their colours, a dropdown on list
// validation cells. Editing: type or double-click, Enter to save, Escape to
// cancel, as in Sheets. A selected IMPORTRANGE cell that waits on a connection
// shows Sheets' card under it: the error and an "Allow access" button.

import { placeCharts } from './charts';
import { clear, el } from './dom';
import { sparklineSvg } from './sparkline';
import type { CellView, SheetView } from './types';

const ROW_HEIGHT = 21;
const HEADER_WIDTH = 46;

export interface GridEvents {
  select(a1: string, cell: CellView | undefined): void;
  edit(a1: string, input: string): void;
  /** "Allow access" clicked on the card of an IMPORTRANGE cell. */
  allowAccess(a1: string): void;
  /** A column's right border dragged in the header to `width` pixels. */
  resize(column: number, width: number): void;
  /** A link to a cell of this workbook clicked: show that tab and select that range's first cell. */
  follow(sheet: string, range: string): void;
}

export interface GridScroll {
  top: number;
  left: number;
}

export function columnLetter(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export class Grid {
  private view: SheetView | undefined;
  private selected = { row: 1, column: 1 };
  private editor: HTMLInputElement | undefined;
  private table: HTMLTableElement | undefined;
  private card: HTMLElement | undefined;

  constructor(
    private host: HTMLElement,
    private events: GridEvents,
  ) {
    host.tabIndex = 0;
    host.addEventListener('keydown', (event) => this.key(event));
  }

  /** Where the grid is scrolled to. */
  get scroll(): GridScroll {
    return { top: this.host.scrollTop, left: this.host.scrollLeft };
  }

  /**
   * Draws the sheet. Without `keepSelection`, A1 is selected; the grid stays
   * where it was scrolled, or goes to `scroll` when given (a tab or workbook
   * shown again comes back where the person left it).
   */
  render(view: SheetView, keepSelection: boolean, scroll?: GridScroll): void {
    this.view = view;
    if (!keepSelection) this.selected = { row: 1, column: 1 };
    const reveal = scroll === undefined;
    scroll ??= this.scroll;
    clear(this.host);
    const table = el('table', { class: 'grid', role: 'grid', 'aria-label': view.name });
    const head = el('tr', {}, el('th', { class: 'corner' }));
    view.widths.forEach((width, i) => {
      const th = el('th', { class: 'col-head', text: columnLetter(i + 1) });
      th.style.width = th.style.minWidth = th.style.maxWidth = `${width}px`;
      th.append(this.resizer(th, i + 1, width));
      if (i < view.frozenColumns) this.freezeLeft(th, view, i);
      head.append(th);
    });
    table.append(el('thead', {}, head));
    const body = el('tbody');
    view.cells.forEach((line, r) => {
      const tr = el('tr');
      const rowHead = el('th', { class: 'row-head', text: String(r + 1) });
      if (r < view.frozenRows) this.freezeTop(rowHead, r);
      tr.append(rowHead);
      line.forEach((cell, c) => {
        const td = this.cell(cell, r, c);
        // Sheets lets left-aligned text run on over empty cells to its right.
        if (cell.t !== '' && !cell.al && !cell.list && line[c + 1]?.t === '') td.classList.add('overflow');
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(body);
    this.table = table;
    this.host.append(table);
    this.host.scrollTop = scroll.top;
    this.host.scrollLeft = scroll.left;
    // Charts float over the cells, drawn after the table so they find their anchor cells.
    placeCharts(this.host, view.charts ?? [], (row, column) => this.td(row, column));
    this.select(this.selected.row, this.selected.column, reveal);
  }

  /** The selected cell's A1 notation. */
  get a1(): string {
    return `${columnLetter(this.selected.column)}${this.selected.row}`;
  }

  private cell(cell: CellView, r: number, c: number): HTMLTableCellElement {
    const td = el('td', { 'data-a1': `${columnLetter(c + 1)}${r + 1}`, title: cell.err ?? cell.note ?? false });
    // A SPARKLINE cell shows its drawing instead of its (empty) text.
    td.append(cell.sp ? sparklineSvg(cell.sp) : cell.go ? this.link(cell.t, cell.go) : el('span', { class: 'text', text: cell.t }));
    if (cell.bg) td.style.background = cell.bg;
    if (cell.fc) td.style.color = cell.fc;
    if (cell.b) td.style.fontWeight = 'bold';
    if (cell.al) td.style.textAlign = cell.al;
    if (cell.err) td.classList.add('error');
    if (cell.note) td.classList.add('has-note');
    if (cell.list) {
      td.classList.add('has-list');
      td.append(
        el('button', {
          class: 'dropdown',
          'aria-label': `Choose a value for ${columnLetter(c + 1)}${r + 1}`,
          tabindex: '-1',
          text: '▾',
          onclick: (e) => this.dropdown(e, r + 1, c + 1, cell.list!),
        }),
      );
    }
    if (r < (this.view?.frozenRows ?? 0)) this.freezeTop(td, r);
    if (c < (this.view?.frozenColumns ?? 0)) this.freezeLeft(td, this.view!, c);
    td.addEventListener('mousedown', () => this.select(r + 1, c + 1));
    td.addEventListener('dblclick', () => this.startEdit(undefined));
    return td;
  }

  /** The handle on a column header's right border: drag it to resize the column, as in Sheets. */
  private resizer(th: HTMLElement, column: number, width: number): HTMLElement {
    const handle = el('div', { class: 'col-resize', 'aria-hidden': 'true', 'data-column': String(column) });
    handle.addEventListener('mousedown', (down) => {
      down.preventDefault();
      down.stopPropagation();
      let now = width;
      const move = (event: MouseEvent): void => {
        now = Math.max(2, Math.round(width + event.clientX - down.clientX));
        th.style.width = th.style.minWidth = th.style.maxWidth = `${now}px`;
      };
      const up = (): void => {
        document.removeEventListener('mousemove', move);
        document.removeEventListener('mouseup', up);
        if (now !== width) this.events.resize(column, now);
      };
      document.addEventListener('mousemove', move);
      document.addEventListener('mouseup', up);
    });
    return handle;
  }

  /** A HYPERLINK to a cell of this workbook, followed on click as Sheets does. */
  private link(text: string, go: { sheet: string; range: string }): HTMLElement {
    return el('a', {
      class: 'text link',
      href: `#${encodeURIComponent(go.sheet)}!${go.range}`,
      text,
      onclick: (event) => {
        event.preventDefault();
        this.events.follow(go.sheet, go.range);
      },
    });
  }

  /** Selects the first cell of an A1 range (`E4`, `B2:C9`) and scrolls it into view. */
  selectA1(range: string): void {
    const match = /^([A-Z]+)(\d+)/i.exec(range);
    if (!match) return;
    const column = [...match[1]!.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
    this.select(Number(match[2]), column);
  }

  private freezeTop(node: HTMLElement, row: number): void {
    node.classList.add('frozen-row');
    node.style.top = `${ROW_HEIGHT * (row + 1)}px`;
  }

  private freezeLeft(node: HTMLElement, view: SheetView, column: number): void {
    node.classList.add('frozen-column');
    node.style.left = `${HEADER_WIDTH + view.widths.slice(0, column).reduce((a, b) => a + b, 0)}px`;
  }

  private td(row: number, column: number): HTMLTableCellElement | undefined {
    return this.table?.tBodies[0]?.rows[row - 1]?.cells[column] ?? undefined;
  }

  /** Selects a cell; `reveal` scrolls it into view. */
  select(row: number, column: number, reveal = true): void {
    if (!this.view) return;
    const r = Math.min(Math.max(1, row), this.view.rows);
    const c = Math.min(Math.max(1, column), this.view.columns);
    this.td(this.selected.row, this.selected.column)?.classList.remove('selected');
    this.selected = { row: r, column: c };
    const td = this.td(r, c);
    td?.classList.add('selected');
    if (reveal) td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const cell = this.view.cells[r - 1]?.[c - 1];
    this.showCard(td, cell);
    this.events.select(this.a1, cell);
  }

  /** Sheets' card under a #REF! import cell that needs connecting; gone when another cell is selected. */
  private showCard(td: HTMLTableCellElement | undefined, cell: CellView | undefined): void {
    this.card?.remove();
    this.card = undefined;
    if (!td || cell?.connect === undefined) return;
    const a1 = this.a1;
    const card = el(
      'div',
      { class: 'connect-card', role: 'dialog', 'aria-label': `Error in ${a1}` },
      el('div', { class: 'connect-title', text: 'Error' }),
      el('p', { text: cell.connect }),
      el('button', { class: 'connect-allow', text: 'Allow access', onclick: () => this.events.allowAccess(a1) }),
    );
    // In the grid's own coordinates, so it scrolls with the cell.
    const cellBox = td.getBoundingClientRect();
    const hostBox = this.host.getBoundingClientRect();
    card.style.top = `${cellBox.bottom - hostBox.top + this.host.scrollTop}px`;
    card.style.left = `${cellBox.left - hostBox.left + this.host.scrollLeft}px`;
    this.host.append(card);
    this.card = card;
  }

  /** Opens the in-cell editor; `initial` replaces the content (typing), undefined keeps it (double-click, Enter). */
  startEdit(initial: string | undefined): void {
    const td = this.td(this.selected.row, this.selected.column);
    const cell = this.view?.cells[this.selected.row - 1]?.[this.selected.column - 1];
    if (!td || !cell) return;
    this.editor?.remove();
    const input = el('input', { class: 'cell-editor', 'aria-label': `Edit ${this.a1}` });
    input.value = initial ?? cell.f ?? cell.t;
    const a1 = this.a1;
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.stopEdit();
        this.events.edit(a1, input.value);
        if (event.key === 'Enter') this.select(this.selected.row + 1, this.selected.column);
        else this.select(this.selected.row, this.selected.column + 1);
        this.host.focus();
      } else if (event.key === 'Escape') {
        this.stopEdit();
        this.host.focus();
      }
    });
    input.addEventListener('blur', () => this.stopEdit());
    td.append(input);
    this.editor = input;
    input.focus();
    if (initial !== undefined) input.setSelectionRange(input.value.length, input.value.length);
  }

  private stopEdit(): void {
    const editor = this.editor;
    this.editor = undefined;
    editor?.remove();
  }

  private dropdown(event: Event, row: number, column: number, choices: string[]): void {
    event.stopPropagation();
    this.select(row, column);
    document.querySelector('.dropdown-list')?.remove();
    const td = this.td(row, column)!;
    const a1 = this.a1;
    const list = el('div', { class: 'dropdown-list', role: 'listbox' });
    for (const choice of choices) {
      list.append(
        el('div', {
          class: 'choice',
          role: 'option',
          text: choice,
          onmousedown: (e) => {
            e.preventDefault();
            list.remove();
            this.events.edit(a1, choice);
          },
        }),
      );
    }
    const rect = td.getBoundingClientRect();
    list.style.left = `${rect.left}px`;
    list.style.top = `${rect.bottom}px`;
    list.style.minWidth = `${rect.width}px`;
    document.body.append(list);
    const close = (): void => {
      list.remove();
      document.removeEventListener('mousedown', close);
    };
    setTimeout(() => document.addEventListener('mousedown', close), 0);
  }

  private key(event: KeyboardEvent): void {
    if (this.editor || !this.view) return;
    const { row, column } = this.selected;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Tab: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.select(row + move[0], column + move[1]);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.startEdit(undefined);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.events.edit(this.a1, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.startEdit(event.key);
    }
  }
}
