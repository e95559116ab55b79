import { Cell } from '../src/okr/cells';

/**
 * A company's OKRs as typed into the tabs, at any size: teams of 4 objectives
 * with 3 key results each (the method's 3–5 and about 3), each team's
 * objectives aligned to an objective of the team above (a tree 10 wide), the
 * owners written by email, and every key result checked in. Only the typed
 * columns, in the order of the Objectives and Key Results headers up to
 * Weight / Confidence; Progress and Status are the formulas' to fill.
 */
export interface Organisation {
  teams: number;
  objectives: Cell[][];
  keyResults: Cell[][];
  people: Cell[][];
}

export const OBJECTIVES_PER_TEAM = 4;
export const KEY_RESULTS_PER_OBJECTIVE = 3;

/** The typed headers, a prefix of each tab's headers (src/okr/schema.ts). */
export const OBJECTIVE_HEADERS = ['ID', 'Objective', 'Owner', 'Team', 'Cycle', 'Aligned to', 'Weight'];
export const KEY_RESULT_HEADERS = [
  'ID',
  'Objective ID',
  'Key result',
  'Owner',
  'Metric',
  'Start',
  'Target',
  'Current',
  'Unit',
  'Weight',
  'Confidence',
];

/** The teams of a company of about `keyResults` key results: whole teams, at least one. */
export function teamsFor(keyResults: number): number {
  return Math.max(1, Math.ceil(keyResults / (OBJECTIVES_PER_TEAM * KEY_RESULTS_PER_OBJECTIVE)));
}

/** About `keyResults` key results (rounded up to whole teams). */
export function organisation(keyResults: number): Organisation {
  const perTeam = OBJECTIVES_PER_TEAM * KEY_RESULTS_PER_OBJECTIVE;
  const teams = teamsFor(keyResults);
  const objectives: Cell[][] = [];
  const krs: Cell[][] = [];
  const people: Cell[][] = [];
  for (let t = 0; t < teams; t++) {
    const team = `Team ${t}`;
    const owner = `lead${t}@example.com`;
    people.push([`Lead ${t}`, owner, team, t === 0 ? '' : `lead${Math.floor((t - 1) / 10)}@example.com`]);
    for (let o = 0; o < OBJECTIVES_PER_TEAM; o++) {
      const id = `T${t}-O${o}`;
      const parent = t === 0 ? '' : `T${Math.floor((t - 1) / 10)}-O${o}`;
      objectives.push([id, `Objective ${o} of ${team}`, owner, team, '2026-Q4', parent, '']);
      for (let k = 0; k < KEY_RESULTS_PER_OBJECTIVE; k++) {
        const n = t * perTeam + o * KEY_RESULTS_PER_OBJECTIVE + k;
        const decrease = k === 2;
        krs.push([
          `${id}-KR${k}`,
          id,
          `Key result ${k} of ${id}`,
          owner,
          decrease ? 'decrease' : 'increase',
          decrease ? 100 : 0,
          decrease ? 20 : 100,
          decrease ? 100 - (n % 80) : n % 100,
          '%',
          '',
          n % 11,
        ]);
      }
    }
  }
  return { teams, objectives, keyResults: krs, people };
}
