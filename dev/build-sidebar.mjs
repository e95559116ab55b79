// Builds the add-on's HTML pages, each one self-contained file: HtmlService
// serves a project file as is, and a page may load nothing from elsewhere
// that we would rather not depend on, so esbuild bundles each page's script
// and style and both are inlined into its template. dist/Sidebar.html is the
// check-in panel; dist/Suggestions.html the Apply suggested metrics dialog;
// dist/Summaries.html the Email summaries dialog; dist/CloseCycle.html the
// Close the cycle dialog.
// Run directly (`node dev/build-sidebar.mjs`) or imported by dev/build.ts.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIDEBAR = path.join(ROOT, 'sidebar');

/** Each page: its file in dist/, its sources in sidebar/, and its size budget (Sheets loads it on every open). */
export const PAGES = [
  // The budget for the panel.
  { name: 'Sidebar', script: 'main.ts', style: 'style.css', template: 'index.html', budget: 60 * 1024 },
  { name: 'Suggestions', script: 'suggestions.ts', style: 'suggestions.css', template: 'suggestions.html', budget: 20 * 1024 },
  { name: 'Summaries', script: 'summaries.ts', style: 'summaries.css', template: 'summaries.html', budget: 25 * 1024 },
  { name: 'CloseCycle', script: 'close-cycle.ts', style: 'close-cycle.css', template: 'close-cycle.html', budget: 20 * 1024 },
];

/** The check-in panel's budget, in bytes. */
export const SIDEBAR_BUDGET = PAGES[0].budget;

async function bundle(entry) {
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
  });
  return result.outputFiles[0].text.trim();
}

/** Writes `<dist>/<page.name>.html` and returns its size in bytes; throws past its budget. */
async function buildPage(page, dist) {
  const [script, style] = await Promise.all([bundle(page.script), bundle(page.style)]);
  const file = `dist/${page.name}.html`;
  // A closing tag inside the inlined code would end the element early.
  if (/<\/script/i.test(script)) throw new Error(`The ${file} script contains "</script": it would end the inline script.`);
  if (/<\/style/i.test(style)) throw new Error(`The ${file} style contains "</style": it would end the inline style.`);
  const template = fs.readFileSync(path.join(SIDEBAR, page.template), 'utf8');
  // Replacer functions, so a "$&" in the code is not read as a pattern.
  const html = template.replace('/*STYLE*/', () => style).replace('/*SCRIPT*/', () => script);
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, `${page.name}.html`), html);
  const size = Buffer.byteLength(html);
  if (size > page.budget) throw new Error(`${file} is ${size} bytes: over the ${page.budget}-byte budget.`);
  return size;
}

/** Writes every page into `dist` and returns each one's size in bytes, by name. */
export async function buildPages(dist = path.join(ROOT, 'dist')) {
  const sizes = {};
  for (const page of PAGES) sizes[page.name] = await buildPage(page, dist);
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, size] of Object.entries(await buildPages())) console.log(`dist/${name}.html: ${size} bytes`);
}
