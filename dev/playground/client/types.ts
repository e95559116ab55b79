// The shapes the server sends (see dev/playground/workbooks.ts and api/routes.ts).

export interface Person {
  email: string;
  name: string;
}

export interface WorkbookInfo {
  id: string;
  name: string;
  owner: string;
  sheets: string[];
}

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

export interface RecordedMenu {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface AskedDialog {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: string;
}

export interface HtmlPanel {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width?: number;
  height?: number;
}

export interface RunOutcome {
  ok: boolean;
  error?: string;
  panels: HtmlPanel[];
  toasts: { title: string; message: string }[];
  value?: unknown;
}

export type Step = { status: 'dialog'; dialog: AskedDialog } | { status: 'done'; result: RunOutcome };

export interface Mail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  from: string;
  time: string;
}

export interface Trigger {
  uniqueId: string;
  handlerFunction: string;
  eventType: string;
  triggerSourceId: string | null;
  user: string;
  spreadsheetId?: string;
  schedule?: Record<string, unknown>;
  timeZone: string;
  created: string;
}

export interface State {
  people: Person[];
  workbooks: WorkbookInfo[];
  triggers: Trigger[];
  outbox: Mail[];
  logs: string[];
  notice?: string;
  dialog?: AskedDialog;
}

export interface CellView {
  t: string;
  f?: string;
  bg?: string;
  fc?: string;
  b?: true;
  al?: 'right' | 'center';
  list?: string[];
  note?: string;
  err?: string;
}

export interface SheetView {
  name: string;
  rows: number;
  columns: number;
  frozenRows: number;
  frozenColumns: number;
  widths: number[];
  cells: CellView[][];
}

/** `confirm`: not applied yet; Sheets asks the person `message` first, then the edit is sent again, confirmed. */
export type EditResult = { ok: true; warning?: string } | { ok: false; message: string; confirm?: true };
