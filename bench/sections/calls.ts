import { ACTIONS, Calls, budget, measure, total } from '../lower-bounds';
import { CELL_MS, CELL_SOURCE, LATENCIES, LIMITS, modelledMs } from '../latency';
import { duration, fmt, table, times } from '../measure';
import { Section } from '../section';
import { CHECKIN_LOCK_WAIT_MS } from '../../src/addon/record-checkin';

const SIZES = [30, 3000];
const MODELLED = [1_000, 10_000, 100_000];

/** Service calls per action against the fewest possible, and the Apps Script time they model. */
export const calls: Section = {
  title: 'Service calls per action, against the fewest possible',
  run: () => {
    const measured = SIZES.map((size) => measure(size));
    const [small, large] = measured as [Record<string, Calls>, Record<string, Calls>];
    const sameAtBothSizes = ACTIONS.every((action) => {
      const grow = { ...budget(action, SIZES[1]!) };
      const base = budget(action, SIZES[0]!);
      return total(large[action.key]!) - total(small[action.key]!) === total(grow) - total(base);
    });
    const rows = ACTIONS.map((action, i) => {
      const actual = total(small[action.key]!);
      const bound = total(action.bound(SIZES[0]!));
      return [
        action.title,
        fmt(actual),
        fmt(total(large[action.key]!)),
        fmt(bound),
        times(actual / bound),
        // The summary's rows differ only in recipients: its argument is given once.
        (ACTIONS[i - 1]?.argument === action.argument ? 'As above.' : action.argument) +
          (action.excess ? ` **Above the bound:** ${action.excess.why}.` : ''),
      ];
    });
    const modelled = ACTIONS.map((action) => {
      const at = (size: number) => modelledMs(budget(action, size), action.cellsPerKeyResult * size);
      return [action.title, ...MODELLED.map((size) => duration(at(size))), fitsUpTo(action.cellsPerKeyResult, at(0))];
    });
    return `
Every service call of each action counted in the local runtime (dist/Code.js; each method call on a Google service object counted once, by class and method), on a company workbook from \`bench/org.ts\` set up by the add-on, at ${SIZES.map((s) => fmt(s)).join(' and ')} key results. The lower bound is the fewest calls that can do the job, by name, argued in the last column; \`test/addon/call-budgets.test.ts\` asserts every count equals its bound plus the few calls named as above it, at both sizes, so a regression fails \`npm test\`.

Counts do not grow with the rows: ${sameAtBothSizes ? `they are the same at ${fmt(SIZES[0]!)} and ${fmt(SIZES[1]!)} key results` : 'they differ between sizes (see the table)'}, except the weekly summary's one \`insertRowsAfter\` when History's grid is full (it takes a row a key result each week). The summary grows with recipients only by one \`MailApp.sendEmail\` each.

${table(['Action', `Calls (${fmt(SIZES[0]!)} KRs)`, `Calls (${fmt(SIZES[1]!)} KRs)`, 'Lower bound', 'Ratio', 'Why no fewer'], rows)}

### Modelled Apps Script time

Each call costs its latency from the table below, and each cell read or written in a batch ${CELL_MS} ms (${CELL_SOURCE}); the cells an action moves per key result are estimated from the tabs it reads whole (the Key Results row of about 15 cells, a third of an objective's row, the check-ins…). Measured wall-clock times in Apps Script vary by day and load; this is a model, for orders of magnitude and for where each action meets the ${fmt(LIMITS.executionMs / 60_000)}-minute limit of an execution (the 30 s of custom formulas is the formulas section's).

${table(['Action', ...MODELLED.map((s) => `${fmt(s)} KRs`), 'Fits 6 min up to'], modelled)}

${mondayMorning()}

Per-call latencies (first match wins):

${table(
  ['Calls', 'ms a call', 'Source'],
  LATENCIES.map((l) => [l.what, fmt(l.ms), l.source]),
)}
`;
  },
};

/** The key results at which an action's modelled time reaches the 6-minute limit. */
function fitsUpTo(cellsPerKeyResult: number, fixedMs: number): string {
  if (fixedMs >= LIMITS.executionMs) return 'never';
  if (cellsPerKeyResult === 0) return 'any size (reads no table whole)';
  return `${fmt(Math.floor((LIMITS.executionMs - fixedMs) / (cellsPerKeyResult * CELL_MS)))} KRs`;
}

/** Owners checking in at the same moment: how many saves the check-in's lock lets through before one is told to try again. */
function mondayMorning(): string {
  const checkin = ACTIONS.find((action) => action.key === 'checkin')!;
  const rows = [30, 300, 3_000].map((size) => {
    const hold = modelledMs(budget(checkin, size), checkin.cellsPerKeyResult * size);
    return [fmt(size), duration(hold), fmt(Math.floor(CHECKIN_LOCK_WAIT_MS / hold) + 1)];
  });
  return `### Monday morning: owners checking in at once

A check-in holds the workbook's document lock for nearly all of its time (all but reading who is signed in), so that two saves never collide, and waits at most ${fmt(CHECKIN_LOCK_WAIT_MS / 1000)} s for someone else's (\`CHECKIN_LOCK_WAIT_MS\` in src/addon/record-checkin.ts). A save that cannot get the lock in time records nothing and the panel says "Someone else is saving a check-in right now… please try again"; saving again records it once (each check-in carries its id). At the modelled times, this many owners pressing Save in the same instant are all recorded:

${table(['Key results in the workbook', 'A check-in holds the lock (modelled)', 'Saves at the same instant, all recorded'], rows)}

A team workbook is where check-ins happen, and it stays small; a company workbook holding every team's key results is where a Monday rush meets the lock, which is one more reason for the workbook-per-team design ("Past one machine"). Presses spread over a minute or more do not contend at all.`;
}
