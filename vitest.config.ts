import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // builds dist/ (the compiled CLI the tests spawn) when it is older than src/
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CLI and browser tests start real processes; two cores do not gain from more workers.
    maxWorkers: 2,
    // The JSON report lets .ci/run print its "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results.json' },
  },
});
