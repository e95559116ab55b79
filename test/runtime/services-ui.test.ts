import { describe, expect, it } from 'vitest';
import { makeScope, makeWorld, servicesFor } from './services-fixture';

describe('Ui menus', () => {
  it('records the add-on menu under Extensions > add-on name, items in order with their functions', () => {
    const world = makeWorld();
    const scope = makeScope(world, { mode: 'NONE' });
    const ui = servicesFor(scope).ui();
    const more = ui.createMenu('More').addItem('About', 'showAbout');
    ui.createAddonMenu().addItem('Set up', 'setUp').addSeparator().addItem('Help', 'showHelp').addSubMenu(more).addToUi();
    expect(world.ui.menuItems('sheet-1', 'ana@example.com')).toEqual([
      { path: 'Extensions > OKR Sheets > Set up', functionName: 'setUp' },
      { path: 'Extensions > OKR Sheets > Help', functionName: 'showHelp' },
      { path: 'Extensions > OKR Sheets > More > About', functionName: 'showAbout' },
    ]);
    expect(world.ui.menus('sheet-1', 'ana@example.com')[0]!.items[1]).toEqual({ kind: 'separator' });
    expect(scope.execution.calls.snapshot()).toMatchObject({ 'Ui.createAddonMenu': 1, 'Menu.addItem': 3, 'Menu.addToUi': 1 });
  });

  it('keeps menus per spreadsheet and user, and a second addToUi replaces the menu', () => {
    const world = makeWorld();
    const ana = servicesFor(makeScope(world)).ui();
    ana.createAddonMenu().addItem('Old', 'old').addToUi();
    ana.createAddonMenu().addItem('New', 'fresh').addToUi();
    ana.createMenu('Tools').addItem('Run', 'run').addToUi();
    expect(world.ui.menuItems('sheet-1', 'ana@example.com').map((i) => i.path)).toEqual(['Extensions > OKR Sheets > New', 'Tools > Run']);
    expect(world.ui.menus('sheet-1', 'bo@example.com')).toEqual([]);
    expect(world.ui.menus('sheet-2', 'ana@example.com')).toEqual([]);
  });

  it('refuses getUi in a custom formula with Apps Script words', () => {
    const scope = makeScope(makeWorld(), { mode: 'CUSTOM_FUNCTION' });
    expect(() => servicesFor(scope).ui()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('Ui dialogs', () => {
  it('answers an alert with the scripted button and records it', () => {
    const world = makeWorld();
    const ui = servicesFor(makeScope(world)).ui();
    world.ui.answer({ button: 'NO' });
    const button = ui.alert('Delete?', 'Delete the examples?', ui.ButtonSet.YES_NO);
    expect(button).toBe(ui.Button.NO);
    expect(String(button)).toBe('NO');
    expect(world.ui.last('alert')).toMatchObject({
      title: 'Delete?',
      message: 'Delete the examples?',
      buttons: 'YES_NO',
      answer: { button: 'NO' },
    });
  });

  it('answers with the first button when nothing is scripted', () => {
    const world = makeWorld();
    const ui = servicesFor(makeScope(world)).ui();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO_CANCEL)).toBe(ui.Button.YES);
    expect(world.ui.dialogs.map((d) => d.message)).toEqual(['Done', 'Sure?']);
  });

  it('refuses a scripted button the dialog does not offer, but always allows closing', () => {
    const world = makeWorld();
    const ui = servicesFor(makeScope(world)).ui();
    world.ui.answer({ button: 'YES' });
    expect(() => ui.alert('Only OK')).toThrow(/not a button/);
    world.ui.answer({ button: 'CLOSE' });
    expect(ui.alert('Only OK')).toBe(ui.Button.CLOSE);
  });

  it('prompts return the typed text and the button', () => {
    const world = makeWorld();
    const ui = servicesFor(makeScope(world)).ui();
    world.ui.answer({ button: 'OK', text: '2026-Q4' });
    const response = ui.prompt('Cycle', 'Which cycle?', ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe('2026-Q4');
    expect(response.getSelectedButton()).toBe(ui.Button.OK);
    expect(ui.prompt('Name?').getResponseText()).toBe('');
    expect(world.ui.pendingAnswers).toBe(0);
  });

  it('records sidebars at 300 px whatever the width asked, and dialogs with their size', () => {
    const world = makeWorld();
    const services = servicesFor(makeScope(world));
    const ui = services.ui();
    ui.showSidebar(services.HtmlService.createHtmlOutput('<b>Check-in</b>').setTitle('Check-in').setWidth(800));
    ui.showModalDialog(services.HtmlService.createHtmlOutput('<i>x</i>').setWidth(400).setHeight(200), 'Details');
    expect(world.ui.last('sidebar')).toMatchObject({ html: '<b>Check-in</b>', title: 'Check-in', width: 300 });
    expect(world.ui.last('modal')).toMatchObject({ html: '<i>x</i>', title: 'Details', width: 400, height: 200 });
  });

  it('asks the onDialog handler when no answer is queued, with what the dialog shows', () => {
    const world = makeWorld();
    const ui = servicesFor(makeScope(world)).ui();
    const asked: unknown[] = [];
    world.ui.onDialog = (dialog) => {
      asked.push(dialog);
      return { button: 'CANCEL', text: 'typed' };
    };
    world.ui.answer({ button: 'OK', text: 'queued' });
    expect(ui.prompt('Cycle', 'Which?', ui.ButtonSet.OK_CANCEL).getResponseText()).toBe('queued');
    expect(ui.prompt('Cycle', 'Which?', ui.ButtonSet.OK_CANCEL).getSelectedButton()).toBe(ui.Button.CANCEL);
    expect(asked).toEqual([
      { kind: 'prompt', title: 'Cycle', message: 'Which?', buttons: 'OK_CANCEL', spreadsheetId: 'sheet-1', user: 'ana@example.com' },
    ]);
  });

  it('tells the onDialog handler which user sees the dialog, over which document; undefined presses the default button', () => {
    const world = makeWorld();
    const asked: { user: string; spreadsheetId: string | undefined }[] = [];
    world.ui.onDialog = (dialog) => {
      asked.push({ user: dialog.user, spreadsheetId: dialog.spreadsheetId });
      return undefined;
    };
    const ui = servicesFor(makeScope(world, { user: 'bo@example.com', activeSpreadsheetId: 'sheet-2' })).ui();
    expect(ui.alert('Go?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(asked).toEqual([{ user: 'bo@example.com', spreadsheetId: 'sheet-2' }]);
  });

  it('shows no dialog under AuthMode.NONE', () => {
    const ui = servicesFor(makeScope(makeWorld(), { mode: 'NONE' })).ui();
    expect(() => ui.alert('Hi')).toThrow('You do not have permission to call Ui.alert');
  });
});
