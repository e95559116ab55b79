// `npm start` runs this with plain Node: it bundles the playground's
// TypeScript entry with esbuild (already a dependency) and runs it.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keepSourceUrls } from './esbuild-paths.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outfile = path.join(root, '.playground', 'build', 'main.mjs');

await build({
  entryPoints: [path.join(here, 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages (webpack, esbuild) load from node_modules as they are.
  packages: 'external',
  plugins: [keepSourceUrls],
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
