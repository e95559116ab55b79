// The playground's one door into the local Apps Script runtime: everything the
// server shows or does goes through here, so a change of the runtime's API
// touches this file only.

import {
  Runtime,
  columnLetter,
  type AskedDialog,
  type ChartView,
  type DialogRecord,
  type RecordedMenu,
  type RuntimeState,
  type ScriptRunReply,
  type ScriptedAnswer,
  type SentMail,
  type SparklineDrawing,
  type SpreadsheetStore,
  type TriggerRecord,
} from '../runtime/index';
import { withShim } from './panel-shim';
import { saveRuntime } from './world-state';

export interface Person {
  email: string;
  name: string;
}

export interface WorkbooksOptions {
  /** The built add-on (dist/). */
  dist: string;
  now?: () => Date;
}

/** One cell as the page draws it. Short keys: a sheet view holds thousands. */
export interface CellView {
  /** The text Sheets would show. */
  t: string;
  /** The formula, when the cell holds one. */
  f?: string;
  bg?: string;
  fc?: string;
  b?: true;
  al?: 'right' | 'center';
  /** The choices of a list validation: the cell shows a dropdown. */
  list?: string[];
  note?: string;
  /** A formula error's message (#ERROR! and friends), shown on hover as Sheets does. */
  err?: string;
  /** An IMPORTRANGE waiting on "Allow access": the message the cell's card shows above the button. */
  connect?: string;
  /** A SPARKLINE cell: what it draws in place of text (client/sparkline.ts). */
  sp?: SparklineDrawing;
  /** A HYPERLINK to a cell of this workbook (`#gid=…&range=…`): clicking it selects that cell of that tab. */
  go?: { sheet: string; range: string };
}

export interface SheetView {
  name: string;
  rows: number;
  columns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Pixel width of each shown column. */
  widths: number[];
  cells: CellView[][];
  /** The embedded charts over the grid, with their series read from the ranges now (client/charts.ts). */
  charts: ChartView[];
}

export interface HtmlPanel {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  /** The add-on's HTML with the google.script shim (panel-shim.ts) as its first script. */
  html: string;
  width?: number;
  height?: number;
}

export interface RunOutcome {
  ok: boolean;
  /** The error the script threw, in its own words. */
  error?: string;
  /** Sidebars and dialogs the run opened. */
  panels: HtmlPanel[];
  /** Spreadsheet.toast messages it showed. */
  toasts: { title: string; message: string }[];
  /** The tab the script made active (setActiveSheet, activate): the page shows it, as Sheets does. */
  activeSheet?: string;
}

export type EditOutcome = { ok: true; warning?: string } | { ok: false; message: string; confirm?: true };

export type AllowOutcome = { ok: true } | { ok: false; message: string };

/** Answers an alert or prompt as it is shown (the playground asks the person at the page). */
export type DialogHandler = (dialog: AskedDialog) => ScriptedAnswer;

export interface SavedWorkbooks {
  runtime: RuntimeState;
  people: Person[];
  /** `user\u0000spreadsheetId` pairs where the user has used the add-on. */
  used: string[];
}

/** Blank rows and columns shown past the data, as an empty sheet shows them. */
const PAD_ROWS = 25;
const PAD_COLUMNS = 4;
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;
/** The cells a chart of Sheets' default size (600 × 371 px, client/charts.ts) covers: 371 / 21 rows, 600 / 100 columns. */
const CHART_ROWS = 18;
const CHART_COLUMNS = 6;

export class Workbooks {
  readonly runtime: Runtime;
  people: Person[] = [];
  /** Answers alerts and prompts as they are shown; without one, the runtime's scripted queue answers. */
  dialogHandler: DialogHandler | undefined;
  private used = new Set<string>();

  constructor(options: WorkbooksOptions) {
    this.runtime = new Runtime({ dist: options.dist, ...(options.now ? { now: options.now } : {}) });
    // Queued answers come first (the demo seeding queues its own).
    this.runtime.ui.onDialog = (dialog) => this.dialogHandler?.(dialog);
  }

  /** The state as JSON-safe data, everything a restart needs. */
  save(): SavedWorkbooks {
    return { runtime: saveRuntime(this.runtime), people: this.people, used: [...this.used] };
  }

  /** Loads saved state into a fresh runtime; throws a readable problem naming the part that does not fit. */
  static restore(saved: SavedWorkbooks, options: WorkbooksOptions): Workbooks {
    const workbooks = new Workbooks(options);
    if (!Array.isArray(saved.people) || saved.people.some((p) => typeof p?.email !== 'string'))
      throw new Error('"people" must be a list of {email, name}');
    if (!Array.isArray(saved.used)) throw new Error('"used" must be a list');
    if (saved.runtime === null || typeof saved.runtime !== 'object') throw new Error('"runtime" must be an object');
    try {
      workbooks.runtime.restore(saved.runtime);
    } catch (error) {
      throw new Error(`runtime.${message(error)}`, { cause: error });
    }
    workbooks.people = saved.people;
    workbooks.used = new Set(saved.used.map(String));
    return workbooks;
  }

  list(): { id: string; name: string; owner: string }[] {
    return this.runtime.store.ids().map((id) => {
      const doc = this.runtime.store.doc(id);
      return { id, name: doc.name, owner: doc.owner };
    });
  }

  create(options: { name: string; owner: string; editors: string[]; timeZone: string; sheets?: string[] }): string {
    const { name, owner, timeZone, sheets } = options;
    const id = this.runtime.createSpreadsheet({ name, owner, timeZone, ...(sheets ? { sheets } : {}) });
    this.runtime.store.doc(id).editors = options.editors.filter((e) => e !== options.owner);
    return id;
  }

  /**
   * File > New spreadsheet: "Untitled spreadsheet" with one empty Sheet1, owned
   * by `user`, in the time zone of the workbook it was made from. The
   * playground's people may all edit it (so switching person keeps it usable);
   * a second and later one are numbered, so the Workbook list tells them apart.
   */
  createBlank(user: string, from: string): string {
    const names = new Set(this.list().map((w) => w.name));
    let name = 'Untitled spreadsheet';
    for (let n = 2; names.has(name); n++) name = `Untitled spreadsheet ${n}`;
    const timeZone = this.runtime.store.has(from) ? this.runtime.store.doc(from).timeZone : 'Europe/Berlin';
    const editors = this.people.map((p) => p.email);
    return this.create({ name, owner: user, editors, timeZone, sheets: ['Sheet1'] });
  }

  sheetNames(id: string): string[] {
    return this.runtime.store.sheetNames(id);
  }

  /**
   * Opens the document for a user as Sheets does: onOpen runs in NONE until the
   * user has used the add-on in this document, in LIMITED after.
   */
  open(id: string, user: string): RecordedMenu[] {
    const mode = this.used.has(useKey(user, id)) ? 'LIMITED' : 'NONE';
    try {
      this.runtime.open(id, { user, mode });
    } catch (error) {
      // A failing onOpen leaves the document without the add-on's menu, as in Sheets.
      this.runtime.logs.push(`onOpen failed: ${message(error)}`);
    }
    return this.menus(id, user);
  }

  menus(id: string, user: string): RecordedMenu[] {
    return this.runtime.ui.menus(id, user);
  }

  /** A menu item: its function runs in FULL mode, as the user, in this document. */
  runMenuItem(id: string, user: string, functionName: string): RunOutcome {
    const known = this.runtime.ui.menuItems(id, user).some((item) => item.functionName === functionName);
    if (!known) return { ok: false, error: `No menu item runs ${functionName} here; reload the workbook.`, panels: [], toasts: [] };
    this.used.add(useKey(user, id));
    return this.observe(id, user, () => this.runtime.run(functionName, { spreadsheetId: id, user, mode: 'FULL' }));
  }

  /**
   * google.script.run from a sidebar or dialog: the named global runs in FULL
   * mode through the runtime's bridge, which holds its arguments and value to
   * Google's rules (a Date returned fails the call, as it would in Sheets).
   */
  runFromHtml(id: string, user: string, functionName: string, args: unknown[]): RunOutcome & { value?: unknown } {
    let reply: ScriptRunReply | undefined;
    const outcome = this.observe(id, user, () => {
      reply = this.runtime.runFromPage(functionName, { spreadsheetId: id, user, mode: 'FULL', args });
    });
    if (!reply) return outcome;
    return reply.ok ? { ...outcome, value: reply.value } : { ...outcome, ok: false, error: reply.error };
  }

  fireTrigger(uniqueId: string): RunOutcome {
    const trigger = this.runtime.triggers.find((t) => t.uniqueId === uniqueId);
    if (!trigger) return { ok: false, error: `No trigger with id ${uniqueId}.`, panels: [], toasts: [] };
    return this.observe(trigger.spreadsheetId, trigger.user, () => this.runtime.fireTrigger(uniqueId));
  }

  /**
   * A person types into a cell: Sheets' parsing, validation and protection
   * apply, then onEdit runs. On a warning-only protection Sheets asks "Edit
   * anyway?" before applying: unless `confirmed`, the edit comes back unapplied
   * with the question (`confirm`), for the page to ask.
   */
  edit(id: string, sheet: string, a1: string, input: string, user: string, confirmed = false): EditOutcome {
    if (!confirmed) {
      const check = this.runtime.store.checkEdit(id, sheet, a1, user);
      if (!check.ok) return check;
      if (check.confirm !== undefined) return { ok: false, message: check.confirm, confirm: true };
    }
    return this.runtime.edit(id, sheet, a1, input, user, { confirmed });
  }

  /**
   * A person drags a column's right border in the header: the column takes the
   * new width (in pixels, at least Sheets' 2), as Sheet.setColumnWidth would set it.
   */
  setColumnWidth(id: string, sheet: string, column: number, width: number, user: string): EditOutcome {
    const doc = this.runtime.store.doc(id);
    const data = doc.sheets.find((s) => s.name === sheet);
    if (!data) return { ok: false, message: `No sheet named "${sheet}" in ${doc.name}.` };
    if (user !== doc.owner && !doc.editors.includes(user)) return { ok: false, message: `${user} can only view ${doc.name}.` };
    if (!Number.isInteger(column) || column < 1 || column > data.maxColumns)
      return { ok: false, message: `No column ${column} on ${sheet}.` };
    data.columnWidths[column] = Math.max(2, Math.round(width));
    return { ok: true };
  }

  /**
   * The person clicks "Allow access" on an IMPORTRANGE cell showing #REF! "You
   * need to connect these sheets.": the workbook may import from the spreadsheet
   * that cell names, from now on and for everyone, as in Sheets.
   */
  allowImport(id: string, sheet: string, a1: string, user: string): AllowOutcome {
    const source = this.runtime.store.cell(id, sheet, a1).needsAccessTo;
    if (source === undefined) return { ok: false, message: `${sheet}!${a1} does not wait on access to another spreadsheet.` };
    try {
      this.runtime.allowImport(id, source, user);
    } catch (error) {
      return { ok: false, message: message(error) };
    }
    return { ok: true };
  }

  /**
   * Types rows into a table whose header row names the columns, from row 2
   * down (the demo data uses it). The headers are read once: a read between
   * edits would recalculate the workbook after each one.
   */
  typeRecords(id: string, sheet: string, records: Record<string, string>[]): void {
    const { store } = this.runtime;
    const headers = store.displayValues(id, sheet, 'A1:AZ1')[0] ?? [];
    const owner = store.doc(id).owner;
    records.forEach((record, i) => {
      for (const [header, text] of Object.entries(record)) {
        const column = headers.indexOf(header);
        if (column < 0) throw new Error(`No "${header}" column on ${sheet}`);
        const a1 = `${columnLetter(column + 1)}${i + 2}`;
        const result = store.userEdit(id, sheet, a1, text, owner);
        if (!result.ok) throw new Error(`${sheet}!${a1}: ${result.message}`);
      }
    });
  }

  /** The sheet as the page draws it: data plus some blank rows and columns. */
  sheetView(id: string, sheet: string): SheetView {
    const { store } = this.runtime;
    const doc = store.doc(id);
    const data = doc.sheets.find((s) => s.name === sheet);
    if (!data) throw new Error(`No sheet named "${sheet}" in ${doc.name}.`);
    const display = store.displayValues(id, sheet);
    let lastRow = 0;
    let lastColumn = 0;
    display.forEach((line, r) =>
      line.forEach((text, c) => {
        if (text !== '') {
          lastRow = Math.max(lastRow, r + 1);
          lastColumn = Math.max(lastColumn, c + 1);
        }
      }),
    );
    const charts = store.charts(id, sheet);
    // A chart floats over the cells below and right of its anchor: enough of them are shown to hold it.
    for (const chart of charts) {
      lastRow = Math.max(lastRow, chart.position.row + CHART_ROWS);
      lastColumn = Math.max(lastColumn, chart.position.column + CHART_COLUMNS);
    }
    const rows = Math.min(data.maxRows, Math.max(MIN_ROWS, lastRow + PAD_ROWS, data.frozenRows + 1));
    const columns = Math.min(data.maxColumns, Math.max(MIN_COLUMNS, lastColumn + PAD_COLUMNS));
    const cells: CellView[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellView[] = [];
      for (let c = 1; c <= columns; c++) {
        const view = cellView(store.cell(id, sheet, `${columnLetter(c)}${r}`));
        const go = view.f === undefined ? undefined : internalLink(view.f, doc.sheets);
        if (go) view.go = go;
        line.push(view);
      }
      cells.push(line);
    }
    const widths = Array.from({ length: columns }, (_, i) => data.columnWidths[i + 1] ?? 100);
    return { name: sheet, rows, columns, frozenRows: data.frozenRows, frozenColumns: data.frozenColumns, widths, cells, charts };
  }

  triggers(): readonly TriggerRecord[] {
    return this.runtime.triggers;
  }

  outbox(): readonly SentMail[] {
    return this.runtime.outbox;
  }

  logs(): readonly string[] {
    return this.runtime.logs;
  }

  /**
   * Runs an execution and collects what it showed besides alerts (those the
   * dialog handler saw). Only panels for its user and document: other people's
   * operations may run while this one waits on a dialog (engine-worker.ts).
   */
  private observe(id: string | undefined, user: string, run: () => unknown): RunOutcome {
    const dialogsBefore = this.runtime.ui.dialogs.length;
    const doc = id === undefined ? undefined : this.runtime.store.doc(id);
    const toastsBefore = doc?.toasts.length ?? 0;
    let error: string | undefined;
    try {
      run();
    } catch (e) {
      error = message(e);
    }
    const panels = this.runtime.ui.dialogs
      .slice(dialogsBefore)
      .filter((dialog) => dialog.user === user && dialog.spreadsheetId === id)
      .filter(isPanel)
      .map(toPanel);
    const toasts = (doc?.toasts ?? []).slice(toastsBefore).map((t) => ({ title: t.title, message: t.message }));
    const outcome: RunOutcome = error === undefined ? { ok: true, panels, toasts } : { ok: false, error, panels, toasts };
    // Only a tab the script chose to show: a run that merely inserts tabs leaves the page where it is.
    const calls = this.runtime.lastCalls;
    const activated = (calls['Spreadsheet.setActiveSheet'] ?? 0) + (calls['Sheet.activate'] ?? 0) > 0;
    const active = activated ? doc?.sheets.find((s) => s.id === doc.activeSheetId) : undefined;
    if (active) outcome.activeSheet = active.name;
    return outcome;
  }
}

function cellView(info: ReturnType<SpreadsheetStore['cell']>): CellView {
  const view: CellView = { t: info.display };
  if (info.formula) view.f = info.formula;
  if (info.background && info.background !== '#ffffff') view.bg = info.background;
  if (info.fontColor && info.fontColor !== '#000000') view.fc = info.fontColor;
  if (info.bold) view.b = true;
  // Sheets aligns numbers and dates right, booleans centred, text left.
  if (typeof info.value === 'number' || info.value instanceof Date) view.al = 'right';
  if (typeof info.value === 'boolean') view.al = 'center';
  if (info.validation?.list) view.list = info.validation.list;
  if (info.note) view.note = info.note;
  if (info.error) view.err = `${info.error.code}: ${info.error.message}`;
  if (info.needsAccessTo !== undefined && info.error) view.connect = info.error.message;
  if (info.sparkline) view.sp = info.sparkline;
  return view;
}

/**
 * The tab and range a `=HYPERLINK("#gid=…&range=…", …)` formula points to, as
 * Sheets follows such a link inside the file; undefined for any other formula
 * or a tab that is gone.
 */
export function internalLink(
  formula: string,
  sheets: readonly { id: number; name: string }[],
): { sheet: string; range: string } | undefined {
  const url = /^=\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(formula)?.[1]?.replace(/""/g, '"');
  if (!url?.startsWith('#')) return undefined;
  const params = new URLSearchParams(url.slice(1));
  const gid = Number(params.get('gid'));
  const sheet = sheets.find((s) => s.id === gid);
  if (!sheet || !params.has('gid')) return undefined;
  return { sheet: sheet.name, range: params.get('range') ?? 'A1' };
}

function isPanel(dialog: DialogRecord): dialog is DialogRecord & { kind: HtmlPanel['kind'] } {
  return dialog.kind === 'sidebar' || dialog.kind === 'modal' || dialog.kind === 'modeless';
}

function toPanel(dialog: DialogRecord & { kind: HtmlPanel['kind'] }): HtmlPanel {
  const panel: HtmlPanel = { kind: dialog.kind, title: dialog.title, html: withShim(dialog.html ?? '') };
  if (dialog.width !== undefined) panel.width = dialog.width;
  if (dialog.height !== undefined) panel.height = dialog.height;
  return panel;
}

function useKey(user: string, id: string): string {
  return `${user}\u0000${id}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
