import { describe, expect, it } from 'vitest';
import { makeScope, makeWorld, servicesFor } from './services-fixture';

const spreadsheet = (id: string) => ({ getId: () => id }) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

describe('ScriptApp triggers', () => {
  it('creates time-driven and spreadsheet triggers owned by the user, in the document', () => {
    const world = makeWorld({ scriptTimeZone: 'Europe/Berlin' });
    const app = servicesFor(makeScope(world)).ScriptApp;
    const weekly = app.newTrigger('sendDigest').timeBased().onWeekDay(app.WeekDay.MONDAY).atHour(8).create();
    const edit = app.newTrigger('onEditInstalled').forSpreadsheet('sheet-1').onEdit().create();
    expect(weekly.getHandlerFunction()).toBe('sendDigest');
    expect(weekly.getEventType()).toBe(app.EventType.CLOCK);
    expect(weekly.getTriggerSource()).toBe(app.TriggerSource.CLOCK);
    expect(weekly.getTriggerSourceId()).toBeNull();
    expect(edit.getEventType()).toBe(app.EventType.ON_EDIT);
    expect(edit.getTriggerSourceId()).toBe('sheet-1');
    expect(world.triggers[0]).toMatchObject({
      uniqueId: weekly.getUniqueId(),
      user: 'ana@example.com',
      spreadsheetId: 'sheet-1',
      schedule: { onWeekDay: 'MONDAY', everyWeeks: 1, atHour: 8 },
      timeZone: 'Europe/Berlin',
    });
  });

  it('allows one trigger of each type per user per document (add-on rule)', () => {
    const world = makeWorld();
    const app = servicesFor(makeScope(world)).ScriptApp;
    app.newTrigger('a').timeBased().everyHours(1).create();
    expect(() => app.newTrigger('b').timeBased().everyDays(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    app.newTrigger('c').forSpreadsheet('sheet-1').onOpen().create();
    servicesFor(makeScope(world, { user: 'bo@example.com' }))
      .ScriptApp.newTrigger('a')
      .timeBased()
      .everyHours(1)
      .create();
    servicesFor(makeScope(world, { activeSpreadsheetId: 'sheet-2' }))
      .ScriptApp.newTrigger('a')
      .timeBased()
      .everyHours(1)
      .create();
    expect(world.triggers).toHaveLength(4);
  });

  it('refuses time-driven triggers more often than hourly, and schedules Apps Script does not offer', () => {
    const app = servicesFor(makeScope(makeWorld())).ScriptApp;
    expect(() => app.newTrigger('a').timeBased().everyMinutes(30).create()).toThrow(/more than once an hour/);
    expect(() => app.newTrigger('a').timeBased().everyHours(3)).toThrow('Invalid argument: hours');
    expect(() => app.newTrigger('a').timeBased().create()).toThrow(/no schedule/);
  });

  it('lists and deletes only the current user’s triggers', () => {
    const world = makeWorld();
    const ana = servicesFor(makeScope(world)).ScriptApp;
    const bo = servicesFor(makeScope(world, { user: 'bo@example.com' })).ScriptApp;
    const mine = ana.newTrigger('a').timeBased().everyDays(1).atHour(6).create();
    bo.newTrigger('b').timeBased().everyDays(1).create();
    expect(ana.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['a']);
    expect(ana.getUserTriggers(spreadsheet('sheet-1'))).toHaveLength(1);
    expect(ana.getUserTriggers(spreadsheet('other'))).toHaveLength(0);
    bo.deleteTrigger(mine);
    expect(world.triggers).toHaveLength(2);
    ana.deleteTrigger(mine);
    expect(world.triggers.map((t) => t.handlerFunction)).toEqual(['b']);
  });

  it('never reuses the id of a trigger already there (one restored from a saved state)', () => {
    const world = makeWorld();
    const app = servicesFor(makeScope(world)).ScriptApp;
    const first = app.newTrigger('a').timeBased().everyHours(1).create();
    world.triggers.push({ ...world.triggers[0]!, uniqueId: String(Number(first.getUniqueId()) + 5), user: 'bo@example.com' });
    const next = app.newTrigger('b').forSpreadsheet('sheet-1').onOpen().create();
    expect(Number(next.getUniqueId())).toBe(Number(first.getUniqueId()) + 6);
  });

  it('needs full authorization to manage triggers', () => {
    const app = servicesFor(makeScope(makeWorld(), { mode: 'LIMITED' })).ScriptApp;
    expect(() => app.newTrigger('a')).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(() => app.getProjectTriggers()).toThrow('You do not have permission to call ScriptApp.getProjectTriggers');
  });
});

describe('ScriptApp authorization', () => {
  it('reports the status the runtime set per user', () => {
    const world = makeWorld();
    world.authorization.set('bo@example.com', 'REQUIRED');
    const ana = servicesFor(makeScope(world)).ScriptApp;
    const bo = servicesFor(makeScope(world, { user: 'bo@example.com' })).ScriptApp;
    expect(ana.getAuthorizationInfo(ana.AuthMode.FULL).getAuthorizationStatus()).toBe(ana.AuthorizationStatus.NOT_REQUIRED);
    expect(ana.getAuthorizationInfo(ana.AuthMode.FULL).getAuthorizationUrl()).toBeNull();
    expect(bo.getAuthorizationInfo(bo.AuthMode.FULL).getAuthorizationStatus()).toBe(bo.AuthorizationStatus.REQUIRED);
    expect(String(bo.AuthMode.CUSTOM_FUNCTION)).toBe('CUSTOM_FUNCTION');
    expect(JSON.stringify({ mode: bo.AuthMode.NONE })).toBe('{"mode":"NONE"}');
  });
});
