import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Files that replace modules with vi.mock (the Electron shell, renderer stores) need a fresh module graph each. */
export const MOCKING = [
  'test/electron/**/*.test.ts',
  'test/renderer/**/*.test.ts',
  'test/imports/staging.test.ts',
  'test/encryption/followupStaged.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Vitest's default leaves a core idle (cores − 1): on a 2-core machine that is one file at a time.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    // New password hashes at scrypt N = 2^10 instead of 2^15 (backend/passwords.ts honours this only
    // under NODE_ENV=test, which vitest sets): the safety suites make hundreds of them. Child
    // processes the tests start inherit it. test/backend/system.test.ts checks the real cost.
    env: { CENSUSDESK_TEST_SCRYPT_N: String(1 << 10) },
    unstubEnvs: true,
    projects: [
      {
        extends: true,
        test: { name: 'isolated', include: MOCKING },
      },
      {
        extends: true,
        // The rest share one module graph per worker: importing the backend (exceljs, zod, every
        // handler) costs about a second, which every file used to pay again. Tests hold no state
        // in modules (each opens its own workspace); a file that mocks a module belongs in MOCKING.
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...MOCKING],
          isolate: false,
        },
      },
    ],
  },
});
