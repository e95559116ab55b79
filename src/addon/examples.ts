import { Cell } from '../okr/cells';

/**
 * Example OKRs a new team can learn from by editing: three objectives with
 * three key results each, covering every kind of metric. Percentages are
 * written in whole percents (40 to 60, unit %) on plain number cells, so they
 * read as written; a person may as well type 40% into a cell Sheets formats
 * as a percentage.
 */
export function exampleObjectives(cycle: string): Record<string, Cell>[] {
  const objective = (ID: string, Objective: string, Owner: string, alignedTo = '') => ({
    ID,
    Objective,
    Owner,
    Team: 'Example team',
    Cycle: cycle,
    'Aligned to': alignedTo,
    Weight: '',
  });
  return [
    objective('EX-O1', 'Make onboarding effortless for new customers', 'owner.one@example.com'),
    objective('EX-O2', 'Grow revenue from existing customers', 'owner.two@example.com'),
    objective('EX-O3', 'Ship improvements every week without drama', 'owner.three@example.com', 'EX-O1'),
  ];
}

export function exampleKeyResults(): Record<string, Cell>[] {
  const kr = (
    ID: string,
    objective: string,
    title: string,
    metric: string,
    start: Cell,
    target: Cell,
    current: Cell,
    unit: string,
    owner: string,
  ) => ({
    ID,
    'Objective ID': objective,
    'Key result': title,
    Owner: owner,
    Metric: metric,
    Start: start,
    Target: target,
    Current: current,
    Unit: unit,
    Weight: '',
    Confidence: current === '' ? '' : 6,
  });
  return [
    kr('EX-KR1', 'EX-O1', 'Raise activation in the first week from 40% to 60%', 'increase', 40, 60, 46, '%', 'owner.one@example.com'),
    kr('EX-KR2', 'EX-O1', 'Cut time to first value from 10 days to 3', 'decrease', 10, 3, 8, 'days', 'owner.one@example.com'),
    kr('EX-KR3', 'EX-O1', 'Launch the guided setup tour', 'milestone', '', '', 'not done', '', 'owner.three@example.com'),
    kr(
      'EX-KR4',
      'EX-O2',
      'Grow expansion revenue from 20k to 50k a month',
      'increase',
      20000,
      50000,
      26000,
      'USD',
      'owner.two@example.com',
    ),
    kr('EX-KR5', 'EX-O2', 'Keep monthly churn at most 2%', 'at most', '', 2, 1.8, '%', 'owner.two@example.com'),
    kr('EX-KR6', 'EX-O2', 'Hold net promoter score at least 40', 'at least', '', 40, '', 'points', 'owner.two@example.com'),
    kr('EX-KR7', 'EX-O3', 'Deploy to production from 2 to 10 times a week', 'increase', 2, 10, 4, 'deploys', 'owner.three@example.com'),
    kr('EX-KR8', 'EX-O3', 'Cut failed deploys from 20% to 5%', 'decrease', 20, 5, 15, '%', 'owner.three@example.com'),
    kr('EX-KR9', 'EX-O3', 'Publish the release checklist', 'milestone', '', '', 'done', '', 'owner.three@example.com'),
  ];
}

/** The example owners in People: what lets an owner be written by name. */
export function examplePeople(): Record<string, Cell>[] {
  const person = (Name: string, Email: string, Manager = '') => ({ Name, Email, Team: 'Example team', Manager });
  return [
    person('Owner One', 'owner.one@example.com'),
    person('Owner Two', 'owner.two@example.com', 'Owner One'),
    person('Owner Three', 'owner.three@example.com', 'Owner One'),
  ];
}
