// google.script.run as a typed promise API, for the check-in panel and the
// Apply suggested metrics, Email summaries and Close the cycle dialogs. The
// names and types come from the contracts shared with src/main.ts, so a
// renamed server function or a changed argument fails the type check here
// rather than in a person's panel.
import type { CheckinServer } from '../src/shared/checkin-api';
import type { CloseCycleServer } from '../src/shared/cycle-review-api';
import type { SuggestionServer } from '../src/shared/suggestions-api';
import type { SummaryServer } from '../src/shared/summary-api';

/** Every server function a page calls. */
type Server = CheckinServer & SuggestionServer & SummaryServer & CloseCycleServer;

export type ServerName = keyof Server;

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
}

declare const google: { script: { run: Runner } } | undefined;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Calls a server function. Calls run one after another: Google runs at most
 * ten at once and fails the rest, and nothing in the panel gains from overlap.
 */
export function call<N extends ServerName>(name: N, ...args: Parameters<Server[N]>): Promise<ReturnType<Server[N]>> {
  const run = () => send(name, args) as Promise<ReturnType<Server[N]>>;
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

function send(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(new Error('This page works inside Google Sheets: open it from Extensions > OKR Sheets.'));
      return;
    }
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler((error) => reject(asError(error)));
    (runner as unknown as Record<string, (...a: unknown[]) => void>)[name]!(...args);
  });
}

/** google.script.run hands the failure handler an Error, but a string is possible from older hosts. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const message =
    typeof error === 'object' && error && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  return new Error(message);
}
