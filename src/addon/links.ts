import { Cell, isBlank, normalise, text } from '../okr/cells';
import { UserError } from '../okr/errors';
import { IMPORT_FAILED } from '../okr/linked';
import { LINKED, TEAMS } from '../okr/schema';
import { matchHeaders, readTable } from '../okr/table';
import { columnLetter, quoteSheet } from './a1';
import { withDocumentLock } from './errors';
import { Tabs, appendHeaders, usedWidth } from './tabs';
import { writeValues } from './write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Linked team workbooks, through Sheets' own IMPORTRANGE: the add-on keeps
// its scopes (it never opens another file), writes the imports for the
// person, and custom formulas roll up what they bring. One formula in the
// Linked OKRs header cell stacks every team: OKR_LINKED(team, import), where
// a failed import stands in as 1 (no access, or no such file) or 2 (no
// Objectives tab), so one broken link never blanks the others.

/** A spreadsheet's id from its link or its bare id; undefined when the text is neither. */
export function spreadsheetId(input: Cell): string | undefined {
  const written = text(input).trim();
  const fromUrl = /docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,})/.exec(written);
  if (fromUrl) return fromUrl[1];
  return /^[A-Za-z0-9_-]{25,}$/.test(written) ? written : undefined;
}

/** A row of the Teams tab as read. */
interface TeamRow {
  row: number;
  team: string;
  id: string | undefined;
  problem?: string;
}

/** The Teams tab's rows, each with its spreadsheet id or what is wrong with the row. */
function readTeams(values: Cell[][]): TeamRow[] {
  const table = readTable(values, TEAMS);
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const team = text(row.get('Team')).trim();
    const id = spreadsheetId(row.get('Spreadsheet'));
    if (!team)
      return { row: row.row, team, id, problem: 'no team name: write the name its workbook goes by (its Settings > Workbook name)' };
    if (!id)
      return {
        row: row.row,
        team,
        id,
        problem: 'not a spreadsheet link: paste the link of the team workbook (https://docs.google.com/spreadsheets/d/...)',
      };
    const twice = seen.get(id) ?? seen.get(normalise(team));
    if (twice) return { row: row.row, team, id, problem: `linked twice: row ${twice} already links it` };
    seen.set(id, row.row);
    seen.set(normalise(team), row.row);
    return { row: row.row, team, id };
  });
}

/**
 * The formula of the Linked OKRs header cell for these teams: the headers,
 * then each team's rows. The Teams cells are referenced, not copied, so the
 * formula stays short enough for hundreds of links.
 */
export function linkedFormula(teams: readonly TeamRow[], teamsColumns: Map<string, number>): string {
  const tab = quoteSheet(TEAMS.name);
  const at = (header: string, row: number) => `${tab}!${columnLetter(teamsColumns.get(header)! + 1)}${row}`;
  const blocks = teams.map(({ row }) => {
    const link = at('Spreadsheet', row);
    const objectives = `IMPORTRANGE(${link}, "Objectives!A1:Z")`;
    const why = `IF(ISERROR(IMPORTRANGE(${link}, "A1")), ${IMPORT_FAILED.access}, ${IMPORT_FAILED.noObjectivesTab})`;
    return `OKR_LINKED(${at('Team', row)}, IFERROR(${objectives}, ${why}))`;
  });
  const headers = LINKED.headers.map((header) => `"${header}"`).join(', ');
  return blocks.length === 0 ? '' : `={${headers}; ${blocks.join('; ')}}`;
}

/**
 * The Status of a link still waiting for access: the import itself, so the
 * cell shows Sheets' #REF! "You need to connect these sheets" with its
 * "Allow access" button (an import inside IFERROR, as in Linked OKRs, never
 * offers it); once allowed, it says to update the links.
 */
function accessProbe(link: string): string {
  const probe = `IMPORTRANGE(${link}, "A1")`;
  return `=IF(ISERROR(${probe}), ${probe}, "connected: run OKR Sheets > Update links")`;
}

/** What a link's Status says, from the rows the Linked OKRs formula gives for its team. */
function linkStatus(team: TeamRow, linked: Cell[][]): string {
  if (team.problem) return team.problem;
  const rows = linked.filter((row) => normalise(row[0]) === normalise(team.team));
  const broken = rows.find((row) => /^link broken: /.test(text(row[8])));
  if (broken) return text(broken[8]).replace(/^link broken: /, '');
  if (rows.length === 0) return 'waiting for the import: open the Linked OKRs tab';
  const count = rows.filter((row) => !isBlank(row[1])).length;
  return `ok: ${count} objective${count === 1 ? '' : 's'}`;
}

/** Sheets keeps at most 50,000 characters in a cell, a formula's included. */
export const CELL_CHARACTERS = 50_000;

/**
 * Refuses, before anything is written, a Linked OKRs formula longer than a
 * cell holds (about 400 links): past that the company should link department
 * workbooks, each linking its teams.
 */
function checkLength(formula: string, links: number): void {
  if (formula.length <= CELL_CHARACTERS) return;
  throw new UserError(
    `${links} linked workbooks need a Linked OKRs formula of ${formula.length.toLocaleString('en-US')} characters, and Sheets keeps at most ${CELL_CHARACTERS.toLocaleString('en-US')} in a cell (about ${Math.floor((links * CELL_CHARACTERS) / formula.length)} links). Link department workbooks that each link their own teams, and take the teams they cover out of the Teams tab. Nothing was changed.`,
  );
}

/**
 * The Linked OKRs rows, read in one getValues. Sheets does not add rows for a
 * formula's result: when the linked objectives outgrow the tab, its header
 * shows #REF! ("Result was not automatically expanded, please insert more
 * rows"). Then the rows double until they fit (or a value typed below blocks
 * it, which rows cannot fix); `fits` says which.
 */
function readLinked(sheet: GoogleAppsScript.Spreadsheet.Sheet): { values: Cell[][]; fits: boolean } {
  let values = sheet.getDataRange().getValues() as Cell[][];
  for (let tries = 0; tries < 6 && values[0]?.[0] === '#REF!'; tries++) {
    sheet.insertRowsAfter(sheet.getMaxRows(), sheet.getMaxRows());
    SpreadsheetApp.flush();
    values = sheet.getDataRange().getValues() as Cell[][];
  }
  return { values, fits: values[0]?.[0] !== '#REF!' };
}

export interface LinksReport {
  linked: number;
  problems: string[];
  /** What each Teams row's Status says, by row number (a link waiting for access holds the probe formula). */
  statuses: Map<number, string>;
}

/**
 * Makes the Linked OKRs tab import what the Teams tab lists, and writes each
 * link's Status. Call it holding the document lock. Only the Linked OKRs
 * header cell and the Teams Status cells are written.
 */
export function rebuildLinks(spreadsheet: Spreadsheet, sheets = new Tabs(spreadsheet)): LinksReport {
  const teamsSheet = sheets.get(TEAMS.name);
  const linkedSheet = sheets.get(LINKED.name);
  if (!teamsSheet || !linkedSheet)
    throw new UserError('There is no Teams or Linked OKRs tab: run OKR Sheets > Set up the OKR workbook first.');
  const teamValues = teamsSheet.getDataRange().getValues() as Cell[][];
  const teamsColumns = appendHeaders(teamsSheet, usedWidth(teamValues) ? teamValues : [], TEAMS.headers).columns;
  const teams = readTeams(teamValues);
  const good = teams.filter((t) => !t.problem);
  const header = linkedSheet.getRange(1, 1);
  const wanted = linkedFormula(good, teamsColumns);
  checkLength(wanted, good.length);
  if (header.getFormula() !== wanted) {
    // The formula spills its own header row: the header values set-up wrote beside A1 would block it.
    if (wanted) {
      linkedSheet.getRange(1, 2, 1, LINKED.headers.length - 1).clearContent();
      header.setFormula(wanted);
    } else writeValues(linkedSheet.getRange(1, 1, 1, LINKED.headers.length), [[...LINKED.headers]]);
  }
  SpreadsheetApp.flush();
  const problems: string[] = [];
  const read = readLinked(linkedSheet);
  if (wanted && !read.fits)
    problems.push(`the ${LINKED.name} tab shows #REF! in A1: clear anything typed below its header, then run Update links again`);
  const linked = read.values.slice(1);
  const statusColumn = teamsColumns.get('Status')! + 1;
  const statuses = new Map<number, string>();
  if (teams.length > 0) {
    const lastRow = Math.max(...teams.map((t) => t.row));
    const column: Cell[][] = Array.from({ length: lastRow - 1 }, () => ['']);
    const waiting = new Set<number>();
    for (const team of teams) {
      const status = linkStatus(team, linked);
      column[team.row - 2] = [status];
      statuses.set(team.row, status);
      if (/allow access/i.test(status)) waiting.add(team.row - 2);
    }
    const link = (r: number) => `${columnLetter(teamsColumns.get('Spreadsheet')! + 1)}${r + 2}`;
    const values = column.map((row, r) => [waiting.has(r) ? accessProbe(link(r)) : row[0]]);
    writeValues(teamsSheet.getRange(2, statusColumn, values.length, 1), values, (r) => waiting.has(r));
  }
  problems.push(...teams.filter((t) => t.problem).map((t) => `${t.team || `row ${t.row}`}: ${t.problem}`));
  return { linked: good.length, problems, statuses };
}

/**
 * Adds a team workbook to Teams and its import to Linked OKRs, under the
 * document lock. Refuses, with the reason, a link that is not a spreadsheet
 * or one already linked. Returns what the person should do next.
 */
export function addTeam(spreadsheet: Spreadsheet, team: string, link: string): string {
  const id = spreadsheetId(link);
  if (!id)
    throw new UserError(
      `"${link.trim()}" is not a spreadsheet link: copy the link of the team's workbook from its address bar (https://docs.google.com/spreadsheets/d/...).`,
    );
  if (team.trim() === '') throw new UserError("Give the team's name: the name its workbook goes by (its Settings > Workbook name).");
  if (id === spreadsheet.getId())
    throw new UserError('That is this workbook: link the workbook of a team whose objectives are aligned to ours.');
  return withDocumentLock(() => {
    const tabs = new Tabs(spreadsheet);
    const sheet = tabs.get(TEAMS.name);
    if (!sheet) throw new UserError('There is no Teams tab: run OKR Sheets > Set up the OKR workbook first.');
    const values = sheet.getDataRange().getValues() as Cell[][];
    const columns = matchHeaders(values[0] ?? [], TEAMS.headers);
    const already = readTeams(values).find((t) => t.id === id || normalise(t.team) === normalise(team));
    if (already) throw new UserError(`${already.team} is already linked, in row ${already.row} of Teams. Nothing was changed.`);
    const row: Cell[] = new Array(Math.max(usedWidth(values), ...[...columns.values()].map((c) => c + 1))).fill('');
    row[columns.get('Team')!] = team.trim();
    row[columns.get('Spreadsheet')!] = link.trim();
    const rowNumber = Math.max(values.length, 1) + 1;
    const linkedAfter = [...readTeams(values).filter((t) => !t.problem), { row: rowNumber, team: team.trim(), id }];
    checkLength(linkedFormula(linkedAfter, columns), linkedAfter.length);
    if (rowNumber > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
    writeValues(sheet.getRange(rowNumber, 1, 1, row.length), [row]);
    const report = rebuildLinks(spreadsheet, tabs);
    const status = report.statuses.get(rowNumber) ?? '';
    const next = /^ok/.test(status)
      ? `Its objectives are in the Linked OKRs tab (${status}).`
      : `Now click its Status in the Teams tab (row ${rowNumber}), which shows #REF!, and choose "Allow access": Sheets asks once for each pair of workbooks. Then run OKR Sheets > Update links.`;
    return `${team.trim()} is linked. ${next}${report.problems.length ? `\n\nOther rows of Teams need a look: ${report.problems.join('; ')}.` : ''}`;
  });
}
