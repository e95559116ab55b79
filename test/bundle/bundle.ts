import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { DIST } from '../../dev/build';
import { FORMULAS as CONTRACT } from '../../src/formulas/contract';

export const CODE_PATH = path.join(DIST, 'Code.js');

export function bundleSource(): string {
  return fs.readFileSync(CODE_PATH, 'utf8');
}

/** The custom formulas and their parameters, as the contract (src/formulas/contract.ts) names them. */
export const FORMULAS: Record<string, string[]> = Object.fromEntries(CONTRACT.map((f) => [f.name, f.params.map((p) => p.name)]));

/**
 * Loads dist/Code.js into a fresh vm context that holds only `globals`: none
 * of Node's (no require, process, setTimeout...), as in Apps Script.
 */
export function loadBundle(globals: Record<string, unknown> = {}): vm.Context {
  const context = vm.createContext({ ...globals });
  vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  return context;
}
