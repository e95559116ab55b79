// What crosses google.script.run between the Email summaries dialog and the
// server: JSON-safe values only (the next send travels as an ISO string, not a
// Date). The dialog and src/main.ts both import these types.

/** The days Apps Script's ScriptApp.WeekDay names, Monday first: what the dialog sends and gets. */
export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Who gets the summary: every reachable owner of the current cycle, the address list, or their union. */
export type SummaryRecipients = 'owners' | 'list' | 'both';

/** The settings as the dialog edits them and saveSummarySettings takes them. */
export interface SummarySettingsInput {
  enabled: boolean;
  recipients: SummaryRecipients;
  /** The addresses for `list` and `both`, one each (a string separated by commas, semicolons or line breaks is taken too). */
  list: string[];
  weekday: Weekday;
  /** 0 to 23, in the spreadsheet's time zone. */
  hour: number;
  /** Owners with due or stale check-ins get one reminder each. */
  reminders: boolean;
}

/** getSummarySettings and saveSummarySettings: the settings, and when and to how many the next summary goes. */
export interface SummarySettings extends SummarySettingsInput {
  /** ISO 8601 instant (UTC) of the next scheduled summary; null when summaries are off. */
  nextSend: string | null;
  /** How many people this week's summary goes to. */
  recipientCount: number;
  /** The spreadsheet's time zone (`Europe/London`), which hour is in: the dialog formats nextSend in it. */
  timeZone: string;
}

/** previewSummary: this week's summary as it will arrive. */
export interface SummaryPreview {
  subject: string;
  /** The mail's HTML body, built by the server from people's text: the dialog shows it only in a sandboxed frame. */
  html: string;
  /** The mail's plain-text body. */
  text: string;
  /** Every address it goes to, each once. */
  recipients: string[];
}

/**
 * sendSummaryNow, in messages (each summary and each reminder is one; an owner
 * may get both): sent now, left for the next run because today's mail quota
 * ran out, and already sent this week (by the trigger or an earlier Send now).
 */
export interface SummarySent {
  sent: number;
  deferred: number;
  alreadySent: number;
}

/** The server functions the dialog calls, by name. */
export interface SummaryServer {
  getSummarySettings(): SummarySettings;
  /** Throws an Error whose message starts with the field at fault (`list: "bob@" is not an email address.`). */
  saveSummarySettings(settings: SummarySettingsInput): SummarySettings;
  previewSummary(): SummaryPreview;
  sendSummaryNow(): SummarySent;
}
