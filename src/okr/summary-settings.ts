import type { SummarySettingsInput, Weekday } from '../shared/summary-api';
import { Cell, asNumber, cleanText, normalise, text, uniqueTexts } from './cells';
import { UserError } from './errors';
import { isEmail } from './people';
import { SUMMARY_RECIPIENTS, SummaryRecipients, SummarySettingKey, WEEKDAYS, YES_NO } from './schema';

// The "Email summaries" settings: friendly words in the Settings tab (yes/no,
// Monday, owners), JSON for the dialog (true/false, MONDAY). Converted here,
// and checked here, for Validate (a cell) and for the dialog (a field).

export type SummarySettings = SummarySettingsInput;

export const SUMMARY_DEFAULTS: SummarySettings = {
  enabled: false,
  recipients: 'owners',
  list: [],
  weekday: 'MONDAY',
  hour: 8,
  reminders: true,
};

/** Addresses as people paste them: separated by commas, semicolons, spaces or line breaks. */
export function splitAddresses(value: Cell): string[] {
  return cleanText(value)
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

function yesNo(value: Cell): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const word = normalise(value);
  if (word === 'yes' || word === 'true') return true;
  if (word === 'no' || word === 'false') return false;
  return undefined;
}

function weekdayOf(value: Cell): Weekday | undefined {
  const word = normalise(value);
  const day = WEEKDAYS.find((d) => d.toLowerCase() === word);
  return day ? (day.toUpperCase() as Weekday) : undefined;
}

function hourOf(value: Cell): number | undefined {
  const n = asNumber(value);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= 23 ? n : undefined;
}

/** The summary settings from their cells, each falling back to its default when missing or not usable. */
export function readSummarySettings(value: (key: SummarySettingKey) => Cell): SummarySettings {
  const recipients = normalise(value('summaryRecipients')) as SummaryRecipients;
  return {
    enabled: yesNo(value('summaryEnabled')) ?? SUMMARY_DEFAULTS.enabled,
    recipients: SUMMARY_RECIPIENTS.includes(recipients) ? recipients : SUMMARY_DEFAULTS.recipients,
    list: splitAddresses(value('summaryList')).filter((a) => isEmail(a)),
    weekday: weekdayOf(value('summaryWeekday')) ?? SUMMARY_DEFAULTS.weekday,
    hour: hourOf(value('summaryHour')) ?? SUMMARY_DEFAULTS.hour,
    reminders: yesNo(value('summaryReminders')) ?? SUMMARY_DEFAULTS.reminders,
  };
}

/** What is wrong with one summary setting's cell, in a person's words (Validate shows it on the cell). */
export function summaryCellProblem(key: SummarySettingKey, value: Cell): string | undefined {
  switch (key) {
    case 'summaryEnabled':
    case 'summaryReminders':
      return yesNo(value) === undefined
        ? `${key === 'summaryEnabled' ? 'Email summaries' : 'Check-in reminders'} is "${text(value)}": choose yes or no.`
        : undefined;
    case 'summaryRecipients':
      return SUMMARY_RECIPIENTS.includes(normalise(value) as SummaryRecipients)
        ? undefined
        : `The summary goes to "${text(value)}": choose ${SUMMARY_RECIPIENTS.join(', ')}.`;
    case 'summaryList': {
      const bad = splitAddresses(value).find((a) => !isEmail(a));
      return bad === undefined
        ? undefined
        : `The summary addresses hold "${bad}", which is not an email address: separate addresses with commas.`;
    }
    case 'summaryWeekday':
      return weekdayOf(value) === undefined ? `The summary day is "${text(value)}": choose a day of the week, such as Monday.` : undefined;
    case 'summaryHour':
      return hourOf(value) === undefined ? `The summary hour is "${text(value)}": use a whole hour from 0 to 23.` : undefined;
  }
}

/**
 * The dialog's settings checked field by field, or a UserError whose message
 * starts with the field's name and a colon (`list: "bob@" is not an email
 * address…`), so the dialog can show it beside the field.
 */
export function checkSummaryInput(input: unknown): SummarySettings {
  const given = (input ?? {}) as Record<string, unknown>;
  const refuse = (field: keyof SummarySettings, message: string): never => {
    throw new UserError(`${field}: ${message}`);
  };
  const bool = (field: 'enabled' | 'reminders'): boolean =>
    typeof given[field] === 'boolean' ? (given[field] as boolean) : refuse(field, `${describeValue(given[field])} is not true or false.`);
  const enabled = bool('enabled');
  const reminders = bool('reminders');
  const recipients = given.recipients;
  if (typeof recipients !== 'string' || !SUMMARY_RECIPIENTS.includes(recipients as SummaryRecipients))
    refuse('recipients', `${describeValue(recipients)} is not one of ${SUMMARY_RECIPIENTS.join(', ')}.`);
  const rawList = given.list ?? [];
  if (!Array.isArray(rawList) && typeof rawList !== 'string') refuse('list', 'give the addresses as a list of strings.');
  const written: string[] = Array.isArray(rawList)
    ? rawList.map((a: unknown) => (typeof a === 'string' ? a : refuse('list', `${describeValue(a)} is not an email address.`)))
    : [String(rawList)];
  const list = written.flatMap((a) => splitAddresses(a));
  for (const address of list) if (!isEmail(address)) refuse('list', `"${address}" is not an email address.`);
  if ((recipients === 'list' || recipients === 'both') && list.length === 0)
    refuse('list', `the summary goes to the list, which is empty: add at least one address, or send it to owners.`);
  const weekday = given.weekday;
  const day = typeof weekday === 'string' ? WEEKDAYS.find((d) => d.toUpperCase() === weekday) : undefined;
  if (!day) refuse('weekday', `${describeValue(weekday)} is not one of ${WEEKDAYS.map((d) => d.toUpperCase()).join(', ')}.`);
  const hour = given.hour;
  if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23)
    refuse('hour', `${describeValue(hour)} is not a whole hour from 0 to 23.`);
  return {
    enabled,
    recipients: recipients as SummaryRecipients,
    list: uniqueTexts(list),
    weekday: weekday as Weekday,
    hour: hour as number,
    reminders,
  };
}

/** The settings as the Settings tab writes them: yes/no, Monday, the addresses joined by commas. */
export function summaryCells(settings: SummarySettings): Record<SummarySettingKey, Cell> {
  const yes = (b: boolean) => (b ? YES_NO[0] : YES_NO[1]);
  return {
    summaryEnabled: yes(settings.enabled),
    summaryRecipients: settings.recipients,
    summaryList: settings.list.join(', '),
    summaryWeekday: WEEKDAYS.find((d) => d.toUpperCase() === settings.weekday)!,
    summaryHour: settings.hour,
    summaryReminders: yes(settings.reminders),
  };
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'string'
    ? `"${value.length > 60 ? value.slice(0, 57) + '...' : value}"`
    : (JSON.stringify(value) ?? String(value));
}
