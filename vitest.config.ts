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
    // A JSON report only when asked for (.ci/run reads it for its "N passed, N failed" line): the suite
    // writes nothing into the repository's out/.
    reporters: process.env.ROUNDUP_TEST_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.ROUNDUP_TEST_REPORT ? { json: process.env.ROUNDUP_TEST_REPORT } : undefined,
  },
});
