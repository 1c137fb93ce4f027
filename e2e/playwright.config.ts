import { defineConfig, type ReporterDescription } from '@playwright/test';

// Started by run.mjs, which provides the servers and these variables.
const webUrl = process.env.E2E_WEB_URL;
if (!webUrl) {
  throw new Error('E2E_WEB_URL is not set: run the suite with `node run.mjs` (the `test` script).');
}

const reporter: ReporterDescription[] = [['list']];
if (process.env.E2E_JSON_REPORT) {
  reporter.push(['json', { outputFile: process.env.E2E_JSON_REPORT }]);
}

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results/artifacts',
  // The editor flows change shared CMS content and the outage flow stops the CMS: one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter,
  use: {
    baseURL: webUrl,
    screenshot: 'only-on-failure',
    // No traces: writing them made browserContext.close fail now and then (ENOENT on the .trace
    // file); a failure keeps its screenshot and the servers' logs (e2e/test-results).
    trace: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
    headless: true,
  },
  projects: [{ name: 'chromium' }],
});
