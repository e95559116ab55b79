import { Cell, isBlank, normalise, text } from '../okr/cells';
import { builtInChoices } from '../okr/cycle-names';
import { CycleCalendar } from '../okr/cycles';
import { SETTING_ROWS, SettingContext } from '../okr/schema';
import { dataValidation } from './formats';
import { usedWidth } from './tabs';
import { writeValues } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The Settings tab as set-up found it, after adding its missing headers. */
export interface SettingsTab {
  sheet: Sheet;
  values: Cell[][];
  columns: Map<string, number>;
}

/** What set-up reports to the person. */
interface Report {
  added: string[];
}

/**
 * The cycles a dropdown of cycles offers: calendar names around this year,
 * fiscal ones when the fiscal year does not start in January, and the
 * workbook's own cycles (those whose dates can be used).
 */
export function cycleChoices(year: number, calendar: CycleCalendar): string[] {
  const custom = [...calendar.custom.values()].filter((c) => c.days).map((c) => c.name);
  return [...builtInChoices(year, calendar.fiscal), ...custom];
}

/** An existing dropdown of cycles that lists other names than the cycles that apply now. */
export function isStaleCycleList(rule: GoogleAppsScript.Spreadsheet.DataValidation, cycleNames: readonly string[]): boolean {
  const listed = rule.getCriteriaValues()[0];
  return Array.isArray(listed) && listed.map(String).join('\n') !== cycleNames.join('\n');
}

/**
 * Adds each missing setting as a row with its default, the named range
 * formulas read it through, and each setting's dropdown (the current cycle's
 * renewed when the cycles that apply changed). Returns the current cycle as
 * Settings then holds it.
 */
export function ensureSettings(
  spreadsheet: Spreadsheet,
  tab: SettingsTab,
  context: SettingContext,
  cycleNames: readonly string[],
  report: Report,
  /** The spreadsheet's named ranges' names, read once for the whole set-up. */
  named: ReadonlySet<string>,
): string {
  const nameColumn = tab.columns.get('Setting')!;
  const valueColumn = tab.columns.get('Value')!;
  const rowOf = new Map<string, number>();
  tab.values.forEach((row, i) => {
    if (i > 0 && !isBlank(row[nameColumn])) rowOf.set(normalise(row[nameColumn]), i + 1);
  });
  const missing = SETTING_ROWS.filter((setting) => !rowOf.has(normalise(setting.name)));
  const valueOf = new Map<string, Cell>(tab.values.slice(1).map((row) => [normalise(row[nameColumn]), row[valueColumn]]));
  if (missing.length > 0) {
    const width = Math.max(usedWidth(tab.values), ...tab.columns.values()) + 1;
    const firstRow = Math.max(tab.values.length, 1) + 1;
    const rows = missing.map((setting, i) => {
      const row: Cell[] = new Array(width).fill('');
      row[nameColumn] = setting.name;
      row[valueColumn] = setting.fallback(context);
      valueOf.set(normalise(setting.name), row[valueColumn]);
      if (tab.columns.has('About')) row[tab.columns.get('About')!] = setting.about;
      rowOf.set(normalise(setting.name), firstRow + i);
      return row;
    });
    writeValues(tab.sheet.getRange(firstRow, 1, rows.length, width), rows);
    report.added.push(`the settings ${missing.map((s) => s.name.toLowerCase()).join(', ')}`);
  }
  for (const setting of SETTING_ROWS) {
    if (!setting.check) continue;
    const cell = tab.sheet.getRange(rowOf.get(normalise(setting.name))!, valueColumn + 1);
    const isNew = missing.includes(setting);
    if (!isNew && !(setting.check.kind === 'cycles' && isStale(cell, cycleNames))) continue;
    cell.setDataValidation(dataValidation(setting.check, cycleNames));
    if (!isNew) report.added.push(`the cycles that apply to the ${setting.name.toLowerCase()} dropdown`);
  }
  for (const setting of SETTING_ROWS) {
    // A name left over from a Settings tab that was deleted points at nothing: the new row takes it.
    if (named.has(setting.rangeName) && !missing.includes(setting)) continue;
    if (named.has(setting.rangeName)) spreadsheet.removeNamedRange(setting.rangeName);
    spreadsheet.setNamedRange(setting.rangeName, tab.sheet.getRange(rowOf.get(normalise(setting.name))!, valueColumn + 1));
  }
  return text(valueOf.get(normalise(SETTING_ROWS.find((s) => s.key === 'cycle')!.name))).trim();
}

function isStale(cell: GoogleAppsScript.Spreadsheet.Range, cycleNames: readonly string[]): boolean {
  const rule = cell.getDataValidation();
  return rule !== null && isStaleCycleList(rule, cycleNames);
}
