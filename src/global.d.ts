// The Apps Script global object. Functions assigned to it in src/main.ts become
// top-level functions in dist/Code.js (gas-webpack-plugin writes the stubs).
declare const global: Record<string, unknown>;
