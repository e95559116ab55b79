// Runtime.snapshot and Runtime.restore: what outlives a runtime, as plain JSON,
// checked on the way back in.
import { describe, expect, it } from 'vitest';
import { CallCounter, Runtime, createServices, type RuntimeState } from '../../dev/runtime/index';

const ANA = 'ana@example.com';
const BO = 'bo@example.com';
const NOW = new Date('2026-11-30T09:00:00Z');

interface Services {
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  Logger: GoogleAppsScript.Base.Logger;
}

/** The services as a script running as `user` in the spreadsheet sees them. */
function servicesOf(rt: Runtime, id: string, user = ANA): Services {
  const execution = { mode: 'FULL' as const, user, activeSpreadsheetId: id, calls: new CallCounter(), realm: undefined };
  return createServices({ world: rt.world, execution }) as unknown as Services;
}

/** A runtime with something in every part of the state. */
function busyRuntime(): { rt: Runtime; id: string } {
  const rt = new Runtime({ now: NOW });
  const id = rt.createSpreadsheet({ name: 'Team OKRs', owner: ANA, timeZone: 'Europe/Berlin' });
  rt.store.userEdit(id, 'Sheet1', 'A1', 'Objective', ANA);
  const { ScriptApp, MailApp, PropertiesService, Logger } = servicesOf(rt, id);
  ScriptApp.newTrigger('sendDigest').timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).create();
  // One time-driven trigger per user per document: Bo's is the second.
  servicesOf(rt, id, BO).ScriptApp.newTrigger('remindOnce').timeBased().at(new Date('2026-12-01T08:00:00Z')).create();
  ScriptApp.newTrigger('onOpenHandler').forSpreadsheet(id).onOpen().create();
  MailApp.sendEmail({ to: BO, cc: 'cy@example.com', subject: 'Weekly OKRs', body: 'Hello', htmlBody: '<p>Hello</p>', name: 'OKR Sheets' });
  PropertiesService.getDocumentProperties().setProperty('cadence', 'weekly');
  PropertiesService.getUserProperties().setProperty('seen', 'yes');
  Logger.log('digest sent');
  rt.setAuthorization(BO, 'REQUIRED');
  rt.setUserEmailHidden(BO, true);
  rt.setLocale(BO, 'de_DE');
  return { rt, id };
}

/** Through JSON and back, as a file would carry it. */
const throughJson = (state: RuntimeState): RuntimeState => JSON.parse(JSON.stringify(state)) as RuntimeState;

/** The value at a path of a state parsed from JSON. */
function at(json: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], json);
}

/** Puts a value at a path of a state parsed from JSON; undefined deletes the entry. */
function put(json: unknown, path: (string | number)[], value: unknown): void {
  const parent = at(json, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (value === undefined) delete parent[key];
  else parent[key] = value;
}

describe('Runtime.snapshot / restore', () => {
  it('carry every part through JSON into a fresh runtime', () => {
    const { rt, id } = busyRuntime();
    const state = rt.snapshot();
    expect(throughJson(state)).toEqual(state);
    expect(state.triggers).toHaveLength(3);
    expect(state.outbox).toHaveLength(1);
    expect(Object.keys(state.properties).sort()).toEqual([`document:${id}`, `user:${ANA}`]);

    const copy = new Runtime({ now: NOW });
    copy.restore(throughJson(state));
    expect(copy.snapshot()).toEqual(state);
    expect(copy.store.values(id, 'Sheet1', 'A1')).toEqual([['Objective']]);
    expect(copy.triggers.map((t) => [t.handlerFunction, t.eventType, t.triggerSourceId])).toEqual([
      ['sendDigest', 'CLOCK', null],
      ['remindOnce', 'CLOCK', null],
      ['onOpenHandler', 'ON_OPEN', id],
    ]);
    expect(copy.triggers[1]!.schedule?.at).toEqual(new Date('2026-12-01T08:00:00Z'));
    expect(copy.triggers[0]!.created).toBeInstanceOf(Date);
    expect(copy.outbox[0]).toMatchObject({
      to: [BO],
      cc: ['cy@example.com'],
      subject: 'Weekly OKRs',
      htmlBody: '<p>Hello</p>',
      from: ANA,
      time: NOW,
    });
    expect(copy.logs).toContain('digest sent');
    // The mail already sent still counts against today's quota: 2 recipients of 100.
    expect(servicesOf(copy, id).MailApp.getRemainingDailyQuota()).toBe(98);
    expect(servicesOf(copy, id).PropertiesService.getDocumentProperties().getProperty('cadence')).toBe('weekly');
    expect(copy.world.authorization.get(BO)).toBe('REQUIRED');
    expect(copy.world.hiddenEmails.has(BO)).toBe(true);
    expect(copy.world.locales.get(BO)).toBe('de_DE');
    // Custom formulas read the owner's user properties: owners come back with the spreadsheets.
    expect(copy.world.owners.get(id)).toBe(ANA);
  });

  it('replace what the runtime held before', () => {
    const { rt } = busyRuntime();
    const empty = new Runtime({ now: NOW }).snapshot();
    rt.restore(empty);
    expect(rt.snapshot()).toEqual(empty);
    expect(rt.store.ids()).toEqual([]);
    expect(rt.triggers).toEqual([]);
  });

  it('never give a trigger id twice, also not the id of one deleted before the snapshot', () => {
    const { rt, id } = busyRuntime();
    const scriptApp = servicesOf(rt, id).ScriptApp;
    const last = scriptApp.getProjectTriggers().at(-1)!;
    const deletedId = last.getUniqueId();
    scriptApp.deleteTrigger(last);
    const copy = new Runtime({ now: NOW });
    copy.restore(throughJson(rt.snapshot()));
    const fresh = servicesOf(copy, id, 'cy@example.com').ScriptApp.newTrigger('another').timeBased().everyHours(1).create();
    expect(fresh.getUniqueId()).not.toBe(deletedId);
    expect(Number(fresh.getUniqueId())).toBeGreaterThan(Number(deletedId));
  });

  it('refuse a state that does not fit, naming the part at fault, and change nothing', () => {
    const { rt } = busyRuntime();
    const before = rt.snapshot();
    const broken = (change: (state: RuntimeState) => void): RuntimeState => {
      const state = throughJson(before);
      change(state);
      return state;
    };
    const cases: [string, (state: RuntimeState) => void][] = [
      ['format must be "okr-sheets-runtime/state@1"', (s) => put(s, ['format'], 'something else')],
      ['properties.script.key must be text (properties hold strings only)', (s) => put(s, ['properties', 'script'], { key: 42 })],
      ['triggers[0].created must be a date', (s) => put(s, ['triggers', 0, 'created'], 'last Monday')],
      [
        'triggers[1].eventType must be one of CLOCK, ON_OPEN, ON_EDIT, ON_CHANGE, ON_FORM_SUBMIT',
        (s) => put(s, ['triggers', 1, 'eventType'], 'HOURLY'),
      ],
      ['triggers[2].uniqueId', (s) => put(s, ['triggers', 2, 'uniqueId'], at(s, ['triggers', 0, 'uniqueId']))],
      ['nextTriggerNumber must be a whole number of at least 1', (s) => put(s, ['nextTriggerNumber'], -1)],
      ['outbox[0].to[0] must be text', (s) => put(s, ['outbox', 0, 'to'], [7])],
      [`mailUsage.${ANA} needs since (ms) and used (a count)`, (s) => put(s, ['mailUsage', ANA, 'used'], 'two')],
      [`users.authorization.${BO} must be REQUIRED or NOT_REQUIRED`, (s) => put(s, ['users', 'authorization', BO], 'maybe')],
      ['users.hiddenEmails must be a list', (s) => put(s, ['users', 'hiddenEmails'], BO)],
      ['store: spreadsheets[0].name must be a string', (s) => put(s, ['store', 'spreadsheets', 0, 'name'], null)],
      ['logs must be a list', (s) => put(s, ['logs'], undefined)],
    ];
    for (const [message, change] of cases) {
      expect(() => rt.restore(broken(change)), message).toThrow(message);
      expect(rt.snapshot()).toEqual(before);
    }
    expect(() => rt.restore(null as unknown as RuntimeState)).toThrow('The runtime state must be an object');
  });
});
