import { enter } from './guard';
import { scriptError } from './realm';
import type { Scope } from './world';

export const QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
/**
 * "Email recipients per message: 50", for consumer and Workspace accounts
 * alike (Quotas for Google Services, developers.google.com/apps-script/guides/services/quotas);
 * the message is what Apps Script throws past it.
 */
const RECIPIENTS_PER_MESSAGE = 50;
export const RECIPIENTS_PER_MESSAGE_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';
const DAY_MS = 24 * 60 * 60 * 1000;
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

type Advanced = GoogleAppsScript.Mail.MailAdvancedParameters;

/**
 * MailApp. Every recipient (to, cc and bcc) counts against the user's daily
 * quota, which resets 24 hours after the first send, and one message holds at
 * most 50 of them (Quotas for Google Services).
 */
export class MailAppImpl implements GoogleAppsScript.Mail.MailApp {
  constructor(private scope: Scope) {}

  getRemainingDailyQuota(): number {
    enter(this.scope, 'MailApp.getRemainingDailyQuota', 'authorized', 'script.send_mail');
    return this.scope.world.settings.mailQuota - this.usage().used;
  }

  sendEmail(...args: unknown[]): void {
    enter(this.scope, 'MailApp.sendEmail', 'authorized', 'script.send_mail');
    const message = this.message(args);
    const recipients = {
      to: this.addresses(message.to),
      cc: this.addresses(message.cc),
      bcc: this.addresses(message.bcc),
    };
    const count = recipients.to.length + recipients.cc.length + recipients.bcc.length;
    if (count === 0) throw scriptError(this.scope.execution, 'Failed to send email: no recipient');
    // Refused whole, before the daily quota is counted: nothing is sent and nothing is used.
    if (count > RECIPIENTS_PER_MESSAGE) throw scriptError(this.scope.execution, RECIPIENTS_PER_MESSAGE_MESSAGE);
    const usage = this.usage();
    if (usage.used + count > this.scope.world.settings.mailQuota) throw scriptError(this.scope.execution, QUOTA_MESSAGE);
    usage.used += count;
    const { world, execution } = this.scope;
    world.outbox.push({
      ...recipients,
      replyTo: message.replyTo === undefined ? undefined : String(message.replyTo),
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      htmlBody: message.htmlBody === undefined ? undefined : String(message.htmlBody),
      name: message.name === undefined ? undefined : String(message.name),
      noReply: Boolean(message.noReply),
      from: execution.user,
      spreadsheetId: execution.activeSpreadsheetId,
      time: new Date(world.clock.now()),
    });
  }

  /** The four forms: (message), (to, subject, body), (to, subject, body, options), (to, replyTo, subject, body). */
  private message(args: unknown[]): Advanced {
    const [a, b, c, d] = args;
    if (args.length === 1 && a !== null && typeof a === 'object') return a as Advanced;
    if (args.length === 4 && typeof d === 'string') return { to: String(a), replyTo: String(b), subject: String(c), body: d };
    if (args.length >= 3) return { ...((d ?? {}) as Advanced), to: String(a), subject: String(b), body: String(c) };
    const types = args.map((x) => (typeof x === 'string' ? 'String' : typeof x)).join(',');
    throw scriptError(this.scope.execution, `The parameters (${types}) don't match the method signature for MailApp.sendEmail.`);
  }

  /** Comma-separated addresses, each plain or as `Name <address>`. */
  private addresses(list: string | undefined): string[] {
    if (list === undefined || list === null || String(list).trim() === '') return [];
    return String(list)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => {
        const address = /<([^>]*)>\s*$/.exec(item)?.[1]?.trim() ?? item;
        if (!ADDRESS.test(address)) throw scriptError(this.scope.execution, `Invalid email: ${item}`);
        return address;
      });
  }

  private usage(): { since: number; used: number } {
    const { world, execution } = this.scope;
    const now = world.clock.now();
    let usage = world.mailUsage.get(execution.user);
    if (!usage || now - usage.since >= DAY_MS) {
      usage = { since: now, used: 0 };
      world.mailUsage.set(execution.user, usage);
    }
    return usage;
  }
}
