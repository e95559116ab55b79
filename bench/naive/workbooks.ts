// The workbooks the naive comparison runs on: one set up by the add-on and
// filled with a company's OKRs (bench/org.ts), saved once and restored into as
// many identical runtimes as a comparison needs.
import { Runtime, type RuntimeState } from '../../dev/runtime/index';
import { Cell } from '../../src/okr/cells';
import { organisation } from '../org';
import { byHand } from './by-hand';
import { CHAMPION, NOW, okrRuntime } from '../../test/addon/workbook';

export const SPREADSHEET = 'bench-workbook';
// The champion and the moment (mid-cycle in 2026-Q4) the add-on's tests and the call budgets use too.
export { CHAMPION, NOW };

/** A runtime holding one new spreadsheet, as a champion would create it. */
export function newWorkbook(): Runtime {
  const rt = okrRuntime({ now: NOW });
  rt.createSpreadsheet({ id: SPREADSHEET, name: 'Acme OKRs', timeZone: 'America/New_York', owner: CHAMPION });
  return rt;
}

/** A workbook set up by the add-on (no examples), holding the OKRs and people of about `keyResults` key results. */
export function companyWorkbook(keyResults: number): { state: RuntimeState; keyResults: Cell[][] } {
  const rt = newWorkbook();
  rt.answer({ button: 'NO' });
  rt.run('setUpWorkbook', { spreadsheetId: SPREADSHEET, user: CHAMPION });
  const org = organisation(keyResults);
  const { spreadsheet } = byHand(rt, SPREADSHEET, CHAMPION);
  const paste = (tab: string, rows: Cell[][]) => {
    const sheet = spreadsheet.getSheetByName(tab)!;
    if (rows.length + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
    sheet.getRange(2, 1, rows.length, rows[0]!.length).setValues(rows);
  };
  paste('Objectives', org.objectives);
  paste('Key Results', org.keyResults);
  paste('People', org.people);
  return { state: rt.snapshot(), keyResults: org.keyResults };
}

/**
 * A runtime holding the saved workbook, its formulas already computed (read
 * outside any count), as Sheets keeps them: neither way pays for them.
 */
export function restored(state: RuntimeState): Runtime {
  const rt = okrRuntime({ now: NOW });
  restoreInto(rt, state);
  return rt;
}

/** Puts the saved workbook back into `rt`, its formulas computed outside any count. */
export function restoreInto(rt: Runtime, state: RuntimeState): void {
  rt.restore(state);
  for (const tab of rt.store.sheetNames(SPREADSHEET)) rt.store.values(SPREADSHEET, tab);
}
