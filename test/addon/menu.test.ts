import { describe, expect, it } from 'vitest';
import { CHAMPION, newWorkbook } from './workbook';

const ITEMS = [
  { path: 'Extensions > OKR Sheets > Check in', functionName: 'showCheckinPanel' },
  { path: 'Extensions > OKR Sheets > Set up the OKR workbook', functionName: 'setUpWorkbook' },
  { path: 'Extensions > OKR Sheets > Validate the OKRs', functionName: 'validateOkrs' },
  { path: 'Extensions > OKR Sheets > Apply suggested metrics…', functionName: 'showMetricSuggestions' },
  { path: 'Extensions > OKR Sheets > Link a team workbook…', functionName: 'linkTeamWorkbook' },
  { path: 'Extensions > OKR Sheets > Update links', functionName: 'updateLinks' },
  { path: 'Extensions > OKR Sheets > Email summaries…', functionName: 'showSummarySettings' },
  { path: 'Extensions > OKR Sheets > Build the dashboard', functionName: 'buildDashboard' },
  { path: 'Extensions > OKR Sheets > Close the cycle…', functionName: 'showCloseCycleDialog' },
  { path: 'Extensions > OKR Sheets > Help', functionName: 'showHelp' },
];

describe('the add-on menu', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('appears under AuthMode.%s, touching no document or property', (mode) => {
    const { rt, id } = newWorkbook();
    rt.open(id, { user: CHAMPION, mode });
    expect(rt.ui.menuItems(id, CHAMPION)).toEqual(ITEMS);
    const touched = Object.keys(rt.lastCalls).filter(
      (name) => !name.startsWith('Ui.') && !name.startsWith('Menu.') && name !== 'SpreadsheetApp.getUi',
    );
    expect(touched).toEqual([]);
  });

  it('is added at once when the add-on is installed', () => {
    const { rt, id } = newWorkbook();
    rt.install(id, CHAMPION);
    expect(rt.ui.menuItems(id, CHAMPION)).toEqual(ITEMS);
  });

  it('shows help in a dialog', () => {
    const { rt, id } = newWorkbook();
    rt.run('showHelp', { spreadsheetId: id, user: CHAMPION });
    expect(rt.ui.last('alert')?.message).toMatch(/=OKR_PROGRESS\(start, target, current, \[metric\]\)/);
  });
});
