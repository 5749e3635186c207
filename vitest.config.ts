import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    env: { TZ: "UTC" },
    setupFiles: ["tests/setup.ts"],
    // No test depends on timing: on a busy shared machine a slow test is still a passing one.
    testTimeout: 60_000,
    expect: { poll: { timeout: 30_000 } },
  },
});
