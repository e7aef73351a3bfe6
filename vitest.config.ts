import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest leaves one core free by default, which on a 2-core machine runs every file in turn. With
    // two workers, build and browser files share the cores with unit files and with each other: each
    // builds into its own folder and serves on its own port, and none asserts how fast anything is.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        // Builds the fixture sites once (tests/support/global-setup.ts), then
        // checks what readers, feed readers and programs receive.
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
