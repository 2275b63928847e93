import { defineConfig } from '@playwright/test';
import { launchOptions } from './e2e/support/chromium.ts';

/** Real Chromium against the real servers: no request interception anywhere. */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // The restart story owns the servers itself: `playwright test -c e2e/restart/playwright.config.ts`.
  testIgnore: 'restart/**',
  // One lab, one server01 policy: the stories run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    baseURL: 'http://localhost:8100',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: launchOptions(),
  },
  webServer: {
    command: 'pnpm --filter @cors-lab/lab start --quiet',
    url: 'http://localhost:8100/api/policy',
    reuseExistingServer: !process.env.CI,
    // The teacher-view spec needs to know the token the lab would otherwise make up.
    env: { CORS_LAB_TEACHER_TOKEN: 'e2e-teacher-token' },
    timeout: 60_000,
  },
});
