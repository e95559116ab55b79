import { Cell } from '../okr/cells';
import { KEY_RESULTS, OBJECTIVES, SETTINGS, TabSpec, VALIDATION } from '../okr/schema';
import { checkSettings } from '../okr/settings';
import { Severity, validateOkrs } from '../okr/validate';
import { cellRef } from './a1';
import { UserError } from '../okr/errors';
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
  const read = (spec: TabSpec): Cell[][] | undefined => {
    const sheet = sheets.get(spec.name);
    if (!sheet) {
      const renamed = findRenamed(sheets, spec.headers.slice(0, 3), new Set([OBJECTIVES.name, KEY_RESULTS.name, SETTINGS.name]));
      const hint = renamed
        ? `The tab "${renamed.getName()}" looks like it, renamed: rename it back to "${spec.name}".`
        : 'Run OKR Sheets > Set up the OKR workbook to add it.';
      rows.push({
        severity: 'error',
        rule: 'missing-tab',
        sheet: renamed,
        row: 1,
        column: 1,
        message: `There is no ${spec.name} tab. ${hint}`,
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
        message: `The header cells ${range.getA1Notation()} of ${spec.name} are merged, which hides a column's header: unmerge them.`,
      });
    }
    return values;
  };

  const objectives = read(OBJECTIVES);
  const keyResults = read(KEY_RESULTS);
  if (objectives && keyResults) {
    for (const finding of validateOkrs(objectives, keyResults)) {
      const sheet = sheets.get(finding.where.table);
      rows.push({ ...finding, sheet, row: finding.where.row, column: (finding.where.column ?? 0) + 1 });
    }
  }
  const settings = read(SETTINGS);
  for (const problem of checkSettings(settings ?? [])) {
    rows.push({
      severity: 'error',
      rule: problem.rule,
      sheet: sheets.get(SETTINGS.name),
      row: problem.where.row,
      column: (problem.where.column ?? 0) + 1,
      message: problem.message,
    });
  }
  rows.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  writeReport(spreadsheet, sheets.get(VALIDATION.name), rows);
  return { errors: rows.filter((r) => r.severity === 'error').length, warnings: rows.filter((r) => r.severity === 'warning').length };
}

/** Replaces the Validation tab's report with one setValues; refuses to clear a tab of the same name that is not ours. */
function writeReport(spreadsheet: Spreadsheet, existing: Sheet | undefined, rows: ReportRow[]): void {
  let sheet = existing;
  if (sheet) {
    const header = sheet.getRange(1, 1, 1, VALIDATION.headers.length).getValues()[0] ?? [];
    const ours = VALIDATION.headers.every((h, i) => header[i] === h);
    if (!ours && sheet.getLastRow() > 0) {
      throw new UserError(
        `There is already a tab named ${VALIDATION.name} that OKR Sheets did not write. Rename it, and the report will go to a new ${VALIDATION.name} tab. Nothing was changed.`,
      );
    }
    sheet.clearContents();
  } else {
    sheet = spreadsheet.insertSheet(VALIDATION.name, spreadsheet.getSheets().length);
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, VALIDATION.headers.length).setFontWeight('bold');
    sheet.setColumnWidth(4, 600);
  }
  const body: Cell[][] = rows.length
    ? rows.map((r) => [r.severity, r.rule, link(r), asText(r.message)])
    : [['', '', '', 'All clear: no errors or warnings in your OKRs.']];
  const values = [[...VALIDATION.headers], ...body];
  sheet.getRange(1, 1, values.length, VALIDATION.headers.length).setValues(values);
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
  return `${count(errors, 'error')} and ${count(warnings, 'warning')} in your OKRs: see the ${VALIDATION.name} tab.`;
}
