// The demo a first start seeds: Acme's company workbook, three team
// workbooks and a squad below Product, linked so progress climbs squad →
// Product → Company through IMPORTRANGE (access allowed), one Product
// objective supporting a company key result; one cycle of OKRs each (the
// current one, from the clock), a few weeks of check-ins. The company and
// Product count calendar quarters; Sales counts fiscal years starting in
// February (FY2027-Q1 is February to April 2026); Operations runs six-week
// cycles of its own, in its Cycles tab. Each workbook's People tab lists
// Acme's people, and the company writes some owners by name. The add-on's own
// set-up lays out each workbook; this file only types in the rows and
// settings, as the people of Acme would. Each workbook also gets eight weeks
// of History (the weekly summary's snapshots, so the dashboard's trend has
// lines) and its dashboard, built from the menu. The company workbook's
// Archive holds two closed quarters, so the dashboard's Effectiveness by
// cycle table and chart compare them. The squad's workbook keeps three
// mistakes new OKR writers make (a key result naming an objective that does
// not exist, a cycle written "Q4 2026", an objective with one key result), so
// Validate the OKRs has something to show.

import { CallCounter, createSpreadsheetApp, type CellValue } from '../runtime/index';
import { ARCHIVE, ARCHIVE_KINDS, ArchiveColumn, HISTORY } from '../../src/okr/schema';
import { ensureArchiveTab } from '../../src/addon/record-tab';
import { Tabs } from '../../src/addon/tabs';
import type { Person, Workbooks } from './workbooks';

export const PEOPLE: Person[] = [
  { email: 'maya@acme.example', name: 'Maya Chen (CEO, OKR champion)' },
  { email: 'priya@acme.example', name: 'Priya Nair (Product)' },
  { email: 'sam@acme.example', name: 'Sam Okafor (Product)' },
  { email: 'tom@acme.example', name: 'Tom Becker (Sales)' },
  { email: 'jo@acme.example', name: 'Jo Lindqvist (Sales)' },
  { email: 'lena@acme.example', name: 'Lena Ortiz (Operations)' },
  { email: 'raj@acme.example', name: 'Raj Patel (Operations)' },
];

/**
 * Acme's People tab, typed into every workbook: the company writes some
 * owners by name (Maya Chen, Tom Becker), as organisations do.
 */
const DIRECTORY: Record<'Name' | 'Email' | 'Team' | 'Manager', string>[] = [
  { Name: 'Maya Chen', Email: 'maya@acme.example', Team: 'Company', Manager: '' },
  { Name: 'Priya Nair', Email: 'priya@acme.example', Team: 'Product', Manager: 'Maya Chen' },
  { Name: 'Sam Okafor', Email: 'sam@acme.example', Team: 'Product', Manager: 'Priya Nair' },
  { Name: 'Tom Becker', Email: 'tom@acme.example', Team: 'Sales', Manager: 'Maya Chen' },
  { Name: 'Jo Lindqvist', Email: 'jo@acme.example', Team: 'Sales', Manager: 'Tom Becker' },
  { Name: 'Lena Ortiz', Email: 'lena@acme.example', Team: 'Operations', Manager: 'Maya Chen' },
  { Name: 'Raj Patel', Email: 'raj@acme.example', Team: 'Operations', Manager: 'Lena Ortiz' },
];

/** Who checked in: the owner's address, also when the owner is written by name. */
const emailOf = (owner: string) => DIRECTORY.find((p) => p.Name === owner)?.Email ?? owner;

const TIME_ZONE = 'Europe/Berlin';

/** How a key result is doing: its progress relative to the time elapsed. */
type Pace = 'ahead' | 'on track' | 'at risk' | 'off track' | 'done';

interface KrSpec {
  title: string;
  owner: string;
  metric: 'increase' | 'decrease' | 'at least' | 'at most' | 'milestone';
  start: number | '';
  target: number | '';
  unit: string;
  pace: Pace;
  /** The owner stopped checking in this many weeks ago. */
  lateWeeks?: number;
  /** Percent units are typed as percentages (40%), as a person would. */
  percent?: boolean;
  /** Decimals a person would type for this measure (default: whole numbers). */
  decimals?: number;
  /** The Objective ID typed, when it is not the objective the key result is listed under (a mistake). */
  objectiveId?: string;
}

interface ObjectiveSpec {
  id: string;
  title: string;
  owner: string;
  alignedTo: string;
  /** The Cycle as typed, when it is not the cycle's name (a mistake). */
  cycle?: (cycle: DemoCycle) => string;
  keyResults: KrSpec[];
}

interface WorkbookSpec {
  name: string;
  team: string;
  owner: string;
  editors: string[];
  /** How the team counts its cycles: calendar quarters unless said. */
  counts?: 'fiscal from February' | 'six-week cycles';
  objectives: ObjectiveSpec[];
}

const kr = (
  title: string,
  owner: string,
  metric: KrSpec['metric'],
  start: KrSpec['start'],
  target: KrSpec['target'],
  unit: string,
  pace: Pace,
  extra: Partial<KrSpec> = {},
): KrSpec => ({
  title,
  owner,
  metric,
  start,
  target,
  unit,
  pace,
  ...extra,
});

const everyone = PEOPLE.map((p) => p.email);

export const WORKBOOKS: WorkbookSpec[] = [
  {
    name: 'Acme — Company OKRs',
    team: 'Company',
    owner: 'maya@acme.example',
    editors: everyone,
    objectives: [
      {
        id: 'C1',
        title: 'Become the tool product teams recommend to each other',
        owner: 'Maya Chen',
        alignedTo: '',
        keyResults: [
          kr('Raise net promoter score from 32 to 45', 'maya@acme.example', 'increase', 32, 45, 'points', 'on track', { decimals: 1 }),
          kr('Grow weekly active teams from 1,200 to 2,000', 'priya@acme.example', 'increase', 1200, 2000, 'teams', 'at risk'),
        ],
      },
      {
        id: 'C2',
        title: 'Grow revenue without growing costs',
        owner: 'Maya Chen',
        alignedTo: '',
        keyResults: [
          kr('Grow annual recurring revenue from 4.0M to 5.0M', 'tom@acme.example', 'increase', 4000000, 5000000, 'EUR', 'at risk'),
          kr('Keep monthly churn at most 2%', 'Tom Becker', 'at most', '', 0.02, '%', 'ahead', { percent: true }),
          // Written as a sentence and entered as a milestone, as many are: Apply suggested metrics… measures it.
          kr('Cut the data sources we pay for from 74 to less than 15', 'Maya Chen', 'milestone', '', '', '', 'at risk'),
        ],
      },
      {
        id: 'C3',
        title: 'Run a calm, reliable operation',
        owner: 'Maya Chen',
        alignedTo: '',
        keyResults: [
          kr('Hold uptime at least 99.9%', 'lena@acme.example', 'at least', '', 0.999, '%', 'on track', { percent: true }),
          kr('Cut support first response from 8 hours to 2', 'lena@acme.example', 'decrease', 8, 2, 'hours', 'off track', { decimals: 1 }),
        ],
      },
    ],
  },
  {
    name: 'Acme — Product team OKRs',
    team: 'Product',
    owner: 'priya@acme.example',
    editors: ['priya@acme.example', 'sam@acme.example', 'maya@acme.example'],
    objectives: [
      {
        id: 'P1',
        title: 'Make the first week with Acme effortless',
        owner: 'priya@acme.example',
        alignedTo: 'Company/C1',
        keyResults: [
          kr('Raise week-one activation from 40% to 60%', 'priya@acme.example', 'increase', 0.4, 0.6, '%', 'on track', { percent: true }),
          kr('Cut time to first report from 10 days to 3', 'sam@acme.example', 'decrease', 10, 3, 'days', 'at risk', {
            lateWeeks: 3,
            decimals: 1,
          }),
          kr('Launch the guided setup tour', 'sam@acme.example', 'milestone', '', '', '', 'done'),
        ],
      },
      {
        id: 'P2',
        title: 'Ship improvements every week without drama',
        owner: 'sam@acme.example',
        alignedTo: 'Company/C3',
        keyResults: [
          kr('Deploy to production from 2 to 10 times a week', 'sam@acme.example', 'increase', 2, 10, 'deploys', 'ahead'),
          kr('Cut failed deploys from 20% to 5%', 'sam@acme.example', 'decrease', 0.2, 0.05, '%', 'on track', { percent: true }),
        ],
      },
      {
        id: 'P3',
        title: 'Let teams share dashboards with their customers',
        owner: 'priya@acme.example',
        // It supports a company key result (weekly active teams), so it counts toward that key result's objective, C1.
        alignedTo: 'Company/C1-KR2',
        keyResults: [
          kr('Grow shared dashboards from 0 to 500', 'priya@acme.example', 'increase', 0, 500, 'dashboards', 'off track'),
          kr('Reach 30 paying customers using sharing', 'priya@acme.example', 'increase', 0, 30, 'customers', 'at risk', { lateWeeks: 2 }),
        ],
      },
    ],
  },
  {
    name: 'Acme — Sales team OKRs',
    team: 'Sales',
    counts: 'fiscal from February',
    owner: 'tom@acme.example',
    editors: ['tom@acme.example', 'jo@acme.example', 'maya@acme.example'],
    objectives: [
      {
        id: 'S1',
        title: 'Win the mid-market',
        owner: 'tom@acme.example',
        alignedTo: 'Company/C2',
        keyResults: [
          kr('Close 40 new mid-market accounts', 'tom@acme.example', 'increase', 0, 40, 'accounts', 'on track'),
          kr('Grow average deal size from 18k to 24k', 'jo@acme.example', 'increase', 18000, 24000, 'EUR', 'at risk'),
        ],
      },
      {
        id: 'S2',
        title: 'Grow revenue from the customers we have',
        owner: 'jo@acme.example',
        alignedTo: 'Company/C2',
        keyResults: [
          kr('Grow expansion revenue from 20k to 50k a month', 'jo@acme.example', 'increase', 20000, 50000, 'EUR', 'on track'),
          kr('Keep logo churn at most 1.5%', 'jo@acme.example', 'at most', '', 0.015, '%', 'off track', { percent: true, lateWeeks: 4 }),
        ],
      },
      {
        id: 'S3',
        title: 'Turn customers into references',
        owner: 'tom@acme.example',
        alignedTo: 'Company/C1',
        keyResults: [
          kr('Publish 6 customer case studies', 'tom@acme.example', 'increase', 0, 6, 'case studies', 'ahead'),
          kr('Launch the referral programme', 'jo@acme.example', 'milestone', '', '', '', 'at risk'),
        ],
      },
    ],
  },
  {
    name: 'Acme — Operations team OKRs',
    team: 'Operations',
    counts: 'six-week cycles',
    owner: 'lena@acme.example',
    editors: ['lena@acme.example', 'raj@acme.example', 'maya@acme.example'],
    objectives: [
      {
        id: 'O1',
        title: 'Answer every customer fast and well',
        owner: 'lena@acme.example',
        alignedTo: 'Company/C3',
        keyResults: [
          kr('Cut first response time from 8 hours to 2', 'raj@acme.example', 'decrease', 8, 2, 'hours', 'off track', {
            lateWeeks: 3,
            decimals: 1,
          }),
          kr('Hold customer satisfaction at least 90%', 'lena@acme.example', 'at least', '', 0.9, '%', 'on track', { percent: true }),
        ],
      },
      {
        id: 'O2',
        title: 'Make outages rare and short',
        owner: 'raj@acme.example',
        alignedTo: 'Company/C3',
        keyResults: [
          kr('Hold uptime at least 99.9%', 'raj@acme.example', 'at least', '', 0.999, '%', 'on track', { percent: true }),
          kr('Cut mean time to recovery from 90 minutes to 30', 'raj@acme.example', 'decrease', 90, 30, 'minutes', 'at risk'),
        ],
      },
      {
        id: 'O3',
        title: 'Spend less to serve each customer',
        owner: 'lena@acme.example',
        alignedTo: 'Company/C2',
        keyResults: [
          kr('Cut cloud cost per customer from 42 to 30 EUR', 'lena@acme.example', 'decrease', 42, 30, 'EUR', 'done'),
          kr('Automate the 10 most common support requests', 'raj@acme.example', 'increase', 0, 10, 'requests', 'on track'),
        ],
      },
    ],
  },
  {
    name: 'Acme — Onboarding squad OKRs',
    team: 'Onboarding squad',
    owner: 'sam@acme.example',
    editors: ['sam@acme.example', 'priya@acme.example', 'maya@acme.example'],
    objectives: [
      {
        id: 'Q1',
        title: 'Get a new team to its first report in one day',
        owner: 'sam@acme.example',
        alignedTo: 'Product/P1',
        keyResults: [
          kr('Cut setup steps from 12 to 4', 'sam@acme.example', 'decrease', 12, 4, 'steps', 'on track'),
          kr('Raise tour completion from 30% to 70%', 'priya@acme.example', 'increase', 0.3, 0.7, '%', 'at risk', { percent: true }),
        ],
      },
      {
        id: 'Q2',
        title: 'Make invitations just work',
        owner: 'sam@acme.example',
        alignedTo: 'Product/P1',
        keyResults: [
          kr('Raise accepted invitations from 50% to 80%', 'sam@acme.example', 'increase', 0.5, 0.8, '%', 'ahead', { percent: true }),
          // Meant for Q2, typed with an objective that does not exist: Q2 keeps one key result.
          kr('Remind every unanswered invitation after three days', 'sam@acme.example', 'milestone', '', '', '', 'on track', {
            objectiveId: 'Q4',
          }),
        ],
      },
      {
        id: 'Q3',
        title: 'Help new teams find a template that fits',
        owner: 'priya@acme.example',
        alignedTo: '',
        // The quarter written as people say it, not as the workbook names it.
        cycle: (quarter) => `Q${quarter.name.slice(-1)} ${quarter.name.slice(0, 4)}`,
        keyResults: [
          kr('Publish 12 starter templates', 'priya@acme.example', 'increase', 0, 12, 'templates', 'on track'),
          kr('Half of new teams start from a template', 'sam@acme.example', 'increase', 0.1, 0.5, '%', 'at risk', { percent: true }),
        ],
      },
    ],
  },
];

const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

/** A cycle of the demo: its name and first day and the day after its last (UTC dates stand for the wall clock). */
export interface DemoCycle {
  name: string;
  first: Date;
  end: Date;
}

/** The calendar quarter holding `now`. */
export function quarterOf(now: Date): DemoCycle {
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3);
  return { name: `${year}-Q${q + 1}`, first: new Date(Date.UTC(year, q * 3, 1)), end: new Date(Date.UTC(year, q * 3 + 3, 1)) };
}

/** The fiscal quarter holding `now` for a year that starts in February and is named by the year it ends. */
export function februaryQuarterOf(now: Date): DemoCycle {
  const sinceFebruary = (now.getUTCMonth() - 1 + 12) % 12;
  const startYear = now.getUTCMonth() >= 1 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const q = Math.floor(sinceFebruary / 3);
  const first = new Date(Date.UTC(startYear, 1 + q * 3, 1));
  return { name: `FY${startYear + 1}-Q${q + 1}`, first, end: new Date(Date.UTC(startYear, 1 + q * 3 + 3, 1)) };
}

/** A six-week cycle holding `now`: it began on the Monday three weeks before this week's. */
export function sixWeeksOf(now: Date): DemoCycle {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY - 3 * WEEK;
  const first = new Date(monday);
  return { name: `Ops wave ${first.toISOString().slice(0, 10)}`, first, end: new Date(monday + 6 * WEEK) };
}

function cycleOf(spec: WorkbookSpec, now: Date): DemoCycle {
  if (spec.counts === 'fiscal from February') return februaryQuarterOf(now);
  if (spec.counts === 'six-week cycles') return sixWeeksOf(now);
  return quarterOf(now);
}

/** How far progress sits from the share of the quarter elapsed, by pace. */
const OFFSET: Record<Exclude<Pace, 'done'>, number> = { ahead: 0.1, 'on track': 0, 'at risk': -0.2, 'off track': -0.45 };

/** Progress a pace stands for when `elapsed` of the quarter has gone; a finished one got there early. */
function progressFor(pace: Pace, elapsed: number): number {
  const value = pace === 'done' ? elapsed * 2.4 : elapsed + OFFSET[pace];
  return Math.min(1, Math.max(0, value));
}

/** The value a key result reads at `progress`. "at least"/"at most" hover around their target. */
function valueAt(spec: KrSpec, progress: number, pace: Pace): number | string {
  if (spec.metric === 'milestone') return progress >= 1 ? 'done' : 'not done';
  const target = Number(spec.target);
  if (spec.metric === 'at least') return pace === 'off track' || pace === 'at risk' ? target * 0.98 : target * 1.0004;
  if (spec.metric === 'at most') return pace === 'off track' || pace === 'at risk' ? target * 1.3 : target * 0.9;
  const start = Number(spec.start);
  return start + (target - start) * progress;
}

function typed(spec: KrSpec, value: number | string): string {
  if (typeof value === 'string') return value;
  if (spec.percent || spec.unit === '%') return `${round(value * 100, 1)}%`;
  return String(round(value, spec.decimals ?? 0));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function wallClock(date: Date, withTime: boolean): string {
  const iso = date.toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

/**
 * Seeds the demo: for each workbook, the add-on's set-up (answering "No" to
 * its example OKRs), then the rows. Returns the ids, company first.
 */
/** Who links whom: the workbook above, then the teams below it, by team name. */
const LINKS: [string, string[]][] = [
  ['Company', ['Product', 'Sales', 'Operations']],
  ['Product', ['Onboarding squad']],
];

export function seedDemo(workbooks: Workbooks, now: Date): string[] {
  workbooks.people = PEOPLE;
  const ids = WORKBOOKS.map((spec) => {
    const cycle = cycleOf(spec, now);
    // The first tab is named for the table it will hold, so set-up fills it rather than leaving an empty Sheet1 first.
    const id = workbooks.create({ name: spec.name, owner: spec.owner, editors: spec.editors, timeZone: TIME_ZONE, sheets: ['Objectives'] });
    setUp(workbooks, id, spec.owner);
    countCycles(workbooks, id, spec, cycle);
    typeRows(workbooks, id, spec, cycle, now);
    return id;
  });
  const byTeam = new Map(WORKBOOKS.map((spec, i) => [spec.team, { spec, id: ids[i]! }]));
  for (const [above, below] of LINKS)
    linkTeams(
      workbooks,
      byTeam.get(above)!,
      below.map((team) => byTeam.get(team)!),
    );
  WORKBOOKS.forEach((spec, i) => typeHistory(workbooks, ids[i]!, cycleOf(spec, now), now));
  typeArchive(workbooks, ids[0]!);
  WORKBOOKS.forEach((spec, i) => buildDashboard(workbooks, ids[i]!, spec.owner));
  return ids;
}

const HISTORY_TAB = HISTORY.name;
const HISTORY_WEEKS = 8;

/**
 * Eight weekly snapshots, as the weekly summary records them (Monday 08:00)
 * in the weeks before this one:
 * every objective, key result and supporting linked objective, its progress
 * growing steadily from the cycle's start to what the workbook shows now.
 * Weeks before the cycle began are left out, as a new cycle has no past.
 */
function typeHistory(workbooks: Workbooks, id: string, cycle: DemoCycle, now: Date): void {
  const { store } = workbooks.runtime;
  const table = (sheet: string) => {
    const [header, ...rows] = store.values(id, sheet);
    return rows.map((row) => (name: string) => row[header!.indexOf(name)]);
  };
  const items: { id: string; progress: number; confidence: CellValue; status: CellValue }[] = [];
  const add = (itemId: unknown, progress: CellValue | undefined, confidence: CellValue | undefined, status: CellValue | undefined) => {
    if (typeof itemId !== 'string' || itemId === '' || typeof progress !== 'number') return;
    items.push({ id: itemId, progress, confidence: typeof confidence === 'number' ? confidence : '', status: status ?? '' });
  };
  for (const get of table('Objectives')) add(get('ID'), get('Progress'), '', get('Status'));
  for (const get of table('Key Results')) add(get('ID'), get('Progress'), get('Confidence'), get('Status'));
  for (const get of table('Linked OKRs')) {
    if (get('ID') !== '') add(`${String(get('Team'))}/${String(get('ID'))}`, get('Progress'), '', get('Status'));
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY + 8 * 60 * 60 * 1000;
  const rows: CellValue[][] = [];
  // The eight weeks before this one: this week's summary has not gone out yet.
  for (let week = HISTORY_WEEKS; week >= 1; week--) {
    const time = monday - week * WEEK;
    if (time < cycle.first.getTime() || time > now.getTime()) continue;
    const share = Math.min(1, (time - cycle.first.getTime()) / Math.max(DAY, now.getTime() - cycle.first.getTime()));
    // UTC dates stand for the wall clock: the instant is that wall-clock time in the workbook's zone.
    const when = wallClockInstant(new Date(time));
    for (const item of items) rows.push([when, item.id, round(item.progress * share, 4), item.confidence, item.status]);
  }
  // The tab as the weekly summary makes it: hidden, after the others, its header bold and frozen.
  const spreadsheet = bySummary(workbooks, id);
  const sheet = spreadsheet.insertSheet(HISTORY_TAB, spreadsheet.getSheets().length);
  const width = HISTORY.headers.length;
  sheet
    .getRange(1, 1, 1, width)
    .setValues([[...HISTORY.headers]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  HISTORY.columns.forEach((column, i) => {
    if (column.format) sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1).setNumberFormat(column.format);
  });
  if (rows.length > 0) sheet.getRange(2, 1, rows.length, width).setValues(rows);
  sheet.hideSheet();
}

/** An objective of a closed cycle: its key results as [title, owner, score, check-ins]. */
interface ClosedObjective {
  id: string;
  title: string;
  owner: string;
  reflection: string;
  keyResults: [string, string, number, number][];
}

/**
 * Acme's two closed quarters, as Close the cycle archived them. By hand
 * (the dashboard's test checks these): 2026-Q2, 4 objectives and 10 key
 * results, scores summing to 6.0 (average 0.60), 4 of 10 at 0.7 or more
 * (40 %), 60 check-ins (6.0 a key result), one team (4.0 objectives per
 * team), 2.5 key results per objective; 2026-Q3, 4 objectives and 11 key
 * results, scores summing to 7.5 (average 7.5 / 11 ≈ 0.68), 6 of 11 (≈ 55 %),
 * 121 check-ins (11.0), 4.0 per team, 11 / 4 = 2.75 per objective: the
 * company got better at checking in and at setting reachable goals.
 */
export const CLOSED_CYCLES: { cycle: string; closedOn: [number, number, number]; objectives: ClosedObjective[] }[] = [
  {
    cycle: '2026-Q2',
    closedOn: [2026, 7, 3],
    objectives: [
      {
        id: 'C1',
        title: 'Win the mid-market',
        owner: 'Maya Chen',
        reflection: 'Three key results were too many for one quarter; we checked in only when a deal moved.',
        keyResults: [
          ['Sign 20 mid-market customers', 'Tom Becker', 0.4, 5],
          ['Cut the sales cycle from 60 to 40 days', 'jo@acme.example', 0.7, 8],
          ['Launch the partner programme', 'Maya Chen', 0.3, 3],
        ],
      },
      {
        id: 'C2',
        title: 'Make the product fast',
        owner: 'priya@acme.example',
        reflection: 'Speed work paid off; the weekly check-in kept it visible.',
        keyResults: [
          ['Pages load in under 1 second for 95% of views', 'sam@acme.example', 0.9, 11],
          ['Halve the time to build a report', 'priya@acme.example', 0.6, 7],
        ],
      },
      {
        id: 'C3',
        title: 'Hire the team we need',
        owner: 'Maya Chen',
        reflection: 'Hiring went well, onboarding of the new people lagged.',
        keyResults: [
          ['Hire 6 engineers', 'Maya Chen', 1, 6],
          ['New hires productive within 30 days', 'priya@acme.example', 0.5, 4],
        ],
      },
      {
        id: 'C4',
        title: 'Run a tight operation',
        owner: 'lena@acme.example',
        reflection: 'Set and forgotten: two key results had almost no check-ins.',
        keyResults: [
          ['First reply to support within 4 hours', 'raj@acme.example', 0.8, 9],
          ['Cut hosting cost per customer by 20%', 'lena@acme.example', 0.3, 2],
          ['Document every runbook', 'raj@acme.example', 0.5, 5],
        ],
      },
    ],
  },
  {
    cycle: '2026-Q3',
    closedOn: [2026, 10, 2],
    objectives: [
      {
        id: 'C1',
        title: 'Become the tool product teams recommend to each other',
        owner: 'Maya Chen',
        reflection: 'Weekly check-ins made the referral work steady; the NPS target was right.',
        keyResults: [
          ['Raise net promoter score from 28 to 35', 'maya@acme.example', 0.8, 12],
          ['Get 40 customer referrals', 'Tom Becker', 0.6, 11],
          ['Publish 6 customer stories', 'jo@acme.example', 0.7, 12],
        ],
      },
      {
        id: 'C2',
        title: 'Onboard a new customer in a day',
        owner: 'priya@acme.example',
        reflection: 'The guided set-up landed; self-serve import needs another quarter.',
        keyResults: [
          ['Median time to first report under 24 hours', 'sam@acme.example', 0.9, 13],
          ['Self-serve data import for 80% of customers', 'priya@acme.example', 0.5, 10],
          ['Onboarding satisfaction 8 of 10', 'sam@acme.example', 0.7, 12],
        ],
      },
      {
        id: 'C3',
        title: 'Grow revenue in Europe',
        owner: 'Tom Becker',
        reflection: 'Ambitious on purpose: we learned which countries to leave for later.',
        keyResults: [
          ['Revenue in Europe from 1.2 to 2.0 million', 'Tom Becker', 0.6, 11],
          ['Open 3 partner resellers', 'jo@acme.example', 0.4, 9],
        ],
      },
      {
        id: 'C4',
        title: 'Keep the lights on, for less',
        owner: 'lena@acme.example',
        reflection: 'The migration was done early; the cost target was met in September.',
        keyResults: [
          ['Move the last service off the old cluster', 'raj@acme.example', 1, 8],
          ['Cut hosting cost per customer by 15%', 'lena@acme.example', 0.7, 12],
          ['Uptime 99.9% every month', 'raj@acme.example', 0.6, 11],
        ],
      },
    ],
  },
];

/**
 * The company's Archive, as Close the cycle leaves it: the tab made by the
 * add-on's own ensureArchiveTab (the ARCHIVE schema's headers and formats),
 * one row per objective and per key result of each closed cycle, values only.
 */
function typeArchive(workbooks: Workbooks, id: string): void {
  const rows: CellValue[][] = [];
  const row = (cells: Partial<Record<ArchiveColumn, CellValue>>) => rows.push(ARCHIVE.headers.map((header) => cells[header] ?? ''));
  for (const { cycle, closedOn, objectives } of CLOSED_CYCLES) {
    const [y, m, d] = closedOn;
    const common = { Cycle: cycle, 'Closed on': wallClockInstant(new Date(Date.UTC(y, m - 1, d))), Team: 'Company' };
    for (const objective of objectives) {
      const scores = objective.keyResults.map(([, , score]) => score);
      const progress = round(scores.reduce((a, b) => a + b, 0) / scores.length, 4);
      row({
        ...common,
        Kind: ARCHIVE_KINDS.objective,
        ID: objective.id,
        Title: objective.title,
        Owner: objective.owner,
        Progress: progress,
        Score: round(progress, 1),
        'Check-ins': objective.keyResults.reduce((sum, [, , , checkins]) => sum + checkins, 0),
        Reflection: objective.reflection,
      });
      objective.keyResults.forEach(([title, owner, score, checkins], i) =>
        row({
          ...common,
          Kind: ARCHIVE_KINDS.keyResult,
          ID: `${objective.id}-KR${i + 1}`,
          'Parent ID': objective.id,
          Title: title,
          Owner: owner,
          Progress: score,
          Score: score,
          Confidence: Math.round(score * 10),
          'Check-ins': checkins,
        }),
      );
    }
  }
  const spreadsheet = bySummary(workbooks, id);
  const sheet = ensureArchiveTab(spreadsheet, new Tabs(spreadsheet));
  sheet.getRange(2, 1, rows.length, ARCHIVE.headers.length).setValues(rows);
}

/** The workbook through the runtime's own SpreadsheetApp, as the weekly summary's run writes it. */
function bySummary(workbooks: Workbooks, id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const user = workbooks.runtime.store.doc(id).owner;
  const execution = { mode: 'FULL' as const, user, activeSpreadsheetId: id, calls: new CallCounter(), realm: undefined };
  return createSpreadsheetApp(workbooks.runtime.store, execution, () => {
    throw new Error('The demo asks no questions');
  }).getActiveSpreadsheet();
}

/** The instant at which the workbook's wall clock reads `wall` (a UTC date standing for it). */
function wallClockInstant(wall: Date): Date {
  const shown = new Date(wall.toLocaleString('en-US', { timeZone: TIME_ZONE }) + ' UTC');
  return new Date(wall.getTime() - (shown.getTime() - wall.getTime()));
}

/** Builds the workbook's dashboard from the menu, as its champion would. */
function buildDashboard(workbooks: Workbooks, id: string, owner: string): void {
  const handler = workbooks.dialogHandler;
  workbooks.dialogHandler = () => ({ button: 'OK' });
  try {
    // Run as the menu item runs it, without needing the menu a test bundle may have replaced.
    workbooks.runtime.run('buildDashboard', { spreadsheetId: id, user: owner, mode: 'FULL' });
    if (!workbooks.sheetNames(id).includes('Dashboard')) throw new Error(`The add-on did not build the demo's dashboard in ${id}`);
  } finally {
    workbooks.dialogHandler = handler;
  }
}

/**
 * Links team workbooks as their champion would: their rows in Teams, Update
 * links from the menu, and "Allow access" clicked for each pair.
 */
function linkTeams(workbooks: Workbooks, above: { spec: WorkbookSpec; id: string }, below: { spec: WorkbookSpec; id: string }[]): void {
  const owner = above.spec.owner;
  workbooks.typeRecords(
    above.id,
    'Teams',
    below.map(({ spec, id }) => ({ Team: spec.team, Spreadsheet: `https://docs.google.com/spreadsheets/d/${id}/edit` })),
  );
  for (const { id } of below) workbooks.runtime.allowImport(above.id, id, owner);
  const handler = workbooks.dialogHandler;
  workbooks.dialogHandler = () => ({ button: 'OK' });
  try {
    // Run as the menu item runs it, without needing the menu a test bundle may have replaced.
    workbooks.runtime.run('updateLinks', { spreadsheetId: above.id, user: owner, mode: 'FULL' });
  } finally {
    workbooks.dialogHandler = handler;
  }
}

function setUp(workbooks: Workbooks, id: string, owner: string): void {
  workbooks.open(id, owner);
  const shown: string[] = [];
  const handler = workbooks.dialogHandler;
  // Set-up asks whether to add example OKRs; the demo has its own. Any other
  // dialog is kept, to explain a failure.
  workbooks.dialogHandler = (dialog) => {
    shown.push(dialog.message);
    return dialog.buttons.startsWith('YES_NO') ? { button: 'NO' } : {};
  };
  try {
    const outcome = workbooks.runMenuItem(id, owner, 'setUpWorkbook');
    if (!outcome.ok) throw new Error(`The add-on's set-up failed on the demo workbook: ${outcome.error}`);
    if (!workbooks.sheetNames(id).includes('Key Results'))
      throw new Error(`The add-on's set-up did not lay out the demo workbook: ${shown.join(' / ')}`);
  } finally {
    workbooks.dialogHandler = handler;
  }
}

/** The team's way of counting, typed into Settings and Cycles as its OKR champion would. */
function countCycles(workbooks: Workbooks, id: string, spec: WorkbookSpec, cycle: DemoCycle): void {
  const owner = spec.owner;
  const setSetting = (name: string, value: string) => {
    const row = workbooks.runtime.store.displayValues(id, 'Settings').findIndex((line) => line[0] === name);
    if (row < 0) throw new Error(`The demo's Settings have no "${name}" row`);
    const outcome = workbooks.edit(id, 'Settings', `B${row + 1}`, value, owner, true);
    if (!outcome.ok) throw new Error(`Settings!B${row + 1}: ${outcome.message}`);
  };
  if (spec.counts === 'six-week cycles') {
    const last = new Date(cycle.end.getTime() - DAY);
    const next = (d: Date, weeks: number) => new Date(d.getTime() + weeks * WEEK);
    workbooks.typeRecords(id, 'Cycles', [
      { Cycle: cycle.name, Starts: wallClock(cycle.first, false), Ends: wallClock(last, false) },
      {
        Cycle: sixWeeksOf(next(cycle.first, 9)).name,
        Starts: wallClock(next(cycle.first, 6), false),
        Ends: wallClock(next(last, 6), false),
      },
    ]);
  }
  if (spec.counts === 'fiscal from February') setSetting('Fiscal year starts', 'February');
  setSetting('Current cycle', cycle.name);
}

function typeRows(workbooks: Workbooks, id: string, spec: WorkbookSpec, quarter: DemoCycle, now: Date): void {
  const objectives: Record<string, string>[] = [];
  const keyResults: Record<string, string>[] = [];
  const checkins: { time: Date; values: Record<string, string> }[] = [];
  for (const objective of spec.objectives) {
    objectives.push({
      ID: objective.id,
      Objective: objective.title,
      Owner: objective.owner,
      Team: spec.team,
      Cycle: objective.cycle?.(quarter) ?? quarter.name,
      'Aligned to': objective.alignedTo,
      Weight: '1',
    });
    objective.keyResults.forEach((result, i) => {
      const krId = `${objective.id}-KR${i + 1}`;
      const history = checkInHistory(result, quarter, now);
      const last = history.at(-1);
      keyResults.push({
        ID: krId,
        'Objective ID': result.objectiveId ?? objective.id,
        'Key result': result.title,
        Owner: result.owner,
        Metric: result.metric,
        Start: result.start === '' ? '' : typed(result, result.start),
        Target: result.target === '' ? '' : typed(result, result.target),
        Current: last ? typed(result, last.value) : '',
        Unit: result.unit,
        Weight: '1',
        Confidence: last ? String(last.confidence) : '',
        'Last check-in': last ? wallClock(last.time, false) : '',
      });
      for (const entry of history) {
        checkins.push({
          time: entry.time,
          values: {
            Timestamp: wallClock(entry.time, true),
            'Key result ID': krId,
            Value: typed(result, entry.value),
            Confidence: String(entry.confidence),
            Note: entry.note,
            By: emailOf(result.owner),
          },
        });
      }
    });
  }
  checkins.sort((a, b) => a.time.getTime() - b.time.getTime());
  workbooks.typeRecords(id, 'Objectives', objectives);
  workbooks.typeRecords(id, 'Key Results', keyResults);
  workbooks.typeRecords(id, 'People', DIRECTORY);
  workbooks.typeRecords(
    id,
    'Check-ins',
    checkins.map((entry) => entry.values),
  );
}

/** Weekly check-ins from the quarter's first Monday, stopping early for a late owner. */
function checkInHistory(
  spec: KrSpec,
  quarter: DemoCycle,
  now: Date,
): { time: Date; value: number | string; confidence: number; note: string }[] {
  const stop = now.getTime() - (spec.lateWeeks ?? 0) * WEEK;
  const first = quarter.first;
  const firstMonday = new Date(first.getTime() + ((8 - first.getUTCDay()) % 7) * DAY + 9.5 * 60 * 60 * 1000);
  const length = quarter.end.getTime() - first.getTime();
  const out: { time: Date; value: number | string; confidence: number; note: string }[] = [];
  for (let t = firstMonday.getTime(), week = 0; t <= stop; t += WEEK, week++) {
    const progress = progressFor(spec.pace, (t - first.getTime()) / length);
    const pace: Pace = spec.pace === 'done' && progress < 1 ? 'on track' : spec.pace;
    // Minutes past the hour vary by person and week, as real check-ins do.
    const time = new Date(t + ((week * 17 + spec.owner.length * 7) % 50) * 60 * 1000);
    if (time.getTime() > stop) break;
    out.push({ time, value: valueAt(spec, progress, pace), confidence: confidenceFor(pace, week), note: noteFor(pace, week) });
  }
  return out;
}

function confidenceFor(pace: Pace, week: number): number {
  const base = { done: 10, ahead: 8, 'on track': 7, 'at risk': 5, 'off track': 3 }[pace];
  return Math.max(0, Math.min(10, base + (week % 3 === 0 ? 1 : 0) - (week > 5 && pace === 'off track' ? 1 : 0)));
}

function noteFor(pace: Pace, week: number): string {
  const notes: Record<Pace, string[]> = {
    done: ['Shipped. Watching adoption.', 'Done and announced.', 'Wrapping up the last details.'],
    ahead: ['Moving faster than planned.', 'Good week, momentum holds.', 'Ahead; raising the bar next cycle.'],
    'on track': ['Steady progress.', 'On plan this week.', 'Small win, nothing blocking.'],
    'at risk': ['Slower than hoped; waiting on design.', 'Blocked two days by a dependency.', 'Needs help from another team.'],
    'off track': ['No movement; rethinking the approach.', 'Lost a week to an incident.', 'Escalated in the weekly review.'],
  };
  const list = notes[pace];
  return list[week % list.length]!;
}
