import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './playwright/chromiumLaunchOptions.ts'

const port = Number(process.env.E2E_PORT ?? 4917)

export default defineConfig({
  testDir: 'playwright',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `tsx server/cli.ts serve --port ${port} --dir dist`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
