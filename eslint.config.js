// ESLint for the whole tree: typescript-eslint's recommended rules, with
// Prettier owning layout (eslint-config-prettier turns off the rules that
// would argue with it). One config; `npm run lint` runs ESLint, Prettier's
// check and the import-cycle check.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'test-results/', '.playground/', '.bench/', '.build/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', 'dev/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', '*.ts', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The local runtime has one front door: tests, benchmarks and the playground use dev/runtime/index.ts only.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'dev/playground/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/runtime/*', '!**/runtime/index'],
              message: 'Import the local runtime through dev/runtime/index.ts, its front door.',
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS on purpose: webpack reads its config with require.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['sidebar/**/*.ts', 'dev/playground/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
