// End-to-end tests in Debian's Chromium against the real server (browser mode). Nothing is built
// here: CI runs `vite build` first; each spec file gets its own server on a fresh data file
// (fixtures.ts), started with `tsx backend/serve.ts --port 0 --data <tmp>`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  globalSetup: './globalSetup.ts',
  // One browser at a time: the machine has two cores shared by the whole team.
  workers: 1,
  fullyParallel: false,
  // One more try for a spec that fails: on this shared 2-core machine a click can still land inside
  // an antd animation now and then. A spec that passes only on its retry is reported as "flaky" in
  // the summary (and keeps its trace), so such races stay visible and get mended in the harness;
  // a real failure fails both tries.
  retries: 1,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
