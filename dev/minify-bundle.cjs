// Minifies dist/Code.js, all but the entry-point stubs at its top.
// Every custom formula call loads the whole file, so its size is load time
// (issue 20 caps it at 150 KB). gas-webpack-plugin writes a top-level stub
// `function NAME(params) {}` with its JSDoc for each entry point before
// webpack's bootstrap; those stay as written, since Sheets and the Apps Script
// editor read their names, parameters and @customfunction JSDoc. The rest is
// minified with esbuild, and the source map follows it through, so a stack
// trace from Apps Script reads back as source lines (`npm run where`).
const esbuild = require('esbuild');

const BOOTSTRAP = '/******/ (() => { // webpackBootstrap';

class MinifyBundlePlugin {
  constructor(file) {
    this.file = file;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('MinifyBundle', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'MinifyBundle', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        async () => {
          const { source, map } = compilation.getAsset(this.file).source.sourceAndMap();
          const text = source.toString();
          const cut = text.indexOf(BOOTSTRAP);
          if (cut < 0) throw new Error(`MinifyBundle: no webpack bootstrap in ${this.file}`);
          // gas-webpack-plugin puts the stubs in front of webpack's output and keeps
          // webpack's source map as it was, so that map describes the body alone.
          const [stubs, body] = [text.slice(0, cut), text.slice(cut)];
          const result = await esbuild.transform(body, {
            minify: true,
            target: 'es2019',
            sourcemap: 'external',
            sourcefile: this.file,
            // The JSDoc in the body repeats the stubs' own.
            legalComments: 'none',
          });
          const minified = new sources.SourceMapSource(result.code, this.file, result.map, body, map, true);
          compilation.updateAsset(this.file, new sources.ConcatSource(new sources.RawSource(`${stubs}\n`), minified));
        },
      );
    });
  }
}

module.exports = { MinifyBundlePlugin };
