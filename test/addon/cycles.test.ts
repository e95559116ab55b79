import { describe, expect, it } from 'vitest';
import type { CheckinContext } from '../../src/shared/checkin-api';
import { Runtime } from '../../dev/runtime/index';
import { byHand, click, fill, lastAlert, records, okrRuntime } from './workbook';

// Fiscal years and custom cycles in a workbook, through dist/Code.js in the
// runtime: Settings and the Cycles tab decide what every status measures against.

const CHAMPION = 'champion@example.com';
/** Tuesday 17 March 2026, mid-morning in New York. */
const MARCH_17 = new Date('2026-03-17T14:00:00Z');

function workbook() {
  const rt = okrRuntime({ now: MARCH_17 });
  const id = rt.createSpreadsheet({ name: 'Finance OKRs', timeZone: 'America/New_York', sheets: ['Sheet1'], owner: CHAMPION });
  click(rt, id, 'setUpWorkbook', 'YES');
  return { rt, id };
}

const setting = (rt: Runtime, id: string, name: string) => byHand(rt, id).getRangeByName(name)!;
const statusOf = (rt: Runtime, id: string, kr: string) => records(rt, id, 'Key Results').find((r) => r.ID === kr)!.Status;
/** Clears the examples' Cycle: each status then follows the current cycle of Settings (a row's own cycle wins over it). */
const followCurrentCycle = (rt: Runtime, id: string) => byHand(rt, id).getSheetByName('Objectives')!.getRange('E2:E4').clearContent();

describe('a fiscal year that starts in February', () => {
  it('recomputes every status when Settings change, with no script running', () => {
    const { rt, id } = workbook();
    followCurrentCycle(rt, id);
    // EX-KR1 is 30 % done (46 of 40 to 60).
    setting(rt, id, 'OKR_CURRENT_CYCLE').setValue('FY2027-Q1');
    // With the fiscal year starting in January, FY2027-Q1 is January to March 2027: nothing expected yet.
    expect(statusOf(rt, id, 'EX-KR1')).toBe('on track');
    setting(rt, id, 'OKR_FISCAL_START').setValue('February');
    // Now it is 1 February to 30 April 2026: 44 of 89 days gone, 0.49 expected, 0.19 behind: at risk.
    expect(statusOf(rt, id, 'EX-KR1')).toBe('at risk');
    setting(rt, id, 'OKR_FISCAL_NAMING').setValue('the year it starts');
    // Named by its start year, FY2027-Q1 is February to April 2027 again.
    expect(statusOf(rt, id, 'EX-KR1')).toBe('on track');
  });

  it("set-up defaults to today's fiscal quarter and offers fiscal names in the dropdowns", () => {
    const rt = okrRuntime({ now: MARCH_17 });
    const id = rt.createSpreadsheet({ name: 'Finance OKRs', timeZone: 'America/New_York', sheets: ['Settings'], owner: CHAMPION });
    fill(rt, id, 'Settings', [
      ['Setting', 'Value', 'About'],
      ['Fiscal year starts', 'February', ''],
    ]);
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(setting(rt, id, 'OKR_CURRENT_CYCLE').getValue()).toBe('FY2027-Q1');
    const dropdown = setting(rt, id, 'OKR_CURRENT_CYCLE').getDataValidation()!.getCriteriaValues()[0] as string[];
    expect(dropdown).toEqual(expect.arrayContaining(['2026-Q1', 'FY2027-Q1', 'FY2027']));
    const objectives = byHand(rt, id).getSheetByName('Objectives')!;
    expect(objectives.getRange('E2').getDataValidation()!.getCriteriaValues()[0]).toEqual(dropdown);
  });

  it('set-up renews the dropdowns of cycles when the fiscal year or the Cycles tab change, and only then', () => {
    const { rt, id } = workbook();
    setting(rt, id, 'OKR_FISCAL_START').setValue('July');
    fill(rt, id, 'Cycles', [['Sprint 1', '2026-03-02', '2026-04-12']], 2);
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toMatch(/the cycles that apply to the current cycle dropdown/);
    const dropdown = setting(rt, id, 'OKR_CURRENT_CYCLE').getDataValidation()!.getCriteriaValues()[0] as string[];
    expect(dropdown).toEqual(expect.arrayContaining(['FY2027-Q1', 'Sprint 1']));
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toBe('Your OKR workbook was already set up: nothing needed to change.');
  });
});

describe('the Cycles tab', () => {
  it('defines a cycle of its own, which wins over a built-in name, and the panel follows it', () => {
    const { rt, id } = workbook();
    followCurrentCycle(rt, id);
    // A six-week cycle from 2 March to 12 April 2026: 15 of 42 days gone on 17 March.
    fill(rt, id, 'Cycles', [['Six weeks', '2026-03-02', '2026-04-12']], 2);
    setting(rt, id, 'OKR_CURRENT_CYCLE').setValue('Six weeks');
    // EX-KR1 at 0.3 against 15/42 = 0.357: on track.
    expect(statusOf(rt, id, 'EX-KR1')).toBe('on track');
    // Redefine 2026-Q1 as the same six weeks: the built-in meaning gives way.
    fill(rt, id, 'Cycles', [['2026-Q1', '2026-03-02', '2026-04-12']], 3);
    setting(rt, id, 'OKR_CURRENT_CYCLE').setValue('2026-Q1');
    expect(statusOf(rt, id, 'EX-KR1')).toBe('on track');
    const context = rt.run<CheckinContext>('getCheckinContext', { spreadsheetId: id, user: 'owner.one@example.com' });
    expect(context.cycle).toBe('2026-Q1');
    expect(context.keyResults.find((kr) => kr.id === 'EX-KR1')!.status).toBe('on track');
    expect(context.notices).toEqual([]);
  });

  it('Validate names each problem with its tab and cell, and what to do', () => {
    const { rt, id } = workbook();
    fill(
      rt,
      id,
      'Cycles',
      [
        ['Late', '2026-04-01', '2026-03-01'],
        ['Vague', 'spring', '2026-06-01'],
        ['Late', '2026-01-01', '2026-02-01'],
      ],
      2,
    );
    setting(rt, id, 'OKR_FISCAL_START').setValue('Smarch');
    byHand(rt, id).getSheetByName('Objectives')!.getRange('E3').setValue('Q1 2026');
    click(rt, id, 'validateOkrs', 'OK');
    const report = (rt.store.values(id, 'Validation') as string[][]).filter((row) => /cycle|setting/.test(row[1]!));
    expect(report).toEqual([
      ['error', 'bad-cycle-dates', 'Cycles!C2', 'The cycle Late ends (2026-03-01) before it starts (2026-04-01): swap the two days.'],
      [
        'error',
        'bad-cycle-dates',
        'Cycles!B3',
        'The cycle Vague starts on "spring", which is not a date: write its first day, such as 2026-02-01.',
      ],
      [
        'error',
        'duplicate-cycle',
        'Cycles!A4',
        'The cycle Late is defined twice (first in row 2): give each cycle one row, or another name.',
      ],
      ['error', 'bad-setting', 'Settings!B7', 'The fiscal year starts in "Smarch", which is not a month: choose one, such as February.'],
      ['warning', 'bad-cycle', 'Objectives!E3', 'Objective EX-O2 has cycle "Q1 2026": write it as 2026-Q1.'],
    ]);
  });
});

describe('set-up upgrades its own Status formulas, never a person’s', () => {
  it('rewrites the Status formula an earlier version wrote, so it follows fiscal years and Cycles', () => {
    const { rt, id } = workbook();
    const sheet = byHand(rt, id).getSheetByName('Key Results')!;
    const older =
      '={"Status"; OKR_STATUS(L2:L, ARRAYFORMULA(IF(A2:A="", "", OKR_EXPECTED(OKR_CURRENT_CYCLE, TODAY()))), OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}';
    sheet.getRange('M1').setFormula(older);
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toMatch(/the newer Status formula on Key Results/);
    expect(sheet.getRange('M1').getFormula()).toMatch(
      /OKR_EXPECTED\(IFNA\(VLOOKUP\(TRIM\(B2:B\), .*\), TODAY\(\), OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING\)/,
    );
    // A formula of the person's own in a Status header is theirs.
    sheet.getRange('M1').setFormula('={"Status"; ARRAYFORMULA(IF(L2:L>0.5, "fine", ""))}');
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(sheet.getRange('M1').getFormula()).toBe('={"Status"; ARRAYFORMULA(IF(L2:L>0.5, "fine", ""))}');
  });
});
