import { defineConfig } from 'vitest/config';

// CI sets YIYUAN_TEST_REPORT to keep a JSON summary per run (see .ci/run).
const report = process.env.YIYUAN_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    outputFile: report ? { json: `test-results/vitest-unit-${report}.json` } : {},
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: files run in parallel workers, each on its own database cloned from a template.
    pool: 'forks',
    maxWorkers: 2,
  },
});
