import { expect, type Page, test } from '@playwright/test'
import { decodeAddress, encodeAddress } from '../src/core/crypto/address.ts'
import vectors from '../src/wallet/fixtures/wallet-derivation.json' with { type: 'json' }

const PASSWORD = 'correct horse battery'

async function createWallet(page: Page): Promise<string[]> {
  await page.goto('/')
  await page.getByRole('button', { name: 'Create a new wallet' }).click()
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Repeat password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Continue' }).click()

  const words = await page
    .getByRole('list', { name: 'Recovery phrase' })
    .getByRole('listitem')
    .allInnerTexts()
  const mnemonic = words.map((w) => w.replace(/^\d+\s*/, '').trim())
  expect(mnemonic).toHaveLength(24)
  await page.getByRole('button', { name: 'I have written them down' }).click()

  const prompts = page.locator('label', { hasText: /^Word #\d+/ })
  await expect(prompts).toHaveCount(3)
  for (const prompt of await prompts.all()) {
    const n = Number(((await prompt.textContent()) ?? '').match(/Word #(\d+)/)![1])
    await prompt.locator('input').fill(mnemonic[n - 1]!)
  }
  await page.getByRole('button', { name: 'Create wallet' }).click()
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible()
  return mnemonic
}

test('create a wallet, reload, unlock with the password and see the same address', async ({ page }) => {
  await createWallet(page)
  const address = page.getByLabel('Address of Account 0', { exact: true })
  await expect(address).toHaveText(/^sdev1[02-9ac-hj-np-z]{45}$/)
  const first = (await address.textContent()) ?? ''

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible()
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('alert')).toContainText('Wrong password')
  await expect(page.getByRole('heading', { name: 'Accounts' })).toHaveCount(0)

  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByLabel('Address of Account 0', { exact: true })).toHaveText(first)
})

test('a wrong confirmation word is refused and nothing is stored', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Create a new wallet' }).click()
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Repeat password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have written them down' }).click()
  for (const input of await page
    .locator('label', { hasText: /^Word #\d+/ })
    .locator('input')
    .all()) {
    await input.fill('zzz')
  }
  await page.getByRole('button', { name: 'Create wallet' }).click()
  await expect(page.getByRole('alert')).toContainText('do not match')
  await page.reload()
  await expect(page.getByRole('button', { name: 'Create a new wallet' })).toBeVisible()
})

test('accounts: add one, show a QR code, lock', async ({ page }) => {
  await createWallet(page)
  await page.getByRole('button', { name: 'Add account' }).click()
  await expect(page.getByLabel('Address of Account 1', { exact: true })).toHaveText(/^sdev1/)
  expect(await page.getByLabel('Address of Account 1', { exact: true }).textContent()).not.toBe(
    await page.getByLabel('Address of Account 0', { exact: true }).textContent(),
  )
  await page.getByRole('button', { name: 'QR' }).first().click()
  await expect(page.getByRole('img', { name: 'QR code of the address of Account 0' })).toBeVisible()
  await page.getByRole('button', { name: 'Lock' }).click()
  await expect(page.getByRole('heading', { name: 'Unlock your wallet' })).toBeVisible()
})

test('import from a recovery phrase gives the known address', async ({ page }) => {
  // The vector's mainnet address, re-encoded with the standalone preset's hrp the app uses.
  const vector = vectors.vectors[0]!
  const expected = encodeAddress(decodeAddress(vector.address, 'sm'), 'sdev')
  await page.goto('/')
  await page.getByRole('button', { name: 'Import a wallet' }).click()
  await page.getByLabel('Recovery phrase').fill(vector.mnemonic)
  await page.getByLabel('New password').fill(PASSWORD)
  await page.getByLabel('Repeat password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByLabel('Address of Account 0', { exact: true })).toHaveText(expected)
})

test('export an smapp-lite wallet file and import it in a fresh browser', async ({ page, browser }) => {
  test.setTimeout(300_000) // two Argon2id runs (t = 7, 64 MiB) in pure JS
  await createWallet(page)
  const address = (await page.getByLabel('Address of Account 0', { exact: true }).textContent()) ?? ''
  await page.getByLabel('Password for export').fill(PASSWORD)
  const downloading = page.waitForEvent('download', { timeout: 120_000 })
  await page.getByRole('button', { name: 'Export wallet file' }).click()
  const download = await downloading
  const file = await download.path()
  const text = await (await import('node:fs/promises')).readFile(file, 'utf8')
  expect(JSON.parse(text).crypto).toMatchObject({ kdf: 'ARGON2', cipher: 'AES-256-CTR' })

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto('/')
  await other.getByRole('button', { name: 'Import a wallet' }).click()
  await other.getByRole('button', { name: 'Wallet file' }).click()
  await other.getByLabel('Wallet file', { exact: true }).setInputFiles(file)
  await other.getByLabel('Wallet file password').fill('wrong password!')
  await other.getByRole('button', { name: 'Import file' }).click()
  await expect(other.getByRole('alert')).toContainText('Wrong password', { timeout: 120_000 })
  await other.getByLabel('Wallet file password').fill(PASSWORD)
  await other.getByRole('button', { name: 'Import file' }).click()
  await expect(other.getByLabel('Address of Account 0', { exact: true })).toHaveText(address, {
    timeout: 120_000,
  })
  await fresh.close()
})
