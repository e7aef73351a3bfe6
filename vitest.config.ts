import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest leaves one core free by default, which on a 2-core machine runs every file in turn; the
    // site project still runs its own files one at a time (below), while unit files fill the other core.
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
          // Two cores: browser and build tests compete for them, so run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
