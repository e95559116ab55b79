import { Cell, describe, isBlank, normalise } from '../okr/cells';
import { CYCLES, KEY_RESULTS, LINKED, OBJECTIVES, PEOPLE, SETTINGS, TabSpec, VALIDATION } from '../okr/schema';
import { readCycles } from '../okr/cycles';
import { readSettings } from '../okr/settings';
import { matchHeaders } from '../okr/table';
import { spreadsheetWallClock } from './timezone';
import { todayIn } from './today';
import { checkSettings } from '../okr/settings';
import { Severity, validateOkrs } from '../okr/validate';
import { cellRef, columnLetter } from './a1';
import { matchHeaderCells } from './header-formulas';
import { UserError } from '../okr/errors';
import { Tabs, findRenamed } from './tabs';
import { writeValues } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One row of the Validation tab; `row`/`column` (1-based) locate the cell at fault. */
export interface ReportRow {
  severity: Severity;
  rule: string;
  sheet: Sheet | undefined;
  row: number;
  column: number;
  message: string;
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  /** Suggestions (severity info): they change no number. */
  suggestions: number;
}

/** Reads each table once, runs the engine's rules and writes the Validation tab. */
export function validateWorkbook(spreadsheet: Spreadsheet): ValidationSummary {
  const sheets = new Tabs(spreadsheet);
  const rows: ReportRow[] = [];
  const read = (spec: TabSpec): Cell[][] | undefined => {
    const sheet = sheets.get(spec.name);
    if (!sheet) {
      // People's headers (Name, Email, Team) are common words: another tab with them is no sign of a rename.
      const renamed =
        spec === PEOPLE
          ? undefined
          : findRenamed(
              sheets.all(),
              spec.headers.slice(0, 3),
              new Set([OBJECTIVES.name, KEY_RESULTS.name, SETTINGS.name, CYCLES.name, LINKED.name]),
            );
      const hint = renamed
        ? `The tab "${renamed.getName()}" looks like it, renamed: rename it back to "${spec.name}".`
        : 'Run OKR Sheets > Set up the OKR workbook to add it.';
      rows.push({
        // Without People, owners written by name cannot be found; no number is wrong.
        severity: spec === PEOPLE ? 'warning' : 'error',
        rule: 'missing-tab',
        sheet: renamed,
        row: 1,
        column: 1,
        message: `There is no ${spec.name} tab. ${hint}`,
      });
      return undefined;
    }
    const values = sheet.getDataRange().getValues() as Cell[][];
    const header = values.length > 0 && values[0]!.length > 0 ? sheet.getRange(1, 1, 1, values[0]!.length) : undefined;
    const merged = header ? header.getMergedRanges() : [];
    if (header && spec.computed.length > 0) rows.push(...blockedColumns(sheet, spec, values, header.getFormulas()[0] ?? []));
    for (const range of merged) {
      rows.push({
        severity: 'error',
        rule: 'merged-header',
        sheet,
        row: 1,
        column: range.getColumn(),
        message: `The header cells ${range.getA1Notation()} of ${spec.name} are merged, which hides a column's header: unmerge them.`,
      });
    }
    return values;
  };

  const tables = readTables(read);
  // Whether a key result's cells show percentages, for the metrics its text suggests.
  const keyResultFormats = () => sheets.get(KEY_RESULTS.name)!.getDataRange().getNumberFormats();
  rows.push(...ruleRows(spreadsheet, tables, keyResultFormats, (name) => sheets.get(name)));
  const order = { error: 0, warning: 1, info: 2 };
  rows.sort((a, b) => order[a.severity] - order[b.severity]);
  writeReport(spreadsheet, sheets.get(VALIDATION.name), rows);
  const count = (severity: Severity) => rows.filter((r) => r.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), suggestions: count('info') };
}

/** The tabs Validate reads, as read; a missing one is undefined. */
export interface ReadTables {
  objectives?: Cell[][];
  keyResults?: Cell[][];
  settings?: Cell[][];
  cycles?: Cell[][];
  linked?: Cell[][];
  people?: Cell[][];
}

/** Each tab Validate reads, through `read` (one getValues a tab, or cell by cell), in this order. */
export function readTables(read: (spec: TabSpec) => Cell[][] | undefined): ReadTables {
  return {
    objectives: read(OBJECTIVES),
    keyResults: read(KEY_RESULTS),
    settings: read(SETTINGS),
    cycles: read(CYCLES),
    linked: read(LINKED),
    people: read(PEOPLE),
  };
}

/**
 * What the rules find in the tables as read (the Cycles tab, the OKRs, the
 * Settings values), as rows of the report, unsorted. `keyResultFormats` is
 * read only when there are OKRs to judge; `sheetOf` gives a finding's tab.
 */
export function ruleRows(
  spreadsheet: Spreadsheet,
  { objectives, keyResults, settings, cycles, linked, people }: ReadTables,
  keyResultFormats: () => string[][],
  sheetOf: (name: string) => Sheet | undefined,
): ReportRow[] {
  const rows: ReportRow[] = [];
  const wallClock = spreadsheetWallClock(spreadsheet);
  const { custom, problems: cycleProblems } = readCycles(cycles ?? [], wallClock);
  const { fiscal, workbookName } = readSettings(settings ?? [], todayIn(new Date(), spreadsheet));
  const calendar = { fiscal, custom };
  const cycleColumns = matchHeaders(cycles?.[0] ?? [], CYCLES.headers);
  for (const problem of cycleProblems) {
    const column = cycleColumns.get(problem.column) ?? 0;
    rows.push({
      severity: 'error',
      rule: problem.column === 'Cycle' ? 'duplicate-cycle' : 'bad-cycle-dates',
      sheet: sheetOf(CYCLES.name),
      row: problem.row,
      column: column + 1,
      message: problem.message,
    });
  }
  if (objectives && keyResults) {
    const links = { workbook: workbookName, linked: linked ?? [] };
    for (const finding of validateOkrs(objectives, keyResults, calendar, links, {
      people,
      keyResultFormats: keyResultFormats(),
      locale: spreadsheet.getSpreadsheetLocale(),
    })) {
      rows.push({ ...finding, sheet: sheetOf(finding.where.table), row: finding.where.row, column: (finding.where.column ?? 0) + 1 });
    }
  }
  for (const problem of checkSettings(settings ?? [], calendar)) {
    rows.push({
      severity: 'error',
      rule: problem.rule,
      sheet: sheetOf(SETTINGS.name),
      row: problem.where.row,
      column: (problem.where.column ?? 0) + 1,
      message: problem.message,
    });
  }
  return rows;
}

/**
 * The add-on's computed columns whose header formula cannot fill the column
 * because a value was typed below it: Sheets shows #REF! in the header
 * ("Array result was not expanded because it would overwrite data"). Found
 * by the formula the header cell holds, since its value is then an error.
 */
function blockedColumns(sheet: Sheet, spec: TabSpec, values: Cell[][], headerFormulas: string[]): ReportRow[] {
  const columns = matchHeaderCells(values[0] ?? [], headerFormulas, spec.computed);
  const found: ReportRow[] = [];
  for (const [header, column] of columns) {
    if (normalise(values[0]![column]) === normalise(header)) continue;
    const blocker = values.findIndex((row, r) => r > 0 && !isBlank(row[column]));
    const headerCell = cellRef(spec.name, 1, column + 1);
    const letter = columnLetter(column + 1);
    const cause =
      blocker > 0
        ? `${cellRef(spec.name, blocker + 1, column + 1)} holds a value typed over it (${describe(values[blocker]![column])}). Clear ${letter}${blocker + 1} and any other value typed in ${letter}2:${letter}: OKR Sheets fills this column, and the formula fills it again.`
        : `it shows ${describe(values[0]![column])}. Clear any value typed in ${letter}2:${letter}, or run OKR Sheets > Set up the OKR workbook.`;
    found.push({
      severity: 'error',
      rule: 'blocked-formula',
      sheet,
      row: blocker > 0 ? blocker + 1 : 1,
      column: column + 1,
      message: `The ${header} formula in ${headerCell} cannot fill its column: ${cause}`,
    });
  }
  return found;
}

/**
 * Writes the report over the previous one in one setValues (growing the tab
 * first), then clears what is left of the previous one below it: if the
 * write fails, the previous report is still there. Only its four columns are
 * touched; a column the person added beside them stays. Refuses a tab of the
 * same name that OKR Sheets did not write.
 */
function writeReport(spreadsheet: Spreadsheet, existing: Sheet | undefined, rows: ReportRow[]): void {
  const width = VALIDATION.headers.length;
  let sheet = existing;
  let previousRows = 0;
  if (sheet) {
    const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
    const ours = VALIDATION.headers.every((h, i) => header[i] === h);
    previousRows = sheet.getLastRow();
    if (!ours && previousRows > 0) {
      throw new UserError(
        `There is already a tab named ${VALIDATION.name} that OKR Sheets did not write. Rename it, and the report will go to a new ${VALIDATION.name} tab. Nothing was changed.`,
      );
    }
  } else {
    sheet = spreadsheet.insertSheet(VALIDATION.name, spreadsheet.getSheets().length);
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setColumnWidth(4, 600);
  }
  const values = reportValues(rows);
  if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  const isLink = (r: number, c: number) => r > 0 && c === 2 && rows.length > 0;
  writeValues(sheet.getRange(1, 1, values.length, width), values, isLink);
  if (previousRows > values.length) sheet.getRange(values.length + 1, 1, previousRows - values.length, width).clearContent();
  // The person asked to validate: show them the report, whichever tab they were on.
  spreadsheet.setActiveSheet(sheet);
}

/** The Validation tab's values: its headers, then a row a finding (its place a link to the cell), or the all-clear line. */
export function reportValues(rows: readonly ReportRow[]): Cell[][] {
  const body: Cell[][] = rows.length
    ? rows.map((r) => [r.severity, r.rule, link(r), r.message])
    : [['', '', '', 'All clear: no errors or warnings in your OKRs.']];
  return [[...VALIDATION.headers], ...body];
}

/** `Objectives!E4` as a link that selects the cell; plain text where there is no tab to link to. */
function link(row: ReportRow): string {
  if (!row.sheet) return '';
  const name = row.sheet.getName();
  const label = cellRef(name, row.row, row.column);
  const a1 = label.slice(label.lastIndexOf('!') + 1);
  const text = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${text(`#gid=${row.sheet.getSheetId()}&range=${a1}`)}, ${text(label)})`;
}

/** The one line a person reads after validating. */
export function summaryLine({ errors, warnings, suggestions }: ValidationSummary): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const see = `see the ${VALIDATION.name} tab.`;
  if (errors === 0 && warnings === 0) {
    const clear = 'All clear: no errors or warnings in your OKRs.';
    return suggestions > 0 ? `${clear} ${count(suggestions, 'suggestion')}: ${see}` : clear;
  }
  const also = suggestions > 0 ? `, and ${count(suggestions, 'suggestion')}` : '';
  return `${count(errors, 'error')} and ${count(warnings, 'warning')} in your OKRs${also}: ${see}`;
}
