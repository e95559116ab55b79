import { Cell, asNumber, describe, isBlank, normalise, showId, text } from './cells';
import { UserError } from './errors';
import { CycleCalendar, cycleAdvice, sentence } from './cycles';
import { CALENDAR_YEAR } from './cycle-names';
import { Metric, needsStart, needsTarget, parseMetric } from './metric';
import { isUnmeasured, metricInText, metricTextMessage } from './metric-text';
import { notationOf } from './checkin';
import { checkDirection } from './progress';
import { KEY_RESULTS, KeyResultColumn, LINKED, OBJECTIVES, ObjectiveColumn, RECOMMENDED } from './schema';
import { Table, TableRow, Where, readTable } from './table';
import { referenceResolver, splitReference } from './objective-progress';
import { Links, checkLinks } from './validate-links';
import { Add, Finding, Severity } from './findings';
import { People } from './people';
import { checkPeople } from './validate-people';
import { Alignments, alignmentLoops, alignmentsOf, checkOtherCycle } from './validate-support';
import { cellLook } from './views';

export type { Finding, Severity } from './findings';

type Objectives = Table<ObjectiveColumn>;
type KeyResults = Table<KeyResultColumn>;

/** A workbook with no fiscal year set and no Cycles tab: calendar names only. */
const CALENDAR_ONLY: CycleCalendar = { fiscal: CALENDAR_YEAR, custom: new Map() };

/**
 * Checks the structure of an OKR workbook; errors come before warnings.
 * `calendar` says which cycle names mean something (fiscal year, Cycles tab).
 * `keyResultFormats` are the number formats of the Key Results range read
 * (cell for cell; none given reads as no percent format): a key result whose
 * cells show percentages is offered its metric in fractions.
 */
export function validateOkrs(
  objectiveValues: readonly (readonly Cell[])[],
  keyResultValues: readonly (readonly Cell[])[],
  calendar: CycleCalendar = CALENDAR_ONLY,
  links: Links = { workbook: '', linked: [] },
  more: {
    /** The People tab as read: without it (the OKR_VALIDATE formula) no owner can be judged unknown. */
    people?: readonly (readonly Cell[])[];
    /** The Key Results' number formats, cell for cell: which hold percentages, for the metrics their text suggests. */
    keyResultFormats?: readonly (readonly string[])[];
    /** The spreadsheet's locale (`de_DE`): with decimal commas, a number like 1.200 in a sentence is no measure to guess. */
    locale?: string;
  } = {},
): Finding[] {
  const objectives = readTable(objectiveValues, OBJECTIVES);
  const keyResults = readTable(keyResultValues, KEY_RESULTS);
  const people = new People(more.people ?? []);
  const findings: Finding[] = [];
  const add = (severity: Severity, rule: string, where: Where, message: string) => findings.push({ severity, rule, where, message });

  for (const table of [objectives, keyResults] as const) {
    for (const column of table.missing) {
      add(
        'error',
        'missing-column',
        table.where(1),
        `The ${table.spec.name} table has no "${column}" column: add a header named ${column}.`,
      );
    }
  }
  checkIds(objectives, keyResults, add);
  // The objectives by id, made once: every check below looks ids up in it.
  const byId = indexById(objectives);
  // What an Aligned to names here: an objective, or a key result (counting toward its objective).
  const alignments = alignmentsOf(byId, keyResults, links.workbook);
  const badCycles = checkObjectives(objectives, calendar, links.workbook, alignments, add);
  checkLinks(objectives, links, alignments, add);
  const writing = { formats: more.keyResultFormats ?? [], decimalComma: hasDecimalComma(more.locale) };
  checkKeyResults(objectives, byId, keyResults, add, writing);
  if (more.people) checkPeople(objectives, keyResults, people, add);
  checkShape(objectives, byId, keyResults, { links, people, badCycles }, add);

  // Errors first, then warnings, then suggestions, each in reading order: table, row, column (sort is stable).
  const severity = { error: 0, warning: 1, info: 2 };
  const table = (f: Finding) => (f.where.table === OBJECTIVES.name ? 0 : f.where.table === KEY_RESULTS.name ? 1 : 2);
  return findings.sort(
    (a, b) =>
      severity[a.severity] - severity[b.severity] ||
      table(a) - table(b) ||
      a.where.row - b.where.row ||
      (a.where.column ?? -1) - (b.where.column ?? -1),
  );
}

/** `Objective O1` or `Key result in Key Results row 4` when there is no id. */
function label(kind: string, row: TableRow<'ID'>): string {
  const id = showId(row.get('ID'));
  return id ? `${kind} ${id}` : `${kind} in row ${row.row}`;
}

function checkIds(objectives: Objectives, keyResults: KeyResults, add: Add): void {
  // The row where each id is first: its table and row number are put into words only for a duplicate.
  const seen = new Map<string, TableRow<'ID'>>();
  const tables: [Table<'ID'>, string][] = [
    [objectives as unknown as Table<'ID'>, 'Objective'],
    [keyResults as unknown as Table<'ID'>, 'Key result'],
  ];
  for (const [table, kind] of tables) {
    if (!table.has('ID')) continue;
    for (const row of table.rows) {
      const id = row.get('ID');
      if (isBlank(id)) {
        add(
          'error',
          'missing-id',
          row.where('ID'),
          `${kind} in ${table.spec.name} row ${row.row} has no ID: give every row a unique ID such as O1 or KR1.`,
        );
        continue;
      }
      const key = normalise(id);
      const first = seen.get(key);
      if (first) {
        add(
          'error',
          'duplicate-id',
          row.where('ID'),
          `ID ${showId(id)} is used twice (first in ${first.where().table} row ${first.row}): IDs must be unique across Objectives and Key Results.`,
        );
      } else {
        seen.set(key, row);
      }
    }
  }
}

/** Checks each objective's own cells; returns the rows whose Cycle names no cycle. */
function checkObjectives(
  objectives: Objectives,
  calendar: CycleCalendar,
  workbook: Cell,
  alignments: Alignments,
  add: Add,
): Set<TableRow<ObjectiveColumn>> {
  const badCycles = new Set<TableRow<ObjectiveColumn>>();
  checkOwners(objectives as unknown as Table<'ID' | 'Owner'>, 'Objective', add);
  const self = normalise(workbook);
  // Thousands of objectives name a few cycles: each distinct one is looked up once.
  const adviceFor = new Map<Cell, string | undefined>();
  const advise = (cycle: Cell) => {
    if (!adviceFor.has(cycle)) adviceFor.set(cycle, cycleAdvice(cycle, calendar));
    return adviceFor.get(cycle);
  };
  for (const row of objectives.rows) {
    const name = label('Objective', row);
    if (!isBlank(row.get('ID')) && objectives.has('Objective') && isBlank(row.get('Objective'))) {
      add('warning', 'missing-title', row.where('Objective'), `${name} has no text: say what the objective is.`);
    }
    const cycle = row.get('Cycle');
    const advice = isBlank(cycle) ? undefined : advise(cycle);
    if (advice) {
      add('warning', 'bad-cycle', row.where('Cycle'), `${name} has cycle ${describe(cycle)}: ${sentence(advice)}`);
      badCycles.add(row);
    }
    checkWeight(row, name, add);
    const parent = row.get('Aligned to');
    // `Name/ID` of another workbook is that workbook's to resolve; this workbook's own name must name an objective or key result here.
    const named = splitReference(parent);
    const elsewhere = named !== undefined && named.name !== self;
    const target = isBlank(parent) || elsewhere ? undefined : alignments.resolve(parent);
    if (!isBlank(parent) && !elsewhere && target === undefined) {
      add(
        'error',
        'unknown-parent',
        row.where('Aligned to'),
        `${name} is aligned to ${showId(parent)}, which is no objective or key result in this workbook.`,
      );
    }
    checkOtherCycle(
      alignments,
      target,
      {
        name,
        cycle,
        where: row.where('Aligned to'),
        advice: (own) => `align it to a key result of ${own}, or correct the Cycle that is wrong.`,
      },
      add,
    );
  }
  for (const { first, path } of alignmentLoops(alignments)) {
    add(
      'error',
      'alignment-cycle',
      first.where('Aligned to'),
      `Objectives are aligned in a loop (${path}): an objective cannot sit above itself.`,
    );
  }
  return badCycles;
}

/** How the workbook writes numbers: the Key Results' number formats, and whether its locale writes 1,5 for one and a half. */
interface TextWriting {
  formats: readonly (readonly string[])[];
  decimalComma: boolean;
}

function hasDecimalComma(locale: string | undefined): boolean {
  return locale !== undefined && notationOf(locale).decimal === ',';
}

function checkKeyResults(
  objectives: Objectives,
  objectiveIds: ReadonlyMap<string, unknown>,
  keyResults: KeyResults,
  add: Add,
  writing: TextWriting,
): void {
  checkOwners(keyResults as unknown as Table<'ID' | 'Owner'>, 'Key result', add);
  for (const row of keyResults.rows) {
    const name = label('Key result', row);
    if (!isBlank(row.get('ID')) && keyResults.has('Key result') && isBlank(row.get('Key result'))) {
      add('warning', 'missing-title', row.where('Key result'), `${name} has no text: say what result it measures.`);
    }
    const objectiveId = row.get('Objective ID');
    if (keyResults.has('Objective ID') && objectives.has('ID') && !objectiveIds.has(normalise(objectiveId))) {
      add(
        'error',
        'unknown-objective',
        row.where('Objective ID'),
        isBlank(objectiveId)
          ? `${name} has no Objective ID: link every key result to its objective.`
          : `${name} belongs to objective ${showId(objectiveId)}, which is not in the Objectives table.`,
      );
    }
    checkMeasure(row, name, add, keyResults);
    checkMetricInText(row, name, add, keyResults, writing);
    checkWeight(row, name, add);
    const confidence = row.get('Confidence');
    const level = asNumber(confidence);
    const { min, max } = RECOMMENDED.confidence;
    if (!isBlank(confidence) && (level === undefined || level < min || level > max)) {
      add(
        'error',
        'bad-confidence',
        row.where('Confidence'),
        `${name} has confidence ${describe(confidence)}: use a number from ${min} to ${max}.`,
      );
    }
  }
}

function checkMeasure(row: TableRow<KeyResultColumn>, name: string, add: Add, keyResults: KeyResults): void {
  let metric: Metric;
  try {
    metric = parseMetric(row.get('Metric'));
  } catch (error) {
    add('error', 'unknown-metric', row.where('Metric'), `${name}: ${(error as UserError).message}.`);
    return;
  }
  const start = asNumber(row.get('Start'));
  const target = asNumber(row.get('Target'));
  const needed: KeyResultColumn[] = [];
  if (needsStart(metric) && start === undefined && keyResults.has('Start')) needed.push('Start');
  if (needsTarget(metric) && target === undefined && keyResults.has('Target')) needed.push('Target');
  for (const column of needed) {
    const value = row.get(column);
    add(
      'error',
      'not-measurable',
      row.where(column),
      `${name} has ${column.toLowerCase()} ${describe(value)}: a ${metric === 'auto' ? 'key result' : metric + ' key result'} needs a number there.`,
    );
  }
  if (needed.length || start === undefined || target === undefined) return;
  if (metric !== 'increase' && metric !== 'decrease' && metric !== 'auto') return;
  try {
    checkDirection(metric, start, target);
  } catch (error) {
    const rule = /equals start/.test((error as Error).message) ? 'no-change' : 'direction-mismatch';
    add('error', rule, row.where('Target'), `${name}: ${(error as Error).message}.`);
  }
}

/** A milestone or unmeasured key result whose text states its measure ("from 74 to 15"): suggest it. */
function checkMetricInText(
  row: TableRow<KeyResultColumn>,
  name: string,
  add: Add,
  keyResults: KeyResults,
  { formats, decimalComma }: TextWriting,
): void {
  // Most key results are measured already: only the others have a text worth reading, and cell formats that matter.
  if (!keyResults.has('Key result') || !isUnmeasured(row.get('Metric'), row.get('Start'), row.get('Target'))) return;
  const { percent } = cellLook(keyResults, { format: (c) => formats[row.row - 1]?.[c] ?? '', hasFormula: () => false });
  const reading = metricInText(row, percent, decimalComma);
  if (reading) add('info', 'metric-in-text', row.where('Key result'), metricTextMessage(name, reading, percent));
}

function checkWeight(row: TableRow<'Weight' | 'ID'>, name: string, add: Add): void {
  const weight = row.get('Weight');
  const n = asNumber(weight);
  if (!isBlank(weight) && (n === undefined || n < 0)) {
    add(
      'error',
      'bad-weight',
      row.where('Weight'),
      `${name} has weight ${describe(weight)}: a weight is a number, 0 or more (blank counts as 1).`,
    );
  }
}

function checkOwners(table: Table<'ID' | 'Owner'>, kind: string, add: Add): void {
  if (!table.has('Owner')) {
    if (table.rows.length)
      add(
        'warning',
        'missing-owner',
        table.where(1),
        `The ${table.spec.name} table has no Owner column: every OKR needs someone accountable.`,
      );
    return;
  }
  for (const row of table.rows) {
    if (isBlank(row.get('Owner'))) {
      add('warning', 'missing-owner', row.where('Owner'), `${label(kind, row)} has no owner: every OKR needs someone accountable.`);
    }
  }
}

/** Warns when a team's cycle has too few or too many objectives, or an objective too few or too many key results. */
function checkShape(
  objectives: Objectives,
  byId: ReadonlyMap<string, TableRow<ObjectiveColumn>>,
  keyResults: KeyResults,
  { links, people, badCycles }: { links: Links; people: People; badCycles: ReadonlySet<TableRow<ObjectiveColumn>> },
  add: Add,
): void {
  const resolve = referenceResolver(byId, links.workbook);
  const keyResultCount = new Map<string, number>();
  for (const row of keyResults.rows) {
    const key = normalise(row.get('Objective ID'));
    if (key) keyResultCount.set(key, (keyResultCount.get(key) ?? 0) + 1);
  }
  // Objectives aligned to it here, or in a linked workbook, count as its children.
  const alignments = [...objectives.rows, ...readTable(links.linked, LINKED).rows].map((row) => resolve(row.get('Aligned to')));
  const hasChildren = new Set(alignments.filter((key) => key !== undefined));
  for (const [key, row] of byId) {
    // Named only in a warning: most objectives have about 3 key results.
    const name = () => label('Objective', row);
    const count = keyResultCount.get(key) ?? 0;
    const { max } = RECOMMENDED.keyResults;
    if (count === 0 && !hasChildren.has(key)) {
      add(
        'error',
        'no-key-results',
        row.where('ID'),
        `${name()} has no key results and no objective aligned to it: add the key results that show it is met.`,
      );
    } else if (count === 1) {
      add('warning', 'few-key-results', row.where('ID'), `${name()} has only 1 key result: about 3 measure an objective well.`);
    } else if (count > max) {
      add(
        'warning',
        'many-key-results',
        row.where('ID'),
        `${name()} has ${count} key results: more than ${max} spreads the focus; about 3 is the recommended number.`,
      );
    }
  }
  const groups = new Map<string, TableRow<ObjectiveColumn>[]>();
  // An objective with no Team counts in its owner's team in People, else as its owner's own.
  const teamOf = (row: TableRow<ObjectiveColumn>) => people.teamOf(row.get('Team'), row.get('Owner'));
  for (const row of byId.values()) {
    // A Cycle that names no cycle has its own warning; counted as a cycle of its own it would give a second, misleading one.
    if (badCycles.has(row)) continue;
    const team = teamOf(row) || text(row.get('Owner')).trim();
    const key = `${normalise(team)}\u0000${normalise(row.get('Cycle'))}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const team = teamOf(first);
    const who = team
      ? `Team ${team}`
      : isBlank(first.get('Owner'))
        ? 'Objectives with no team or owner'
        : `${text(first.get('Owner')).trim()}`;
    const cycle = isBlank(first.get('Cycle')) ? 'with no cycle' : `in ${text(first.get('Cycle')).trim()}`;
    const { min, max } = RECOMMENDED.objectives;
    const column = isBlank(first.get('Team')) ? 'Owner' : 'Team';
    if (rows.length < min) {
      add(
        'warning',
        'few-objectives',
        first.where(column),
        `${who} has ${rows.length} objective${rows.length === 1 ? '' : 's'} ${cycle}: ${min} to ${max} is the recommended number.`,
      );
    } else if (rows.length > max) {
      add(
        'warning',
        'many-objectives',
        first.where(column),
        `${who} has ${rows.length} objectives ${cycle}: more than ${max} spreads the focus; ${min} to ${max} is the recommended number.`,
      );
    }
  }
}

/** Objectives by normalised id; the first of duplicates wins (the duplicate is reported on its own). */
function indexById(objectives: Objectives): Map<string, TableRow<ObjectiveColumn>> {
  const byId = new Map<string, TableRow<ObjectiveColumn>>();
  for (const row of objectives.rows) {
    const key = normalise(row.get('ID'));
    if (key && !byId.has(key)) byId.set(key, row);
  }
  return byId;
}
