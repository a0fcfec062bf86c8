import { resolve } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

// The whole product, as `make run` starts it: embedded PostgreSQL and Redis under a fresh data folder,
// migrations, the demo park, the API (serving the built app), the worker and the simulated treasury.
const port = Number(process.env.E2E_PORT ?? 18765)
const dataDir = resolve('.e2e-data')
const redchain = process.env.REDCHAIN_BIN ?? resolve('../.venv/bin/redchain')
export const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/output',
  // One park shared by every test, and two cores: one worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: the machine is shared, and a loaded one takes seconds for a full-page screenshot.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Charts draw without animation, so screenshots show them finished.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    testIdAttribute: 'data-test',
    launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    // The phone pass repeats the screens tagged @phone at 375 px (the portal's width).
    {
      name: 'phone',
      grep: /@phone/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    // Its log goes to test-results/server.log (kept with the screenshots), E2E_VERBOSE=1 shows it here.
    command: process.env.E2E_VERBOSE
      ? `rm -rf '${dataDir}' && exec '${redchain}' run`
      : `rm -rf '${dataDir}' && mkdir -p test-results && exec '${redchain}' run > test-results/server.log 2>&1`,
    url: `${baseURL}/readyz`,
    // E2E_REUSE=1 keeps a stack started by hand (same PORT and DATA_DIR) between runs while writing tests.
    reuseExistingServer: !!process.env.E2E_REUSE,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM: `redchain run` then stops the API, the worker and the embedded servers it started.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      // Empty: the embedded servers under DATA_DIR, never a database or Redis of this machine.
      DATABASE_URL: '',
      REDIS_URL: '',
      TREASURY_URL: `http://127.0.0.1:${port + 1}`,
      LOGIN_ATTEMPTS_PER_IP: '1000',
    },
  },
})
