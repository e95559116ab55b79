/** The schedule of a time-driven trigger, as its builder set it. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  /** One-off: this many ms after creation. */
  after?: number;
  /** One-off: at this time. */
  at?: Date;
  atDate?: { year: number; month: number; day: number };
}

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

/** An installable trigger, as the runtime keeps it (`runtime.triggers`). */
export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: TriggerEventType;
  triggerSource: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet's id for a spreadsheet trigger; null for a time-driven one. */
  triggerSourceId: string | null;
  /** The user who created it: it runs as them. */
  user: string;
  /** The document the add-on ran in when it was created (one trigger of each type per user per document). */
  spreadsheetId: string | undefined;
  schedule: ClockSchedule | undefined;
  timeZone: string;
  created: Date;
}

/** Installable triggers per user per script (Quotas for Google Services). */
export const TRIGGERS_PER_USER = 20;
