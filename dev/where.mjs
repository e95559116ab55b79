// `npm run where -- Code:165:12167` (or a whole stack trace on stdin) turns
// positions in the minified dist/Code.js, as the Apps Script editor's stack
// traces give them, into source files and lines, through the source map the
// build leaves in .build/Code.js.map. Run it on the build that was pushed
// (`npm run push` builds, then uploads that same dist/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mapPath = path.join(root, '.build', 'Code.js.map');
if (!fs.existsSync(mapPath)) {
  console.error('No .build/Code.js.map: run `npm run build` (on the commit that was pushed) first.');
  process.exit(1);
}
const consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(mapPath, 'utf8')));

/** `Code:LINE:COLUMN` or `Code.js:LINE:COLUMN` (Apps Script names the file Code); columns count from 1 there. */
const POSITION = /\bCode(?:\.js|\.gs)?:(\d+):(\d+)/g;

function where(text) {
  return text.replace(POSITION, (whole, line, column) => {
    const found = consumer.originalPositionFor({ line: Number(line), column: Math.max(0, Number(column) - 1) });
    if (found.source === null) return `${whole} (not in the source map: an entry-point stub or webpack's own code)`;
    const source = found.source.replace(/^webpack:\/\/[^/]*\//, '');
    return `${source}:${found.line}:${found.column + 1}${found.name ? ` (${found.name})` : ''}`;
  });
}

const input = process.argv.length > 2 ? process.argv.slice(2).join('\n') : fs.readFileSync(0, 'utf8');
process.stdout.write(`${where(input)}\n`);
