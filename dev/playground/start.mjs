// `npm start` runs this with plain Node: it bundles the playground's
// TypeScript entry with esbuild (already a dependency) and runs it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTypeScript } from '../run-typescript.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
await runTypeScript(path.join(here, 'main.ts'), path.resolve(here, '../..', '.playground', 'build', 'main.mjs'));
