// What the world keeps of each message MailApp sent. A record of its own, like
// triggers.ts, so the World that holds the outbox needs nothing of MailApp.

/** A message MailApp sent, as the runtime's outbox keeps it. */
export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | undefined;
  subject: string;
  body: string;
  htmlBody: string | undefined;
  /** The sender's display name (options.name). */
  name: string | undefined;
  noReply: boolean;
  /** The user the script ran as: mail goes out from their account. */
  from: string;
  spreadsheetId: string | undefined;
  time: Date;
}
