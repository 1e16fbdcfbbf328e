import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous: process tests on a shared 2-core machine under load take several times their quiet duration.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: "forks",
    maxWorkers: 2,
    // A test that reaches its end without one assertion fails: no green for code that checked nothing.
    expect: { requireAssertions: true },
    reporters: ["default", "./test/support/summary-reporter.ts"],
    setupFiles: ["./test/support/cpu-setup.ts"],
  },
});
