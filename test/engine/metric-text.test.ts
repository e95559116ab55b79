import { describe, expect, it } from 'vitest';
import { Cell } from '../../src/okr/cells';
import { describeProposal, isUnmeasured, readMetricText } from '../../src/okr/metric-text';
import { describeWhere } from '../../src/okr/table';
import { validateOkrs } from '../../src/okr/validate';
import { cleanKeyResults, cleanObjectives, setCell } from '../fixtures/okrs';

const proposal = (metric: string, start: number | null, target: number, unit: string, phrase: string) => ({
  kind: 'proposal',
  metric,
  start,
  target,
  unit,
  phrase,
});

describe('readMetricText: the measures the issue names', () => {
  it.each([
    ['Reduce the list of sources from 74 to less than 15', proposal('decrease', 74, 15, '', 'from 74 to less than 15')],
    ['Grow NPS from 30 to 50', proposal('increase', 30, 50, '', 'from 30 to 50')],
    ['Raise availability to 99.95%', proposal('at least', null, 99.95, '%', 'to 99.95%')],
    ['Keep availability at least 99.95%', proposal('at least', null, 99.95, '%', 'at least 99.95%')],
    ['99.95% availability', proposal('at least', null, 99.95, '%', '99.95% availability')],
    ['Migrate 12 of 40 services to the new cluster', proposal('increase', 0, 40, '', '12 of 40')],
    ['Launch in 3 out of 5 markets', proposal('increase', 0, 5, '', '3 out of 5')],
  ])('%s', (sentence, expected) => {
    expect(readMetricText(sentence)).toEqual(expected);
  });

  it('gives the fractions cells formatted as percent hold, with no unit', () => {
    expect(readMetricText('Keep availability at least 99.95%', true)).toEqual(proposal('at least', null, 0.9995, '', 'at least 99.95%'));
    expect(readMetricText('99.95% availability', true)).toEqual(proposal('at least', null, 0.9995, '', '99.95% availability'));
    expect(readMetricText('Raise activation from 40% to 60%', true)).toEqual(proposal('increase', 0.4, 0.6, '', 'from 40% to 60%'));
    // A number with no percent sign in cells that show percentages would read as 3000%: no guess.
    expect(readMetricText('Grow NPS from 30 to 50', true)).toBeUndefined();
    expect(readMetricText('Grow revenue from $2 to $3', true)).toBeUndefined();
    expect(readMetricText('Grow NPS from 30 to 50', false)).toEqual(proposal('increase', 30, 50, '', 'from 30 to 50'));
  });

  it('guesses no number written with a separator where the sheet writes decimal commas', () => {
    // de_DE: 1.200 is twelve hundred and 1,5 one and a half; "1,200" or "99.95" could be either.
    expect(readMetricText('Cut cloud spend from 1.200 to 900', false, true)).toBeUndefined();
    expect(readMetricText('Cut cloud spend from $1,200 to $900', false, true)).toBeUndefined();
    expect(readMetricText('99.95% availability', false, true)).toBeUndefined();
    expect(readMetricText('Reduce the list of sources from 74 to less than 15', false, true)).toEqual(
      proposal('decrease', 74, 15, '', 'from 74 to less than 15'),
    );
  });

  it('says a sentence doubles or halves something, and proposes nothing', () => {
    expect(readMetricText('Double the trial signups')).toEqual({ kind: 'by hand', change: 'doubles', phrase: 'Double' });
    expect(readMetricText('Doubling weekly active teams')).toEqual({ kind: 'by hand', change: 'doubles', phrase: 'Doubling' });
    expect(readMetricText('Halve the time to onboard a customer')).toEqual({ kind: 'by hand', change: 'halves', phrase: 'Halve' });
    expect(readMetricText('Cut support tickets in half')).toEqual({ kind: 'by hand', change: 'halves', phrase: 'in half' });
    // With its numbers in the text, it is measured as they say.
    expect(readMetricText('Double signups from 1,000 to 2,000')).toEqual(proposal('increase', 1000, 2000, '', 'from 1,000 to 2,000'));
  });

  it('proposes nothing for ten ordinary sentences that hold no measure', () => {
    const none = [
      'Launch the partner portal',
      'Hire a head of data',
      'Reduce the list of sources',
      'Ship v2 of the app',
      'Top 3 priority for the board',
      'Close the Q3 books before the audit',
      'Publish the H1 roadmap',
      'Move billing to the new provider in 2026',
      'Run 2 design sprints a month',
      'Release 1.2.3 to the beta group',
    ];
    expect(none.map((sentence) => readMetricText(sentence))).toEqual(new Array(10).fill(undefined));
  });
});

describe('readMetricText: which way, units and what it will not guess', () => {
  it('reads "to X" as at most when the sentence says down, and qualifiers as they say', () => {
    expect(readMetricText('Reduce churn to 2%')).toEqual(proposal('at most', null, 2, '%', 'to 2%'));
    expect(readMetricText('Bring the error budget burn down to 40%')).toEqual(proposal('at most', null, 40, '%', 'to 40%'));
    expect(readMetricText('Keep page load under 2%')).toEqual(proposal('at most', null, 2, '%', 'under 2%'));
    expect(readMetricText('Keep error rate below 0.5%')).toEqual(proposal('at most', null, 0.5, '%', 'below 0.5%'));
    expect(readMetricText('At most 3 incidents a quarter')).toEqual(proposal('at most', null, 3, '', 'At most 3'));
    expect(readMetricText('Sign at least 12 partners')).toEqual(proposal('at least', null, 12, '', 'at least 12'));
    expect(readMetricText('Support tickets down to 100')).toEqual(proposal('at most', null, 100, '', 'to 100'));
    expect(readMetricText('Grow the community to 5,000 members')).toEqual(proposal('at least', null, 5000, '', 'to 5,000'));
    expect(readMetricText('Reach 40% activation')).toEqual(proposal('at least', null, 40, '%', 'Reach 40%'));
    expect(readMetricText('Keep 99.9% uptime')).toEqual(proposal('at least', null, 99.9, '%', 'Keep 99.9%'));
  });

  it('reads amounts, multipliers and words between a number and "to"', () => {
    expect(readMetricText('Cut cloud spend from $1,200 to $900')).toEqual(proposal('decrease', 1200, 900, '$', 'from $1,200 to $900'));
    expect(readMetricText('Grow pipeline coverage from 1.2× to 1.8×')).toEqual(proposal('increase', 1.2, 1.8, '×', 'from 1.2× to 1.8×'));
    expect(readMetricText('Cut first response from 8 hours to 2')).toEqual(proposal('decrease', 8, 2, '', 'from 8 hours to 2'));
    expect(readMetricText('Grow from 30 to 50%')).toEqual(proposal('increase', 30, 50, '%', 'from 30 to 50%'));
    expect(readMetricText('Grow revenue from €1,000 to €1,500.50')).toEqual(
      proposal('increase', 1000, 1500.5, '€', 'from €1,000 to €1,500.50'),
    );
  });

  it('proposes nothing it would have to guess', () => {
    const guesses = [
      'Raise NPS from 30 to 50 and cut churn to 2%', // two measures
      'Keep NPS from 30 to 30', // no change
      'Move from 10 to more than 5 regions', // the qualifier contradicts the numbers
      'Upgrade from 2025 to 2026 tooling', // years
      'Grow revenue 20% year on year', // a change, not a level
      'Reduce costs by at least 10%', // a change, not a level
      'Offer up to 20% discount to partners', // a ceiling
      '5% churn', // fewer is better, and nothing says which way
      'Grow signups and cut churn to 2%', // up and down at once
      'Keep 3 people on call', // a plain number held is no level
      'MRR to 120k', // 120k is not read
      'Deliver 3,4 and 5 of the plan', // not a number as English writes them
      'Move from $10 to 20%', // two units
      'Over 3 quarters', // a plain number over is a duration
    ];
    expect(guesses.map((sentence) => [sentence, readMetricText(sentence)])).toEqual(guesses.map((sentence) => [sentence, undefined]));
  });

  it('words a proposal as Validate and the dialog say it', () => {
    const read = (sentence: string, percent = false) => {
      const reading = readMetricText(sentence, percent);
      if (reading?.kind !== 'proposal') throw new Error(`no proposal for ${sentence}`);
      return describeProposal(reading, percent);
    };
    expect(read('Reduce the list of sources from 74 to less than 15')).toBe('decrease, start 74, target 15');
    expect(read('99.95% availability')).toBe('at least, target 99.95%');
    expect(read('99.95% availability', true)).toBe('at least, target 99.95%');
    expect(read('Cut cloud spend from $1,200 to $900')).toBe('decrease, start $1,200, target $900');
    expect(read('Migrate 12 of 40 services')).toBe('increase, start 0, target 40');
  });
});

describe('isUnmeasured: only key results not measured yet get a proposal', () => {
  it.each<[Cell, Cell, Cell, boolean]>([
    ['milestone', '', '', true],
    [' Milestone ', 74, 15, true],
    ['', '', '', true],
    ['', 74, 'less than 15', true],
    ['', 74, 15, false],
    ['increase', '', '', false],
    ['at least', '', 0.999, false],
    ['grow', '', '', false],
  ])('metric %j, start %j, target %j: %s', (metric, start, target, expected) => {
    expect(isUnmeasured(metric, start, target)).toBe(expected);
  });
});

describe('Validate: metric-in-text', () => {
  const validate = (edit: (keyResults: Cell[][]) => void, formats?: string[][]) => {
    const keyResults = cleanKeyResults();
    edit(keyResults);
    return validateOkrs(cleanObjectives(), keyResults, undefined, undefined, { keyResultFormats: formats }).filter(
      (f) => f.rule === 'metric-in-text',
    );
  };

  it('suggests the metric a milestone states, on its Key result cell, in words', () => {
    const findings = validate((keyResults) => setCell(keyResults, 3, 'Key result', 'Reduce the list of sources from 74 to less than 15'));
    expect(findings.map((f) => `${f.severity} @ ${describeWhere(f.where)}`)).toEqual(['info @ Key Results row 4, Key result']);
    expect(findings[0]!.message).toBe(
      'Key result KR3 says "from 74 to less than 15": it can be measured as decrease, start 74, target 15. Run OKR Sheets > Apply suggested metrics… to apply it.',
    );
  });

  it('suggests it for a key result with no metric and no numbers, never for one measured', () => {
    const findings = validate((keyResults) => {
      setCell(keyResults, 4, 'Target', ''); // KR4 "MRR to 120k": not read
      setCell(keyResults, 7, 'Start', ''); // KR7 "Lead time from 10 to 3 days": no start
      setCell(keyResults, 1, 'Key result', 'NPS from 30 to 60'); // measured already: increase 30 → 50
    });
    expect(findings.map((f) => describeWhere(f.where))).toEqual(['Key Results row 8, Key result']);
    expect(findings[0]!.message).toMatch(/^Key result KR7 says "from 10 to 3": it can be measured as decrease, start 10, target 3\./);
  });

  it('gives fractions where the cells are formatted as percent, and says so in percent', () => {
    const text = 'Keep availability at least 99.95%';
    const formats = cleanKeyResults().map(() => new Array(14).fill(''));
    formats[9]![6] = '0.00%'; // KR9's Target
    const findings = validate((keyResults) => setCell(keyResults, 9, 'Key result', text), formats);
    expect(findings[0]!.message).toBe(
      'Key result KR9 says "at least 99.95%": it can be measured as at least, target 99.95%. Run OKR Sheets > Apply suggested metrics… to apply it.',
    );
  });

  it('says a key result doubles or halves something and that its numbers need writing', () => {
    const findings = validate((keyResults) => {
      setCell(keyResults, 3, 'Key result', 'Double the trial signups');
      setCell(keyResults, 9, 'Key result', 'Halve the release checklist');
    });
    expect(findings.map((f) => f.message)).toEqual([
      'Key result KR3 says "Double": it doubles something, but its numbers are not in the text, so nothing can be proposed. Write its Start and Target by hand (the target twice the start), with Metric increase.',
      'Key result KR9 says "Halve": it halves something, but its numbers are not in the text, so nothing can be proposed. Write its Start and Target by hand (the target half the start), with Metric decrease.',
    ]);
  });

  it('comes after every error and warning', () => {
    const keyResults = cleanKeyResults();
    setCell(keyResults, 3, 'Key result', '99.95% availability');
    setCell(keyResults, 9, 'Owner', '');
    const findings = validateOkrs(cleanObjectives(), keyResults);
    expect(findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning missing-owner', 'info metric-in-text']);
  });
});
