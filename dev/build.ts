import webpack from 'webpack';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPages } from './build-sidebar.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
/** dist/Code.js's size budget, in bytes (test/bundle/size.test.ts says why it is what it is). */
export const CODE_BUDGET = 180 * 1024;

/** Runs the same build as `npm run build` (webpack for Code.js, esbuild for Sidebar.html and Suggestions.html), failing on any error. */
export async function buildAddon(): Promise<void> {
  const config = createRequire(import.meta.url)(path.join(ROOT, 'webpack.config.cjs')) as webpack.Configuration;
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
  await buildPages(DIST);
}
