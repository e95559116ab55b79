// Bundles the engine worker (a file: worker threads load files) and the page's
// script (kept in memory and served) with esbuild, at every start, so the
// playground needs no build step of its own and no global tools.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { keepSourceUrls } from './esbuild-paths.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface Bundles {
  workerFile: string;
  clientJs: string;
  clientCss: string;
  indexHtml: string;
}

const built = new Map<string, Promise<Bundles>>();

/** Bundles once per process and folder: a restart of the server in the same process reuses them. */
export function bundlePlayground(outDir: string): Promise<Bundles> {
  let bundles = built.get(outDir);
  if (!bundles) {
    bundles = bundle(outDir);
    built.set(outDir, bundles);
    bundles.catch(() => built.delete(outDir));
  }
  return bundles;
}

async function bundle(outDir: string): Promise<Bundles> {
  fs.mkdirSync(outDir, { recursive: true });
  const workerFile = path.join(outDir, 'engine-worker.mjs');
  const [, client] = await Promise.all([
    build({
      entryPoints: [path.join(HERE, 'engine-worker.ts')],
      outfile: workerFile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      plugins: [keepSourceUrls],
      logLevel: 'silent',
    }),
    build({
      entryPoints: [path.join(HERE, 'client', 'main.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2020',
      write: false,
      logLevel: 'silent',
    }),
  ]);
  return {
    workerFile,
    clientJs: client.outputFiles[0]!.text,
    clientCss: fs.readFileSync(path.join(HERE, 'client', 'style.css'), 'utf8'),
    indexHtml: fs.readFileSync(path.join(HERE, 'client', 'index.html'), 'utf8'),
  };
}
