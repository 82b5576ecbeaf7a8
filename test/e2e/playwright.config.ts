// End-to-end tests in Debian's Chromium against the real server (browser mode). The renderer is not
// built here: `npm run test:e2e` runs `vite build` first; globalSetup.ts builds the server bundle
// (dist/server) when stale. Each test gets its own server on a fresh data file (fixtures.ts), started
// as `npm run serve` runs it: `node … dist/server/serve.mjs --static dist/renderer --port 0 --data <tmp>`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalSetup: './globalSetup.ts',
  // Two browsers, each with its own servers and data files: every spec starts from a fresh data
  // file, so spec files (and the tests of a file not marked serial) run side by side.
  workers: 2,
  fullyParallel: true,
  // No second tries: a spec passes on its first run or fails. The page runs with reduced motion
  // (below), so antd opens and closes its lists, drawers and dialogs at once and no click can land
  // inside an animation.
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // As on an office PC with Windows' animations switched off: the app turns antd's motion off.
    reducedMotion: 'reduce',
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    // Recording a trace costs about half as much CPU again as the test itself, for every test, to
    // keep it for the rare failure: rerun a failing spec with `--trace on` to get one.
    trace: 'off',
  },
});
