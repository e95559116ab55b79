import { Button, ButtonSet, enumName } from './enums';
import { enter } from './guard';
import { HtmlOutputImpl } from './html';
import { scriptError } from './realm';
import type { AskedDialog, ButtonName, DialogRecord, MenuEntry } from './ui-recorder';
import type { Scope } from './world';

type Base = typeof GoogleAppsScript.Base;

/** The buttons of each ButtonSet, the default (first) one first. */
const BUTTONS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** Sheets fixes a sidebar's width at 300 px whatever the HtmlOutput says. */
export const SIDEBAR_WIDTH = 300;

export class MenuImpl implements GoogleAppsScript.Base.Menu {
  readonly items: MenuEntry[] = [];

  constructor(
    private scope: Scope,
    readonly caption: string,
    readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    enter(this.scope, 'Menu.addItem', 'menu');
    this.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): GoogleAppsScript.Base.Menu {
    enter(this.scope, 'Menu.addSeparator', 'menu');
    this.items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    enter(this.scope, 'Menu.addSubMenu', 'menu');
    if (!(menu instanceof MenuImpl)) throw scriptError(this.scope.execution, 'Invalid argument: menu');
    this.items.push({ kind: 'submenu', caption: menu.caption, items: menu.items });
    return this;
  }

  addToUi(): void {
    enter(this.scope, 'Menu.addToUi', 'menu');
    const { execution, world } = this.scope;
    world.ui.addMenu(execution.activeSpreadsheetId, execution.user, {
      caption: this.caption,
      addon: this.addon,
      items: structuredClone(this.items),
    });
  }
}

class PromptResponseImpl implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private button: ButtonName,
    private text: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this.button];
  }
}

/** SpreadsheetApp.getUi(): menus recorded per spreadsheet and user, dialogs answered by the scripted user. */
/** Ui, without the deprecated showDialog. */
export class UiImpl implements Omit<GoogleAppsScript.Base.Ui, 'showDialog'> {
  readonly Button: Base['Button'] = Button;
  readonly ButtonSet: Base['ButtonSet'] = ButtonSet;

  constructor(private scope: Scope) {}

  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    enter(this.scope, 'Ui.createMenu', 'menu');
    return new MenuImpl(this.scope, String(caption), false);
  }

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    enter(this.scope, 'Ui.createAddonMenu', 'menu');
    return new MenuImpl(this.scope, this.scope.world.ui.addonName, true);
  }

  alert(
    first: string,
    second?: string | GoogleAppsScript.Base.ButtonSet,
    third?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button {
    enter(this.scope, 'Ui.alert', 'dialog', 'script.container.ui');
    const { title, message, set } = dialogArgs(first, second, third);
    const answer = this.answerFor({ kind: 'alert', title, message, buttons: set, ...this.viewer() });
    this.record({ kind: 'alert', title, message, buttons: set, answer: { button: answer.button } });
    return Button[answer.button];
  }

  prompt(
    first: string,
    second?: string | GoogleAppsScript.Base.ButtonSet,
    third?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse {
    enter(this.scope, 'Ui.prompt', 'dialog', 'script.container.ui');
    const { title, message, set } = dialogArgs(first, second, third);
    const answer = this.answerFor({ kind: 'prompt', title, message, buttons: set, ...this.viewer() });
    this.record({ kind: 'prompt', title, message, buttons: set, answer });
    return new PromptResponseImpl(answer.button, answer.text ?? '');
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    enter(this.scope, 'Ui.showSidebar', 'dialog', 'script.container.ui');
    const output = this.output(userInterface);
    this.record({ kind: 'sidebar', title: output.getTitle(), html: output.getContent(), width: SIDEBAR_WIDTH });
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    enter(this.scope, 'Ui.showModalDialog', 'dialog', 'script.container.ui');
    this.present('modal', userInterface, title);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    enter(this.scope, 'Ui.showModelessDialog', 'dialog', 'script.container.ui');
    this.present('modeless', userInterface, title);
  }

  private present(kind: 'modal' | 'modeless', userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    const output = this.output(userInterface);
    this.record({ kind, title: String(title), html: output.getContent(), width: output.getWidth(), height: output.getHeight() });
  }

  private output(userInterface: unknown): HtmlOutputImpl {
    if (userInterface instanceof HtmlOutputImpl) return userInterface;
    throw scriptError(this.scope.execution, 'Invalid argument: userInterface');
  }

  /** The scripted user's next answer, checked against the buttons the dialog offers. */
  private answerFor(dialog: AskedDialog): { button: ButtonName; text?: string } {
    const scripted = this.scope.world.ui.takeAnswer(dialog);
    const { kind } = dialog;
    const offered = BUTTONS[dialog.buttons] ?? ['OK'];
    const button = scripted?.button ?? offered[0]!;
    // Closing the dialog is always possible; any other button must be on it.
    if (button !== 'CLOSE' && !offered.includes(button)) {
      throw new Error(`The scripted answer ${button} is not a button of this ${kind} (${offered.join(', ')})`);
    }
    return scripted?.text === undefined ? { button } : { button, text: scripted.text };
  }

  /** Who sees a dialog, and over which document. */
  private viewer(): Pick<AskedDialog, 'spreadsheetId' | 'user'> {
    const { execution } = this.scope;
    return { spreadsheetId: execution.activeSpreadsheetId, user: execution.user };
  }

  private record(dialog: Omit<DialogRecord, 'spreadsheetId' | 'user' | 'time'>): void {
    const { execution, world } = this.scope;
    world.ui.dialogs.push({
      ...dialog,
      spreadsheetId: execution.activeSpreadsheetId,
      user: execution.user,
      time: new Date(world.clock.now()),
    });
  }
}

/** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons); likewise prompt. */
function dialogArgs(first: unknown, second: unknown, third: unknown): { title: string; message: string; set: string } {
  if (third !== undefined || typeof second === 'string') {
    return { title: String(first), message: String(second), set: enumName(third) ?? 'OK' };
  }
  return { title: '', message: String(first), set: enumName(second) ?? 'OK' };
}
