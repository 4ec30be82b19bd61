import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium'

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  },
}

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json']],
  use: {
    locale: 'en-US',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // Browser mode: `npm run web` in a Node process, the renderer in Debian's Chromium.
      name: 'browser',
      use: chromium,
    },
    {
      // The same specs through Playwright's _electron (see e2e/fixtures.ts), plus desktop.spec.ts,
      // wherever the Electron binary exists; skipped, with the reason, where it does not. No
      // Chromium is launched beside the app.
      name: 'electron',
    },
  ],
})
