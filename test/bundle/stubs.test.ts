import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { FORMULAS, bundleSource } from './bundle';

/** The JSDoc block directly above `function NAME(params) {}` in the built file. */
function stub(source: string, name: string): { doc: string; params: string[] } | undefined {
  const match = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\n(?:\\s*)function ${name}\\(([^)]*)\\) \\{`).exec(source);
  if (!match) return undefined;
  return {
    doc: match[1]!,
    params: match[2]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

describe('dist/Code.js', () => {
  const source = bundleSource();

  it.each(Object.entries(FORMULAS))('declares %s at top level with its parameters and whole JSDoc', (name, params) => {
    const found = stub(source, name);
    expect(found, `${name} lost its JSDoc block or its stub`).toBeDefined();
    expect(found!.params).toEqual(params);
    expect(found!.doc).toMatch(/@customfunction/);
    const documented = [...found!.doc.matchAll(/@param \{[^}]+\} (\w+)/g)].map((m) => m[1]);
    expect(documented).toEqual(params);
    expect(found!.doc.split('\n').length).toBeGreaterThan(params.length + 3);
  });

  it('declares every entry point as a top-level function', () => {
    const program = acorn.parse(source, { ecmaVersion: 2020, sourceType: 'script' });
    const declared = program.body
      .filter((node) => node.type === 'FunctionDeclaration')
      .map((node) => (node as acorn.FunctionDeclaration).id.name);
    expect(declared).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'showHelp', ...Object.keys(FORMULAS)]));
    expect(declared.filter((name) => name.endsWith('_'))).toEqual([]);
  });

  it('documents only real formulas as custom functions', () => {
    const documented = [...source.matchAll(/@customfunction[\s\S]*?\*\/\s*function (\w+)/g)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(FORMULAS).sort());
  });

  it('uses nothing Apps Script lacks', () => {
    const banned = new Set([
      'require',
      'process',
      'module',
      'exports',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'fetch',
      'Buffer',
      '__dirname',
      '__filename',
      'XMLHttpRequest',
      'window',
      'document',
    ]);
    const used: string[] = [];
    let previous: acorn.Token | undefined;
    for (const token of acorn.tokenizer(source, { ecmaVersion: 2020 })) {
      const isProperty = previous?.type === acorn.tokTypes.dot || previous?.type === acorn.tokTypes.questionDot;
      const name = (token as acorn.Token & { value: unknown }).value;
      if (token.type === acorn.tokTypes.name && typeof name === 'string' && banned.has(name) && !isProperty) used.push(name);
      previous = token;
    }
    // webpack's global-object helper mentions `window` only as a fallback after globalThis.
    expect(used.filter((name) => name !== 'window')).toEqual([]);
    expect(used.filter((name) => name === 'window').length).toBeLessThanOrEqual(2);
  });
});
