import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { DIST } from '../../dev/build';

export const CODE_PATH = path.join(DIST, 'Code.js');

export function bundleSource(): string {
  return fs.readFileSync(CODE_PATH, 'utf8');
}

/** The custom formulas and their parameters, as the contract names them. */
export const FORMULAS: Record<string, string[]> = {
  OKR_PROGRESS: ['start', 'target', 'current', 'metric'],
  OKR_ROLLUP: ['ids', 'child_parent_ids', 'child_progress', 'child_weights'],
  OKR_EXPECTED: ['cycle', 'as_of'],
  OKR_STATUS: ['progress', 'expected', 'at_risk_gap', 'off_track_gap'],
  OKR_SCORE: ['progress'],
  OKR_VALIDATE: ['objectives', 'key_results'],
};

/**
 * Loads dist/Code.js into a fresh vm context that holds only `globals`: none
 * of Node's (no require, process, setTimeout...), as in Apps Script.
 */
export function loadBundle(globals: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...globals });
  vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  return context;
}
