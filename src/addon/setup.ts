import { Cell, isBlank, normalise } from '../okr/cells';
import { SETTING_ROWS } from '../okr/settings';
import { cellRef, columnLetter } from './a1';
import { FORMULA_PROTECTION, dataColumn, progressRules, sameRule, statusRules, validationFor } from './formats';
import { GUIDE_ROWS } from './guide';
import {
  CHECKINS_TAB,
  GUIDE_TAB_NAME,
  KEY_RESULTS_TAB,
  OBJECTIVES_TAB,
  SETTINGS_TAB,
  TabLayout,
  headerFormula,
  letters,
  objectiveFormulas,
} from './layout';
import { appendHeaders, findRenamed, headerColumns, sheetsByName, usedWidth } from './tabs';
import { todayIn } from './today';
import { UserError } from './errors';
import { exampleKeyResults, exampleObjectives } from './examples';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a set-up run did, in a person's words. */
export interface SetupReport {
  added: string[];
  leftAlone: string[];
  /** No objective and no key result yet: examples may be offered. */
  empty: boolean;
}

/** A tab as set-up found it, after adding what was missing. */
interface Tab {
  layout: TabLayout;
  sheet: Sheet;
  values: Cell[][];
  columns: Map<string, number>;
  /** Headers this run added (their columns get formats). */
  newHeaders: Set<string>;
}

const TABLE_TABS = [OBJECTIVES_TAB, KEY_RESULTS_TAB, CHECKINS_TAB, SETTINGS_TAB];

/**
 * Adds whatever is missing of the OKR workbook and nothing else: every value,
 * extra column and user tab is kept. Reads each tab with one getValues and
 * writes each block with one setValues. Call it holding the document lock.
 */
export function setUp(spreadsheet: Spreadsheet): SetupReport {
  const report: SetupReport = { added: [], leftAlone: [], empty: false };
  const sheets = sheetsByName(spreadsheet);
  // Read and check everything before the first write, so a refusal changes nothing.
  const found = TABLE_TABS.map((layout) => readExisting(sheets, layout));
  const today = todayIn(spreadsheet);

  const tabs = TABLE_TABS.map((layout, i) => ensureHeaders(spreadsheet, sheets, layout, found[i], report));
  const [objectives, keyResults, checkins, settings] = tabs as [Tab, Tab, Tab, Tab];
  ensureSettings(spreadsheet, settings, today, report);
  ensureFormulas(keyResults, KEY_RESULTS_TAB.formulas!, report);
  ensureFormulas(objectives, objectiveFormulas(letters(keyResults.columns))!, report);
  for (const tab of [objectives, keyResults, checkins]) ensureValidations(tab, today.year, report);
  for (const tab of [objectives, keyResults]) {
    ensureConditionalFormats(tab, report);
    ensureProtections(tab, report);
  }
  for (const tab of tabs) ensureNumberFormats(tab);
  ensureGuide(spreadsheet, sheets, report);
  report.empty = dataRows(objectives) === 0 && dataRows(keyResults) === 0;
  return report;
}

/** The tab's values, or undefined when it does not exist; refuses what set-up must not touch. */
function readExisting(sheets: Map<string, Sheet>, layout: TabLayout): Cell[][] | undefined {
  const sheet = sheets.get(layout.name);
  if (!sheet) {
    const renamed = findRenamed(sheets, layout.headers.slice(0, 3), new Set(TABLE_TABS.map((t) => t.name)));
    if (renamed) {
      throw new UserError(
        `The tab "${renamed.getName()}" looks like the ${layout.name} tab, renamed. Rename it back to "${layout.name}" (OKR Sheets finds its tables by name) and run set-up again. Nothing was changed.`,
      );
    }
    return undefined;
  }
  const values = sheet.getDataRange().getValues() as Cell[][];
  const width = usedWidth(values);
  if (width > 0) {
    const merged = sheet.getRange(1, 1, 1, width).getMergedRanges();
    if (merged.length > 0) {
      throw new UserError(
        `The header cells ${layout.name}!${merged[0]!.getA1Notation()} are merged. Unmerge them (Format > Merge cells > Unmerge) so each column has its own header, then run set-up again. Nothing was changed.`,
      );
    }
  }
  return values;
}

function ensureHeaders(
  spreadsheet: Spreadsheet,
  sheets: Map<string, Sheet>,
  layout: TabLayout,
  existing: Cell[][] | undefined,
  report: SetupReport,
): Tab {
  let sheet = sheets.get(layout.name);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(layout.name, spreadsheet.getSheets().length);
    sheets.set(layout.name, sheet);
    report.added.push(`the ${layout.name} tab`);
  }
  const values = existing ?? [];
  const { columns, missing, range } = appendHeaders(sheet, values, layout.headers);
  const newHeaders = new Set(missing);
  if (range) {
    range.setFontWeight('bold');
    if (existing) {
      report.added.push(`${missing.length === 1 ? 'the column' : 'the columns'} ${missing.join(', ')} on ${layout.name}`);
      for (const column of unnamedColumns(values, usedWidth(values))) {
        report.leftAlone.push(
          `${cellRef(layout.name, 1, column + 1)} has no header but holds values: if it is the ${missing.join(' or ')} column, type ${missing.length === 1 ? missing[0] : 'its name'} there and delete the new one`,
        );
      }
    }
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  return { layout, sheet, values, columns, newHeaders: existing ? newHeaders : new Set(layout.headers) };
}

/** Adds each missing setting as a row with its default, and the named range formulas read it through. */
function ensureSettings(spreadsheet: Spreadsheet, tab: Tab, today: { year: number; month: number }, report: SetupReport): void {
  const nameColumn = tab.columns.get('Setting')!;
  const valueColumn = tab.columns.get('Value')!;
  const rowOf = new Map<string, number>();
  tab.values.forEach((row, i) => {
    if (i > 0 && !isBlank(row[nameColumn])) rowOf.set(normalise(row[nameColumn]), i + 1);
  });
  const missing = SETTING_ROWS.filter((setting) => !rowOf.has(normalise(setting.name)));
  if (missing.length > 0) {
    const width = Math.max(usedWidth(tab.values), ...tab.columns.values()) + 1;
    const firstRow = Math.max(tab.values.length, 1) + 1;
    const rows = missing.map((setting, i) => {
      const row: Cell[] = new Array(width).fill('');
      row[nameColumn] = setting.name;
      row[valueColumn] = setting.fallback(today);
      if (tab.columns.has('About')) row[tab.columns.get('About')!] = setting.about;
      rowOf.set(normalise(setting.name), firstRow + i);
      return row;
    });
    tab.sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
    for (const setting of missing) {
      const rule = validationFor(setting.key === 'cycle' ? 'Cycle' : setting.name, today.year);
      if (rule) tab.sheet.getRange(rowOf.get(normalise(setting.name))!, valueColumn + 1).setDataValidation(rule);
    }
    report.added.push(`the settings ${missing.map((s) => s.name.toLowerCase()).join(', ')}`);
  }
  const named = new Set(spreadsheet.getNamedRanges().map((range) => range.getName()));
  for (const setting of SETTING_ROWS) {
    if (named.has(setting.rangeName)) continue;
    spreadsheet.setNamedRange(setting.rangeName, tab.sheet.getRange(rowOf.get(normalise(setting.name))!, valueColumn + 1));
  }
}

/**
 * Puts each computed column's formula in its header cell, from where it fills
 * the column. A column that holds the person's own values or formula is left alone.
 */
function ensureFormulas(tab: Tab, formulas: NonNullable<TabLayout['formulas']>, report: SetupReport): void {
  const width = Math.max(usedWidth(tab.values), ...[...tab.columns.values()].map((c) => c + 1));
  const header = tab.values.length >= 1 ? (tab.sheet.getRange(1, 1, 1, width).getFormulas()[0] ?? []) : [];
  const col = letters(tab.columns);
  for (const [name, build] of Object.entries(formulas)) {
    const column = tab.columns.get(name)!;
    const wanted = headerFormula(name, build(col));
    const current = header[column] ?? '';
    if (current === wanted) continue;
    const where = cellRef(tab.layout.name, 1, column + 1);
    if (current !== '' && !/\bOKR_[A-Z]+\(/i.test(current)) {
      report.leftAlone.push(`${where} holds your own formula, so the ${name} column was left as it is`);
      continue;
    }
    if (current === '' && tab.values.slice(1).some((row) => !isBlank(row[column]))) {
      const letter = columnLetter(column + 1);
      report.leftAlone.push(
        `the ${name} column of ${tab.layout.name} holds values, so its formula was not added (clear ${letter}2:${letter} to let OKR Sheets fill it)`,
      );
      continue;
    }
    tab.sheet.getRange(1, column + 1).setFormula(wanted);
    report.added.push(`the ${name} formula on ${tab.layout.name}`);
  }
}

function ensureValidations(tab: Tab, year: number, report: SetupReport): void {
  const wanted = [...tab.columns].map(([header, column]) => ({ header, column, rule: validationFor(header, year) })).filter((w) => w.rule);
  if (wanted.length === 0) return;
  const width = Math.max(...wanted.map((w) => w.column + 1));
  const present = tab.sheet.getRange(2, 1, 1, width).getDataValidations()[0] ?? [];
  const added = wanted.filter((w) => !present[w.column]);
  for (const { column, rule } of added) dataColumn(tab.sheet, column + 1).setDataValidation(rule!);
  if (added.length > 0) report.added.push(`checks on ${added.map((w) => w.header).join(', ')} in ${tab.layout.name}`);
}

function ensureConditionalFormats(tab: Tab, report: SetupReport): void {
  const wanted = [
    ...progressRules(dataColumn(tab.sheet, tab.columns.get('Progress')! + 1)),
    ...statusRules(dataColumn(tab.sheet, tab.columns.get('Status')! + 1)),
  ];
  const existing = tab.sheet.getConditionalFormatRules();
  const missing = wanted.filter((rule) => !existing.some((other) => sameRule(rule, other)));
  if (missing.length === 0) return;
  tab.sheet.setConditionalFormatRules([...existing, ...missing]);
  report.added.push(`status and score colours on ${tab.layout.name}`);
}

/** A warning-only protection on each formula column: typing there would break the formula. */
function ensureProtections(tab: Tab, report: SetupReport): void {
  const existing = tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  for (const header of ['Progress', 'Status']) {
    const column = tab.columns.get(header)! + 1;
    const description = `${FORMULA_PROTECTION} (${header})`;
    if (existing.some((p) => p.getDescription() === description)) continue;
    dataColumn(tab.sheet, column).protect().setDescription(description).setWarningOnly(true);
    report.added.push(`a warning on the ${header} column of ${tab.layout.name}`);
  }
}

/** Number formats go on columns this run added; a person's own formats are kept. */
function ensureNumberFormats(tab: Tab): void {
  for (const [header, format] of Object.entries(tab.layout.formats ?? {})) {
    if (tab.newHeaders.has(header)) dataColumn(tab.sheet, tab.columns.get(header)! + 1).setNumberFormat(format);
  }
}

function ensureGuide(spreadsheet: Spreadsheet, sheets: Map<string, Sheet>, report: SetupReport): void {
  if (sheets.has(GUIDE_TAB_NAME)) return;
  const sheet = spreadsheet.insertSheet(GUIDE_TAB_NAME, spreadsheet.getSheets().length);
  sheets.set(GUIDE_TAB_NAME, sheet);
  sheet.getRange(1, 1, GUIDE_ROWS.length, 1).setValues(GUIDE_ROWS.map((line) => [line]));
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.setColumnWidth(1, 900);
  sheet.getRange(1, 1, GUIDE_ROWS.length, 1).setWrap(true);
  report.added.push('the Guide tab');
}

/** Columns (0-based, before `width`) whose header cell is blank while rows below hold values: a header deleted by mistake. */
function unnamedColumns(values: Cell[][], width: number): number[] {
  const header = values[0] ?? [];
  const columns: number[] = [];
  for (let c = 0; c < width; c++) {
    if (isBlank(header[c]) && values.slice(1).some((row) => !isBlank(row[c]))) columns.push(c);
  }
  return columns;
}

function dataRows(tab: Tab): number {
  const typed = [...tab.columns].filter(([header]) => header !== 'Progress' && header !== 'Status').map(([, column]) => column);
  return tab.values.slice(1).filter((row) => typed.some((column) => !isBlank(row[column]))).length;
}

/** Writes the example OKRs below the headers, one setValues a table, if both tables are still empty. */
export function addExamples(spreadsheet: Spreadsheet, cycle: string): boolean {
  const objectives = spreadsheet.getSheetByName(OBJECTIVES_TAB.name);
  const keyResults = spreadsheet.getSheetByName(KEY_RESULTS_TAB.name);
  if (!objectives || !keyResults) return false;
  const tables: [Sheet, TabLayout, Record<string, Cell>[]][] = [
    [objectives, OBJECTIVES_TAB, exampleObjectives(cycle)],
    [keyResults, KEY_RESULTS_TAB, exampleKeyResults()],
  ];
  const read = tables.map(([sheet, layout]) => {
    const values = sheet.getDataRange().getValues() as Cell[][];
    return { values, columns: headerColumns(values[0] ?? [], layout.headers) };
  });
  const isEmpty = read.every(({ values, columns }) =>
    values.slice(1).every((row) => [...columns].every(([header, c]) => header === 'Progress' || header === 'Status' || isBlank(row[c]))),
  );
  if (!isEmpty) return false;
  tables.forEach(([sheet, , examples], i) => {
    const { columns } = read[i]!;
    const width = Math.max(...columns.values()) + 1;
    const rows = examples.map((example) => {
      const row: Cell[] = new Array(width).fill('');
      for (const [header, value] of Object.entries(example)) if (columns.has(header)) row[columns.get(header)!] = value;
      return row;
    });
    // Blank in Progress and Status: the header formulas fill those cells.
    sheet.getRange(2, 1, rows.length, width).setValues(rows);
  });
  return true;
}
