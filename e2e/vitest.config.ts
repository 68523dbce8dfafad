import { defineConfig } from 'vitest/config';

// CI sets YIYUAN_TEST_REPORT to keep a JSON summary per run (see .ci/run).
const report = process.env.YIYUAN_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    outputFile: report ? { json: `test-results/vitest-e2e-${report}.json` } : {},
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
