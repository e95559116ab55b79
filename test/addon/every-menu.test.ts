// The first hour on a blank workbook (issue 23): a champion runs Set up, with
// or without the example OKRs, then tries every item of the add-on menu as it
// is built, and every dialog's first call. Nothing may fail or say it could
// not finish; a prompt is cancelled and a question answered No, as a careful
// first-timer would.
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../dev/runtime/index';
import type { CheckinContext } from '../../src/shared/checkin-api';
import type { CycleReview } from '../../src/shared/cycle-review-api';
import { CHAMPION, byHand, click, newWorkbook } from './workbook';

/** The dialogs' first calls, as each page makes it when it opens. */
const FIRST_CALLS: Record<string, string> = {
  showCheckinPanel: 'getCheckinContext',
  showMetricSuggestions: 'getMetricSuggestions',
  showSummarySettings: 'getSummarySettings',
  showCloseCycleDialog: 'getCycleReview',
};

function setUp(examples: 'YES' | 'NO'): { rt: Runtime; id: string } {
  const { rt, id } = newWorkbook();
  rt.open(id, { user: CHAMPION });
  click(rt, id, 'setUpWorkbook', examples);
  return { rt, id };
}

/** Clicks every menu item; returns what each showed: its alerts' messages, or the HTML page it opened. */
function tryEveryItem(rt: Runtime, id: string): { path: string; shown: string[] }[] {
  const askedBefore = rt.ui.onDialog;
  rt.ui.onDialog = (dialog) =>
    dialog.kind === 'prompt' ? { button: 'CANCEL' } : dialog.buttons.startsWith('YES_NO') ? { button: 'NO' } : { button: 'OK' };
  try {
    return rt.ui.menuItems(id, CHAMPION).map(({ path, functionName }) => {
      const before = rt.ui.dialogs.length;
      rt.run(functionName, { spreadsheetId: id, user: CHAMPION });
      const first = FIRST_CALLS[functionName];
      if (first) rt.run(first, { spreadsheetId: id, user: CHAMPION });
      return { path, shown: rt.ui.dialogs.slice(before).map((d) => `${d.kind}: ${d.title ?? ''} ${d.message ?? ''}`) };
    });
  } finally {
    rt.ui.onDialog = askedBefore;
  }
}

describe.each(['YES', 'NO'] as const)('a blank workbook set up (example OKRs: %s)', (examples) => {
  it('runs every menu item and every dialog’s first call, and none fails', () => {
    const { rt, id } = setUp(examples);
    const tried = tryEveryItem(rt, id);
    expect(tried.map((t) => t.path)).toEqual([
      'Extensions > OKR Sheets > Check in',
      'Extensions > OKR Sheets > Set up the OKR workbook',
      'Extensions > OKR Sheets > Validate the OKRs',
      'Extensions > OKR Sheets > Apply suggested metrics…',
      'Extensions > OKR Sheets > Link a team workbook…',
      'Extensions > OKR Sheets > Update links',
      'Extensions > OKR Sheets > Email summaries…',
      'Extensions > OKR Sheets > Build the dashboard',
      'Extensions > OKR Sheets > Close the cycle…',
      'Extensions > OKR Sheets > Help',
    ]);
    for (const { path, shown } of tried) {
      expect(shown.length, path).toBeGreaterThan(0);
      for (const line of shown) expect(line, path).not.toMatch(/could not finish|error:|exception/i);
    }
    expect(byHand(rt, id).getSheetByName('Dashboard')).not.toBeNull();
    // With no team listed yet, Update links says what to do first rather than "0 team workbooks linked".
    expect(tried.find((t) => t.path.endsWith('Update links'))!.shown).toEqual([
      'alert: Update links No team workbook is listed in the Teams tab yet: Link a team workbook… adds one.',
    ]);
  });

  it('closes the cycle it was set up in', () => {
    const { rt, id } = setUp(examples);
    const review = rt.run<CycleReview>('getCycleReview', { spreadsheetId: id, user: CHAMPION });
    expect(review.objectives.length > 0).toBe(examples === 'YES');
    const closed = rt.run<{ archived: number; cycle: string }>('closeCycle', {
      spreadsheetId: id,
      user: CHAMPION,
      args: [{ cycle: review.cycle, nextCycle: review.nextCycle, reflections: {}, carryOver: [] }],
    });
    expect(closed.cycle).toBe(review.nextCycle);
    const panel = rt.run<CheckinContext>('getCheckinContext', { spreadsheetId: id, user: CHAMPION });
    expect(panel.cycle).toBe(review.nextCycle);
  });
});
