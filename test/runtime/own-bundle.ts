// A runtime that runs a bundle of the test's own (a few top-level functions)
// instead of dist/Code.js, with one spreadsheet of Ana's.
import fs from 'node:fs';
import path from 'node:path';
import { Runtime, type TimeLimits } from '../../dev/runtime/index';
import { tempDist } from './services-fixture';

const ANA = 'ana@example.com';

export function runtimeWithBundle(bundle: string, timeLimits?: Partial<TimeLimits>) {
  const dist = tempDist();
  fs.writeFileSync(path.join(dist, 'Code.js'), bundle);
  const runtime = new Runtime({ dist, now: new Date(Date.UTC(2026, 10, 15, 9)), timeLimits });
  const id = runtime.createSpreadsheet({ name: 'OKRs', owner: ANA });
  /** Types a formula into a cell of Sheet1 as Ana, and gives what the cell holds: its value or its error. */
  const show = (a1: string, formula: string) => {
    runtime.store.userEdit(id, 'Sheet1', a1, formula, ANA);
    const cell = runtime.store.cell(id, 'Sheet1', a1);
    return cell.error ?? cell.value;
  };
  return { runtime, id, show };
}
