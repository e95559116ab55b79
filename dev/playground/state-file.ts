import fs from 'node:fs';
import path from 'node:path';

/**
 * The version written. 2: the runtime's state is Runtime.snapshot(); 1 (still
 * read, see world-state.ts) held the runtime's store and world side by side.
 */
export const STATE_VERSION = 2;
const READABLE_VERSIONS: readonly number[] = [1, 2];

/** What `.playground/state.json` holds; `version` tells which layout the rest has. */
export interface SavedState {
  version: number;
  savedAt: string;
  [key: string]: unknown;
}

export type LoadResult =
  | { kind: 'missing' }
  | { kind: 'loaded'; state: SavedState }
  /** The file could not be used; it was moved aside to `movedTo`, never overwritten. */
  | { kind: 'corrupt'; problem: string; movedTo: string };

/**
 * Writes the whole state atomically: a temp file in the same folder, then a
 * rename, so a crash mid-write leaves the previous state whole.
 */
export function writeState(file: string, state: Omit<SavedState, 'version' | 'savedAt'>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const body: SavedState = { version: STATE_VERSION, savedAt: new Date().toISOString(), ...state };
  fs.writeFileSync(temp, JSON.stringify(body));
  fs.renameSync(temp, file);
}

/**
 * Reads the state file. A file that is not JSON, or not this format, is moved
 * to `state.json.corrupt-<timestamp>` so the person can inspect or repair it.
 * `check` validates (and upgrades) the parts the caller needs and throws a readable problem.
 */
export function readState(file: string, check: (state: SavedState) => void): LoadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const state = JSON.parse(text) as unknown;
    if (state === null || typeof state !== 'object' || Array.isArray(state)) throw new Error('the file does not hold a JSON object');
    const version = (state as { version?: unknown }).version;
    if (typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
      throw new Error(`unknown format version ${JSON.stringify(version)} (expected ${READABLE_VERSIONS.join(' or ')})`);
    }
    check(state as SavedState);
    return { kind: 'loaded', state: state as SavedState };
  } catch (error) {
    const problem =
      error instanceof SyntaxError ? `not valid JSON: ${error.message}` : error instanceof Error ? error.message : String(error);
    const movedTo = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, movedTo);
    return { kind: 'corrupt', problem, movedTo };
  }
}
