// What the Close the cycle dialog says, as pure functions of the review and
// the person's choices, so the words are tested without a browser.
import type { CycleClosed, CycleReview } from '../src/shared/cycle-review-api';
import { REFLECTION_MAX } from '../src/shared/cycle-review-api';

/** "1 key result", "3 key results", "no key results". */
export function count(n: number, one: string, many: string): string {
  return `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;
}

/** The cycle's key results, all objectives together. */
export function keyResultCount(review: CycleReview): number {
  return review.objectives.reduce((sum, objective) => sum + objective.keyResults.length, 0);
}

/** "archives 4 objectives and 11 key results" */
function archives(review: CycleReview): string {
  return `archives ${count(review.objectives.length, 'objective', 'objectives')} and ${count(keyResultCount(review), 'key result', 'key results')}`;
}

/** "carries 3 key results over to 2027-Q1" */
function carries(carried: number, next: string): string {
  return carried === 0 ? 'carries nothing over' : `carries ${count(carried, 'key result', 'key results')} over to ${next}`;
}

/**
 * What closing will do, before the person confirms: "Closing 2026-Q4 archives
 * 4 objectives and 11 key results, carries 3 key results over to 2027-Q1, and
 * makes 2027-Q1 the current cycle."
 */
export function summaryText(review: CycleReview, nextCycle: string, carried: number): string {
  const next = nextCycle.trim();
  if (!next) return `Closing ${review.cycle} ${archives(review)}. Write the next cycle to close it.`;
  return `Closing ${review.cycle} ${archives(review)}, ${carries(carried, next)}, and makes ${next} the current cycle.`;
}

/** The question Close asks: the same facts, and that there is no way back. */
export function confirmText(review: CycleReview, nextCycle: string, carried: number): string {
  const next = nextCycle.trim();
  return `Close ${review.cycle} for good? It ${archives(review)} as they stand, ${carries(carried, next)}, and makes ${next} the current cycle. This cannot be undone.`;
}

/** What closeCycle did, in a sentence. */
export function closedText(closed: string, result: CycleClosed): string {
  const carried =
    result.carriedOver === 0
      ? 'nothing was carried over'
      : `${count(result.carriedOver, 'key result was', 'key results were')} carried over to ${result.cycle}`;
  return `${closed} is closed: ${count(result.archived, 'row was', 'rows were')} added to the Archive tab, ${carried}, and ${result.cycle} is now the current cycle.`;
}

/** "1 Dec 2026" for 2026-12-01, read as the date it names wherever the browser is; the text itself when it is no such date. */
export function dayText(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A score as OKR_SCORE gives it, one decimal: "0.7"; "—" when there is none. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : score.toFixed(1);
}

/** The live count under a reflection: "120 of 500 characters", or how far over it is. */
export function lengthText(length: number): string {
  if (length > REFLECTION_MAX)
    return `${length - REFLECTION_MAX} ${length - REFLECTION_MAX === 1 ? 'character' : 'characters'} over the ${REFLECTION_MAX}-character limit`;
  return `${length} of ${REFLECTION_MAX} characters`;
}

/** Why the next cycle as typed cannot be sent, or undefined. The server checks the rest (a valid cycle, after this one). */
export function nextCycleProblem(review: CycleReview, typed: string): string | undefined {
  const next = typed.trim();
  if (!next) return 'Write the cycle that comes next, such as 2027-Q1.';
  if (next.toLowerCase() === review.cycle.trim().toLowerCase()) return `The next cycle must come after ${review.cycle}.`;
  return undefined;
}
