import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Where Debian's Chromium is installed (CI, this project's machines) we use it, because
 * `npx playwright install` cannot download a browser there. Elsewhere Playwright's own
 * Chromium is used, so `npx playwright install chromium` is all a contributor needs.
 */
const systemChromium = '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
/** E2E_PORT lets several checkouts run their suites side by side. */
const port = Number(process.env.E2E_PORT ?? 4173);
/**
 * Two workers: CI and developers run on 2-core machines that are also doing other work;
 * the tests wait for states, not for time, so a busy machine makes them slower, not red.
 * E2E_WORKERS overrides it (1 on a machine already loaded, more on a big one).
 */
const workers = Number(process.env.E2E_WORKERS ?? 2);
/**
 * Tests tagged @alone (the 570 MB file) run after all others, one at a time. As a dependency,
 * 'e2e' runs whole even when a file is named: `--no-deps` runs just the file's tests.
 */
const alone = /@alone/;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  // A state a user would see (a status line, a pixel) may take a while on a loaded machine.
  expect: { timeout: 15_000, toPass: { timeout: 15_000 } },
  fullyParallel: true,
  workers,
  // No retries: a test that passes only on a second try is broken (npm test counts it as failed).
  retries: 0,
  forbidOnly: !!process.env.CI,
  // E2E_JSON: npm test runs the two projects one after the other, each with its own report.
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    // The offline service worker caches the app as it installs: only e2e/offline.spec.ts,
    // which tests it, lets it run; elsewhere every request reaches the server as written.
    serviceWorkers: 'block',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'e2e', grepInvert: alone },
    // Runs once every test of 'e2e' has finished, so nothing else competes for memory and disk.
    { name: 'alone', grep: alone, dependencies: ['e2e'], fullyParallel: false },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
