import { defineConfig } from '@playwright/test';
import { launchOptions } from '../support/chromium.ts';

/**
 * The restart story stops and starts the servers itself, so it runs apart
 * from the main suite (whose webServer owns ports 8000 and 8100 while it runs).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: 'http://localhost:8100',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: launchOptions(),
  },
});
