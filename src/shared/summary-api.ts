// What crosses google.script.run between the "Email summaries" dialog and the
// server: JSON-safe values only (dates as ISO strings).

/** ScriptApp's WeekDay names: what the dialog sends and gets. */
export type WeekdayName = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** The settings as saveSummarySettings takes them. */
export interface SummarySettingsInput {
  enabled: boolean;
  /** owners: every reachable owner of the current cycle; list: the addresses; both: their union. */
  recipients: 'owners' | 'list' | 'both';
  /** The addresses, as a list (a string separated by commas, semicolons or line breaks is taken too). */
  list: string[];
  weekday: WeekdayName;
  /** 0 to 23, in the spreadsheet's time zone. */
  hour: number;
  /** Owners with due or stale check-ins get one reminder each. */
  reminders: boolean;
}

/** getSummarySettings and saveSummarySettings: the settings, and when the next summary goes out. */
export interface SummarySettingsView extends SummarySettingsInput {
  /** ISO 8601 instant of the next scheduled summary, or null when summaries are off. */
  nextSend: string | null;
  /** How many people this week's summary goes to. */
  recipientCount: number;
  /** The spreadsheet's time zone, which hour is in. */
  timeZone: string;
}

/** previewSummary: this week's summary as it will arrive. */
export interface SummaryPreview {
  subject: string;
  html: string;
  text: string;
  /** The addresses it goes to, each once. */
  recipients: string[];
}

/** sendSummaryNow: how many recipients got a message now, and how many wait for the next run (quota). */
export interface SendResult {
  sent: number;
  deferred: number;
  /** Messages of this week left out because they were already sent. */
  alreadySent: number;
}
