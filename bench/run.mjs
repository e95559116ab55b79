// `npm run bench` runs this with plain Node: it bundles the report's
// TypeScript (bench/report.ts) with esbuild, as `npm start` does the
// playground's, and runs it. The report builds dist/ first.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keepSourceUrls } from '../dev/playground/esbuild-paths.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, '..', '.bench', 'report.mjs');

await build({
  entryPoints: [path.join(here, 'report.ts')],
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
