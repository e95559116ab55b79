// Runs a TypeScript entry with plain Node: bundles it with esbuild (already a
// dependency; npm packages stay external, loaded from node_modules as they
// are) into `outfile`, then imports it. `npm start` and `npm run bench` use it.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { keepSourceUrls } from './playground/esbuild-paths.mjs';

export async function runTypeScript(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [keepSourceUrls],
    logLevel: 'warning',
  });
  await import(pathToFileURL(outfile).href);
}
