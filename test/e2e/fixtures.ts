// Test fixtures: a server per test (fresh data: a worker runs tests of several spec files, so a
// worker-scoped server handed one spec the county another had set up), and a page that fails the
// test on any console error or uncaught page error while its server runs.
import { test as base, expect } from '@playwright/test';
import { startServer, type RunningServer } from './server';

export const test = base.extend<{ consoleErrors: string[]; server: RunningServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'test' },
  ],
  consoleErrors: [
    // It depends on the server so that it is torn down (and checks) before the server stops: the
    // page may still be polling after the test's last step, and a stopped server's refusals are
    // not the page's errors (city-setup failed so once).
    async ({ page, server }, use) => {
      void server;
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      expect(errors, '浏览器控制台不应出现错误').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
