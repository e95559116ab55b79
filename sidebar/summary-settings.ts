// The Email summaries dialog's pure parts: the one place the address list
// changes shape between the server's settings and the form, how a save error
// names its field, and the "Next summary" line.
import { WEEKDAYS, type SummarySettings, type SummarySettingsInput, type Weekday } from '../src/shared/summary-api';

/** The form's fields, named as the server names them (a save error's prefix). */
export const FIELDS = ['enabled', 'recipients', 'list', 'weekday', 'hour', 'reminders'] as const;
export type Field = (typeof FIELDS)[number];

/** What the form shows: the settings with the address list as the text a person edits. */
export interface FormValues extends Omit<SummarySettingsInput, 'list'> {
  /** One address a line. */
  list: string;
}

/**
 * The settings as the form shows them. The one place that reads the server's
 * address list: an array, or a comma-separated string should the server send one.
 */
export function toForm(settings: SummarySettings): FormValues {
  const list: unknown = settings.list;
  const addresses = Array.isArray(list) ? list.map(String) : splitAddresses(String(list ?? ''));
  return {
    enabled: settings.enabled,
    recipients: settings.recipients,
    list: addresses.join('\n'),
    weekday: settings.weekday,
    hour: settings.hour,
    reminders: settings.reminders,
  };
}

/** What Save sends: the contract's fields, nothing else; the address text split into addresses, blanks dropped. */
export function toSettings(form: FormValues): SummarySettingsInput {
  return {
    enabled: form.enabled,
    recipients: form.recipients,
    list: splitAddresses(form.list),
    weekday: form.weekday,
    hour: form.hour,
    reminders: form.reminders,
  };
}

/** Addresses written one a line, or separated by commas or semicolons as mail clients copy them. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

/** True when the form differs from the saved settings. */
export function changed(form: FormValues, saved: FormValues): boolean {
  return JSON.stringify(toSettings(form)) !== JSON.stringify(toSettings(saved));
}

/**
 * The field a save error names (`list: "bob@" is not an email address`) and
 * the message without its prefix; field null when it names none. Google may
 * put "Error: " or "Exception: " before a thrown message.
 */
export function fieldOf(message: string): { field: Field | null; text: string } {
  const bare = message.replace(/^(?:Error|Exception):\s*/, '');
  const match = /^(\w+):\s*(.+)$/s.exec(bare);
  const field = match && (FIELDS as readonly string[]).includes(match[1]!) ? (match[1] as Field) : null;
  return { field, text: field ? match![2]! : bare };
}

/** 9 → "9:00", 17 → "17:00": the hour as the trigger runs it, in the spreadsheet's time zone. */
export function hourText(hour: number): string {
  return `${hour}:00`;
}

/** MONDAY → Monday. */
export function weekdayText(day: Weekday): string {
  return day.charAt(0) + day.slice(1).toLowerCase();
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * "Monday 7 December, 9:00": when the next summary goes out, in the
 * spreadsheet's time zone, never the viewer's. With the zone from the server,
 * Intl formats nextSend in it. Without, the saved weekday and hour are the
 * spreadsheet's own, and the date is the day within one of nextSend's UTC
 * date that falls on that weekday (no zone is more than 14 hours from UTC,
 * and those three days are three different weekdays).
 */
export function nextSendText(settings: Pick<SummarySettings, 'nextSend' | 'weekday' | 'hour' | 'timeZone'>): string | null {
  if (!settings.nextSend) return null;
  const instant = Date.parse(settings.nextSend);
  if (Number.isNaN(instant)) return null;
  if (settings.timeZone) {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: settings.timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(instant));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('weekday')} ${part('day')} ${part('month')}, ${Number(part('hour'))}:${part('minute')}`;
  }
  const wanted = (WEEKDAYS.indexOf(settings.weekday) + 1) % 7; // Date's 0 = Sunday
  const midnight = Math.floor(instant / MS_PER_DAY) * MS_PER_DAY;
  const day = [0, -1, 1].map((offset) => new Date(midnight + offset * MS_PER_DAY)).find((d) => d.getUTCDay() === wanted);
  if (!day) return null;
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(day);
  return `${weekdayText(settings.weekday)} ${date}, ${hourText(settings.hour)}`;
}

/** "1 person", "12 people". */
export function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}
