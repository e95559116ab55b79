import { CELL_CHARACTERS, linkedFormula } from '../../src/addon/links';
import { CHECKINS, KEY_RESULTS, LINKED, OBJECTIVES, PEOPLE, TEAMS } from '../../src/okr/schema';
import { fmt, table } from '../measure';
import { KEY_RESULTS_PER_OBJECTIVE, OBJECTIVES_PER_TEAM } from '../org';
import { Section } from '../section';

// Past one machine: 1,000 and 5,000 teams, on paper. The figures are computed
// from the tabs' widths (src/okr/schema.ts), the team shape of bench/org.ts and
// Google's documented limits; what depends on Google's servers is said to.

/** Sheets' documented limits (support.google.com/drive/answer/37603 and the Apps Script quotas page). */
const CELLS_PER_SPREADSHEET = 10_000_000;
const MAIL_RECIPIENTS_PER_DAY = { consumer: 100, workspace: 1_500 };
const WEEKS_PER_QUARTER = 13;
const PEOPLE_PER_TEAM = 6;

const KEY_RESULTS_PER_TEAM = OBJECTIVES_PER_TEAM * KEY_RESULTS_PER_OBJECTIVE;
const width = (tab: { headers: readonly string[] }) => tab.headers.length;

/** Cells of one team's plan, and of one quarter of its weekly check-ins. */
const PLAN_CELLS = OBJECTIVES_PER_TEAM * width(OBJECTIVES) + KEY_RESULTS_PER_TEAM * width(KEY_RESULTS) + PEOPLE_PER_TEAM * width(PEOPLE);
const CHECKIN_CELLS_PER_QUARTER = KEY_RESULTS_PER_TEAM * WEEKS_PER_QUARTER * width(CHECKINS);

/** The length of the Linked OKRs header formula that Update links writes for `teams` links. */
function linkedFormulaLength(teams: number): number {
  const columns = new Map(TEAMS.headers.map((header, i) => [header, i] as [string, number]));
  const rows = Array.from({ length: teams }, (_, i) => ({ row: i + 2, team: `Team ${i}`, id: 'x' }));
  return linkedFormula(rows, columns).length;
}

/** The most links one workbook's Linked OKRs formula can hold under Sheets' 50,000 characters a cell. */
function mostLinks(): number {
  let low = 1;
  let high = 5_000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (linkedFormulaLength(mid) <= CELL_CHARACTERS) low = mid;
    else high = mid - 1;
  }
  return low;
}

function oneWorkbook(teams: number): (string | number)[] {
  const plan = teams * PLAN_CELLS;
  const quarter = teams * CHECKIN_CELLS_PER_QUARTER;
  const quarters = Math.floor((CELLS_PER_SPREADSHEET - plan) / quarter);
  return [
    fmt(teams),
    fmt(teams * KEY_RESULTS_PER_TEAM),
    fmt(plan),
    fmt(quarter),
    quarters < 1 ? 'not one' : `${quarters} quarter${quarters === 1 ? '' : 's'}`,
  ];
}

function layered(teams: number, perDepartment: number): (string | number)[] {
  const departments = Math.ceil(teams / perDepartment);
  const linkedRows = (links: number) => links * OBJECTIVES_PER_TEAM * width(LINKED);
  const department = PLAN_CELLS + CHECKIN_CELLS_PER_QUARTER * 4 + linkedRows(perDepartment);
  const company = PLAN_CELLS + CHECKIN_CELLS_PER_QUARTER * 4 + linkedRows(departments);
  return [
    fmt(teams),
    `${fmt(departments)} of ${fmt(perDepartment)}`,
    fmt(PLAN_CELLS + CHECKIN_CELLS_PER_QUARTER * 4),
    `${fmt(department)} (${fmt(perDepartment)} links, a ${fmt(linkedFormulaLength(perDepartment))}-character formula)`,
    `${fmt(company)} (${fmt(departments)} links)`,
  ];
}

export const scale: Section = {
  title: 'Past one machine: 1,000 and 5,000 teams (on paper)',
  run: () => {
    const most = mostLinks();
    return `
What limits an OKR add-on in Sheets at company scale is not the arithmetic (the formulas above do 100,000 rows in well under a second) but Google's per-file and per-person limits. Assumed shape: teams of ${OBJECTIVES_PER_TEAM} objectives with ${KEY_RESULTS_PER_OBJECTIVE} key results each, ${PEOPLE_PER_TEAM} people a team, a check-in per key result each week (${WEEKS_PER_QUARTER} a quarter). Widths from the tabs: Objectives ${width(OBJECTIVES)} columns, Key Results ${width(KEY_RESULTS)}, Check-ins ${width(CHECKINS)}, People ${width(PEOPLE)}, Linked OKRs ${width(LINKED)}.

**Everyone in one company workbook** (every team's OKRs and check-ins in one file):

${table(['teams', 'key results', 'cells of the plan', 'check-in cells a quarter', 'fits 10 million cells for'], [oneWorkbook(100), oneWorkbook(1_000), oneWorkbook(5_000)])}

The Check-ins tab is what fills a file: at 1,000 teams a year of check-ins alone passes Sheets' 10 million cells, at 5,000 not one quarter fits. Before that, every action that reads the whole tab grows with it (the modelled times in the service-call section), one weekly summary would have to reach ${fmt(5_000 * PEOPLE_PER_TEAM)} people from one sender (Google allows ${fmt(MAIL_RECIPIENTS_PER_DAY.workspace)} recipients a day on Workspace, ${MAIL_RECIPIENTS_PER_DAY.consumer} on a consumer account), and every owner would edit the same file.

**The design: a workbook per team, linked up through departments.** Each team keeps its own OKRs and check-ins; each department workbook links its teams with \`IMPORTRANGE\` (one "Allow access" per pair of files, no broader scope) and rolls their objectives up; the company workbook links the departments. A link brings a team's objectives only (${OBJECTIVES_PER_TEAM} rows of ${width(LINKED)} columns in Linked OKRs), never its key results or check-ins, so each level stays the size of one team plus a row per linked objective:

${table(['teams', 'departments', 'cells a team workbook holds in a year', 'a department workbook, a year', 'the company workbook, a year'], [layered(1_000, 50), layered(5_000, 100)])}

- **Cells**: every file stays under 1 % of the 10 million; a team workbook can keep years of check-ins.
- **Imports**: Update links writes one Linked OKRs header formula that stacks every team's import. Sheets holds at most ${fmt(CELL_CHARACTERS)} characters in a cell, so one workbook can link at most **${fmt(most)} teams**; at 5,000 teams the company must link departments (or a further division layer), not teams. How many imports a file may hold is not among the limits Google documents for Sheets files, but its help page on the function advises importing summaries into few receiving files, which is what this layering does; each import is a live, summarised range (a team's Objectives tab, far under the 10 MB Google caps an import at), refreshed by Google, with no Apps Script execution. Past the limit, Link a team workbook and Update links refuse with that reason and change nothing.
- **Custom formula executions**: each \`OKR_LINKED\` in that header formula is one custom-formula execution, each loading the script (the load section): a department of 100 links recalculates 100 small executions when its imports change, each far under the 30-second limit; the Progress and Status columns are one execution each, whatever the row count.
- **Execution time**: each menu action and the weekly summary read one workbook, so they are sized by one team or one department, not by the company; the service-call section gives the modelled time by workbook size and the size at which each would stop fitting 6 minutes, far above a department's.
- **Mail**: the weekly summary is per workbook and goes out from the account of whoever turned it on there, so the daily recipient quota is per champion: a team's summary reaches its ${PEOPLE_PER_TEAM} people and its reminders, a department's its leads, the company's its leadership. A champion who runs the summaries of many workbooks spends one quota across them (and, on a consumer account, 90 minutes a day of trigger time); at company scale each department should have its own champion.
- **People and triggers**: installable triggers are one of each kind per user per file, so the weekly summary of 5,000 team workbooks is 5,000 triggers owned by the teams' own champions, not one central account.

What this section does not prove: how Sheets behaves with hundreds of live imports in one file (recalculation time, "Loading…" cells) is Google's and can only be measured on real files: see check 20 in docs/real-sheets-checks.md.
`;
  },
};
