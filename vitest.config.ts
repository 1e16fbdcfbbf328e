import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // A test that reaches its end without one assertion fails: no green for code that checked nothing.
    expect: { requireAssertions: true },
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
