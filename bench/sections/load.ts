import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { CODE_BUDGET, DIST } from '../../dev/build';
import { PAGES } from '../../dev/build-sidebar.mjs';
import { fmt, kb, medianMs, table } from '../measure';
import { Section } from '../section';

/** When each HTML page is loaded, by its name in dist/. */
const PAGE_USE: Record<string, string> = {
  Sidebar: 'the check-in panel, on each opening',
  Suggestions: 'the suggested-metrics dialog',
  Summaries: 'the email summaries dialog',
  CloseCycle: 'the Close the cycle dialog',
};

/** The files Apps Script serves, and the budget `npm test` holds each to (test/bundle/size.test.ts, test/sidebar/build.test.ts). */
const FILES: [string, number, string][] = [
  ['Code.js', CODE_BUDGET, 'loaded by every execution: each custom formula call, menu action, panel call and trigger'],
  ...PAGES.map((page): [string, number, string] => [`${page.name}.html`, page.budget, PAGE_USE[page.name] ?? '']),
];

/** What each execution loads: the files' sizes, and the time to load the bundle into a fresh context. */
export const load: Section = {
  title: 'What each execution loads',
  run: () => {
    const sizes = FILES.map(([name, budget, what]) => {
      const bytes = fs.readFileSync(path.join(DIST, name));
      return [`\`dist/${name}\``, kb(bytes.length), kb(zlib.gzipSync(bytes).length), kb(budget), what];
    });
    const source = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    // A comment that differs each run keeps V8 from reusing its compilation of the same text.
    let n = 0;
    const compile = () => new vm.Script(`${source}\n// run ${n++}`, { filename: 'Code.js' });
    const script = compile();
    const compileMs = medianMs(compile, 21);
    const contextMs = medianMs(() => vm.createContext({}), 21);
    const topLevelMs = medianMs(() => script.runInContext(vm.createContext({})), 21) - contextMs;
    const loadMs = medianMs(() => compile().runInContext(vm.createContext({})), 21);
    return `
${table(['file', 'raw', 'gzipped', 'budget', 'loaded'], sizes)}

\`dist/Code.js\` is minified past its entry-point stubs (\`dev/minify-bundle.cjs\`): 225.7 KB unminified before issue 20, ${kb(Buffer.byteLength(source))} now. The stubs and their JSDoc stay as written, since Sheets reads the formulas' names, parameters and help from them; \`npm run where\` reads a stack trace from the Apps Script editor back to source lines through the source map in \`.build/\`.

Loading \`dist/Code.js\` into a fresh context, as Apps Script does for each execution (median of 21 in Node on this machine):

${table(
  ['step', 'time'],
  [
    ['compile the script (no cached compilation)', `${fmt(compileMs, 2)} ms`],
    ['a fresh context', `${fmt(contextMs, 2)} ms`],
    ['run its top level (define the functions and constants; no service is touched)', `${fmt(topLevelMs, 2)} ms`],
    ['all three', `${fmt(loadMs, 2)} ms`],
  ],
)}

The top level only defines: no sheet is read and no table is built until a function is called (test/bundle/formulas-in-vm.test.ts loads it with no globals at all). Apps Script may cache the compiled script between executions; Node's figure is the cost when it does not. A custom formula written once per row pays this load once per row, which is what the formula section's "one call per row" column counts.
`;
  },
};
