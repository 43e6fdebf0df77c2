import { defineConfig } from 'vitest/config';

// End-to-end journeys: playwright-core drives Debian's Chromium against `vite preview` of the built renderer.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One flake was a real bug, now fixed (a late default-period effect overrode the officer's choice);
    // one province-stage flake (once in ~15 runs) is not explained yet: a retry keeps CI steady meanwhile,
    // and support/attempts.ts prints every failed attempt so the next one can be explained.
    retry: 2,
    globalSetup: ['tests/e2e/support/globalSetup.ts'],
    setupFiles: ['tests/e2e/support/attempts.ts'],
  },
});
