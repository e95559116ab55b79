// `npm run bench`: builds dist/, runs each section of the report in turn,
// prints the report and writes it to docs/benchmarks.md. Each section is a
// function of its own file in bench/sections/ returning Markdown.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, buildAddon } from '../dev/build';
import { Section } from './section';
import { calls } from './sections/calls';
import { formulas } from './sections/formulas';
import { load } from './sections/load';
import { machine } from './sections/machine';
import { naive } from './sections/naive';
import { panel } from './sections/panel';
import { scale } from './sections/scale';

const SECTIONS: Section[] = [machine, formulas, calls, naive, load, panel, scale];

const OUT = path.join(ROOT, 'docs', 'benchmarks.md');

await buildAddon();
const parts: string[] = [];
for (const section of SECTIONS) {
  process.stderr.write(`bench: ${section.title}…\n`);
  const started = performance.now();
  const body = await section.run();
  process.stderr.write(`bench: ${section.title} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  parts.push(`## ${section.title}\n\n${body.trim()}\n`);
}
const report = `# Benchmarks\n\nWritten by \`npm run bench\`; do not edit by hand (the text comes from \`bench/\`).\n\n${parts.join('\n')}`;
fs.writeFileSync(OUT, report);
process.stdout.write(report);
process.stderr.write(`bench: written to ${path.relative(process.cwd(), OUT)}\n`);
