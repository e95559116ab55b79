import { describe, expect, it } from 'vitest';
import { byHand, click, lastAlert, newWorkbook, records } from './workbook';

// Issue 15, item 1: a person inserts a column in the middle of a set-up tab.
// Sheets moves every reference to the cells after it, both ends of `F2:F`,
// so the add-on's header formulas keep reading the same columns and set-up,
// run again, finds nothing to change. Runs dist/Code.js in the local runtime.

function examples() {
  const { rt, id } = newWorkbook();
  click(rt, id, 'setUpWorkbook', 'YES');
  return { rt, id };
}

/** The workbook as saved, without the write counter (every change bumps it, even one undone). */
function saved(rt: ReturnType<typeof newWorkbook>['rt']): string {
  return JSON.stringify(rt.store.toJSON(), (key, value: unknown) => (key === 'version' ? undefined : value));
}

/** What the formulas computed, by ID: Progress and Status of each key result and objective. */
function figures(rt: ReturnType<typeof newWorkbook>['rt'], id: string) {
  const pick = (tab: string) => Object.fromEntries(records(rt, id, tab).map((r) => [r.ID, [r.Progress, r.Status]]));
  return { keyResults: pick('Key Results'), objectives: pick('Objectives') };
}

describe('a person inserts a column or a row in the middle of Key Results', () => {
  it('keeps Progress, Status and the Objectives rollup computing the same figures', () => {
    const { rt, id } = examples();
    const before = figures(rt, id);
    expect(Object.keys(before.keyResults)).toHaveLength(9);
    // Between Metric (E) and Start (F): every column the formulas read from F on moves right.
    byHand(rt, id).getSheetByName('Key Results')!.insertColumnBefore(6);
    expect(rt.store.formulas(id, 'Key Results', 'M1:N1')).toEqual([
      [
        '={"Progress"; OKR_PROGRESS(G2:G, H2:H, I2:I, E2:E)}',
        '={"Status"; OKR_STATUS(M2:M, ARRAYFORMULA(IF(A2:A="", "", OKR_EXPECTED(IFNA(VLOOKUP(TRIM(B2:B), {TRIM(Objectives!A2:A), IF(Objectives!E2:E="", OKR_CURRENT_CYCLE, Objectives!E2:E)}, 2, FALSE), OKR_CURRENT_CYCLE), TODAY(), OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING))), OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP, E2:E, L2:L)}',
      ],
    ]);
    expect(rt.store.formulas(id, 'Objectives', 'H1')).toEqual([
      [
        "={\"Progress\"; OKR_OBJECTIVE_PROGRESS(A2:A, F2:F, G2:G, {'Key Results'!B2:B; 'Linked OKRs'!F2:F}, {'Key Results'!M2:M; 'Linked OKRs'!H2:H}, {'Key Results'!K2:K; 'Linked OKRs'!G2:G}, OKR_WORKBOOK_NAME, {'Key Results'!A2:A; ARRAYFORMULA(IF('Linked OKRs'!B2:B=\"\", \"\", 'Linked OKRs'!A2:A&\"/\"&'Linked OKRs'!B2:B))})}",
      ],
    ]);
    expect(figures(rt, id)).toEqual(before);
  });

  it('set-up afterwards changes nothing, and says so', () => {
    const { rt, id } = examples();
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    sheet.insertColumnsAfter(5, 2);
    const width = sheet.getLastColumn();
    const state = saved(rt);
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toBe('Your OKR workbook was already set up: nothing needed to change.');
    expect(sheet.getLastColumn()).toBe(width);
    expect(saved(rt)).toBe(state);
  });

  it('a row inserted between key results changes no figure, and set-up still finds nothing to do', () => {
    const { rt, id } = examples();
    const before = figures(rt, id);
    byHand(rt, id).getSheetByName('Key Results')!.insertRowBefore(5);
    expect(figures(rt, id)).toEqual(before);
    const state = saved(rt);
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toBe('Your OKR workbook was already set up: nothing needed to change.');
    expect(saved(rt)).toBe(state);
  });

  it('deleting the inserted column puts every formula back as set-up wrote it', () => {
    const { rt, id } = examples();
    const state = saved(rt);
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    sheet.insertColumnBefore(6);
    sheet.deleteColumn(6);
    expect(saved(rt)).toBe(state);
  });
});
