import { Cell, isBlank } from '../okr/cells';
import { UserError } from '../okr/errors';
import { CYCLES, GUIDE_TAB, KEY_RESULTS, OBJECTIVES, PEOPLE, SETTINGS, TABLE_TABS, TabSpec } from '../okr/schema';
import { calendarOf } from '../okr/cycles';
import { readSettings } from '../okr/settings';
import { cycleChoices, ensureSettings, isStaleCycleList } from './setup-settings';
import { spreadsheetWallClock } from './timezone';
import { cellRef, columnLetter } from './a1';
import {
  Colouring,
  DataColumns,
  FORMULA_PROTECTION,
  SCORE_BANDS,
  buildColourRule,
  colouringKey,
  colourings,
  dataColumns,
  dataValidation,
  ruleKey,
} from './formats';
import { GUIDE_ROWS } from './guide';
import { formulaRefs, headerFormula, isAddonFormula, matchHeaderCells } from './header-formulas';
import { appendHeaders, findRenamed, sheetsByName, usedWidth } from './tabs';
import { matchHeaders } from '../okr/table';
import { todayIn } from './today';
import { writeValues } from './write';
import { exampleKeyResults, exampleObjectives, examplePeople } from './examples';
import { NewPerson, ownersMissing } from './people';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a set-up run did, in a person's words. */
export interface SetupReport {
  added: string[];
  leftAlone: string[];
  /** No objective and no key result yet: examples may be offered. */
  empty: boolean;
  /** The current cycle in Settings after set-up: the examples' cycle. */
  cycle: string;
  /** The owners in Objectives and Key Results that People does not know yet, as set-up read them under the lock. */
  newOwners: NewPerson[];
}

/** A tab as set-up found it, after adding what was missing. */
interface Tab {
  spec: TabSpec;
  sheet: Sheet;
  values: Cell[][];
  /** The formulas of the header row as read ([] for a new tab): where the add-on's computed columns are. */
  headerFormulas: string[];
  columns: Map<string, number>;
  /** Headers this run added (their columns get formats). */
  newHeaders: Set<string>;
  /** This run made the tab. */
  created: boolean;
  /** Its data columns, the grid's size read once for all of them. */
  data: DataColumns;
}

/**
 * Adds whatever is missing of the OKR workbook and nothing else: every value,
 * extra column and user tab is kept. Reads each tab with one getValues and
 * writes each block with one setValues. Call it holding the document lock.
 */
export function setUp(spreadsheet: Spreadsheet): SetupReport {
  const report: SetupReport = { added: [], leftAlone: [], empty: false, cycle: '', newOwners: [] };
  const sheets = sheetsByName(spreadsheet);
  // Read and check everything before the first write, so a refusal changes nothing.
  const found = TABLE_TABS.map((spec) => readExisting(sheets, spec));
  const today = todayIn(new Date(), spreadsheet);

  const tabs = TABLE_TABS.map((spec, i) => ensureHeaders(spreadsheet, sheets, spec, found[i], report));
  const tabOf = (spec: TabSpec) => tabs.find((t) => t.spec === spec)!;
  // What cycle names mean here (fiscal year, Cycles tab): the defaults and the dropdowns of cycles follow it.
  const settings = readSettings(tabOf(SETTINGS).values, today);
  const calendar = calendarOf(settings.fiscal, tabOf(CYCLES).values, spreadsheetWallClock());
  const cycleNames = cycleChoices(today.year, calendar);
  const context = { ...today, fiscal: settings.fiscal, spreadsheetName: spreadsheet.getName() };
  // Read once: the settings' names and the tabs' names never overlap, so neither step changes what the other looks up.
  const named = new Set(spreadsheet.getNamedRanges().map((range) => range.getName()));
  report.cycle = ensureSettings(spreadsheet, tabOf(SETTINGS), context, cycleNames, report, named);
  ensureTabRanges(spreadsheet, tabs, named);
  // Key Results first: the Objectives' rollup reads its Progress column.
  for (const tab of [...tabs].sort((a, b) => Number(b.spec === KEY_RESULTS) - Number(a.spec === KEY_RESULTS))) {
    ensureFormulas(tab, (spec) => tabOf(spec).columns, report);
  }
  for (const tab of tabs) ensureValidations(tab, cycleNames, report);
  for (const tab of tabs) {
    ensureConditionalFormats(tab, report);
    ensureProtections(tab, report);
  }
  for (const tab of tabs) {
    ensureNumberFormats(tab);
    ensureNotes(tab);
    ensureLayout(tab);
  }
  ensureGuide(spreadsheet, sheets, report);
  report.empty = dataRows(tabOf(OBJECTIVES)) === 0 && dataRows(tabOf(KEY_RESULTS)) === 0;
  // Set-up adds headers but never an owner or a person, so the tables as read still tell whom People lacks.
  report.newOwners = ownersMissing(tabOf(OBJECTIVES).values, tabOf(KEY_RESULTS).values, tabOf(PEOPLE).values);
  return report;
}

interface Existing {
  values: Cell[][];
  headerFormulas: string[];
}

/**
 * The tab as it is (its values, and its header formulas when it has computed
 * columns), or undefined when it does not exist; refuses what set-up must not touch.
 */
function readExisting(sheets: Map<string, Sheet>, spec: TabSpec): Existing | undefined {
  const sheet = sheets.get(spec.name);
  if (!sheet) {
    // People's headers (Name, Email, Team) are common words: a staff list of the person's own is no renamed People tab.
    const renamed = spec === PEOPLE ? undefined : findRenamed(sheets, spec.headers.slice(0, 3), new Set(TABLE_TABS.map((t) => t.name)));
    if (renamed) {
      throw new UserError(
        `The tab "${renamed.getName()}" looks like the ${spec.name} tab, renamed. Rename it back to "${spec.name}" (OKR Sheets finds its tables by name) and run set-up again. Nothing was changed.`,
      );
    }
    return undefined;
  }
  const values = sheet.getDataRange().getValues() as Cell[][];
  const width = usedWidth(values);
  if (width === 0) return { values, headerFormulas: [] };
  const header = sheet.getRange(1, 1, 1, width);
  const merged = header.getMergedRanges();
  if (merged.length > 0) {
    throw new UserError(
      `The header cells ${spec.name}!${merged[0]!.getA1Notation()} are merged. Unmerge them (Format > Merge cells > Unmerge) so each column has its own header, then run set-up again. Nothing was changed.`,
    );
  }
  return { values, headerFormulas: spec.computed.length > 0 ? (header.getFormulas()[0] ?? []) : [] };
}

function ensureHeaders(
  spreadsheet: Spreadsheet,
  sheets: Map<string, Sheet>,
  spec: TabSpec,
  found: Existing | undefined,
  report: SetupReport,
): Tab {
  const existing = found?.values;
  const headerFormulas = found?.headerFormulas ?? [];
  let sheet = sheets.get(spec.name);
  if (!sheet) {
    sheet = appendTab(spreadsheet, sheets, spec.name);
    report.added.push(`the ${spec.name} tab`);
  }
  const values = existing ?? [];
  const known = matchHeaderCells(values[0] ?? [], headerFormulas, spec.headers);
  const { columns, missing, range } = appendHeaders(sheet, values, spec.headers, known);
  const newHeaders = new Set(missing);
  if (range) {
    range.setFontWeight('bold');
    if (existing) {
      report.added.push(`${missing.length === 1 ? 'the column' : 'the columns'} ${missing.join(', ')} on ${spec.name}`);
      for (const column of unnamedColumns(values, usedWidth(values))) {
        report.leftAlone.push(
          `${cellRef(spec.name, 1, column + 1)} has no header but holds values: if it is the ${missing.join(' or ')} column, type ${missing.length === 1 ? missing[0] : 'its name'} there and delete the new one`,
        );
      }
    }
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  return {
    spec,
    sheet,
    values,
    headerFormulas,
    columns,
    newHeaders: existing ? newHeaders : new Set(spec.headers),
    created: !existing,
    data: dataColumns(sheet),
  };
}

/**
 * Inserts a tab after the last one. The tabs were listed once, by name, and
 * each tab set-up adds joins that list, so its size is the count of tabs:
 * no need to list them again for each insert.
 */
function appendTab(spreadsheet: Spreadsheet, sheets: Map<string, Sheet>, name: string): Sheet {
  const sheet = spreadsheet.insertSheet(name, sheets.size);
  sheets.set(name, sheet);
  return sheet;
}

/** The named range over each tab formulas read through one (OKR_CYCLES over the Cycles columns), when missing. */
function ensureTabRanges(spreadsheet: Spreadsheet, tabs: Tab[], named: ReadonlySet<string>): void {
  for (const tab of tabs) {
    if (!tab.spec.rangeName) continue;
    // A name left over from a tab that was deleted points at nothing: the new tab takes it.
    if (named.has(tab.spec.rangeName) && !tab.created) continue;
    if (named.has(tab.spec.rangeName)) spreadsheet.removeNamedRange(tab.spec.rangeName);
    const columns = tab.spec.headers.map((header) => tab.columns.get(header)! + 1);
    const a1 = `${columnLetter(Math.min(...columns))}:${columnLetter(Math.max(...columns))}`;
    spreadsheet.setNamedRange(tab.spec.rangeName, tab.sheet.getRange(a1));
  }
}

/**
 * Puts each computed column's formula in its header cell, from where it fills
 * the column. A column that holds the person's own values or formula is left alone.
 */
function ensureFormulas(tab: Tab, columnsOf: (spec: TabSpec) => Map<string, number>, report: SetupReport): void {
  const computed = tab.spec.columns.filter((c) => c.formula);
  if (computed.length === 0) return;
  const header = tab.headerFormulas;
  const refs = formulaRefs(tab.spec, columnsOf);
  for (const { header: name, formula } of computed) {
    const column = tab.columns.get(name)!;
    const wanted = headerFormula(name, formula!(refs));
    const current = header[column] ?? '';
    if (current === wanted) continue;
    const where = cellRef(tab.spec.name, 1, column + 1);
    if (current !== '' && !isAddonFormula(current)) {
      report.leftAlone.push(`${where} holds your own formula, so the ${name} column was left as it is`);
      continue;
    }
    if (current === '' && tab.values.slice(1).some((row) => !isBlank(row[column]))) {
      const letter = columnLetter(column + 1);
      report.leftAlone.push(
        `the ${name} column of ${tab.spec.name} holds values, so its formula was not added (clear ${letter}2:${letter} to let OKR Sheets fill it)`,
      );
      continue;
    }
    tab.sheet.getRange(1, column + 1).setFormula(wanted);
    report.added.push(current === '' ? `the ${name} formula on ${tab.spec.name}` : `the newer ${name} formula on ${tab.spec.name}`);
  }
}

/**
 * Adds each column's dropdown or limit where it has none. A dropdown of cycles
 * is renewed when the cycles that apply changed (a fiscal year set, a row
 * added to Cycles, a new year); any other rule of the person's is kept.
 */
function ensureValidations(tab: Tab, cycleNames: readonly string[], report: SetupReport): void {
  const wanted = tab.spec.columns
    .filter((c) => c.check)
    .map(({ header, check }) => ({ header, check: check!, column: tab.columns.get(header)! }));
  if (wanted.length === 0) return;
  const width = Math.max(...wanted.map((w) => w.column + 1));
  const present = tab.sheet.getRange(2, 1, 1, width).getDataValidations()[0] ?? [];
  const changed = wanted.filter(
    (w) => !present[w.column] || (w.check.kind === 'cycles' && isStaleCycleList(present[w.column]!, cycleNames)),
  );
  // Built only where one is set: each builder step is a service call.
  for (const { column, check } of changed) tab.data.range(column + 1).setDataValidation(dataValidation(check, cycleNames));
  if (changed.length > 0) report.added.push(`checks on ${changed.map((w) => w.header).join(', ')} in ${tab.spec.name}`);
}

/** A colour rule set-up wants: a colouring over one data column (1-based). */
interface WantedRule {
  column: number;
  colouring: Colouring;
}

/**
 * Adds the colour rules a tab's columns lack, and takes out set-up's own
 * older ones (Progress by score band, now by its row's Status); a rule of
 * the person's is kept. The wanted rules are compared as data (their keys
 * need no service call) and only the missing ones are built, since each
 * builder step is a call.
 */
function ensureConditionalFormats(tab: Tab, report: SetupReport): void {
  const coloured = tab.spec.columns.filter((c) => c.colours);
  if (coloured.length === 0) return;
  const status = tab.columns.get('Status');
  const statusLetter = status === undefined ? '' : columnLetter(status + 1);
  const wanted: WantedRule[] = coloured.flatMap(({ header, colours }) =>
    colourings(colours!, statusLetter).map((colouring) => ({ column: tab.columns.get(header)! + 1, colouring })),
  );
  const older = new Set(
    coloured
      .filter((c) => c.colours === 'row status')
      .flatMap(({ header }) => SCORE_BANDS.map((band) => colouringKey(band, tab.data.a1(tab.columns.get(header)! + 1)))),
  );
  const existing = tab.sheet.getConditionalFormatRules();
  const keys = existing.map(ruleKey);
  const kept = existing.filter((_, i) => !older.has(keys[i]!));
  const present = new Set(keys);
  const missing = wanted.filter((w) => !present.has(colouringKey(w.colouring, tab.data.a1(w.column))));
  if (missing.length === 0 && kept.length === existing.length) return;
  tab.sheet.setConditionalFormatRules([...kept, ...buildRules(tab, missing)]);
  report.added.push(
    kept.length < existing.length ? `Progress coloured by its Status on ${tab.spec.name}` : `status colours on ${tab.spec.name}`,
  );
}

/** The missing rules built, the rules of one column sharing one range. */
function buildRules(tab: Tab, rules: readonly WantedRule[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const ranges = new Map<number, GoogleAppsScript.Spreadsheet.Range>();
  return rules.map(({ column, colouring }) => {
    if (!ranges.has(column)) ranges.set(column, tab.data.range(column));
    return buildColourRule(colouring, ranges.get(column)!);
  });
}

/** A warning-only protection on each formula column: typing there would break the formula. */
function ensureProtections(tab: Tab, report: SetupReport): void {
  if (tab.spec.computed.length === 0) return;
  // Each description read once: asking them again for each computed column grows with the square of their count.
  const present = new Set(tab.sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
  for (const header of tab.spec.computed) {
    const column = tab.columns.get(header)! + 1;
    const description = `${FORMULA_PROTECTION} (${header})`;
    if (present.has(description)) continue;
    tab.data.range(column).protect().setDescription(description).setWarningOnly(true);
    report.added.push(`a warning on the ${header} column of ${tab.spec.name}`);
  }
}

/** Help notes go on header cells this run added. */
function ensureNotes(tab: Tab): void {
  for (const { header, note } of tab.spec.columns) {
    if (note && tab.newHeaders.has(header)) tab.sheet.getRange(1, tab.columns.get(header)! + 1).setNote(note);
  }
}

/** Number formats go on columns this run added; a person's own formats are kept. */
function ensureNumberFormats(tab: Tab): void {
  for (const { header, format } of tab.spec.columns) {
    if (format && tab.newHeaders.has(header)) tab.data.range(tab.columns.get(header)! + 1).setNumberFormat(format);
  }
}

/**
 * Widths and wrapping on the columns this run added, never on a column the
 * person already had (their widths are theirs); neighbours of one width are
 * sized in one call. The ID column is frozen when it comes first and nothing
 * is frozen yet, so a row stays named while scrolling right.
 */
function ensureLayout(tab: Tab): void {
  const added = tab.spec.columns
    .filter((c) => tab.newHeaders.has(c.header))
    .map((c) => ({ spec: c, column: tab.columns.get(c.header)! + 1 }))
    .sort((a, b) => a.column - b.column);
  const sized = added.filter(({ spec }) => spec.width);
  for (let i = 0; i < sized.length;) {
    const { column, spec } = sized[i]!;
    let count = 1;
    while (sized[i + count]?.column === column + count && sized[i + count]!.spec.width === spec.width) count++;
    if (count === 1) tab.sheet.setColumnWidth(column, spec.width!);
    else tab.sheet.setColumnWidths(column, count, spec.width!);
    i += count;
  }
  for (const { spec, column } of added) if (spec.wrap) tab.data.range(column).setWrap(true);
  const first = tab.spec.columns.find((c) => c.freeze);
  if (first && tab.columns.get(first.header) === 0 && tab.sheet.getFrozenColumns() === 0) tab.sheet.setFrozenColumns(1);
}

function ensureGuide(spreadsheet: Spreadsheet, sheets: Map<string, Sheet>, report: SetupReport): void {
  if (sheets.has(GUIDE_TAB)) return;
  const sheet = appendTab(spreadsheet, sheets, GUIDE_TAB);
  writeValues(
    sheet.getRange(1, 1, GUIDE_ROWS.length, 1),
    GUIDE_ROWS.map((line) => [line]),
  );
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
  const typed = [...tab.columns].filter(([header]) => !tab.spec.computed.includes(header)).map(([, column]) => column);
  return tab.values.slice(1).filter((row) => typed.some((column) => !isBlank(row[column]))).length;
}

/** Writes the example OKRs below the headers, one setValues a table, if both tables are still empty. */
export function addExamples(spreadsheet: Spreadsheet, cycle: string): boolean {
  const objectives = spreadsheet.getSheetByName(OBJECTIVES.name);
  const keyResults = spreadsheet.getSheetByName(KEY_RESULTS.name);
  if (!objectives || !keyResults) return false;
  const tables: [Sheet, TabSpec, Record<string, Cell>[]][] = [
    [objectives, OBJECTIVES, exampleObjectives(cycle)],
    [keyResults, KEY_RESULTS, exampleKeyResults()],
  ];
  // The example owners go to People too, unless the person already keeps it.
  const people = spreadsheet.getSheetByName(PEOPLE.name);
  if (people && people.getLastRow() <= 1) tables.push([people, PEOPLE, examplePeople()]);
  const read = tables.map(([sheet, spec]) => {
    const values = sheet.getDataRange().getValues() as Cell[][];
    return { values, columns: matchHeaders(values[0] ?? [], spec.headers) };
  });
  const isEmpty = read.every(({ values, columns }, i) =>
    values.slice(1).every((row) => [...columns].every(([header, c]) => tables[i]![1].computed.includes(header) || isBlank(row[c]))),
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
    // Blank in the computed columns: the header formulas fill those cells.
    writeValues(sheet.getRange(2, 1, rows.length, width), rows);
  });
  return true;
}
