import { bench, describe } from 'vitest';
import { okrProgress, okrRollup, okrStatus, okrValidate } from '../src/formulas/formulas';
import { Cell } from '../src/okr/cells';
import { KEY_RESULTS, OBJECTIVES as OBJECTIVES_TAB } from '../src/okr/schema';

// A company-scale workbook: 1,000 objectives of 3 key results each.
const OBJECTIVES = 1_000;
const objectives: Cell[][] = [[...OBJECTIVES_TAB.headers]];
const keyResults: Cell[][] = [[...KEY_RESULTS.headers]];
for (let o = 1; o <= OBJECTIVES; o++) {
  objectives.push([
    `O${o}`,
    `Objective ${o}`,
    `owner${o % 50}@example.com`,
    `Team ${o % 200}`,
    '2026-Q4',
    o > 1 ? `O${Math.ceil(o / 4)}` : '',
    '',
    '',
    '',
  ]);
  for (let k = 1; k <= 3; k++) {
    keyResults.push([
      `O${o}-KR${k}`,
      `O${o}`,
      `Key result ${k}`,
      `owner${o % 50}@example.com`,
      k === 3 ? 'decrease' : 'increase',
      k === 3 ? 100 : 0,
      k === 3 ? 20 : 100,
      (o * k) % 100,
      '',
      '',
      7,
      '',
      '',
      '',
    ]);
  }
}
const column = (table: Cell[][], header: string) => table.slice(1).map((row) => [row[table[0]!.indexOf(header)]!]);
const starts = column(keyResults, 'Start');
const targets = column(keyResults, 'Target');
const currents = column(keyResults, 'Current');
const metrics = column(keyResults, 'Metric');
const progress = okrProgress(starts, targets, currents, metrics) as Cell[][];

describe(`custom formulas over ${keyResults.length - 1} key results`, () => {
  bench('OKR_PROGRESS, one column', () => {
    okrProgress(starts, targets, currents, metrics);
  });
  bench('OKR_STATUS, one column', () => {
    okrStatus(progress, 0.5);
  });
  bench(`OKR_ROLLUP into ${OBJECTIVES} objectives`, () => {
    okrRollup(column(objectives, 'ID'), column(keyResults, 'Objective ID'), progress);
  });
  bench('OKR_VALIDATE, both tables', () => {
    okrValidate(objectives, keyResults, {}, (instant) => instant.getTime());
  });
});
