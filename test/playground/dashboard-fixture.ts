// A playground workbook with what the add-on's Dashboard tab will hold: a
// SPARKLINE bar per key result and a pie chart of key results by status, made
// by a bundle of the test's own through SpreadsheetApp (no dist/ build needed).
// One status is hostile text, to show that chart labels stay text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbooks } from '../../dev/playground/workbooks';

export const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const BUNDLE = `
function makeDashboard() {
  var sheet = SpreadsheetApp.getActiveSheet();
  sheet.getRange('A1:C5').setValues([
    ['Key result', 'Progress', 'Bar'],
    ['Ship v2', 0.4, ''],
    ['Hire two', 1, ''],
    ['Cut churn', 'invalid: target is missing', ''],
    ['', '', ''],
  ]);
  for (var row = 2; row <= 5; row++) {
    sheet.getRange('C' + row).setFormula('=IF(A' + row + '="", "", SPARKLINE(B' + row + ', {"charttype","bar";"max",1;"color1","#34a853"}))');
  }
  sheet.getRange('E1:F4').setValues([['Status', 'Key results'], ['On track', 5], ['At risk', 2], [${JSON.stringify(HOSTILE)}, 1]]);
  sheet.insertChart(sheet.newChart().asPieChart().setTitle('Key results by status')
    .addRange(sheet.getRange('E1:F4')).setNumHeaders(1).setPosition(8, 2, 0, 0).build());
}
`;

export function dashboardWorkbook(): { workbooks: Workbooks; id: string } {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-dashboard-dist-'));
  fs.writeFileSync(path.join(dist, 'Code.js'), BUNDLE);
  const workbooks = new Workbooks({ dist, now: () => new Date(Date.UTC(2026, 10, 30, 10)) });
  const id = workbooks.create({ name: 'Dashboard', owner: 'ana@example.com', editors: [], timeZone: 'Etc/GMT', sheets: ['Dashboard'] });
  workbooks.runtime.run('makeDashboard', { spreadsheetId: id, user: 'ana@example.com' });
  return { workbooks, id };
}
