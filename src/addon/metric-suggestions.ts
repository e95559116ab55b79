import type { AppliedMetrics, MetricSuggestion } from '../shared/suggestions-api';
import { Cell, isBlank, normalise, text } from '../okr/cells';
import { UserError } from '../okr/errors';
import { MetricProposal, describeProposal, metricInText } from '../okr/metric-text';
import { notationOf } from '../okr/checkin';
import { isNotDone } from '../okr/progress';
import { KEY_RESULTS, KeyResultColumn } from '../okr/schema';
import { Table, TableRow, readTable } from '../okr/table';
import { cellLook } from '../okr/views';
import { runAction, withDocumentLock } from './errors';
import { Tabs } from './tabs';
import { RowCells } from './write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const TITLE = 'Apply suggested metrics';
/** The columns a suggestion is read from and written to. */
const NEEDED: readonly KeyResultColumn[] = ['ID', 'Key result', 'Metric', 'Start', 'Target', 'Current'];
/** The cells applying a suggestion may write, and nothing else. */
const WRITTEN: readonly KeyResultColumn[] = ['Metric', 'Start', 'Target', 'Current'];

/** The Key Results tab as read: one getValues, getNumberFormats and getFormulas of its data range. */
interface KeyResultsRead {
  sheet: Sheet;
  table: Table<KeyResultColumn>;
  formats: string[][];
  formulas: string[][];
  /** The spreadsheet writes one and a half as 1,5 (its locale): a number like 1.200 in a sentence is no measure to guess. */
  decimalComma: boolean;
}

/** A key result with a proposal, and what stands in the way of applying it ("" when nothing does). */
interface Proposed {
  row: TableRow<KeyResultColumn>;
  id: string;
  proposal: MetricProposal;
  percent: boolean;
  blocked: string;
}

/** Menu: Apply suggested metrics… opens the dialog, or says there is nothing to suggest. */
export function showMetricSuggestions(): void {
  runAction(TITLE, () => {
    const ui = SpreadsheetApp.getUi();
    if (proposals(readKeyResults()).length === 0) {
      ui.alert(
        TITLE,
        'There is nothing to suggest: no milestone or unmeasured key result states its numbers in a way OKR Sheets can read, such as "from 74 to less than 15", "at least 99.95%" or "12 of 40".',
        ui.ButtonSet.OK,
      );
      return;
    }
    const html = HtmlService.createHtmlOutputFromFile('Suggestions').setWidth(640).setHeight(520);
    ui.showModalDialog(html, TITLE);
  });
}

/** The proposals, one per key result whose text states a measure, for the dialog. */
export function metricSuggestions(): MetricSuggestion[] {
  return proposals(readKeyResults()).map(({ row, id, proposal, percent, blocked }) => ({
    id,
    text: text(row.get('Key result')),
    metric: proposal.metric,
    start: proposal.start,
    target: proposal.target,
    unit: proposal.unit,
    phrase: proposal.phrase,
    summary: describeProposal(proposal, percent),
    blocked,
  }));
}

/**
 * Applies the proposals of the key results named, under the document lock,
 * from what the sheet says now: a row edited since the dialog opened gets
 * its new proposal, or none. Each row is found by its ID wherever it moved.
 */
export function applyMetricSuggestions(ids: unknown): AppliedMetrics {
  const wanted = parseIds(ids);
  if (wanted.length === 0) return { applied: [], skipped: [] };
  return withDocumentLock(
    () => apply(wanted),
    10_000,
    'Someone else is changing this workbook with OKR Sheets right now. Nothing was applied: please try again in a minute.',
  );
}

function apply(wanted: readonly string[]): AppliedMetrics {
  const read = readKeyResults();
  const byId = new Map(proposals(read).map((p) => [normalise(p.id), p]));
  const result: AppliedMetrics = { applied: [], skipped: [] };
  for (const id of wanted) {
    const proposed = byId.get(normalise(id));
    if (!proposed) result.skipped.push({ id, reason: noProposal(read.table, id) });
    else if (proposed.blocked) result.skipped.push({ id, reason: proposed.blocked });
    else {
      write(read, proposed);
      result.applied.push(id);
    }
  }
  return result;
}

/**
 * Writes Metric, Target, Start (when the proposal has one) and Current, which
 * becomes Start where it was blank, or a milestone's not-done value: a number
 * or text the person wrote there stays. Only cells that change are written.
 */
function write({ sheet, table }: KeyResultsRead, { row, proposal }: Proposed): void {
  const column = (header: KeyResultColumn) => table.columns.get(header)!;
  const changes = new Map<number, Cell>([
    [column('Metric'), proposal.metric],
    [column('Target'), proposal.target],
  ]);
  if (proposal.start !== null) changes.set(column('Start'), proposal.start);
  const current = row.get('Current');
  // 0 or FALSE is "not done" only in a milestone; in a key result with no metric it is a value the person wrote.
  const notDone = normalise(row.get('Metric')) === 'milestone' && isNotDone(current);
  const next = proposal.start ?? '';
  if ((isBlank(current) && next !== '') || notDone) changes.set(column('Current'), next);
  RowCells.read(sheet, row.row, WRITTEN.map(column)).write(changes);
}

/** The IDs sent, each once, or a UserError: the dialog's bridge passes whatever the page sends. */
function parseIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    throw new UserError('Send the IDs of the key results to apply, as a list of text such as ["KR1", "KR4"].');
  }
  const seen = new Set<string>();
  return ids
    .map((id) => id.trim())
    .filter((id) => {
      const key = normalise(id);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function readKeyResults(): KeyResultsRead {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = new Tabs(spreadsheet).get(KEY_RESULTS.name);
  if (!sheet) throw new UserError(`There is no ${KEY_RESULTS.name} tab: run OKR Sheets > Set up the OKR workbook.`);
  const range = sheet.getDataRange();
  const table = readTable(range.getValues() as Cell[][], KEY_RESULTS);
  const missing = NEEDED.filter((header) => !table.has(header));
  if (missing.length) {
    throw new UserError(
      `The ${KEY_RESULTS.name} tab has no ${missing.join(', ')} column: run OKR Sheets > Set up the OKR workbook, which adds it.`,
    );
  }
  const decimalComma = notationOf(spreadsheet.getSpreadsheetLocale()).decimal === ',';
  return { sheet, table, formats: range.getNumberFormats(), formulas: range.getFormulas(), decimalComma };
}

/** Every key result with an ID whose text proposes a metric, in sheet order. */
function proposals({ table, formats, formulas, decimalComma }: KeyResultsRead): Proposed[] {
  const uses = new Map<string, number>();
  for (const row of table.rows) uses.set(normalise(row.get('ID')), (uses.get(normalise(row.get('ID'))) ?? 0) + 1);
  const found: Proposed[] = [];
  for (const row of table.rows) {
    if (isBlank(row.get('ID'))) continue;
    const hasFormula = (c: number) => (formulas[row.row - 1]?.[c] ?? '') !== '';
    const { percent } = cellLook(table, { format: (c) => formats[row.row - 1]?.[c] ?? '', hasFormula });
    const reading = metricInText(row, percent, decimalComma);
    if (reading?.kind !== 'proposal') continue;
    const id = text(row.get('ID')).trim();
    // Current is read through its formula's value, so whether it is blank or not done cannot be trusted: it counts too.
    const touched: KeyResultColumn[] = ['Metric', ...(reading.start === null ? [] : ['Start' as const]), 'Target', 'Current'];
    const formula = touched.find((header) => hasFormula(table.columns.get(header)!));
    const blocked =
      (uses.get(normalise(row.get('ID'))) ?? 0) > 1
        ? `ID ${id} is used by more than one key result: give each its own ID, then apply.`
        : formula
          ? `${formula} holds a formula of yours, which OKR Sheets never writes over: set this key result's metric by hand.`
          : '';
    found.push({ row, id, proposal: reading, percent, blocked });
  }
  return found;
}

/** Why an ID sent has no proposal now. */
function noProposal(table: Table<KeyResultColumn>, id: string): string {
  const exists = table.rows.some((row) => normalise(row.get('ID')) === normalise(id));
  return exists
    ? `Key result ${id} has nothing to suggest now: it is measured already, or its text changed.`
    : `There is no key result ${id} in the ${KEY_RESULTS.name} tab now: it may have been renamed or deleted.`;
}
