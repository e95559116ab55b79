// The shapes the server sends (see dev/playground/workbooks.ts and api/routes.ts).
// Types the server already declares are imported from it (type-only, so no
// server code reaches the page); the rest are the JSON forms of server objects.
import type { AllowOutcome, CellView, EditOutcome, HtmlPanel, Person, RunOutcome as ServerRunOutcome, SheetView } from '../workbooks';
import type { ChartView, AskedDialog as RuntimeDialog, MenuEntry, RecordedMenu, SparklineDrawing } from '../../runtime/index';

export type { AllowOutcome, CellView, ChartView, HtmlPanel, MenuEntry, Person, RecordedMenu, SheetView, SparklineDrawing };

/** What the page needs of a dialog: the script's alerts and prompts (with the user they are shown to), and the page's own confirms. */
export type AskedDialog = Pick<RuntimeDialog, 'kind' | 'title' | 'message' | 'buttons'> & { user?: string };

/** A run's outcome as the page gets it: with the value a google.script.run call returned. */
export type RunOutcome = ServerRunOutcome & { value?: unknown };

/** `confirm`: not applied yet; Sheets asks the person `message` first, then the edit is sent again, confirmed. */
export type EditResult = EditOutcome;

export interface WorkbookInfo {
  id: string;
  name: string;
  owner: string;
  sheets: string[];
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
