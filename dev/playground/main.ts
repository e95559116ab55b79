// `npm start`: builds the add-on as `npm run push` would, then serves the
// playground. Flags: --port N (or PORT=N), --reset (seed a fresh demo).

import path from 'node:path';
import { DIST, ROOT, buildAddon } from '../build';
import { parseArgs } from './args';
import { PortInUseError, startPlayground } from './server';

async function main(): Promise<void> {
  const { port, reset } = parseArgs(process.argv.slice(2), process.env);
  console.log('Building the add-on (dist/Code.js)…');
  await buildAddon();
  const playground = await startPlayground({ port, reset, stateDir: path.join(ROOT, '.playground'), dist: DIST });
  if (playground.notice) console.warn(playground.notice);
  console.log(`OKR Sheets playground: ${playground.url}  (state: ${path.relative(ROOT, playground.stateFile)}; Ctrl+C stops)`);
  const stop = (): void => void playground.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // One line for what a person can fix (a port in use, a bad flag); the stack only for a crash.
  const expected = error instanceof PortInUseError || (error instanceof Error && /^(Unknown option|The port)/.test(error.message));
  console.error(expected ? (error as Error).message : error);
  process.exit(1);
});
