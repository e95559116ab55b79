import { Cell, asNumber, describe, isBlank, normalise, text } from './cells';
import { CALENDAR_YEAR, FiscalYear, MONTHS, fiscalNaming, monthNumber, quarterOf } from './cycle-names';
import { CycleCalendar, cycleAdvice, sentence } from './cycles';
import { utcDay } from './dates';
import { CADENCES, Cadence, SETTINGS, SETTING_ROWS, SettingKey, SummarySettingKey, settingSpec } from './schema';
import { SummarySettings, readSummarySettings, summaryCellProblem } from './summary-settings';
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP } from './status';
import { Where, readTable } from './table';

export interface SettingsProblem {
  where: Where;
  message: string;
  rule: 'bad-setting';
}

/**
 * Checks the Settings values a person typed; the formulas read them through
 * named ranges. Each problem is an error: every Status depends on them.
 * `calendar` gives the current cycle its meaning (fiscal year, Cycles tab).
 */
export function checkSettings(values: readonly (readonly Cell[])[], calendar: CycleCalendar): SettingsProblem[] {
  const table = readTable(values, SETTINGS);
  const problems: SettingsProblem[] = [];
  for (const row of table.rows) {
    const spec = SETTING_ROWS.find((s) => normalise(s.name) === normalise(row.get('Setting')));
    if (!spec) continue;
    const message = settingProblem(spec.key, row.get('Value'), calendar);
    if (message) problems.push({ where: row.where('Value'), rule: 'bad-setting', message });
  }
  return problems;
}

function settingProblem(key: SettingKey, value: Cell, calendar: CycleCalendar): string | undefined {
  switch (key) {
    case 'workbookName':
      return isBlank(value) || text(value).includes('/')
        ? `The workbook name is "${text(value)}": give this workbook a short name without a slash, such as Product, so other workbooks can align to it as Product/P1.`
        : undefined;
    case 'cycle': {
      const advice = cycleAdvice(value, calendar);
      return advice && `The current cycle is ${describe(value)}: ${sentence(advice)}`;
    }
    case 'cadence':
      return CADENCES.includes(normalise(value) as Cadence)
        ? undefined
        : `The check-in cadence is "${text(value)}": use ${CADENCES.join(', ')}.`;
    case 'atRiskGap':
    case 'offTrackGap':
      return isBlank(value) || (asNumber(value) ?? -1) < 0
        ? `The ${settingSpec(key).name.toLowerCase()} is "${text(value)}": use a number of 0 or more, such as 0.15.`
        : undefined;
    case 'fiscalStart':
      return monthNumber(value) === undefined
        ? `The fiscal year starts in "${text(value)}", which is not a month: choose one, such as ${MONTHS[1]}.`
        : undefined;
    case 'fiscalNaming':
      return fiscalNaming(value) === undefined
        ? `A fiscal year is named by "${text(value)}": choose the year it ends (FY2027 ends in 2027) or the year it starts.`
        : undefined;
    default:
      return summaryCellProblem(key, value);
  }
}

export interface Settings {
  /** How other workbooks name this one (Name/ID); "" when not set. */
  workbookName: string;
  /** The current cycle as written in Settings (resolve it with the calendar), or today's quarter when blank. */
  cycle: string;
  cadence: Cadence;
  atRiskGap: number;
  offTrackGap: number;
  fiscal: FiscalYear;
  /** The "Email summaries" section. */
  summary: SummarySettings;
}

/** The Settings values, each falling back to its default when missing or not usable. */
export function readSettings(values: readonly (readonly Cell[])[], today: { year: number; month: number }): Settings {
  const table = readTable(values, SETTINGS);
  const value = (key: SettingKey): Cell => {
    const spec = settingSpec(key);
    const row = table.rows.find((r) => normalise(r.get('Setting')) === normalise(spec.name));
    return row ? row.get('Value') : '';
  };
  const gap = (key: 'atRiskGap' | 'offTrackGap', fallback: number) => {
    const n = asNumber(value(key));
    return n === undefined || n < 0 ? fallback : n;
  };
  const fiscal: FiscalYear = {
    startMonth: monthNumber(value('fiscalStart')) ?? CALENDAR_YEAR.startMonth,
    naming: fiscalNaming(value('fiscalNaming')) ?? CALENDAR_YEAR.naming,
  };
  const cycle = text(value('cycle')).trim();
  const cadence = normalise(value('cadence')) as Cadence;
  return {
    workbookName: text(value('workbookName')).trim(),
    cycle: cycle || quarterOf(utcDay(today.year, today.month - 1, 1), fiscal),
    cadence: CADENCES.includes(cadence) ? cadence : 'weekly',
    atRiskGap: gap('atRiskGap', DEFAULT_AT_RISK_GAP),
    offTrackGap: gap('offTrackGap', DEFAULT_OFF_TRACK_GAP),
    fiscal,
    summary: readSummarySettings((key: SummarySettingKey) => value(key)),
  };
}
