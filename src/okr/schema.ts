import { TableSpec } from './table';

// The tabs and headers of an OKR workbook. People build their sheets around
// these names: they are an interface, changed only with a migration.

export const OBJECTIVE_COLUMNS = ['ID', 'Objective', 'Owner', 'Team', 'Cycle', 'Aligned to', 'Weight', 'Progress', 'Status'] as const;
export type ObjectiveColumn = (typeof OBJECTIVE_COLUMNS)[number];

export const KEY_RESULT_COLUMNS = [
  'ID',
  'Objective ID',
  'Key result',
  'Owner',
  'Metric',
  'Start',
  'Target',
  'Current',
  'Unit',
  'Weight',
  'Confidence',
  'Progress',
  'Status',
  'Last check-in',
] as const;
export type KeyResultColumn = (typeof KEY_RESULT_COLUMNS)[number];

export const OBJECTIVES: TableSpec<ObjectiveColumn> = {
  name: 'Objectives',
  columns: OBJECTIVE_COLUMNS,
  required: ['ID', 'Objective'],
  computed: ['Progress', 'Status'],
};

export const KEY_RESULTS: TableSpec<KeyResultColumn> = {
  name: 'Key Results',
  columns: KEY_RESULT_COLUMNS,
  required: ['ID', 'Objective ID', 'Key result', 'Start', 'Target', 'Current'],
  computed: ['Progress', 'Status'],
};

/** The recommended shape of a team's OKRs in one cycle. */
export const RECOMMENDED = {
  objectives: { min: 3, max: 5 },
  keyResults: { min: 2, max: 5 },
  confidence: { min: 0, max: 10 },
} as const;

export const CHECKIN_COLUMNS = ['Timestamp', 'Key result ID', 'Value', 'Confidence', 'Note', 'By'] as const;
export type CheckinColumn = (typeof CHECKIN_COLUMNS)[number];

/**
 * The id the check-in panel gives each check-in, kept beside it so a retry or
 * a double click is recorded once; a column after the six people read.
 */
export const CHECKIN_ID = 'Check-in ID';

export const CHECKINS: TableSpec<CheckinColumn | typeof CHECKIN_ID> = {
  name: 'Check-ins',
  columns: [...CHECKIN_COLUMNS, CHECKIN_ID],
  required: ['Timestamp', 'Key result ID', 'Value'],
};

export const SETTING_COLUMNS = ['Setting', 'Value', 'About'] as const;
export type SettingColumn = (typeof SETTING_COLUMNS)[number];

export const SETTINGS: TableSpec<SettingColumn> = {
  name: 'Settings',
  columns: SETTING_COLUMNS,
  required: ['Setting', 'Value'],
};

/** How often owners are expected to check in. */
export const CADENCES = ['weekly', 'every two weeks', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];
