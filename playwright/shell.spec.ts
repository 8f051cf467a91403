import { expect, test } from '@playwright/test'

test('the app shell loads cross-origin isolated and registers its service worker', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('h1')).toContainText('spacemesh')
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
  expect(scope).toMatch(/\/$/)
})
