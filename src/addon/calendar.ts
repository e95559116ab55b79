import { Cell } from '../okr/cells';
import { FiscalYear } from '../okr/cycle-names';
import { CycleCalendar, calendarOf } from '../okr/cycles';
import { CYCLES } from '../okr/schema';
import { TabLookup } from './tabs';
import { spreadsheetWallClock } from './timezone';

/**
 * What cycle names mean in this workbook: its fiscal year (from Settings) and
 * its Cycles tab, read with one getValues. No Cycles tab: built-in names only.
 */
export function workbookCalendar(fiscal: FiscalYear, sheets: TabLookup): CycleCalendar {
  const cycles = sheets.get(CYCLES.name);
  const values = cycles ? (cycles.getDataRange().getValues() as Cell[][]) : undefined;
  return calendarOf(fiscal, values, spreadsheetWallClock());
}
