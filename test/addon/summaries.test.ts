// Email summaries through dist/Code.js in the runtime: the settings and the
// trigger's lifecycle, stale check-ins, reminders, the quota split, a double
// fire, and hostile text. A small workbook whose figures are worked out below.
import { describe, expect, it } from 'vitest';
import { Runtime } from '../../dev/runtime/index';
import { CHAMPION, NOW, byHand, click, fill, records, okrRuntime } from './workbook';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
const HOSTILE_NOTE = '=HYPERLINK("http://evil.example","click") &amp; <b>bold</b>';
const at = (iso: string) => new Date(`${iso}T15:00:00Z`);

/**
 * 2026-Q4 in New York; NOW is Sunday 15 November, 10:00 there: (45 + 10/24) of 92 days gone, expected 0.4937.
 * O1 (Ann, the hostile title): KR1 Ann 50/100 = 0.5, checked in 13 Nov; KR2 Bob 1/10 = 0.1, last 2 Nov (13 days: stale), off track.
 * O2 (Carl, a name People lacks: unreachable): KR3 Ann 10/10 done; KR4 Dave 45/100 = 0.45, on track by progress but last 20 Oct: stale.
 */
function workbook(options: { mailQuota?: number; now?: Date } = {}): { rt: Runtime; id: string } {
  const rt = okrRuntime({ now: options.now ?? NOW, ...(options.mailQuota !== undefined ? { mailQuota: options.mailQuota } : {}) });
  const id = rt.createSpreadsheet({ name: 'Team OKRs', timeZone: 'America/New_York', sheets: ['Sheet1'], owner: CHAMPION });
  click(rt, id, 'setUpWorkbook', 'NO');
  fill(
    rt,
    id,
    'Objectives',
    [
      ['O1', HOSTILE_TITLE, 'ann@example.com', 'Alpha', '2026-Q4', '', 1],
      ['O2', 'Grow & prosper', 'Carl', 'Alpha', '2026-Q4', '', 1],
    ],
    2,
  );
  fill(
    rt,
    id,
    'Key Results',
    [
      ['KR1', 'O1', 'Half way there', 'ann@example.com', 'increase', 0, 100, 50, '', 1, 7, '', '', at('2026-11-13')],
      ['KR2', 'O1', "Ten things <script>alert('x')</script>", 'bob@example.com', 'increase', 0, 10, 1, '', 1, 3, '', '', at('2026-11-02')],
      ['KR3', 'O2', 'Done deal', 'ann@example.com', 'increase', 0, 10, 10, '', 1, 10, '', '', at('2026-11-10')],
      ['KR4', 'O2', 'Quiet one', 'dave@example.com', 'increase', 0, 100, 45, '', 1, 6, '', '', at('2026-10-20')],
    ],
    2,
  );
  fill(
    rt,
    id,
    'Check-ins',
    [
      [at('2026-11-13'), 'KR1', 50, 7, 'Fine.', 'ann@example.com', 'c1'],
      // Kept as text, as the check-in panel records a note.
      [at('2026-11-02'), 'KR2', 1, 3, `'${HOSTILE_NOTE}`, 'bob@example.com', 'c2'],
    ],
    2,
  );
  return { rt, id };
}

const save = (rt: Runtime, id: string, settings: Record<string, unknown>) =>
  rt.run<Record<string, unknown>>('saveSummarySettings', {
    spreadsheetId: id,
    user: CHAMPION,
    args: [{ enabled: true, recipients: 'owners', list: [], weekday: 'MONDAY', hour: 8, reminders: true, ...settings }],
  });

const mine = (rt: Runtime) => rt.triggers.filter((t) => t.handlerFunction === 'sendWeeklySummary');

describe('Email summaries settings and the weekly trigger', () => {
  it('saving with enabled installs one weekly trigger on the day and hour; saving again leaves one; turning off removes it', () => {
    const { rt, id } = workbook();
    const saved = save(rt, id, { weekday: 'WEDNESDAY', hour: 7 });
    expect(mine(rt)).toHaveLength(1);
    expect(mine(rt)[0]!.schedule).toMatchObject({ onWeekDay: 'WEDNESDAY', atHour: 7, everyWeeks: 1 });
    expect(mine(rt)[0]!.timeZone).toBe('America/New_York');
    // Sunday 15 Nov 10:00 in New York → Wednesday 18 Nov 07:00 EST = 12:00 UTC.
    expect(saved.nextSend).toBe('2026-11-18T12:00:00.000Z');
    // Three reachable owners: Ann, Bob, Dave (Carl has no address).
    expect(saved.recipientCount).toBe(3);
    save(rt, id, { weekday: 'FRIDAY', hour: 16 });
    expect(mine(rt)).toHaveLength(1);
    expect(mine(rt)[0]!.schedule).toMatchObject({ onWeekDay: 'FRIDAY', atHour: 16 });
    const off = save(rt, id, { enabled: false, weekday: 'FRIDAY', hour: 16 });
    expect(mine(rt)).toHaveLength(0);
    expect(off.nextSend).toBeNull();
    // The Settings tab shows the friendly words, behind the named ranges.
    const settings = Object.fromEntries(records(rt, id, 'Settings').map((r) => [r.Setting, r.Value]));
    expect([settings['Email summaries'], settings['Summary day'], settings['Summary hour'], settings['Check-in reminders']]).toEqual([
      'no',
      'Friday',
      16,
      'yes',
    ]);
    expect(rt.run('getSummarySettings', { spreadsheetId: id, user: CHAMPION })).toMatchObject({
      enabled: false,
      weekday: 'FRIDAY',
      hour: 16,
    });
  });

  it.each([
    [{ list: ['ok@example.com', 'bob@'], recipients: 'both' }, /^list: "bob@" is not an email address/],
    [{ weekday: 'Funday' }, /^weekday: /],
    [{ hour: 24 }, /^hour: /],
    [{ hour: 7.5 }, /^hour: /],
    [{ recipients: 'everyone' }, /^recipients: /],
  ])('refuses %j, naming the field, and changes nothing', (bad, message) => {
    const { rt, id } = workbook();
    save(rt, id, { hour: 9 });
    const before = rt.store.values(id, 'Settings');
    expect(() => save(rt, id, bad)).toThrow(message);
    expect(rt.store.values(id, 'Settings')).toEqual(before);
    expect(mine(rt)).toHaveLength(1);
    expect(mine(rt)[0]!.schedule).toMatchObject({ atHour: 9 });
  });

  it('Validate reports a bad summary setting typed in the Settings tab', () => {
    const { rt, id } = workbook();
    byHand(rt, id).getRangeByName('OKR_SUMMARY_LIST')!.setValue('boss@example.com, nobody');
    click(rt, id, 'validateOkrs', 'OK');
    const found = records(rt, id, 'Validation').filter((r) => r.Rule === 'bad-setting');
    expect(found.map((r) => r.Message)).toEqual([
      'The summary addresses hold "nobody", which is not an email address: separate addresses with commas.',
    ]);
  });
  // showSummarySettings opens dist/Summaries.html, another helper's page: left untested here until it exists.
});

describe('the weekly summary', () => {
  it('shows figures worked out by hand, stale never as on track, and escapes every piece of user text', () => {
    const { rt, id } = workbook();
    const preview = rt.run<{ subject: string; html: string; text: string; recipients: string[] }>('previewSummary', {
      spreadsheetId: id,
      user: CHAMPION,
    });
    // O1 = (0.5 + 0.1) / 2 = 0.3; O2 = (1 + 0.45) / 2 = 0.725; overall = (0.3 + 0.725) / 2 = 0.5125 → 51%; expected 45.42/92 → 49%.
    expect(preview.text).toContain('Overall progress 51% (the cycle says 49% by now).');
    expect(preview.subject).toBe('Team OKRs, 2026-Q4, week of 2026-11-15: 51% done, 2 at risk or off track');
    expect(preview.recipients).toEqual(['ann@example.com', 'bob@example.com', 'dave@example.com']);
    // At risk first: KR2 off track (0.1 vs 0.49), then O1 at risk (0.3: a gap of 0.19).
    expect(preview.text).toContain(
      `AT RISK AND OFF TRACK\n- KR2 Ten things <script>alert('x')</script> (bob@example.com, Alpha): off track, 10%, confidence 3/10\n    “${HOSTILE_NOTE}”\n- O1 ${HOSTILE_TITLE} (ann@example.com, Alpha): at risk, 30%\n`,
    );
    // Stale by owner: KR2 (13 days) and KR4 (26 days); KR1 (2 days) is fresh, KR3 is done.
    expect(preview.text).toContain(
      "CHECK-INS MISSING OR STALE\n- bob@example.com: KR2 Ten things <script>alert('x')</script> (last check-in 2026-11-02)\n- dave@example.com: KR4 Quiet one (last check-in 2026-10-20)\n",
    );
    expect(preview.text).not.toMatch(/KR4[^\n]*on track/);
    // First summary: KR3, done, is this week's win.
    expect(preview.text).toContain('WINS\n- KR3 Done deal (ann@example.com)');
    expect(preview.text).toContain('Owners no email reaches (add their Email in the People tab): Carl.');
    // HTML: the title and the notes as characters, never as markup.
    expect(preview.html).not.toContain('<img');
    expect(preview.html).not.toContain('<script');
    expect(preview.html).not.toContain('<b>bold</b>');
    expect(preview.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(preview.html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(preview.html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;) &amp;amp; &lt;b&gt;bold&lt;/b&gt;');
    // Text: exactly as typed.
    expect(preview.text).toContain(`“${HOSTILE_NOTE}”`);
  });

  it('says which objectives it leaves out because their Cycle names no cycle, and counts them nowhere', () => {
    const { rt, id } = workbook();
    fill(rt, id, 'Objectives', [['O3', '<b>Typed</b> as people say it', 'ann@example.com', 'Alpha', 'Q4 2026', '', 1]], 4);
    fill(rt, id, 'Key Results', [['KR5', 'O3', 'Win 3 pilots', 'ann@example.com', 'increase', 0, 3, 0, '', 1, 5, '', '', '']], 6);
    const preview = rt.run<{ subject: string; html: string; text: string }>('previewSummary', { spreadsheetId: id, user: CHAMPION });
    expect(preview.text).toContain(
      'Left out of this summary, as their Cycle names no cycle (correct it; Validate the OKRs says how): O3 ("Q4 2026").',
    );
    expect(preview.html).toContain('(correct it; Validate the OKRs says how): O3 (&quot;Q4 2026&quot;).');
    // The figures are the two objectives' of 2026-Q4, as before: O3 and KR5 are in no section.
    expect(preview.subject).toBe('Team OKRs, 2026-Q4, week of 2026-11-15: 51% done, 2 at risk or off track');
    expect(preview.text).not.toContain('KR5');
  });

  it('sends the summary to each owner once and a reminder only to owners with due or stale key results', () => {
    const { rt, id } = workbook();
    save(rt, id, { recipients: 'both', list: ['Lead@Example.com', 'ann@EXAMPLE.com'] });
    const result = rt.run('sendSummaryNow', { spreadsheetId: id, user: CHAMPION });
    // Summaries: ann, bob, dave, lead (ann once); reminders: bob (KR2) and dave (KR4); Ann checked in on everything.
    expect(result).toEqual({ sent: 6, deferred: 0, alreadySent: 0 });
    const summaries = rt.outbox.filter((m) => !m.subject.startsWith('Check-in due'));
    const reminders = rt.outbox.filter((m) => m.subject.startsWith('Check-in due'));
    expect(summaries.map((m) => m.to.join()).sort()).toEqual([
      'Lead@Example.com',
      'ann@example.com',
      'bob@example.com',
      'dave@example.com',
    ]);
    expect(reminders.map((m) => [m.to.join(), m.subject])).toEqual([
      ['bob@example.com', 'Check-in due: 1 key result in Team OKRs'],
      ['dave@example.com', 'Check-in due: 1 key result in Team OKRs'],
    ]);
    expect(reminders[0]!.body).toContain("- KR2 Ten things <script>alert('x')</script> (last check-in 2026-11-02, stale)");
    expect(reminders[0]!.body).toContain('Open the workbook: https://docs.google.com/spreadsheets/d/');
    // History: one row per objective and key result, in a hidden tab.
    expect(records(rt, id, 'History').map((r) => [r.ID, r.Progress, r.Status])).toEqual([
      ['O1', 0.3, 'at risk'],
      ['O2', 0.725, 'on track'],
      ['KR1', 0.5, 'on track'],
      ['KR2', 0.1, 'off track'],
      ['KR3', 1, 'done'],
      ['KR4', 0.45, 'stale'],
    ]);
    expect(byHand(rt, id).getSheetByName('History')!.isSheetHidden()).toBe(true);
    expect(byHand(rt, id).getSheetByName('Mail log')!.isSheetHidden()).toBe(true);
  });

  it('reminds nobody before the current cycle starts: a plan written ahead has nothing due yet', () => {
    const { rt, id } = workbook();
    const spreadsheet = byHand(rt, id);
    spreadsheet.getRangeByName('OKR_CURRENT_CYCLE')!.setValue('2027-Q1');
    spreadsheet
      .getSheetByName('Objectives')!
      .getRange('E2:E3')
      .setValues([['2027-Q1'], ['2027-Q1']]);
    save(rt, id, {});
    expect(rt.run('sendSummaryNow', { spreadsheetId: id, user: CHAMPION })).toEqual({ sent: 3, deferred: 0, alreadySent: 0 });
    // The summary to ann, bob and dave; no "Check-in due" for bob's or dave's key results of a cycle not begun.
    expect(rt.outbox.filter((m) => m.subject.startsWith('Check-in due'))).toEqual([]);
  });

  it('a double fire of the trigger sends nothing twice', () => {
    const { rt, id } = workbook();
    save(rt, id, {});
    const [trigger] = mine(rt);
    rt.fireTrigger(trigger!.uniqueId);
    const sent = rt.outbox.length;
    expect(sent).toBe(5); // 3 summaries, 2 reminders
    rt.advance(60_000);
    rt.fireTrigger(trigger!.uniqueId);
    expect(rt.outbox.length).toBe(sent);
    expect(rt.run('sendSummaryNow', { spreadsheetId: id, user: CHAMPION })).toEqual({ sent: 0, deferred: 0, alreadySent: 5 });
    // One snapshot a week.
    expect(records(rt, id, 'History')).toHaveLength(6);
  });

  it('compares with last week: what moved, and the change of the headline', () => {
    const { rt, id } = workbook();
    rt.run('sendSummaryNow', { spreadsheetId: id, user: CHAMPION });
    // A week later Bob checks in 6 of 10 with confidence 6.
    rt.advance(7 * 86_400_000);
    fill(rt, id, 'Key Results', [[6, '', 1, 6]], 3, 8);
    const text = rt.run<{ text: string }>('previewSummary', { spreadsheetId: id, user: CHAMPION }).text;
    // O1 = (0.5 + 0.6) / 2 = 0.55, overall = (0.55 + 0.725) / 2 = 0.6375 → 64%, up 12.5 → +13 pts from 0.5125.
    expect(text).toContain('Overall progress 64% (the cycle says 57% by now), +13 pts since the last summary.');
    // Largest first: KR2 +50 pts (confidence +3), then O1 +25 pts.
    expect(text).toContain(
      "WHAT MOVED SINCE THE LAST SUMMARY\n- KR2 Ten things <script>alert('x')</script>: progress +50 pts to 60%, confidence +3 to 6/10\n- O1 <img src=x onerror=alert(1)>: progress +25 pts to 55%\n",
    );
    expect(text).toContain('WINS\nNo key result reached its target since the last summary.');
  });
});

describe('quota and deferral', () => {
  it('sends to as many as the quota covers, owner first, records the rest and sends them first on the next run', () => {
    // Monday 16 November: a new check-in week, so Ann's KR1 (13 November) is due too. Seven messages: summaries to
    // the owner (on the list), Ann, Bob and Dave; reminders to Ann, Bob and Dave. The quota covers 2 a day.
    const { rt, id } = workbook({ mailQuota: 2, now: new Date('2026-11-16T15:00:00Z') });
    save(rt, id, { recipients: 'both', list: [CHAMPION] });
    const first = rt.run('sendSummaryNow', { spreadsheetId: id, user: CHAMPION });
    expect(first).toEqual({ sent: 2, deferred: 5, alreadySent: 0 });
    // The workbook's owner gets theirs first, and is told who waits (Ann, Bob and Dave).
    expect(rt.outbox.map((m) => m.to.join())).toEqual([CHAMPION, 'ann@example.com']);
    expect(rt.outbox[0]!.body).toContain("3 people will get this week's mail on the next run");
    expect(rt.outbox[1]!.body).not.toContain('next run');
    const log = records(rt, id, 'Mail log').map((r) => [r.Kind, r.Recipient, r.Status]);
    expect(log.filter((r) => r[2] === 'deferred')).toHaveLength(5);
    // Each next day the quota is back: the deferred go first, in order, nobody twice.
    const run = () => {
      rt.advance(86_400_000);
      return rt.run('sendSummaryNow', { spreadsheetId: id, user: CHAMPION });
    };
    expect(run()).toEqual({ sent: 2, deferred: 3, alreadySent: 2 });
    expect(run()).toEqual({ sent: 2, deferred: 1, alreadySent: 4 });
    expect(run()).toEqual({ sent: 1, deferred: 0, alreadySent: 6 });
    const delivered = rt.outbox.map((m) => `${m.subject.startsWith('Check-in') ? 'reminder' : 'summary'} ${m.to.join()}`);
    expect(delivered).toEqual([
      `summary ${CHAMPION}`,
      'summary ann@example.com',
      'summary bob@example.com',
      'summary dave@example.com',
      'reminder ann@example.com',
      'reminder bob@example.com',
      'reminder dave@example.com',
    ]);
  });
});

describe('the trigger handler', () => {
  it('records why and sends nothing when the authorisation has lapsed', () => {
    const { rt, id } = workbook();
    save(rt, id, {});
    rt.setAuthorization(CHAMPION, 'REQUIRED');
    rt.fireTrigger(mine(rt)[0]!.uniqueId);
    expect(rt.outbox).toHaveLength(0);
    expect(rt.logs.join('\n')).toContain('the weekly summary was not sent: OKR Sheets needs to be authorised again');
  });

  it('sends nothing when summaries were turned off in Settings, and records why', () => {
    const { rt, id } = workbook();
    save(rt, id, {});
    byHand(rt, id).getRangeByName('OKR_SUMMARY_ENABLED')!.setValue('no');
    rt.fireTrigger(mine(rt)[0]!.uniqueId);
    expect(rt.outbox).toHaveLength(0);
    expect(rt.logs.join('\n')).toContain('email summaries are turned off in Settings');
  });
});
