/** One entry of a menu as a user sees it. */
export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

export interface RecordedMenu {
  /** The menu's caption; for an add-on menu, the add-on's name. */
  caption: string;
  /** An add-on menu, shown under Extensions. */
  addon: boolean;
  items: MenuEntry[];
}

export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';

/** How the scripted user answers the next alert or prompt. */
export interface ScriptedAnswer {
  button?: ButtonName;
  text?: string;
}

export interface DialogRecord {
  kind: 'alert' | 'prompt' | 'sidebar' | 'modal' | 'modeless';
  spreadsheetId: string | undefined;
  user: string;
  title: string;
  /** The alert's or prompt's message. */
  message?: string;
  /** The button set offered by an alert or prompt. */
  buttons?: string;
  /** The button pressed and text typed. */
  answer?: { button: ButtonName; text?: string };
  /** A sidebar's or dialog's HTML. */
  html?: string;
  width?: number;
  height?: number;
  time: Date;
}

/** An alert or prompt waiting for the user's answer. */
export interface AskedDialog {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  /** The ButtonSet's name: OK, OK_CANCEL, YES_NO or YES_NO_CANCEL. */
  buttons: string;
  /** The document it shows over, so a handler serving several can tell them apart. */
  spreadsheetId: string | undefined;
  /** The user the script runs as: the one who sees the dialog. */
  user: string;
}

/** What the user sees: menus per spreadsheet and user, and every dialog shown. */
export class UiRecorder {
  readonly dialogs: DialogRecord[] = [];
  /**
   * Answers a dialog when no scripted answer is queued (the playground asks a
   * person). Without it, or when it returns undefined, the default button is pressed.
   */
  onDialog: ((dialog: AskedDialog) => ScriptedAnswer | undefined) | undefined;
  private menusByView = new Map<string, RecordedMenu[]>();
  private answers: ScriptedAnswer[] = [];

  constructor(readonly addonName: string) {}

  /** Queues answers for the next alerts and prompts, in order. */
  answer(...answers: ScriptedAnswer[]): void {
    this.answers.push(...answers);
  }

  /** The next queued answer, else the onDialog handler's. */
  takeAnswer(dialog?: AskedDialog): ScriptedAnswer | undefined {
    return this.answers.shift() ?? (dialog && this.onDialog ? this.onDialog(dialog) : undefined);
  }

  /** Answers queued and not yet used (a test can check none is left over). */
  get pendingAnswers(): number {
    return this.answers.length;
  }

  /** Adds a menu; one with the same caption (or the add-on menu again) replaces the old one, as Sheets does. */
  addMenu(spreadsheetId: string | undefined, user: string, menu: RecordedMenu): void {
    const key = view(spreadsheetId, user);
    const menus = (this.menusByView.get(key) ?? []).filter((m) => m.addon !== menu.addon || m.caption !== menu.caption);
    this.menusByView.set(key, [...menus, menu]);
  }

  /** A reload of the document: script menus are gone until onOpen adds them again. */
  clearMenus(spreadsheetId: string, user: string): void {
    this.menusByView.delete(view(spreadsheetId, user));
  }

  menus(spreadsheetId: string, user: string): RecordedMenu[] {
    return this.menusByView.get(view(spreadsheetId, user)) ?? [];
  }

  /** Every item as a path a user clicks, e.g. `Extensions > OKR Sheets > Help` → its function. */
  menuItems(spreadsheetId: string, user: string): { path: string; functionName: string }[] {
    const out: { path: string; functionName: string }[] = [];
    const walk = (prefix: string, items: MenuEntry[]): void => {
      for (const item of items) {
        if (item.kind === 'item') out.push({ path: `${prefix} > ${item.caption}`, functionName: item.functionName });
        if (item.kind === 'submenu') walk(`${prefix} > ${item.caption}`, item.items);
      }
    };
    for (const menu of this.menus(spreadsheetId, user)) walk(menu.addon ? `Extensions > ${menu.caption}` : menu.caption, menu.items);
    return out;
  }

  /** The last dialog of a kind, if any. */
  last(kind: DialogRecord['kind']): DialogRecord | undefined {
    return [...this.dialogs].reverse().find((d) => d.kind === kind);
  }
}

function view(spreadsheetId: string | undefined, user: string): string {
  return `${spreadsheetId ?? ''}\u0000${user}`;
}
