import { describe, expect, it } from 'vitest';
import { SECTION_CAP, escape, summaryMail } from '../../src/okr/summary-mail';
import { Summary, SummaryItem } from '../../src/okr/summary';

const item = (i: number, status: string): SummaryItem => ({
  kind: 'key result',
  id: `KR${i}`,
  title: `<b>A long key result title that goes on and on to fill a phone screen ${'x'.repeat(150)}</b> & more`,
  owner: `owner${i}@example.com`,
  team: 'Team',
  status,
  progress: (i % 10) / 10,
  confidence: i % 11,
  progressChange: 0.05,
  confidenceChange: 1,
  note: `"${'A note of five hundred characters, '.repeat(14)}"`,
  lastCheckin: '2026-11-01',
});

/** A company: 2,000 key results, every one at risk, stale, moved and won. */
function company(): Summary {
  const items = Array.from({ length: 2000 }, (_, i) => item(i, 'at risk'));
  return {
    workbook: 'Acme',
    url: 'https://docs.google.com/spreadsheets/d/x/edit',
    cycle: '2026-Q4',
    date: '2026-11-30',
    headline: { progress: 0.5, expected: 0.66, change: 0.04, problem: null },
    atRisk: items,
    stale: items.map((kr) => ({
      owner: kr.owner,
      email: kr.owner,
      keyResults: [{ id: kr.id, title: kr.title, lastCheckin: null, stale: true }],
    })),
    moved: items,
    wins: items,
    unreachable: Array.from({ length: 300 }, (_, i) => `Person ${i}`),
    unplaced: [],
    errors: 12,
    compared: true,
    owners: [],
    reminders: [],
    snapshot: [],
  };
}

describe('the summary mail', () => {
  it('escapes the five characters that make markup', () => {
    expect(escape(`<img src=x onerror="alert('1')"> & &amp;`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; &amp;amp;',
    );
  });

  it('stays under 100 KB for a company of 2,000 key results: each section capped, the rest counted', () => {
    const mail = summaryMail(company());
    const bytes = Buffer.byteLength(mail.html, 'utf8');
    expect(bytes).toBeLessThan(100 * 1024);
    expect(mail.text).toContain(`and ${2000 - SECTION_CAP} more — open the workbook`);
    expect(mail.html.match(/and 1990 more — open the workbook/g)).toHaveLength(4);
    expect(mail.html).not.toContain('<b>A long');
  });

  it('says why the headline has no number, never a partial average', () => {
    const summary = {
      ...company(),
      headline: {
        progress: null,
        expected: 0.5,
        change: null,
        problem: "Overall progress cannot be shown: O2's progress is invalid: KR3 is not a number.",
      },
    };
    const mail = summaryMail(summary);
    expect(mail.text).toContain("Overall progress cannot be shown: O2's progress is invalid: KR3 is not a number.");
    expect(mail.subject).toContain('progress not shown');
  });
});
