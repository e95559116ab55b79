import { columnLetter } from './a1';
import { CHECKINS, KEY_RESULT_COLUMNS, OBJECTIVE_COLUMNS, SETTING_COLUMNS } from '../okr/schema';

/** A tab of the OKR workbook: its name, its headers in order, and the columns one formula fills. */
export interface TabLayout {
  name: string;
  headers: readonly string[];
  /** The expression that fills a column below its header, given the letter of each header. */
  formulas?: Record<string, (col: (header: string) => string) => string>;
  /** Number formats by header. */
  formats?: Record<string, string>;
}

const EXPECTED = (col: (h: string) => string) =>
  `ARRAYFORMULA(IF(${col('ID')}2:${col('ID')}="", "", OKR_EXPECTED(OKR_CURRENT_CYCLE, TODAY())))`;
const STATUS = (progress: string, col: (h: string) => string) =>
  `OKR_STATUS(${progress}2:${progress}, ${EXPECTED(col)}, OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)`;
const KR = (header: string, letter: (h: string) => string) => `'Key Results'!${letter(header)}2:${letter(header)}`;

export const OBJECTIVES_TAB: TabLayout = {
  name: 'Objectives',
  headers: OBJECTIVE_COLUMNS,
  formats: { Progress: '0%' },
};

export const KEY_RESULTS_TAB: TabLayout = {
  name: 'Key Results',
  headers: KEY_RESULT_COLUMNS,
  formulas: {
    Progress: (col) =>
      `OKR_PROGRESS(${col('Start')}2:${col('Start')}, ${col('Target')}2:${col('Target')}, ${col('Current')}2:${col('Current')}, ${col('Metric')}2:${col('Metric')})`,
    Status: (col) => STATUS(col('Progress'), col),
  },
  formats: { Progress: '0%', 'Last check-in': 'yyyy-mm-dd' },
};

/** Objectives roll up their key results, so their formulas need the Key Results columns too. */
export function objectiveFormulas(keyResultColumn: (header: string) => string): TabLayout['formulas'] {
  return {
    Progress: (col) =>
      `OKR_ROLLUP(${col('ID')}2:${col('ID')}, ${KR('Objective ID', keyResultColumn)}, ${KR('Progress', keyResultColumn)}, ${KR('Weight', keyResultColumn)})`,
    Status: (col) => STATUS(col('Progress'), col),
  };
}

export const CHECKINS_TAB: TabLayout = {
  name: 'Check-ins',
  headers: CHECKINS.columns,
  formats: { Timestamp: 'yyyy-mm-dd hh:mm' },
};

export const SETTINGS_TAB: TabLayout = { name: 'Settings', headers: SETTING_COLUMNS };

export const GUIDE_TAB_NAME = 'Guide';
export const VALIDATION_TAB_NAME = 'Validation';
export { FINDING_HEADERS as VALIDATION_HEADERS } from '../okr/validate';

/**
 * The formula a computed column's header cell holds: the header text, then the
 * column's values below it. Anchored in the header, it survives rows being
 * sorted, inserted or deleted, and no data row holds a formula a write could erase.
 */
export function headerFormula(header: string, expression: string): string {
  return `={"${header.replace(/"/g, '""')}"; ${expression}}`;
}

/** Letters of the headers found in a header row, by header name as the layout spells it. */
export function letters(index: Map<string, number>): (header: string) => string {
  return (header) => {
    const i = index.get(header);
    if (i === undefined) throw new Error(`no ${header} column`);
    return columnLetter(i + 1);
  };
}
