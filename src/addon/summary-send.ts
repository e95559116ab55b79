import type { SummarySent, SummaryPreview } from '../shared/summary-api';
import { Cell } from '../okr/cells';
import { UserError } from '../okr/errors';
import { historyRows } from '../okr/history';
import { Addressed, MailStatus, mailLogRows, planMail } from '../okr/mail-log';
import { HISTORY, MAIL_LOG, TabSpec } from '../okr/schema';
import { uniqueTexts } from '../okr/cells';
import { Summary } from '../okr/summary';
import { Mail, reminderMail, summaryMail } from '../okr/summary-mail';
import { withDocumentLock } from './errors';
import { readSummary } from './summary-read';
import { ensureRecordTab, growTo } from './record-tab';
import { Tabs } from './tabs';
import { writeValues } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * At most this many messages a run, whatever the quota: each send takes a
 * moment, and a run has six minutes. The rest are deferred like a short quota.
 */
export const RUN_CAP = 250;

/** The addresses the summary goes to, each once (case-insensitive): owners, the list, or both. */
export function summaryRecipients(summary: Summary, settings: { recipients: string; list: string[] }): string[] {
  const owners = settings.recipients === 'list' ? [] : summary.owners;
  const list = settings.recipients === 'owners' ? [] : settings.list;
  return uniqueTexts([...owners, ...list]);
}

/** This week's summary as it will arrive, and who it goes to. Writes nothing. */
export function previewSummary(spreadsheet: Spreadsheet): SummaryPreview {
  const { summary, summarySettings } = withSettings(spreadsheet, new Date());
  return { ...summaryMail(summary), recipients: summaryRecipients(summary, summarySettings) };
}

function withSettings(spreadsheet: Spreadsheet, now: Date) {
  const read = readSummary(spreadsheet, now);
  return { ...read, summarySettings: read.settings.summary };
}

interface Message extends Addressed {
  mail: () => Mail;
}

/**
 * Sends this week's summary (and reminders when they are on) to everyone who
 * has not had it this week, those deferred by an earlier run first, as far as
 * the day's mail quota reaches. Under the document lock it plans, records
 * every send (and every deferral) in the Mail log and this week's snapshot in
 * History, then releases the lock and sends: a run that dies mid-way may skip
 * a mail, never send one twice, and a second run (a double fire, a retry)
 * finds everything recorded and sends nothing again. With `onlyWhenOn` (the
 * weekly trigger), summaries turned off in Settings send nothing: a UserError
 * says so.
 */
export function sendSummaries(spreadsheet: Spreadsheet, now = new Date(), { onlyWhenOn = false } = {}): SummarySent {
  const planned = withDocumentLock(() => {
    const read = withSettings(spreadsheet, now);
    const { summary, week, summarySettings: settings } = read;
    if (onlyWhenOn && !settings.enabled) throw new UserError(SUMMARIES_OFF);
    const owner = ownerEmail(spreadsheet);
    const recipients = summaryRecipients(summary, settings);
    // The workbook's owner first: they are the one told when the quota runs short.
    recipients.sort((a, b) => Number(b.toLowerCase() === owner) - Number(a.toLowerCase() === owner));
    const reminders = settings.reminders ? summary.reminders.filter((r) => r.email !== undefined) : [];
    const messages: Message[] = [
      ...recipients.map((recipient) => ({ kind: 'summary' as const, recipient, mail: () => summaryMail(summary) })),
      ...reminders.map((r) => ({ kind: 'reminder' as const, recipient: r.email!, mail: () => reminderMail(summary, r) })),
    ];
    const room = Math.min(MailApp.getRemainingDailyQuota(), RUN_CAP);
    const plan = planMail(read.mailLog, week.key, messages, room);
    if (plan.deferred.length > 0) {
      const notice = `${countPeople(plan.deferred)} will get this week's mail on the next run: today's mail quota is used up (${plan.send.length} sent now). To send sooner, use OKR Sheets > Email summaries… > Send now tomorrow.`;
      const ownerCopy = plan.send.find((m) => m.kind === 'summary' && m.recipient.toLowerCase() === owner);
      if (ownerCopy) ownerCopy.mail = () => summaryMail(summary, notice);
      else console.warn(`OKR Sheets: ${notice}`);
      PropertiesService.getDocumentProperties().setProperty(LAST_DEFERRED, JSON.stringify({ week: week.key, notice }));
    }
    const time = new Date(now.getTime());
    const entries = [
      ...plan.send.map((m) => ({ ...m, status: 'sent' as MailStatus })),
      ...plan.deferred.map((m) => ({ ...m, status: 'deferred' as MailStatus })),
    ];
    if (entries.length > 0) append(spreadsheet, read.sheets, MAIL_LOG, mailLogRows(week.key, time, entries));
    if (!read.snapshotTaken) append(spreadsheet, read.sheets, HISTORY, historyRows(time, summary.snapshot));
    return { plan, week, sheets: read.sheets };
  });

  const failed: (Addressed & { status: MailStatus })[] = [];
  for (const message of planned.plan.send) {
    try {
      const mail = message.mail();
      MailApp.sendEmail({ to: message.recipient, subject: mail.subject, body: mail.text, htmlBody: mail.html, name: 'OKR Sheets' });
    } catch (error) {
      console.error(`OKR Sheets could not send the ${message.kind} to ${message.recipient}:`, error);
      failed.push({ kind: message.kind, recipient: message.recipient, status: 'failed' });
    }
  }
  if (failed.length > 0) {
    // Recorded as failed after their "sent": the next run tries them again.
    withDocumentLock(() => append(spreadsheet, new Tabs(spreadsheet), MAIL_LOG, mailLogRows(planned.week.key, new Date(), failed)));
  }
  return {
    sent: planned.plan.send.length - failed.length,
    deferred: planned.plan.deferred.length,
    alreadySent: planned.plan.alreadySent,
  };
}

/** Why the weekly trigger sent nothing, when summaries were turned off after it was made. */
export const SUMMARIES_OFF = 'email summaries are turned off in Settings.';

/** The document property holding the last quota notice. */
export const LAST_DEFERRED = 'OKR_SUMMARY_LAST_DEFERRED';

function countPeople(messages: readonly Addressed[]): string {
  const n = new Set(messages.map((m) => m.recipient.toLowerCase())).size;
  return n === 1 ? '1 person' : `${n} people`;
}

/** The workbook owner's address (lower-case), or the person running it when Drive gives none (a shared drive). */
export function ownerEmail(spreadsheet: Spreadsheet): string {
  return (spreadsheet.getOwner()?.getEmail() || Session.getEffectiveUser().getEmail() || '').toLowerCase();
}

/**
 * Appends rows below a log tab's last row in one setValues, making the tab
 * (hidden: it is the add-on's record, not something people edit) the first
 * time.
 */
function append(spreadsheet: Spreadsheet, sheets: Tabs, spec: TabSpec, rows: Cell[][]): void {
  if (rows.length === 0) return;
  const sheet = ensureRecordTab(spreadsheet, sheets, spec, { hidden: true });
  const first = sheet.getLastRow() + 1;
  growTo(sheet, first + rows.length - 1);
  writeValues(sheet.getRange(first, 1, rows.length, spec.headers.length), rows);
}
