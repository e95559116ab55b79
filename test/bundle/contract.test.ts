import vm from 'node:vm';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../dev/build';
import { FORMULAS, paramDoc, signature } from '../../src/formulas/contract';
import { bundleSource, loadBundle } from './bundle';

// src/formulas/contract.ts is the one table of formulas. The JSDoc Sheets shows
// stays literal in src/main.ts (the build copies it onto the stubs in
// dist/Code.js), and the README has its own table: both must say the same.

/** The lines of the JSDoc block right above `function NAME(` in the bundle, without the comment markers. */
function jsdoc(source: string, name: string): string[] {
  const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\n\\s*function ${name}\\(`).exec(source);
  if (!match) throw new Error(`${name} has no JSDoc block in dist/Code.js`);
  return match[1]!
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd())
    .filter((line, i, lines) => line !== '' || (i > 0 && i < lines.length - 1));
}

describe('the formula contract', () => {
  const source = bundleSource();

  it.each(FORMULAS.map((f) => [f.name, f] as const))('%s: the JSDoc in src/main.ts says what the contract says', (name, formula) => {
    const lines = jsdoc(source, name);
    const tags = lines.filter((line) => line.startsWith('@'));
    const description = lines.slice(0, lines.indexOf('')).filter((line) => line !== '');
    expect(description).toEqual([...formula.description]);
    expect(tags).toEqual([
      ...formula.params.map((p) => `@param ${paramDoc(p)}`),
      `@return ${formula.returns}`,
      '@customfunction',
      '@preserve',
    ]);
  });

  it("the README's table of formulas is the contract's, row for row", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| `OKR_[A-Z_]+\(/.test(line));
    expect(rows).toEqual(FORMULAS.map((f) => `| \`${signature(f)}\` | ${f.gives} | ${f.example} |`));
  });

  it('the Help dialog lists every formula with its parameters', async () => {
    const { formulaHelp } = await import('../../src/formulas/contract');
    for (const formula of FORMULAS) expect(formulaHelp()).toContain(`=${signature(formula)}: `);
  });
});

describe("the formulas' messages name arguments as the contract does", () => {
  // One call per parameter, through dist/Code.js, with that argument bad and the others good;
  // null where no value is bad (any id can be rolled up; any import gives rows, broken or not).
  const BAD: Record<string, Record<string, string | null>> = {
    OKR_PROGRESS: {
      start: 'OKR_PROGRESS("x", 10, 5)',
      target: 'OKR_PROGRESS(0, "x", 5)',
      current: 'OKR_PROGRESS(0, 10, "x")',
      metric: 'OKR_PROGRESS(0, 10, 5, "grow")',
    },
    OKR_ROLLUP: {
      ids: null,
      child_parent_ids: 'OKR_ROLLUP([["O1"]], [["O1"],["O1"]], [[0.5],[0.5],[0.5]])',
      child_progress: 'OKR_ROLLUP([["O1"]], [["O1"],["O1"]], [[0.5],[0.5],[0.5]])',
      child_weights: 'OKR_ROLLUP([["O1"]], [["O1"]], [[0.5]], [["heavy"]])',
    },
    OKR_OBJECTIVE_PROGRESS: {
      ids: 'OKR_OBJECTIVE_PROGRESS([["O1"],["O2"]], [[""]], [[""],[""],[""]], [["O1"]], [[0.5]])',
      aligned_to: 'OKR_OBJECTIVE_PROGRESS([["O1"],["O2"]], [[""],[""],[""]], [[""],[""]], [["O1"]], [[0.5]])',
      weights: 'OKR_OBJECTIVE_PROGRESS([["O1"],["O2"]], [[""],["O1"]], [[""],[-1]], [["O2"]], [[0.5]])',
      child_parent_ids: 'OKR_OBJECTIVE_PROGRESS([["O1"]], [[""]], [[""]], [["O1"],["O1"]], [[0.5],[0.5],[0.5]])',
      child_progress: 'OKR_OBJECTIVE_PROGRESS([["O1"]], [[""]], [[""]], [["O1"]], [["x"]])',
      child_weights: 'OKR_OBJECTIVE_PROGRESS([["O1"]], [[""]], [[""]], [["O1"]], [[0.5]], [["heavy"]])',
      workbook: 'OKR_OBJECTIVE_PROGRESS([["O1"]], [[""]], [[""]], [["O1"]], [[0.5]], [[1]], [["A"],["B"]])',
      child_ids: 'OKR_OBJECTIVE_PROGRESS([["O1"]], [[""]], [[""]], [["O1"]], [[0.5]], [[1]], "A", [["KR1"],["KR2"]])',
    },
    OKR_EXPECTED: {
      cycle: 'OKR_EXPECTED("soon", new Date())',
      as_of: 'OKR_EXPECTED("2026-Q4", "x")',
      cycles: 'OKR_EXPECTED("2026-Q4", new Date(), "x")',
      fiscal_start: 'OKR_EXPECTED("FY2027-Q1", new Date(), "", "Smarch")',
      fiscal_naming: 'OKR_EXPECTED("FY2027-Q1", new Date(), "", 2, "middle")',
    },
    OKR_FORECAST: {
      kr_ids: 'OKR_FORECAST([["KR1"],["KR2"]], [[0],[0],[0]], 10, "", "KR1", "2026-11-02", 5, "2026-Q4")',
      start: 'OKR_FORECAST("KR1", "x", 10, "", "KR1", "2026-11-02", 5, "2026-Q4")',
      target: 'OKR_FORECAST("KR1", 0, "x", "", "KR1", "2026-11-02", 5, "2026-Q4")',
      metric: 'OKR_FORECAST("KR1", 0, 10, "grow", "KR1", "2026-11-02", 5, "2026-Q4")',
      checkin_kr_ids: 'OKR_FORECAST("KR1", 0, 10, "", [["KR1"],["KR1"]], [["2026-11-02"]], [[5],[6],[7]], "2026-Q4")',
      checkin_times: 'OKR_FORECAST("KR1", 0, 10, "", "KR1", "soon", 5, "2026-Q4")',
      checkin_values: 'OKR_FORECAST("KR1", 0, 10, "", "KR1", "2026-11-02", "abc", "2026-Q4", "2026-11-15")',
      cycle: 'OKR_FORECAST("KR1", 0, 10, "", "KR1", "2026-11-02", 5, "soon")',
      as_of: 'OKR_FORECAST("KR1", 0, 10, "", "KR1", "2026-11-02", 5, "2026-Q4", "x")',
      cycles: 'OKR_FORECAST("KR1", 0, 10, "", "KR1", "2026-11-02", 5, "2026-Q4", "", "x")',
      fiscal_start: 'OKR_FORECAST("KR1", 0, 10, "", "KR1", "2026-11-02", 5, "FY2027-Q1", "", "", "Smarch")',
      fiscal_naming: 'OKR_FORECAST("KR1", 0, 10, "", "KR1", "2026-11-02", 5, "FY2027-Q1", "", "", 2, "middle")',
    },
    OKR_CHECKIN_RATE: {
      kr_ids: 'OKR_CHECKIN_RATE([["KR1"],["KR2"]], [[""],[""],[""]])',
      last_checkins: 'OKR_CHECKIN_RATE([["KR1"]], [["soon"]])',
      cadence: 'OKR_CHECKIN_RATE([["KR1"]], [[""]], "daily")',
      as_of: 'OKR_CHECKIN_RATE([["KR1"]], [[""]], "weekly", "x")',
    },
    OKR_STATUS: {
      progress: 'OKR_STATUS("x", 0.5)',
      expected: 'OKR_STATUS(0.5, "x")',
      at_risk_gap: 'OKR_STATUS(0.5, 0.5, -1)',
      off_track_gap: 'OKR_STATUS(0.5, 0.5, 0.1, -1)',
      metric: 'OKR_STATUS(0.5, 0.5, "", "", "grow")',
      confidence: 'OKR_STATUS(0, 0.5, "", "", "milestone", 11)',
    },
    OKR_SCORE: { progress: 'OKR_SCORE("x")' },
    OKR_LINKED: {
      team: 'OKR_LINKED([["A"],["B"]], [["ID"]])',
      imported: null,
    },
    OKR_CYCLE_STATS: { archive: 'OKR_CYCLE_STATS("x")' },
    OKR_VALIDATE: {
      objectives: 'OKR_VALIDATE("x", [["ID"]])',
      key_results: 'OKR_VALIDATE([["ID"]], "x")',
      cycles: 'OKR_VALIDATE([["ID"]], [["ID"]], "x")',
      fiscal_start: 'OKR_VALIDATE([["ID"]], [["ID"]], "", "Smarch")',
      fiscal_naming: 'OKR_VALIDATE([["ID"]], [["ID"]], "", 2, "middle")',
    },
  };
  const context = loadBundle({
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => 'Etc/UTC' }) },
    Session: { getScriptTimeZone: () => 'Etc/UTC' },
    Utilities: { formatDate: (date: Date) => date.toISOString().slice(0, 23) },
  });
  const messageOf = (source: string): string => {
    try {
      const result = vm.runInContext(source, context);
      return String(Array.isArray(result) ? result.flat().find((cell) => /^invalid: /.test(String(cell))) : result);
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('has a bad call for every parameter of every formula', () => {
    expect(Object.fromEntries(Object.entries(BAD).map(([name, params]) => [name, Object.keys(params)]))).toEqual(
      Object.fromEntries(FORMULAS.map((f) => [f.name, f.params.map((p) => p.name)])),
    );
  });

  const cases = FORMULAS.flatMap((f) => f.params.map((p) => [f.name, p.name] as const)).filter(([f, p]) => BAD[f]?.[p] !== null);
  it.each(cases)('%s names %s when it is bad', (formula, param) => {
    expect(messageOf(BAD[formula]![param]!)).toMatch(new RegExp(`(^|invalid: |\\b)${param}\\b`));
  });
});
