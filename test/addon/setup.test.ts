import { describe, expect, it } from 'vitest';
import { CHECKINS, KEY_RESULTS, OBJECTIVES, SETTINGS } from '../../src/okr/schema';
import { byHand, click, fill, lastAlert, newWorkbook, records } from './workbook';

const TABS = ['Sheet1', 'Objectives', 'Key Results', 'Check-ins', 'People', 'Settings', 'Cycles', 'Teams', 'Linked OKRs', 'Guide'];

describe('Set up the OKR workbook, on an empty workbook', () => {
  it('adds the tabs with their headers, frozen, and says what it added', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(rt.store.sheetNames(id)).toEqual(TABS);
    expect(rt.store.values(id, 'Objectives', 'A1:J1')).toEqual([[...OBJECTIVES.headers]]);
    expect(rt.store.values(id, 'Key Results', 'A1:O1')).toEqual([[...KEY_RESULTS.headers]]);
    expect(rt.store.values(id, 'Check-ins', 'A1:G1')).toEqual([[...CHECKINS.headers]]);
    expect(rt.store.values(id, 'People', 'A1:D1')).toEqual([['Name', 'Email', 'Team', 'Manager']]);
    expect(rt.store.values(id, 'Settings', 'A1:C1')).toEqual([[...SETTINGS.headers]]);
    expect(rt.store.values(id, 'Cycles', 'A1:C1')).toEqual([['Cycle', 'Starts', 'Ends']]);
    expect(byHand(rt, id).getSheetByName('Cycles')!.getRange('A1').getNote()).toMatch(/^Your own cycles, one a row/);
    const spreadsheet = byHand(rt, id);
    for (const tab of ['Objectives', 'Key Results', 'Check-ins', 'Settings'])
      expect(spreadsheet.getSheetByName(tab)!.getFrozenRows()).toBe(1);
    expect(lastAlert(rt)).toMatch(/^Your OKR workbook is ready\. Added the Objectives tab; the Key Results tab;/);
    expect(lastAlert(rt)).toMatch(/Add example OKRs/);
  });

  it('fills Settings with the current cycle, cadence, gaps and fiscal year, each behind a named range', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(records(rt, id, 'Settings').map((r) => [r.Setting, r.Value])).toEqual([
      // 'Team OKRs' has no shorter name than itself.
      ['Workbook name', 'Team OKRs'],
      ['Current cycle', '2026-Q4'],
      ['Check-in cadence', 'weekly'],
      ['At-risk gap', 0.15],
      ['Off-track gap', 0.3],
      ['Fiscal year starts', 'January'],
      ['Fiscal year named by', 'the year it ends'],
      // The "Email summaries" section: off until someone turns it on.
      ['Email summaries', 'no'],
      ['Summary goes to', 'owners'],
      ['Summary addresses', ''],
      ['Summary day', 'Monday'],
      ['Summary hour', 8],
      ['Check-in reminders', 'yes'],
    ]);
    const names = byHand(rt, id)
      .getNamedRanges()
      .map((n) => `${n.getName()}=${n.getRange().getSheet().getName()}!${n.getRange().getA1Notation()}`);
    expect(names.sort()).toEqual([
      'OKR_AT_RISK_GAP=Settings!B5',
      'OKR_CHECKIN_CADENCE=Settings!B4',
      'OKR_CURRENT_CYCLE=Settings!B3',
      'OKR_CYCLES=Cycles!A1:C1000',
      'OKR_FISCAL_NAMING=Settings!B8',
      'OKR_FISCAL_START=Settings!B7',
      'OKR_OFF_TRACK_GAP=Settings!B6',
      'OKR_SUMMARY_ENABLED=Settings!B9',
      'OKR_SUMMARY_HOUR=Settings!B13',
      'OKR_SUMMARY_LIST=Settings!B11',
      'OKR_SUMMARY_RECIPIENTS=Settings!B10',
      'OKR_SUMMARY_REMINDERS=Settings!B14',
      'OKR_SUMMARY_WEEKDAY=Settings!B12',
      'OKR_WORKBOOK_NAME=Settings!B2',
    ]);
  });

  it('adds dropdowns and limits, colours, formula columns and their warnings', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    const krs = rt.store.cell(id, 'Key Results', 'E7');
    expect(krs.validation?.list).toEqual(['increase', 'decrease', 'at least', 'at most', 'milestone']);
    expect(krs.validation?.allowInvalid).toBe(false);
    const spreadsheet = byHand(rt, id);
    const keyResults = spreadsheet.getSheetByName('Key Results')!;
    const confidence = keyResults.getRange('K2').getDataValidation()!;
    expect(String(confidence.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(confidence.getCriteriaValues()).toEqual([0, 10]);
    expect(confidence.getAllowInvalid()).toBe(false);
    expect(String(keyResults.getRange('J500').getDataValidation()!.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(spreadsheet.getSheetByName('Objectives')!.getRange('E2').getDataValidation()!.getCriteriaValues()[0]).toContain('2026-Q4');
    expect(spreadsheet.getSheetByName('Check-ins')!.getRange('D2').getDataValidation()).not.toBeNull();

    // Each computed column's formula sits in its header cell, which still reads as the header.
    // Status and Forecast measure each key result by its objective's cycle, the current one where that is blank or unknown.
    const krCycle =
      'IFNA(VLOOKUP(TRIM(B2:B), {TRIM(Objectives!A2:A), IF(Objectives!E2:E="", OKR_CURRENT_CYCLE, Objectives!E2:E)}, 2, FALSE), OKR_CURRENT_CYCLE)';
    expect(rt.store.formulas(id, 'Key Results', 'L1:O1')).toEqual([
      [
        '={"Progress"; OKR_PROGRESS(F2:F, G2:G, H2:H, E2:E)}',
        `={"Status"; OKR_STATUS(L2:L, ARRAYFORMULA(IF(A2:A="", "", OKR_EXPECTED(${krCycle}, TODAY(), OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING))), OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP, E2:E, K2:K)}`,
        '',
        `={"Forecast"; OKR_FORECAST(A2:A, F2:F, G2:G, E2:E, 'Check-ins'!B2:B, 'Check-ins'!A2:A, 'Check-ins'!C2:C, ARRAYFORMULA(${krCycle}), , OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING)}`,
      ],
    ]);
    expect(rt.store.formulas(id, 'Objectives', 'I1:J1')).toEqual([
      [
        '={"Status"; OKR_STATUS(H2:H, ARRAYFORMULA(IF(A2:A="", "", OKR_EXPECTED(IF(E2:E="", OKR_CURRENT_CYCLE, E2:E), TODAY(), OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING))), OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}',
        // An objective's forecast is the weighted mean of its own key results' forecasts.
        "={\"Forecast\"; OKR_ROLLUP(A2:A, 'Key Results'!B2:B, 'Key Results'!O2:O, 'Key Results'!J2:J)}",
      ],
    ]);
    expect(byHand(rt, id).getSheetByName('Key Results')!.getRange('O2').getNumberFormat()).toBe('0%');
    expect(byHand(rt, id).getSheetByName('Objectives')!.getRange('J2').getNumberFormat()).toBe('0%');
    expect(rt.store.formulas(id, 'Objectives', 'H1')).toEqual([
      [
        "={\"Progress\"; OKR_OBJECTIVE_PROGRESS(A2:A, F2:F, G2:G, {'Key Results'!B2:B; 'Linked OKRs'!F2:F}, {'Key Results'!L2:L; 'Linked OKRs'!H2:H}, {'Key Results'!J2:J; 'Linked OKRs'!G2:G}, OKR_WORKBOOK_NAME, {'Key Results'!A2:A; ARRAYFORMULA(IF('Linked OKRs'!B2:B=\"\", \"\", 'Linked OKRs'!A2:A&\"/\"&'Linked OKRs'!B2:B))})}",
      ],
    ]);
    for (const tab of ['Objectives', 'Key Results']) {
      const sheet = spreadsheet.getSheetByName(tab)!;
      const protections = sheet.getProtections(SpreadsheetApp_ProtectionType_RANGE(spreadsheet));
      expect(protections.map((p) => [p.getDescription(), p.isWarningOnly()])).toEqual([
        ['OKR Sheets: this column is filled by a formula (Progress)', true],
        ['OKR Sheets: this column is filled by a formula (Status)', true],
        ['OKR Sheets: this column is filled by a formula (Forecast)', true],
      ]);
      // Five status colours on Status, and the same five on Progress, by the Status of its row.
      expect(sheet.getConditionalFormatRules()).toHaveLength(10);
    }
    expect(rt.store.cell(id, 'Guide', 'A1').value).toBe('How to run OKRs in this workbook');
  });

  it('runs twice without changing anything the second time', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    const before = JSON.stringify(rt.store.toJSON());
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(JSON.stringify(rt.store.toJSON())).toBe(before);
    expect(lastAlert(rt)).toMatch(/^Your OKR workbook was already set up: nothing needed to change\./);
  });

  it('adds example OKRs on request, and their formulas compute', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'YES');
    const keyResults = records(rt, id, 'Key Results');
    expect(keyResults).toHaveLength(9);
    const progress = Object.fromEntries(keyResults.map((r) => [r.ID, r.Progress]));
    expect(progress['EX-KR1']).toBeCloseTo(0.3, 12);
    expect(progress['EX-KR2']).toBeCloseTo(2 / 7, 12);
    expect(progress).toMatchObject({ 'EX-KR3': 0, 'EX-KR5': 1, 'EX-KR6': '', 'EX-KR9': 1 });
    const status = Object.fromEntries(keyResults.map((r) => [r.ID, r.Status]));
    // EX-KR3, a milestone not done with confidence 6 mid-quarter, is at risk; EX-KR9, a milestone done, is done.
    expect(status).toMatchObject({ 'EX-KR1': 'at risk', 'EX-KR5': 'done', 'EX-KR6': 'no data', 'EX-KR9': 'done', 'EX-KR3': 'at risk' });
    const objectives = records(rt, id, 'Objectives');
    expect(objectives.map((r) => r.ID)).toEqual(['EX-O1', 'EX-O2', 'EX-O3']);
    // EX-O3 (aligned to EX-O1): deploys (4-2)/(10-2) = 1/4, failed deploys (20-15)/(20-5) = 1/3, checklist done.
    const exO3 = (1 / 4 + 1 / 3 + 1) / 3;
    expect(objectives[2]!.Progress).toBeCloseTo(exO3, 12);
    // EX-O1: its three key results and EX-O3, aligned to it, each weighing 1.
    expect(objectives[0]!.Progress).toBeCloseTo((0.3 + 2 / 7 + 0 + exO3) / 4, 12);
    expect(rt.store.displayValues(id, 'Key Results', 'L2')).toEqual([['30%']]);
    // A workbook that learns from its examples validates clean.
    click(rt, id, 'validateOkrs', 'OK');
    expect(lastAlert(rt)).toBe('All clear: no errors or warnings in your OKRs.');
  });

  it('reads each tab once and writes in blocks, never cell by cell', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    const first = rt.lastCalls;
    expect(first['Range.getValue'] ?? 0).toBe(0);
    expect(first['Range.setValue'] ?? 0).toBe(0);
    // Objectives, Key Results, Check-ins, People, Settings, Cycles, Teams, Linked OKRs, Guide: one header block each, plus the settings rows.
    expect(first['Range.setValues']).toBe(10);
    // Progress, Status and Forecast on Objectives and on Key Results.
    expect(first['Range.setFormula']).toBe(6);
    click(rt, id, 'setUpWorkbook', 'NO');
    const again = rt.lastCalls;
    // The second run reads the eight tables once each, and the header formulas of the two formula tabs.
    expect(again['Range.getValues']).toBe(8);
    expect(again['Range.getFormulas']).toBe(2);
    expect(again['Range.setValues'] ?? 0).toBe(0);
    expect(again['Range.setFormula'] ?? 0).toBe(0);
    expect(again['Range.setDataValidation'] ?? 0).toBe(0);
  });
});

/** ProtectionType.RANGE as the runtime's SpreadsheetApp exposes it. */
function SpreadsheetApp_ProtectionType_RANGE(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.ProtectionType {
  void spreadsheet;
  return 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
}

describe('Set up the OKR workbook, on a workbook an earlier version set up', () => {
  /** The Status formula before it measured each row by its own cycle. */
  const olderStatus = (progress: string) =>
    `={"Status"; OKR_STATUS(${progress}2:${progress}, ARRAYFORMULA(IF(A2:A="", "", OKR_EXPECTED(OKR_CURRENT_CYCLE, TODAY(), OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING))), OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}`;

  /** The examples as that version left them: no Forecast columns, its Status formulas, and a Notes column of the person's last on Key Results. */
  function earlierWorkbook() {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'YES');
    const spreadsheet = byHand(rt, id);
    const [objectives, keyResults] = [spreadsheet.getSheetByName('Objectives')!, spreadsheet.getSheetByName('Key Results')!];
    // The objectives' Forecast reads the key results', so it goes first.
    objectives.deleteColumn(10);
    keyResults.deleteColumn(15);
    for (const sheet of [objectives, keyResults]) {
      for (const p of sheet.getProtections(SpreadsheetApp_ProtectionType_RANGE(spreadsheet)))
        if (/Forecast/.test(p.getDescription())) p.remove();
    }
    objectives.getRange('I1').setFormula(olderStatus('H'));
    keyResults.getRange('M1').setFormula(olderStatus('L'));
    fill(rt, id, 'Key Results', [['Notes'], ['ask Priya'], [''], ['=LEN(C4)']], 1, 15);
    return { rt, id, objectives, keyResults };
  }

  it('adds Forecast after the last column of theirs, upgrades its own Status formulas, and keeps their Notes', () => {
    const { rt, id, keyResults } = earlierWorkbook();
    const notes = { values: rt.store.values(id, 'Key Results', 'O1:O10'), formulas: rt.store.formulas(id, 'Key Results', 'O1:O10') };
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toMatch(/the column Forecast on Key Results/);
    expect(lastAlert(rt)).toMatch(/the column Forecast on Objectives/);
    expect(lastAlert(rt)).toMatch(/the newer Status formula on Key Results/);
    expect(lastAlert(rt)).toMatch(/the newer Status formula on Objectives/);
    expect(rt.store.values(id, 'Key Results', 'O1:O10')).toEqual(notes.values);
    expect(rt.store.formulas(id, 'Key Results', 'O1:O10')).toEqual(notes.formulas);
    expect(rt.store.formulas(id, 'Key Results', 'P1')[0]![0]).toMatch(/^=\{"Forecast"; OKR_FORECAST\(A2:A, F2:F, G2:G, E2:E, /);
    expect(keyResults.getRange('P2').getNumberFormat()).toBe('0%');
    // The objectives' Forecast reads the key results' where it landed, in P.
    expect(rt.store.formulas(id, 'Objectives', 'J1')[0]![0]).toBe(
      "={\"Forecast\"; OKR_ROLLUP(A2:A, 'Key Results'!B2:B, 'Key Results'!P2:P, 'Key Results'!J2:J)}",
    );
    expect(rt.store.formulas(id, 'Key Results', 'M1')[0]![0]).toMatch(/OKR_EXPECTED\(IFNA\(VLOOKUP\(TRIM\(B2:B\), /);
    expect(rt.store.formulas(id, 'Objectives', 'I1')[0]![0]).toMatch(/OKR_EXPECTED\(IF\(E2:E="", OKR_CURRENT_CYCLE, E2:E\), /);
    // The examples' objectives are in the current cycle: every status reads as before, but the milestone
    // EX-KR3 (not done, confidence 6), which now follows its confidence.
    expect(records(rt, id, 'Key Results').map((r) => r.Status)).toEqual([
      'at risk',
      'at risk',
      'at risk',
      'at risk',
      'done',
      'no data',
      'at risk',
      'at risk',
      'done',
    ]);

    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toBe('Your OKR workbook was already set up: nothing needed to change.');
    const headers = rt.store.values(id, 'Key Results', 'A1:Z1')[0]!;
    expect(headers.filter((h) => h === 'Forecast')).toHaveLength(1);
    expect(headers.slice(13, 17)).toEqual(['Last check-in', 'Notes', 'Forecast', '']);
  });
});

describe('Set up sizes the columns it adds, and freezes the header row and the ID column', () => {
  const widths = (sheet: GoogleAppsScript.Spreadsheet.Sheet, count: number) =>
    Array.from({ length: count }, (_, i) => sheet.getColumnWidth(i + 1));

  it('on a blank workbook: titles wide and wrapped, ids, numbers and statuses narrow, header and ID frozen', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    const spreadsheet = byHand(rt, id);
    const objectives = spreadsheet.getSheetByName('Objectives')!;
    const keyResults = spreadsheet.getSheetByName('Key Results')!;
    // ID, Objective, Owner, Team, Cycle, Aligned to, Weight, Progress, Status, Forecast.
    expect(widths(objectives, 10)).toEqual([70, 300, 180, 100, 100, 100, 70, 80, 100, 80]);
    // ID, Objective ID, Key result, Owner, Metric, Start, Target, Current, Unit, Weight, Confidence, Progress, Status, Last check-in, Forecast.
    expect(widths(keyResults, 15)).toEqual([70, 80, 300, 180, 100, 80, 80, 80, 70, 70, 80, 80, 100, 100, 80]);
    expect(objectives.getRange('B2').getWrap()).toBe(true);
    expect(keyResults.getRange('C500').getWrap()).toBe(true);
    expect(keyResults.getRange('D2').getWrap()).toBe(false);
    for (const sheet of [objectives, keyResults]) {
      expect(sheet.getFrozenRows()).toBe(1);
      expect(sheet.getFrozenColumns()).toBe(1);
    }
    // Neighbours of one width in one call: Start, Target, Current is one.
    expect(rt.lastCalls['Sheet.setColumnWidths']).toBeGreaterThan(0);
  });

  it('a second run changes nothing', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'NO');
    const keyResults = byHand(rt, id).getSheetByName('Key Results')!;
    const before = { widths: widths(keyResults, 15), store: JSON.stringify(rt.store.toJSON()) };
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(widths(keyResults, 15)).toEqual(before.widths);
    expect(JSON.stringify(rt.store.toJSON())).toBe(before.store);
    expect(rt.lastCalls['Sheet.setColumnWidth'] ?? 0).toBe(0);
    expect(rt.lastCalls['Sheet.setColumnWidths'] ?? 0).toBe(0);
    expect(rt.lastCalls['Sheet.setFrozenColumns'] ?? 0).toBe(0);
  });

  it('keeps the widths of the columns the person already had, sizing only those it adds', () => {
    const { rt, id } = newWorkbook();
    fill(rt, id, 'Objectives', [
      ['ID', 'Objective', 'Owner'],
      ['O1', 'Win the market', 'ana@example.com'],
    ]);
    const objectives = byHand(rt, id).getSheetByName('Objectives')!;
    objectives.setColumnWidth(2, 150);
    objectives.setColumnWidth(3, 240);
    const idWidth = objectives.getColumnWidth(1);
    click(rt, id, 'setUpWorkbook', 'OK');
    // Theirs as they were; Team, Cycle, Aligned to, Weight, Progress, Status, Forecast sized.
    expect(widths(objectives, 10)).toEqual([idWidth, 150, 240, 100, 100, 100, 70, 80, 100, 80]);
    expect(objectives.getRange('B2').getWrap()).toBe(false);
    expect(objectives.getFrozenColumns()).toBe(1);
  });

  it('freezes no column when the ID is not the first, nor when the person froze their own', () => {
    const { rt, id } = newWorkbook();
    fill(rt, id, 'Objectives', [['Objective', 'ID']]);
    fill(rt, id, 'Key Results', [['ID', 'Objective ID', 'Key result']]);
    byHand(rt, id).getSheetByName('Key Results')!.setFrozenColumns(3);
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(byHand(rt, id).getSheetByName('Objectives')!.getFrozenColumns()).toBe(0);
    expect(byHand(rt, id).getSheetByName('Key Results')!.getFrozenColumns()).toBe(3);
  });
});

describe('Set up the OKR workbook, on a workbook set up before milestones followed confidence', () => {
  /** The Key Results Status formula set-up wrote before it passed Metric and Confidence. */
  const beforeMilestones =
    '={"Status"; OKR_STATUS(L2:L, ARRAYFORMULA(IF(A2:A="", "", OKR_EXPECTED(IFNA(VLOOKUP(TRIM(B2:B), {TRIM(Objectives!A2:A), IF(Objectives!E2:E="", OKR_CURRENT_CYCLE, Objectives!E2:E)}, 2, FALSE), OKR_CURRENT_CYCLE), TODAY(), OKR_CYCLES, OKR_FISCAL_START, OKR_FISCAL_NAMING))), OKR_AT_RISK_GAP, OKR_OFF_TRACK_GAP)}';

  it('upgrades its own Status formula, so the milestone follows its confidence, and leaves Objectives as they are', () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'YES');
    const keyResults = byHand(rt, id).getSheetByName('Key Results')!;
    const objectivesStatus = rt.store.formulas(id, 'Objectives', 'I1')[0]![0];
    keyResults.getRange('M1').setFormula(beforeMilestones);
    // As it was: the milestone EX-KR3, 0 % with 45 of 92 days gone, off track.
    expect(records(rt, id, 'Key Results').find((r) => r.ID === 'EX-KR3')!.Status).toBe('off track');
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(lastAlert(rt)).toMatch(/the newer Status formula on Key Results/);
    expect(lastAlert(rt)).not.toMatch(/Status formula on Objectives/);
    expect(keyResults.getRange('M1').getFormula()).toBe(beforeMilestones.replace(/\)\}$/, ', E2:E, K2:K)}'));
    expect(rt.store.formulas(id, 'Objectives', 'I1')[0]![0]).toBe(objectivesStatus);
    // Confidence 6: at risk.
    expect(records(rt, id, 'Key Results').find((r) => r.ID === 'EX-KR3')!.Status).toBe('at risk');
  });

  it("leaves a Status formula of the person's own", () => {
    const { rt, id } = newWorkbook();
    click(rt, id, 'setUpWorkbook', 'YES');
    const keyResults = byHand(rt, id).getSheetByName('Key Results')!;
    const theirs = '={"Status"; ARRAYFORMULA(IF(L2:L="", "", IF(L2:L>=0.7, "fine", "look at it")))}';
    keyResults.getRange('M1').setFormula(theirs);
    click(rt, id, 'setUpWorkbook', 'OK');
    expect(keyResults.getRange('M1').getFormula()).toBe(theirs);
    expect(lastAlert(rt)).toMatch(/'Key Results'!M1 holds your own formula, so the Status column was left as it is/);
  });
});

describe('Set up the OKR workbook, on a workbook full of user data', () => {
  function userWorkbook() {
    const { rt, id } = newWorkbook(['My notes']);
    fill(rt, id, 'My notes', [['Remember'], ['=1+1'], ['keep me']]);
    // Their own column order, an extra column, no Weight/Progress/Status yet.
    fill(rt, id, 'Objectives', [
      ['Objective', 'ID', 'Notes', 'Owner', 'Team', 'Cycle', 'Aligned to'],
      ['Win the market', 'O1', 'my note', 'ana@example.com', 'Sales', '2026-Q4', ''],
      ['Delight users', 'O2', '', 'ben@example.com', 'Sales', '2026-Q4', 'O1'],
    ]);
    fill(rt, id, 'Key Results', [
      ['ID', 'Objective ID', 'Key result', 'Owner', 'Metric', 'Start', 'Target', 'Current', 'Progress', 'Comment'],
      ['KR1', 'O1', 'Revenue to 1M', 'ana@example.com', 'increase', 0, 1_000_000, 250_000, 0.9, 'typed by hand'],
      ['KR2', 'O2', 'NPS to 50', 'ben@example.com', '', 20, 50, 35, '', ''],
    ]);
    return { rt, id };
  }

  it('keeps every value, extra column and user tab, adding missing headers after them', () => {
    const { rt, id } = userWorkbook();
    const mine = (tab: string, a1: string) => rt.store.values(id, tab, a1);
    const before = { notes: mine('My notes', 'A1:A3'), objectives: mine('Objectives', 'A1:G3'), keyResults: mine('Key Results', 'A1:J3') };
    click(rt, id, 'setUpWorkbook', 'NO');
    expect(mine('My notes', 'A1:A3')).toEqual(before.notes);
    expect(rt.store.formulas(id, 'My notes', 'A2')).toEqual([['=1+1']]);
    expect(mine('Objectives', 'A1:G3')).toEqual(before.objectives);
    expect(mine('Key Results', 'A1:J3')).toEqual(before.keyResults);
    expect(mine('Objectives', 'H1:I1')).toEqual([['Weight', 'Progress']]);
    expect(mine('Objectives', 'J1')).toEqual([['Status']]);
    expect(mine('Key Results', 'K1:O1')).toEqual([['Unit', 'Weight', 'Confidence', 'Status', 'Last check-in']]);
    // Their hand-typed Progress column is theirs: no formula over it, and they are told why.
    expect(rt.store.formulas(id, 'Key Results', 'I1:I2')).toEqual([[''], ['']]);
    expect(lastAlert(rt)).toMatch(
      /the Progress column of Key Results holds values, so its formula was not added \(clear I2:I to let OKR Sheets fill it\)/,
    );
    expect(rt.store.sheetNames(id)).toEqual([
      'My notes',
      'Objectives',
      'Key Results',
      'Check-ins',
      'People',
      'Settings',
      'Cycles',
      'Teams',
      'Linked OKRs',
      'Guide',
    ]);
  });

  it('puts formulas where the columns really are, and offers no examples when OKRs exist', () => {
    const { rt, id } = userWorkbook();
    click(rt, id, 'setUpWorkbook');
    expect(rt.store.formulas(id, 'Objectives', 'I1')).toEqual([
      [
        "={\"Progress\"; OKR_OBJECTIVE_PROGRESS(B2:B, G2:G, H2:H, {'Key Results'!B2:B; 'Linked OKRs'!F2:F}, {'Key Results'!I2:I; 'Linked OKRs'!H2:H}, {'Key Results'!L2:L; 'Linked OKRs'!G2:G}, OKR_WORKBOOK_NAME, {'Key Results'!A2:A; ARRAYFORMULA(IF('Linked OKRs'!B2:B=\"\", \"\", 'Linked OKRs'!A2:A&\"/\"&'Linked OKRs'!B2:B))})}",
      ],
    ]);
    // The rollup reads their hand-typed progress: 0.9 for KR1, nothing yet for KR2, so O2 (aligned to O1) has
    // none and counts as 0 beside KR1: O1 is (0.9 + 0) / 2.
    expect(records(rt, id, 'Objectives').map((r) => r.Progress)).toEqual([0.45, '']);
    expect(lastAlert(rt)).not.toMatch(/example/);
  });

  it('refuses, changing nothing, when a table tab was renamed', () => {
    const { rt, id } = userWorkbook();
    byHand(rt, id).getSheetByName('Key Results')!.setName('KRs');
    const before = JSON.stringify(rt.store.toJSON());
    click(rt, id, 'setUpWorkbook');
    expect(lastAlert(rt)).toBe(
      'The tab "KRs" looks like the Key Results tab, renamed. Rename it back to "Key Results" (OKR Sheets finds its tables by name) and run set-up again. Nothing was changed.',
    );
    expect(JSON.stringify(rt.store.toJSON())).toBe(before);
  });

  it('refuses, changing nothing, when header cells are merged', () => {
    const { rt, id } = userWorkbook();
    byHand(rt, id).getSheetByName('Objectives')!.getRange('C1:D1').merge();
    const before = JSON.stringify(rt.store.toJSON());
    click(rt, id, 'setUpWorkbook');
    expect(lastAlert(rt)).toMatch(/^The header cells Objectives!C1:D1 are merged\. Unmerge them/);
    expect(JSON.stringify(rt.store.toJSON())).toBe(before);
  });

  it('tells the person nothing changed when someone else holds the workbook', () => {
    const { rt, id } = userWorkbook();
    const release = rt.holdLock('document', id);
    const before = JSON.stringify(rt.store.toJSON());
    click(rt, id, 'setUpWorkbook');
    expect(lastAlert(rt)).toMatch(/^Someone else is changing this workbook with OKR Sheets right now\. Nothing was changed/);
    expect(JSON.stringify(rt.store.toJSON())).toBe(before);
    release();
  });
});
