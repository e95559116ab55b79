import { bench, describe } from 'vitest';
import { CallCounter, Runtime, createSpreadsheetApp } from '../dev/runtime/index';
import { KEY_RESULTS, OBJECTIVES } from '../src/okr/schema';

// The menu actions and the check-in panel through the built bundle, in the
// local runtime, on a team workbook of 100 objectives and 300 key results.
const USER = 'owner1@example.com';

function workbook(): { rt: Runtime; id: string } {
  const rt = new Runtime({ now: new Date('2026-11-15T15:00:00Z') });
  const id = rt.createSpreadsheet({ name: 'Bench', timeZone: 'Etc/UTC', owner: USER });
  rt.answer({ button: 'OK' });
  rt.run('setUpWorkbook', { spreadsheetId: id, user: USER });
  const app = createSpreadsheetApp(
    rt.store,
    { mode: 'FULL', user: USER, activeSpreadsheetId: id, calls: new CallCounter(), realm: undefined },
    () => {
      throw new Error('no ui');
    },
  );
  const spreadsheet = app.getActiveSpreadsheet();
  const objectives = Array.from({ length: 100 }, (_, o) => [
    `O${o}`,
    `Objective ${o}`,
    `owner${o % 10}@example.com`,
    `Team ${o % 20}`,
    '2026-Q4',
    '',
    '',
  ]);
  const keyResults = objectives.flatMap(([id]) =>
    [1, 2, 3].map((k) => [`${id}-KR${k}`, id, `Key result ${k}`, `owner${k}@example.com`, 'increase', 0, 100, k * 20, '', '', 6]),
  );
  spreadsheet.getSheetByName('Objectives')!.getRange(2, 1, objectives.length, 7).setValues(objectives);
  spreadsheet.getSheetByName('Key Results')!.getRange(2, 1, keyResults.length, 11).setValues(keyResults);
  void OBJECTIVES.headers;
  void KEY_RESULTS.headers;
  return { rt, id };
}

describe('menu actions and the check-in panel, 100 objectives and 300 key results', () => {
  const { rt, id } = workbook();
  let n = 0;
  bench('Validate the OKRs', () => {
    rt.answer({ button: 'OK' });
    rt.run('validateOkrs', { spreadsheetId: id, user: USER });
  });
  bench('getCheckinContext', () => {
    rt.run('getCheckinContext', { spreadsheetId: id, user: USER });
  });
  bench('submitCheckin', () => {
    n++;
    rt.run('submitCheckin', {
      spreadsheetId: id,
      user: USER,
      args: [{ id: `bench-checkin-${n}`, keyResultId: `O${n % 100}-KR1`, value: n % 100, confidence: 5, note: 'bench' }],
    });
  });
  bench('Set up the OKR workbook, again (nothing to add)', () => {
    rt.answer({ button: 'OK' });
    rt.run('setUpWorkbook', { spreadsheetId: id, user: USER });
  });
});
