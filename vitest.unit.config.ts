import { defineConfig } from 'vitest/config';

// `npm run test:unit`: the engine, the formulas and the panel's pure parts, in
// seconds: no build of dist/, no runtime, no browser.
export default defineConfig({
  test: {
    include: [
      'test/engine/**/*.test.ts',
      'test/formulas.test.ts',
      'test/sidebar/client.test.ts',
      'test/sidebar/summary-settings.test.ts',
      'test/sidebar/close-cycle-text.test.ts',
      'test/playground/find-chromium.test.ts',
    ],
  },
});
