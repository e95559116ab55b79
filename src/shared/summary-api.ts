// What crosses google.script.run between the Email summaries dialog and the
// server: JSON-safe values only (the next send travels as an ISO string, not a
// Date). The dialog and src/main.ts both import these types.

/** The days Apps Script's ScriptApp.WeekDay names, Monday first. */
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Who gets the summary: the owners of the key results, the address list, or both. */
export type SummaryRecipients = 'owners' | 'list' | 'both';

/** The summary settings as the dialog edits them and saveSummarySettings takes them. */
export interface SummarySettingsInput {
  enabled: boolean;
  recipients: SummaryRecipients;
  /** Addresses for `list` and `both`, one each. */
  list: string[];
  weekday: Weekday;
  /** 0 to 23, in the spreadsheet's time zone. */
  hour: number;
  /** Owners who have not checked in this period get a reminder. */
  reminders: boolean;
}

/** The saved settings, and when they next send. */
export interface SummarySettings extends SummarySettingsInput {
  /** ISO 8601 instant (UTC) of the next scheduled send; null when summaries are off. */
  nextSend: string | null;
  /** The spreadsheet's time zone (`Europe/London`), when the server gives it: the dialog then formats nextSend in it. */
  timeZone?: string;
}

/** This week's summary as it will arrive. */
export interface SummaryPreview {
  subject: string;
  /** The mail's HTML body, built by the server from people's text: shown only in a sandboxed frame. */
  html: string;
  /** The mail's plain-text body. */
  text: string;
  /** Every address it goes to. */
  recipients: string[];
}

/** What sendSummaryNow did: mail sent, and recipients left for the next run because today's mail quota ran out. */
export interface SummarySent {
  sent: number;
  deferred: number;
}

/** The server functions the dialog calls, by name. */
export interface SummaryServer {
  getSummarySettings(): SummarySettings;
  /** Throws an Error whose message starts with the field at fault (`list: "bob@" is not an email address`). */
  saveSummarySettings(settings: SummarySettingsInput): SummarySettings;
  previewSummary(): SummaryPreview;
  sendSummaryNow(): SummarySent;
}
