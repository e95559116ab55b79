import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, Calls, budget, measure } from '../../bench/lower-bounds';

// Every action's service calls, by name, equal its budget in
// bench/lower-bounds.ts exactly (the fewest calls that can do the job, plus
// the few the table names as kept on purpose), at two workbook sizes: a call
// added by a regression fails here, and so does a count that grows with rows.

describe.each([30, 3000])('service calls at about %i key results', (keyResults) => {
  let calls: Record<string, Calls>;
  beforeAll(() => {
    calls = measure(keyResults);
  }, 600_000);

  it.each(ACTIONS.map((action) => [action.title, action] as const))('%s: exactly its budget', (_, action) => {
    expect(calls[action.key]).toEqual(budget(action, keyResults));
  });
});
