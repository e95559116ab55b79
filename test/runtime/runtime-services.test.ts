// The runtime facade with a bundle of our own: event objects, triggers, locks
// across executions, the scripted user, mail, the clock.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../dev/runtime/index';
import { tempDist } from './services-fixture';

const BUNDLE = `
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addToUi();
  var props = e.authMode == ScriptApp.AuthMode.NONE ? null : PropertiesService.getDocumentProperties();
  lastOpen = { mode: String(e.authMode), hasSource: e.source !== undefined, email: e.user.getEmail(), prop: props && props.getProperty('k') };
  // Logger works in every mode; the cache would be refused under NONE.
  Logger.log(JSON.stringify(lastOpen));
}
var lastOpen = null;
function lastOpenSeen() { return lastOpen; }
function setK(v) { PropertiesService.getDocumentProperties().setProperty('k', v); }
function schedule() { return ScriptApp.newTrigger('digest').timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).create().getUniqueId(); }
function digest(e) {
  var auth = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus();
  if (auth == ScriptApp.AuthorizationStatus.REQUIRED) return 'needs auth';
  MailApp.sendEmail(Session.getEffectiveUser().getEmail(), 'Digest', 'week ' + e['week-of-year']);
  return [String(e.authMode), e.triggerUid, e.year, e.month, e['day-of-month'], e['day-of-week'], e.hour, e.timezone];
}
function scheduleInTokyo() { return ScriptApp.newTrigger('eventFields').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(16).inTimezone('Asia/Tokyo').create().getUniqueId(); }
function eventFields(e) { var out = {}; Object.keys(e).forEach(function (k) { out[k] = String(e[k]); }); return out; }
function installOpen() { ScriptApp.newTrigger('openedBy').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onOpen().create(); }
function openedBy(e) { Logger.log('installed ' + String(e.authMode) + ' ' + e.user.getEmail() + ' as ' + Session.getEffectiveUser().getEmail() + ' in ' + e.source.getId()); }
function onEdit(e) { Logger.log(['edit', String(e.authMode), e.range.getA1Notation(), e.oldValue, e.value, e.user.getEmail()].join(' ')); }
function holdAndForget() { LockService.getDocumentLock().waitLock(1000); return 'held'; }
function takeLock() { return LockService.getDocumentLock().tryLock(3000); }
function ask() { var ui = SpreadsheetApp.getUi(); var r = ui.prompt('Cycle?', ui.ButtonSet.OK_CANCEL); return [String(r.getSelectedButton()), r.getResponseText()]; }
function whoAmI() { return Session.getActiveUser().getEmail(); }
function today() { return Utilities.formatDate(new Date(), 'Asia/Tokyo', 'yyyy-MM-dd HH:mm'); }
function marathon() { for (var i = 0; i < 3; i++) Utilities.sleep(150000); return 'done'; }
function SLOW() { Utilities.sleep(31000); return 1; }
function sleepy() { Utilities.sleep(2000); return Date.now(); }
`;

function setup() {
  const dist = tempDist();
  fs.writeFileSync(path.join(dist, 'Code.js'), BUNDLE);
  const runtime = new Runtime({ dist, now: new Date(Date.UTC(2026, 10, 30, 6, 30)), scriptTimeZone: 'Europe/Berlin' });
  const id = runtime.createSpreadsheet({ name: 'OKRs', owner: 'ana@example.com' });
  return { runtime, id };
}

describe('Runtime events', () => {
  it('passes onOpen its event: no document under NONE, the document and user under LIMITED', () => {
    const { runtime, id } = setup();
    runtime.run('setK', { spreadsheetId: id, args: ['v1'] });
    runtime.open(id, { user: 'ana@example.com', mode: 'NONE' });
    runtime.open(id, { user: 'ana@example.com', mode: 'LIMITED' });
    expect(runtime.logs.map((line) => JSON.parse(line))).toEqual([
      { mode: 'NONE', hasSource: false, email: '', prop: null },
      { mode: 'LIMITED', hasSource: true, email: 'ana@example.com', prop: 'v1' },
    ]);
    expect(runtime.ui.menuItems(id, 'ana@example.com')).toEqual([{ path: 'Extensions > OKR Sheets > Go', functionName: 'go' }]);
  });

  it('runs onEdit(e) in LIMITED mode when a user edits a cell, with the range and the old and new values', () => {
    const { runtime, id } = setup();
    runtime.edit(id, 'Sheet1', 'B2', '5', 'bo@example.com');
    runtime.edit(id, 'Sheet1', 'B2', '7', 'bo@example.com');
    expect(runtime.logs).toEqual(['edit LIMITED B2  5 bo@example.com', 'edit LIMITED B2 5 7 bo@example.com']);
  });

  it('keeps nothing between executions but the stores', () => {
    const { runtime, id } = setup();
    runtime.open(id, { user: 'ana@example.com' });
    expect(runtime.run('lastOpenSeen', { spreadsheetId: id })).toBeNull();
  });
});

describe('Runtime triggers', () => {
  it('fires a time-driven trigger as its creator in FULL mode, with the time-driven event', () => {
    const { runtime, id } = setup();
    const uid = runtime.run<string>('schedule', { spreadsheetId: id, user: 'ana@example.com' });
    expect(runtime.triggers).toHaveLength(1);
    const result = runtime.fireTrigger(uid);
    // 06:30 UTC on Monday 30 November 2026 is 07:30 in Berlin.
    expect(result).toEqual(['FULL', uid, 2026, 11, 30, 1, 7, 'Europe/Berlin']);
    expect(runtime.outbox[0]).toMatchObject({ to: ['ana@example.com'], subject: 'Digest', from: 'ana@example.com', body: 'week 49' });
  });

  it('passes a time-driven handler exactly the fields of "Event objects > Time-driven events", in the trigger’s inTimezone zone', () => {
    // developers.google.com/apps-script/guides/triggers/events#time-driven-events: authMode,
    // day-of-month, day-of-week (1 = Monday … 7 = Sunday), hour, minute, month (1–12), second,
    // timezone, triggerUid, week-of-year, year.
    const { runtime, id } = setup();
    runtime.setClock(new Date(Date.UTC(2026, 11, 6, 22, 59, 7))); // Sunday 22:59:07 UTC is Monday 07:59:07 in Tokyo
    const uid = runtime.run<string>('scheduleInTokyo', { spreadsheetId: id, user: 'ana@example.com' });
    expect(runtime.triggers[0]).toMatchObject({ timeZone: 'Asia/Tokyo', schedule: { onWeekDay: 'MONDAY', everyWeeks: 1, atHour: 16 } });
    expect(runtime.fireTrigger(uid)).toEqual({
      authMode: 'FULL',
      'day-of-month': '7',
      'day-of-week': '1',
      hour: '7',
      minute: '59',
      month: '12',
      second: '7',
      timezone: 'Asia/Tokyo',
      triggerUid: uid,
      'week-of-year': '50',
      year: '2026',
    });
  });

  it('runs installable open triggers as their creator when anyone opens the document', () => {
    const { runtime, id } = setup();
    runtime.run('installOpen', { spreadsheetId: id, user: 'ana@example.com' });
    expect(runtime.triggers[0]).toMatchObject({ eventType: 'ON_OPEN', triggerSourceId: id, user: 'ana@example.com' });
    runtime.open(id, { user: 'bo@example.com', mode: 'LIMITED' });
    expect(runtime.logs.filter((l) => l.startsWith('installed'))).toEqual([`installed FULL bo@example.com as ana@example.com in ${id}`]);
  });

  it('still fires when authorization has lapsed; the handler must check', () => {
    const { runtime, id } = setup();
    const uid = runtime.run<string>('schedule', { spreadsheetId: id, user: 'ana@example.com' });
    runtime.setAuthorization('ana@example.com', 'REQUIRED');
    expect(runtime.fireTrigger(uid)).toBe('needs auth');
    expect(runtime.outbox).toHaveLength(0);
  });
});

describe('Runtime locks, scripted user, session, clock', () => {
  it('releases a lock when its execution ends; a held lock makes the next one wait and fail', () => {
    const { runtime, id } = setup();
    expect(runtime.run('holdAndForget', { spreadsheetId: id })).toBe('held');
    expect(runtime.run('takeLock', { spreadsheetId: id })).toBe(true);
    const release = runtime.holdLock('document', id);
    const before = runtime.now().getTime();
    expect(runtime.run('takeLock', { spreadsheetId: id })).toBe(false);
    expect(runtime.now().getTime() - before).toBe(3000);
    release();
    expect(runtime.run('takeLock', { spreadsheetId: id })).toBe(true);
  });

  it('answers prompts from the queue', () => {
    const { runtime, id } = setup();
    runtime.answer({ button: 'CANCEL', text: 'typed anyway' });
    expect(runtime.run('ask', { spreadsheetId: id })).toEqual(['CANCEL', 'typed anyway']);
  });

  it('withholds the email of a user Google hides', () => {
    const { runtime, id } = setup();
    expect(runtime.run('whoAmI', { spreadsheetId: id, user: 'bo@example.com' })).toBe('bo@example.com');
    runtime.setUserEmailHidden('bo@example.com', true);
    expect(runtime.run('whoAmI', { spreadsheetId: id, user: 'bo@example.com' })).toBe('');
  });

  it('lets tests set and move the clock the bundle reads', () => {
    const { runtime, id } = setup();
    expect(runtime.run('today', { spreadsheetId: id })).toBe('2026-11-30 15:30');
    runtime.setClock(new Date(Date.UTC(2027, 0, 1, 0, 0)));
    runtime.advance(60_000);
    expect(runtime.run('today', { spreadsheetId: id })).toBe('2027-01-01 09:01');
    expect(runtime.run('sleepy', { spreadsheetId: id })).toBe(Date.UTC(2027, 0, 1, 0, 1, 2));
  });

  it('stops an execution at 6 minutes and a custom formula at 30 seconds of virtual time', () => {
    const { runtime, id } = setup();
    expect(() => runtime.run('marathon', { spreadsheetId: id })).toThrow('Exceeded maximum execution time');
    runtime.store.userEdit(id, 'Sheet1', 'A1', '=SLOW()', 'ana@example.com');
    expect(runtime.store.cell(id, 'Sheet1', 'A1').error).toEqual({ code: '#ERROR!', message: 'Exceeded maximum execution time' });
  });

  it('counts the calls of the last execution and of all', () => {
    const { runtime, id } = setup();
    runtime.run('setK', { spreadsheetId: id, args: ['a'] });
    runtime.run('setK', { spreadsheetId: id, args: ['b'] });
    expect(runtime.lastCalls).toEqual({ 'Properties.setProperty': 1, 'PropertiesService.getDocumentProperties': 1 });
    expect(runtime.calls.get('Properties.setProperty')).toBe(2);
  });
});
