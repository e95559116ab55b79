import { Cell } from '../okr/cells';
import { KEY_RESULT_COLUMNS, OBJECTIVE_COLUMNS } from '../okr/schema';
import { checkSettings } from '../okr/settings';
import { Severity, validateOkrs } from '../okr/validate';
import { cellRef } from './a1';
import { UserError } from './errors';
import { KEY_RESULTS_TAB, OBJECTIVES_TAB, SETTINGS_TAB, VALIDATION_HEADERS, VALIDATION_TAB_NAME } from './layout';
import { asText, findRenamed, sheetsByName } from './tabs';

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
}

/** Reads each table once, runs the engine's rules and writes the Validation tab. */
export function validateWorkbook(spreadsheet: Spreadsheet): ValidationSummary {
  const sheets = sheetsByName(spreadsheet);
  const rows: ReportRow[] = [];
  const read = (layout: { name: string; headers: readonly string[] }): Cell[][] | undefined => {
    const sheet = sheets.get(layout.name);
    if (!sheet) {
      const renamed = findRenamed(
        sheets,
        layout.headers.slice(0, 3),
        new Set([OBJECTIVES_TAB.name, KEY_RESULTS_TAB.name, SETTINGS_TAB.name]),
      );
      const hint = renamed
        ? `The tab "${renamed.getName()}" looks like it, renamed: rename it back to "${layout.name}".`
        : 'Run OKR Sheets > Set up the OKR workbook to add it.';
      rows.push({
        severity: 'error',
        rule: 'missing-tab',
        sheet: renamed,
        row: 1,
        column: 1,
        message: `There is no ${layout.name} tab. ${hint}`,
      });
      return undefined;
    }
    const values = sheet.getDataRange().getValues() as Cell[][];
    const merged = values.length > 0 && values[0]!.length > 0 ? sheet.getRange(1, 1, 1, values[0]!.length).getMergedRanges() : [];
    for (const range of merged) {
      rows.push({
        severity: 'error',
        rule: 'merged-header',
        sheet,
        row: 1,
        column: range.getColumn(),
        message: `The header cells ${range.getA1Notation()} of ${layout.name} are merged, which hides a column's header: unmerge them.`,
      });
    }
    return values;
  };

  const objectives = read({ name: OBJECTIVES_TAB.name, headers: OBJECTIVE_COLUMNS });
  const keyResults = read({ name: KEY_RESULTS_TAB.name, headers: KEY_RESULT_COLUMNS });
  if (objectives && keyResults) {
    for (const finding of validateOkrs(objectives, keyResults)) {
      const sheet = sheets.get(finding.where.table);
      rows.push({ ...finding, sheet, row: finding.where.row, column: (finding.where.column ?? 0) + 1 });
    }
  }
  const settings = read(SETTINGS_TAB);
  for (const problem of checkSettings(settings ?? [])) {
    rows.push({
      severity: 'error',
      rule: problem.rule,
      sheet: sheets.get(SETTINGS_TAB.name),
      row: problem.where.row,
      column: (problem.where.column ?? 0) + 1,
      message: problem.message,
    });
  }
  rows.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  writeReport(spreadsheet, sheets.get(VALIDATION_TAB_NAME), rows);
  return { errors: rows.filter((r) => r.severity === 'error').length, warnings: rows.filter((r) => r.severity === 'warning').length };
}

/** Replaces the Validation tab's report with one setValues; refuses to clear a tab of the same name that is not ours. */
function writeReport(spreadsheet: Spreadsheet, existing: Sheet | undefined, rows: ReportRow[]): void {
  let sheet = existing;
  if (sheet) {
    const header = sheet.getRange(1, 1, 1, VALIDATION_HEADERS.length).getValues()[0] ?? [];
    const ours = VALIDATION_HEADERS.every((h, i) => header[i] === h);
    if (!ours && sheet.getLastRow() > 0) {
      throw new UserError(
        `There is already a tab named ${VALIDATION_TAB_NAME} that OKR Sheets did not write. Rename it, and the report will go to a new ${VALIDATION_TAB_NAME} tab. Nothing was changed.`,
      );
    }
    sheet.clearContents();
  } else {
    sheet = spreadsheet.insertSheet(VALIDATION_TAB_NAME, spreadsheet.getSheets().length);
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, VALIDATION_HEADERS.length).setFontWeight('bold');
    sheet.setColumnWidth(4, 600);
  }
  const body: Cell[][] = rows.length
    ? rows.map((r) => [r.severity, r.rule, link(r), asText(r.message)])
    : [['', '', '', 'All clear: no errors or warnings in your OKRs.']];
  const values = [[...VALIDATION_HEADERS], ...body];
  sheet.getRange(1, 1, values.length, VALIDATION_HEADERS.length).setValues(values);
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
export function summaryLine({ errors, warnings }: ValidationSummary): string {
  if (errors === 0 && warnings === 0) return 'All clear: no errors or warnings in your OKRs.';
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(errors, 'error')} and ${count(warnings, 'warning')} in your OKRs: see the ${VALIDATION_TAB_NAME} tab.`;
}
