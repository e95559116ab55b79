// The Close the cycle dialog's words (sidebar/close-cycle-text.ts) in Node:
// counts and plurals, the summary and the question, the result, dates read
// as the day they name wherever the browser is.
import { expect, test } from 'vitest';
import { closedText, confirmText, dayText, lengthText, nextCycleProblem, scoreText, summaryText } from '../../sidebar/close-cycle-text';
import type { CycleReview, ReviewKeyResult, ReviewObjective } from '../../src/shared/cycle-review-api';

const kr = (id: string): ReviewKeyResult => ({
  id,
  title: id,
  owner: '',
  progress: 0.5,
  score: 0.5,
  status: 'on track',
  checkins: 1,
  done: false,
});
const objective = (id: string, krs: number): ReviewObjective => ({
  id,
  title: id,
  team: '',
  owner: '',
  progress: 0.5,
  score: 0.5,
  status: 'on track',
  checkins: krs,
  keyResults: Array.from({ length: krs }, (_, i) => kr(`${id}-KR${i + 1}`)),
});
const review = (...krs: number[]): CycleReview => ({
  cycle: '2026-Q4',
  nextCycle: '2027-Q1',
  closedOn: null,
  notices: [],
  objectives: krs.map((n, i) => objective(`O${i + 1}`, n)),
});

test("the summary line: the issue's example, singulars, nothing carried, and no next cycle yet", () => {
  expect(summaryText(review(3, 3, 3, 2), '2027-Q1', 3)).toBe(
    'Closing 2026-Q4 archives 4 objectives and 11 key results, carries 3 key results over to 2027-Q1, and makes 2027-Q1 the current cycle.',
  );
  expect(summaryText(review(1), ' 2027-H1 ', 1)).toBe(
    'Closing 2026-Q4 archives 1 objective and 1 key result, carries 1 key result over to 2027-H1, and makes 2027-H1 the current cycle.',
  );
  expect(summaryText(review(), '2027-Q1', 0)).toBe(
    'Closing 2026-Q4 archives no objectives and no key results, carries nothing over, and makes 2027-Q1 the current cycle.',
  );
  expect(summaryText(review(2), '  ', 0)).toBe('Closing 2026-Q4 archives 1 objective and 2 key results. Write the next cycle to close it.');
});

test('the question before closing says there is no way back', () => {
  expect(confirmText(review(2, 1), '2027-Q1', 2)).toBe(
    'Close 2026-Q4 for good? It archives 2 objectives and 3 key results as they stand, carries 2 key results over to 2027-Q1, and makes 2027-Q1 the current cycle. This cannot be undone.',
  );
});

test('what closing did', () => {
  expect(closedText('2026-Q4', { archived: 15, carriedOver: 3, cycle: '2027-Q1' })).toBe(
    '2026-Q4 is closed: 15 rows were added to the Archive tab, 3 key results were carried over to 2027-Q1, and 2027-Q1 is now the current cycle.',
  );
  expect(closedText('2026', { archived: 1, carriedOver: 0, cycle: '2027' })).toBe(
    '2026 is closed: 1 row was added to the Archive tab, nothing was carried over, and 2027 is now the current cycle.',
  );
});

test('dates are the day they name, in any time zone; anything else shows as it came', () => {
  expect(dayText('2026-12-01')).toBe('1 Dec 2026');
  expect(dayText('2027-01-31')).toBe('31 Jan 2027');
  expect(dayText('yesterday <b>')).toBe('yesterday <b>');
  expect(dayText('2026-13-45')).toBe('2026-13-45');
});

test('scores with one decimal, lengths against the 500-character limit, the next cycle checked before sending', () => {
  expect([0, 0.3, 0.7, 1, null].map(scoreText)).toEqual(['0.0', '0.3', '0.7', '1.0', '—']);
  expect(lengthText(0)).toBe('0 of 500 characters');
  expect(lengthText(500)).toBe('500 of 500 characters');
  expect(lengthText(501)).toBe('1 character over the 500-character limit');
  expect(lengthText(620)).toBe('120 characters over the 500-character limit');
  expect(nextCycleProblem(review(1), '2027-Q1')).toBeUndefined();
  expect(nextCycleProblem(review(1), ' ')).toBe('Write the cycle that comes next, such as 2027-Q1.');
  expect(nextCycleProblem(review(1), '2026-q4')).toBe('The next cycle must come after 2026-Q4.');
});
