import { describe, expect, it } from 'vitest';
import { Runtime } from '../../dev/runtime/index';
import { CHAMPION, byHand, lastAlert, records, teamWorkbook, workbookUrl, okrRuntime } from './workbook';

// Objectives that support a key result of the level above (issue 18), through
// dist/Code.js in the runtime: `Aligned to` names a key result, here or as
// `Name/ID` from a linked team, and the objective counts toward that key
// result's objective. Figures are counted by hand.

/** Runs "Link a team workbook…" and clicks "Allow access" for the pair. */
function link(rt: Runtime, above: string, team: string, below: string): void {
  rt.answer({ button: 'OK', text: workbookUrl(below) }, { button: 'OK', text: team }, { button: 'OK' });
  rt.run('linkTeamWorkbook', { spreadsheetId: above, user: CHAMPION });
  rt.allowImport(above, below, CHAMPION);
}

const progress = (rt: Runtime, id: string) => Object.fromEntries(records(rt, id, 'Objectives').map((r) => [r.ID, r.Progress]));

/** Runs Validate and gives its report: [severity, rule, where, message] per finding. */
function validate(rt: Runtime, id: string): string[][] {
  rt.answer({ button: 'OK' });
  rt.run('validateOkrs', { spreadsheetId: id, user: CHAMPION });
  return (rt.store.values(id, 'Validation') as string[][]).slice(1).filter((row) => row[0] !== '');
}

/**
 * Company ← Department ← Squad. The squad's S1 supports the department's key result DKR1; the
 * department's D1 (weight 2) supports the company's key result KR2; the company's C3 supports its own KR3.
 */
function cascade(departmentCycle = '2026-Q4') {
  const rt = okrRuntime({ now: new Date('2026-11-15T10:00:00Z') });
  const squad = teamWorkbook(
    rt,
    'Squad',
    [['S1', 'Qualify leads faster', 'sam', 'Squad', '2026-Q4', 'Department/DKR1']],
    [['S1-KR1', 'S1', 'Lead response under a day', 'sam', 'increase', 0, 4, 3]],
  );
  const department = teamWorkbook(
    rt,
    'Department',
    [['D1', 'Fill the pipeline', 'dee', 'Field Ops', departmentCycle, 'Company/KR2', 2]],
    [
      ['DKR1', 'D1', 'Qualified leads to 20 a week', 'dee', 'increase', 0, 20, 10],
      ['DKR2', 'D1', 'Sales cycle from 10 weeks to 0', 'dee', 'decrease', 10, 0, 6],
    ],
  );
  const company = teamWorkbook(
    rt,
    'Company',
    [
      ['C1', 'Grow revenue', 'maya', 'Company', '2026-Q4', ''],
      ['C2', 'Keep customers', 'maya', 'Company', '2026-Q4', ''],
      ['C3', 'Make onboarding smooth', 'maya', 'Company', '2026-Q4', 'KR3'],
    ],
    [
      ['KR1', 'C1', 'Revenue to 100k', 'maya', 'increase', 0, 100, 50],
      ['KR2', 'C1', 'Pipeline at 10× target', 'maya', 'increase', 0, 10, 2],
      ['KR3', 'C2', 'Retention interviews: 4', 'maya', 'increase', 0, 4, 3],
      ['C3-KR1', 'C3', 'Onboarding calls: 4', 'maya', 'increase', 0, 4, 1],
    ],
  );
  link(rt, department, 'Squad', squad);
  link(rt, company, 'Department', department);
  return { rt, squad, department, company };
}

describe('objectives that support a key result, three levels', () => {
  it("count toward that key result's objective, with their weight, through every level", () => {
    const { rt, squad, department, company } = cascade();
    // Squad S1: 3 of 4 = 0.75.
    // Department D1: DKR1 10 of 20 = 0.5, DKR2 (10 → 6 of 10 → 0) = 0.4, and S1 (supporting DKR1) 0.75:
    //   (0.5 + 0.4 + 0.75) / 3 = 1.65 / 3 = 0.55.
    // Company C1: KR1 50 of 100 = 0.5, KR2 2 of 10 = 0.2, and D1 (supporting KR2, weight 2) 0.55:
    //   (0.5 + 0.2 + 2 × 0.55) / (1 + 1 + 2) = 1.8 / 4 = 0.45.
    // Company C3: C3-KR1 1 of 4 = 0.25. C2: KR3 3 of 4 = 0.75, and C3 (supporting KR3) 0.25: (0.75 + 0.25) / 2 = 0.5.
    expect(progress(rt, squad)).toEqual({ S1: 0.75 });
    expect(progress(rt, department).D1).toBeCloseTo(0.55, 12);
    const figures = progress(rt, company);
    expect(figures.C1).toBeCloseTo(0.45, 12);
    expect(figures.C2).toBeCloseTo(0.5, 12);
    expect(figures.C3).toBeCloseTo(0.25, 12);
    // A key result is not driven by the objectives that support it: KR2 and DKR1 keep their own measure.
    expect(records(rt, company, 'Key Results').find((r) => r.ID === 'KR2')!.Progress).toBeCloseTo(0.2, 12);
    expect(records(rt, department, 'Key Results').find((r) => r.ID === 'DKR1')!.Progress).toBeCloseTo(0.5, 12);
    // The key result stays the link in Linked OKRs.
    expect(records(rt, company, 'Linked OKRs')).toEqual([
      expect.objectContaining({ Team: 'Department', ID: 'D1', 'Aligned to': 'Company/KR2', Weight: 2 }),
    ]);
    expect(validate(rt, company).filter(([severity]) => severity === 'error')).toEqual([]);
    expect(validate(rt, department).filter(([severity]) => severity === 'error')).toEqual([]);
  });

  it('a key result of another cycle is worth a suggestion, not an error', () => {
    const { rt, company } = cascade('2027-Q1');
    expect(validate(rt, company).filter(([, rule]) => rule === 'other-cycle')).toEqual([
      [
        'info',
        'other-cycle',
        "'Linked OKRs'!F2",
        "Department's objective D1 (2027-Q1) supports key result KR2, whose objective C1 is in 2026-Q4, so its progress counts in another cycle: ask Department to align it to a key result of 2027-Q1, or correct the Cycle that is wrong.",
      ],
    ]);
  });

  it('an Aligned to that names neither an objective nor a key result is still unknown-parent', () => {
    const { rt, company } = cascade();
    byHand(rt, company).getSheetByName('Objectives')!.getRange('F4').setValue('KR9');
    expect(validate(rt, company).filter(([, rule]) => rule === 'unknown-parent')).toEqual([
      ['error', 'unknown-parent', 'Objectives!F4', 'Objective C3 is aligned to KR9, which is no objective or key result in this workbook.'],
    ]);
  });
});

describe('a loop through a key result', () => {
  it('makes the objectives in it invalid, naming the key results, and everything else still computes', () => {
    const { rt, company } = cascade();
    // C1 supports KR3 of C2, and C2 supports KR1 of C1. C3 supports KR3: it still computes, the loop above it does not.
    const sheet = byHand(rt, company).getSheetByName('Objectives')!;
    sheet.getRange('F2:F3').setValues([['KR3'], ['Company/KR1']]);
    const loop = 'alignment loop C1 → KR3 → C2 → KR1 → C1';
    expect(progress(rt, company)).toEqual({ C1: `invalid: ${loop}`, C2: `invalid: ${loop}`, C3: 0.25 });
    const cycles = validate(rt, company).filter(([, rule]) => rule === 'alignment-cycle');
    expect(cycles).toEqual([
      [
        'error',
        'alignment-cycle',
        'Objectives!F2',
        'Objectives are aligned in a loop (C1 → KR3 → C2 → KR1 → C1): an objective cannot sit above itself.',
      ],
    ]);
  });

  it('is found across linked workbooks', () => {
    const { rt, company } = cascade();
    // C1 aligned to the department's D1, which supports KR2 of C1.
    byHand(rt, company).getSheetByName('Objectives')!.getRange('F2').setValue('Department/D1');
    expect(validate(rt, company).filter(([, rule]) => rule === 'alignment-cycle')).toEqual([
      [
        'error',
        'alignment-cycle',
        'Objectives!F2',
        'Objectives are aligned in a loop across workbooks (C1 → Department/D1 → KR2 → C1): an objective cannot sit above itself.',
      ],
    ]);
  });
});

describe('a workbook set up by the earlier version', () => {
  it('gets the Progress formula with child_ids, once', () => {
    const { rt, company } = cascade();
    const sheet = byHand(rt, company).getSheetByName('Objectives')!;
    const earlier =
      "={\"Progress\"; OKR_OBJECTIVE_PROGRESS(A2:A, F2:F, G2:G, {'Key Results'!B2:B; 'Linked OKRs'!F2:F}, {'Key Results'!L2:L; 'Linked OKRs'!H2:H}, {'Key Results'!J2:J; 'Linked OKRs'!G2:G}, OKR_WORKBOOK_NAME)}";
    sheet.getRange('H1').setFormula(earlier);
    // Without the children's ids a key result's id names nothing: C1 is (0.5 + 0.2) / 2, C2 is KR3 alone.
    const before = progress(rt, company);
    expect(before.C1).toBeCloseTo(0.35, 12);
    expect(before.C2).toBeCloseTo(0.75, 12);
    rt.answer({ button: 'NO' }); // not now: add the owners to People
    rt.run('setUpWorkbook', { spreadsheetId: company, user: CHAMPION });
    expect(lastAlert(rt)).toMatch(/the newer Progress formula on Objectives/);
    expect(rt.store.formulas(company, 'Objectives', 'H1')[0]![0]).toBe(
      earlier.replace(
        /\)\}$/,
        `, {'Key Results'!A2:A; ARRAYFORMULA(IF('Linked OKRs'!B2:B="", "", 'Linked OKRs'!A2:A&"/"&'Linked OKRs'!B2:B))})}`,
      ),
    );
    const after = progress(rt, company);
    expect(after.C1).toBeCloseTo(0.45, 12);
    expect(after.C2).toBeCloseTo(0.5, 12);
    rt.answer({ button: 'NO' });
    rt.run('setUpWorkbook', { spreadsheetId: company, user: CHAMPION });
    expect(lastAlert(rt)).toMatch(/^Your OKR workbook was already set up: nothing needed to change\.\n\nYour OKRs name/);
  });
});
