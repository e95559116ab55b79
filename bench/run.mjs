// `npm run bench` runs this with plain Node: it bundles the report's
// TypeScript (bench/report.ts) with esbuild, as `npm start` does the
// playground's, and runs it. The report builds dist/ first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTypeScript } from '../dev/run-typescript.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
await runTypeScript(path.join(here, 'report.ts'), path.join(here, '..', '.bench', 'report.mjs'));
