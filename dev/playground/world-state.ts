// The runtime's part of the playground's state file. Since version 2 of the
// file it is Runtime.snapshot() as is. Version 1 files, saved before the runtime
// had snapshot(), held the store and the world's parts side by side; they are
// read by turning them into a snapshot, so a person's playground survives the
// upgrade (the next save writes version 2).

import type { Runtime, RuntimeState } from '../runtime/index';
import { STATE_FORMAT } from '../runtime/index';

/** The latest log lines kept across restarts. */
const KEPT_LOGS = 500;

export function saveRuntime(runtime: Runtime): RuntimeState {
  const state = runtime.snapshot();
  return { ...state, logs: state.logs.slice(-KEPT_LOGS) };
}

/** Version 1's `workbooks`: the store, and the world's parts that were kept. */
interface Version1 {
  store?: unknown;
  world?: {
    properties?: unknown;
    triggers?: unknown;
    outbox?: unknown;
    mailUsage?: unknown;
    authorization?: unknown;
    logs?: unknown;
  };
  people?: unknown;
  used?: unknown;
}

/**
 * A version 1 `workbooks` in version 2's shape. Only the layout changes: the
 * runtime's restore still checks every part and names the one at fault.
 */
export function upgradeVersion1(workbooks: unknown): Record<string, unknown> {
  if (workbooks === null || typeof workbooks !== 'object') throw new Error('"workbooks" must be an object');
  const { store, world, people, used } = workbooks as Version1;
  if (world === null || typeof world !== 'object') throw new Error('"world" is missing');
  const runtime = {
    format: STATE_FORMAT,
    store,
    properties: world.properties,
    triggers: world.triggers,
    // Version 1 did not keep the counter; 1 lets the runtime continue after the highest id restored.
    nextTriggerNumber: 1,
    outbox: world.outbox,
    mailUsage: world.mailUsage,
    // Version 1 kept authorization alone of the users' settings.
    users: { authorization: world.authorization, hiddenEmails: [], locales: {} },
    logs: world.logs,
  };
  return { runtime, people, used };
}
