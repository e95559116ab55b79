import { Cell, asNumber, describe, isBlank, normalise, text } from './cells';
import { CADENCES, Cadence, SETTINGS, SETTING_ROWS, SettingKey, settingSpec } from './schema';
import { cycleNameProblem, cycleOf, isCycleName } from './cycle';
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP } from './status';
import { Where, readTable } from './table';

export interface SettingsProblem {
  where: Where;
  message: string;
  rule: 'bad-setting';
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
    const cycleProblem = spec.key === 'cycle' ? cycleNameProblem(value) : undefined;
    if (cycleProblem) {
      // An error, unlike an objective's bad-cycle warning: every Status formula measures against this cycle.
      problems.push({ where, rule: 'bad-setting', message: `The current cycle is ${describe(value)}: ${cycleProblem}.` });
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
  const value = (key: SettingKey): Cell => {
    const spec = settingSpec(key);
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
