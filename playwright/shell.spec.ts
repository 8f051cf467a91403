import { expect, test } from '@playwright/test'

test('the app shell loads cross-origin isolated and registers its service worker', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('h1')).toContainText('Spacemesh')
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)
  expect(scope).toMatch(/\/$/)
})

test('the service worker serves the shell offline after the first visit', async ({ page, context }) => {
  await page.goto('/')
  await page.evaluate(async () => navigator.serviceWorker.ready)
  await context.setOffline(true)
  await page.reload()
  await expect(page.locator('h1')).toContainText('Spacemesh')
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Smeshing' }),
  ).toBeVisible()
  await context.setOffline(false)
})

test('the manifest is installable: PNG icons of 192 and 512 pixels', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json()
  expect(manifest.display).toBe('standalone')
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i: { sizes: string; type: string }) => i.sizes === size)
    expect(icon?.type).toBe('image/png')
    const res = await request.get(icon.src)
    expect(res.headers()['content-type']).toBe('image/png')
    expect((await res.body()).subarray(1, 4).toString()).toBe('PNG')
  }
})
