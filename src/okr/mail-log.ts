import { Cell, normalise, text } from './cells';
import { MAIL_LOG } from './schema';
import { readLogTable } from './table';

// Who got which week's mail. Each summary or reminder is recorded per
// recipient, week and kind before it is sent (a crash mid-run may at worst
// skip a mail, never send one twice), and recipients the quota could not
// cover are recorded as deferred: the next run sends them first.

export type MailKind = 'summary' | 'reminder';
export type MailStatus = 'sent' | 'deferred' | 'failed';

export interface Addressed {
  kind: MailKind;
  /** The address, as written. */
  recipient: string;
}

export interface MailPlan<M extends Addressed> {
  /** What to send now, those owed from an earlier run first. */
  send: M[];
  /** What the quota (or the run's cap) leaves for the next run. */
  deferred: M[];
  /** Already sent this week: left out. */
  alreadySent: number;
}

const key = (kind: string, recipient: string) => `${normalise(kind)}\u0000${normalise(recipient)}`;

/**
 * Splits this week's messages by the log: those sent this week are left out;
 * those whose last record is deferred (this week or before) go first; then
 * as many as `room` allows, in the order given; the rest are deferred.
 */
export function planMail<M extends Addressed>(
  log: readonly (readonly Cell[])[],
  week: string,
  messages: readonly M[],
  room: number,
): MailPlan<M> {
  // The last record of each message wins: a failed send recorded after its "sent" is tried again.
  const thisWeek = new Map<string, string>();
  const last = new Map<string, string>();
  for (const row of readLogTable(log, MAIL_LOG).rows) {
    const k = key(text(row.get('Kind')), text(row.get('Recipient')));
    const status = normalise(row.get('Status'));
    if (text(row.get('Week')).trim() === week) thisWeek.set(k, status);
    last.set(k, status);
  }
  const sentThisWeek = new Set([...thisWeek].filter(([, status]) => status === 'sent').map(([k]) => k));
  const due = messages.filter((m) => !sentThisWeek.has(key(m.kind, m.recipient)));
  const owed = due.filter((m) => last.get(key(m.kind, m.recipient)) === 'deferred');
  const ordered = [...owed, ...due.filter((m) => !owed.includes(m))];
  const fits = Math.max(0, Math.floor(room));
  return { send: ordered.slice(0, fits), deferred: ordered.slice(fits), alreadySent: messages.length - due.length };
}

/** The rows a run appends to the Mail log, in its columns. */
export function mailLogRows(week: string, time: Date, entries: readonly (Addressed & { status: MailStatus })[]): Cell[][] {
  return entries.map((e) => [week, e.kind, e.recipient, e.status, time]);
}
