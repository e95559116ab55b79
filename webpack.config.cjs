// Bundles src/main.ts into dist/Code.js for Apps Script.
// esbuild-loader compiles the TypeScript; gas-webpack-plugin turns every
// `global.NAME = function (...)` in the entry into a top-level
// `function NAME(...) {}` stub, which is what Apps Script (and the Sheets
// formula autocomplete) can see. JSDoc blocks marked @preserve survive esbuild
// because legalComments is 'inline', and the plugin copies them onto the stubs.
const path = require('node:path');
const fs = require('node:fs');
const GasPlugin = require('gas-webpack-plugin');
const { MinifyBundlePlugin } = require('./dev/minify-bundle.cjs');

class CopyManifestPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyManifest', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyManifest', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const manifest = fs.readFileSync(path.resolve(__dirname, 'appsscript.json'));
          compilation.emitAsset('appsscript.json', new compiler.webpack.sources.RawSource(manifest));
        },
      );
    });
  }
}

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './src/main.ts',
  target: ['web', 'es2019'],
  // The map stays outside dist/ (clasp uploads dist/): `npm run where` reads it.
  devtool: 'hidden-source-map',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'Code.js',
    sourceMapFilename: '../.build/[file].map',
    // The HTML pages are built apart (dev/build-sidebar.mjs).
    clean: { keep: /\.html$/ },
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'esbuild-loader',
        options: { loader: 'ts', target: 'es2019', legalComments: 'inline' },
      },
    ],
  },
  // Not webpack's minimizer: it would rename the stubs' parameters (see dev/minify-bundle.cjs).
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [new GasPlugin({ comment: true }), new MinifyBundlePlugin('Code.js'), new CopyManifestPlugin()],
};
