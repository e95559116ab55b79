// Builds dist/Sidebar.html, the check-in panel, as one self-contained file:
// HtmlService serves a project file as is, and a sidebar may load nothing from
// elsewhere that we would rather not depend on, so esbuild bundles
// sidebar/main.ts and sidebar/style.css and both are inlined into
// sidebar/index.html. Run directly (`node dev/build-sidebar.mjs`) or imported
// by dev/build.ts.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIDEBAR = path.join(ROOT, 'sidebar');

/** Sheets loads this on every panel open: the budget. */
export const SIDEBAR_BUDGET = 60 * 1024;

async function bundle(entry, loader) {
  const result = await esbuild.build({
    entryPoints: [path.join(SIDEBAR, entry)],
    bundle: true,
    write: false,
    minify: true,
    // Sheets supports current Chrome, Edge, Firefox and Safari: all run ES2020.
    target: 'es2020',
    format: 'iife',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    ...(loader ? { loader } : {}),
  });
  return result.outputFiles[0].text.trim();
}

/** Writes `<dist>/Sidebar.html` and returns its size in bytes. */
export async function buildSidebar(dist = path.join(ROOT, 'dist')) {
  const [script, style] = await Promise.all([bundle('main.ts'), bundle('style.css')]);
  // A closing tag inside the inlined code would end the element early.
  if (/<\/script/i.test(script)) throw new Error('The sidebar script contains "</script": it would end the inline script.');
  if (/<\/style/i.test(style)) throw new Error('The sidebar style contains "</style": it would end the inline style.');
  const template = fs.readFileSync(path.join(SIDEBAR, 'index.html'), 'utf8');
  // Replacer functions, so a "$&" in the code is not read as a pattern.
  const html = template.replace('/*STYLE*/', () => style).replace('/*SCRIPT*/', () => script);
  fs.mkdirSync(dist, { recursive: true });
  const file = path.join(dist, 'Sidebar.html');
  fs.writeFileSync(file, html);
  const size = Buffer.byteLength(html);
  if (size > SIDEBAR_BUDGET) throw new Error(`dist/Sidebar.html is ${size} bytes: over the ${SIDEBAR_BUDGET}-byte budget.`);
  return size;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = await buildSidebar();
  console.log(`dist/Sidebar.html: ${size} bytes`);
}
