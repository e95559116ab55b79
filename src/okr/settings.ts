import { Cell, asNumber, isBlank, normalise, text } from './cells';
import { CADENCES, Cadence, SETTINGS } from './schema';
import { isCycleName } from './cycle';
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP } from './status';
import { Where, readTable } from './table';

/** One row of the Settings tab, and the named range formulas use to read its value. */
export interface SettingSpec {
  key: 'cycle' | 'cadence' | 'atRiskGap' | 'offTrackGap';
  name: string;
  rangeName: string;
  about: string;
  fallback: (today: { year: number; month: number }) => Cell;
}

export const SETTING_ROWS: readonly SettingSpec[] = [
  {
    key: 'cycle',
    name: 'Current cycle',
    rangeName: 'OKR_CURRENT_CYCLE',
    about: 'The cycle the Status columns measure against: 2026-Q4 (a quarter), 2026-H1 (a half year) or 2026 (a year).',
    fallback: ({ year, month }) => cycleOf(year, month),
  },
  {
    key: 'cadence',
    name: 'Check-in cadence',
    rangeName: 'OKR_CHECKIN_CADENCE',
    about: `How often owners check in on their key results: ${CADENCES.join(', ')}.`,
    fallback: () => 'weekly',
  },
  {
    key: 'atRiskGap',
    name: 'At-risk gap',
    rangeName: 'OKR_AT_RISK_GAP',
    about: 'A key result is on track while its progress trails the time elapsed by at most this much (0.15 = 15 points).',
    fallback: () => DEFAULT_AT_RISK_GAP,
  },
  {
    key: 'offTrackGap',
    name: 'Off-track gap',
    rangeName: 'OKR_OFF_TRACK_GAP',
    about: 'Beyond the at-risk gap it is at risk, and beyond this one off track.',
    fallback: () => DEFAULT_OFF_TRACK_GAP,
  },
];

/** The calendar quarter a month falls in, as a cycle name: 2026-Q4. */
export function cycleOf(year: number, month: number): string {
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export interface SettingsProblem {
  where: Where;
  message: string;
  rule: 'bad-cycle' | 'bad-setting';
}

/** Checks the Settings values a person typed; the formulas read them through named ranges. */
export function checkSettings(values: readonly (readonly Cell[])[]): SettingsProblem[] {
  const table = readTable(values, SETTINGS);
  const problems: SettingsProblem[] = [];
  for (const row of table.rows) {
    const spec = SETTING_ROWS.find((s) => normalise(s.name) === normalise(row.get('Setting')));
    const value = row.get('Value');
    const where = row.where('Value');
    if (!spec) continue;
    if (spec.key === 'cycle' && !isCycleName(value)) {
      problems.push({ where, rule: 'bad-cycle', message: `The current cycle is "${text(value)}": write it as 2026-Q4, 2026-H1 or 2026.` });
    }
    if (spec.key === 'cadence' && !CADENCES.includes(normalise(value) as Cadence)) {
      problems.push({ where, rule: 'bad-setting', message: `The check-in cadence is "${text(value)}": use ${CADENCES.join(', ')}.` });
    }
    if ((spec.key === 'atRiskGap' || spec.key === 'offTrackGap') && (isBlank(value) || (asNumber(value) ?? -1) < 0)) {
      problems.push({
        where,
        rule: 'bad-setting',
        message: `The ${spec.name.toLowerCase()} is "${text(value)}": use a number of 0 or more, such as 0.15.`,
      });
    }
  }
  return problems;
}

export interface Settings {
  cycle: string;
  cadence: Cadence;
  atRiskGap: number;
  offTrackGap: number;
}

/** The Settings values, each falling back to its default when missing or not usable. */
export function readSettings(values: readonly (readonly Cell[])[], today: { year: number; month: number }): Settings {
  const table = readTable(values, SETTINGS);
  const value = (key: SettingSpec['key']): Cell => {
    const spec = SETTING_ROWS.find((s) => s.key === key)!;
    const row = table.rows.find((r) => normalise(r.get('Setting')) === normalise(spec.name));
    return row ? row.get('Value') : '';
  };
  const gap = (key: 'atRiskGap' | 'offTrackGap', fallback: number) => {
    const n = asNumber(value(key));
    return n === undefined || n < 0 ? fallback : n;
  };
  const cycle = value('cycle');
  const cadence = normalise(value('cadence')) as Cadence;
  return {
    cycle: isCycleName(cycle) ? text(cycle).trim().toUpperCase() : cycleOf(today.year, today.month),
    cadence: CADENCES.includes(cadence) ? cadence : 'weekly',
    atRiskGap: gap('atRiskGap', DEFAULT_AT_RISK_GAP),
    offTrackGap: gap('offTrackGap', DEFAULT_OFF_TRACK_GAP),
  };
}
