import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test'
import { loadPostWasm } from '../src/post-wasm/loadPostWasm.ts'
import { chromiumLaunchOptions } from './chromiumLaunchOptions.ts'

/**
 * Browser PoST end to end on the standalone preset: a persistent profile (OPFS is ~10× faster
 * there, TOOLCHAIN.md), initialization paused half-way and resumed after a reload without
 * relabeling anything, then a hard reload mid-write, then proving and verifying. Throughput and
 * verification time are printed, never asserted.
 */

let context: BrowserContext
let profile: string

test.beforeAll(async ({ baseURL }) => {
  nodeBefore = await measureNodeLabels()
  profile = await mkdtemp(join(tmpdir(), 'post-e2e-'))
  context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    ...(baseURL === undefined ? {} : { baseURL }),
  })
})

// The tests share one persistent profile (OPFS, IndexedDB); a tab left open by a failed test
// could still hold the PoST lock, so each test starts with none.
test.beforeEach(async () => {
  for (const open of context.pages()) await open.close()
})

test.afterAll(async () => {
  await context?.close()
  await rm(profile, { recursive: true, force: true })
})

/** Labels per second of post.wasm in this Node process, scrypt N = 512 (standalone preset). */
async function measureNodeLabels(): Promise<number> {
  const wasm = await loadPostWasm()
  const commitment = new Uint8Array(32).fill(7)
  wasm.labels(commitment, 512, 0n, 256)
  const count = 8192
  const t0 = performance.now()
  wasm.labels(commitment, 512, 0n, count)
  return Math.round((count * 1000) / (performance.now() - t0))
}

let nodeBefore = 0

async function openSmeshing(page: Page): Promise<void> {
  await page.goto(process.env.SMESHING_PATH ?? '/')
  const nav = page.getByRole('link', { name: 'Smeshing' })
  if (process.env.SMESHING_PATH === undefined) await nav.first().click()
  await expect(page.getByRole('status', { name: 'Smeshing status' })).not.toHaveText('Loading…')
}

/** The number shown in the output labelled `name`. */
const num = async (page: Page, name: string) =>
  Number(await page.getByLabel(name, { exact: true }).first().textContent())

/** SHA-256 of each `post/postdata_N.bin` (main thread; only while no worker holds the files). */
function hashFiles(page: Page): Promise<Array<{ name: string; size: number; sha: string }>> {
  return page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('post')
    const out: Array<{ name: string; size: number; sha: string }> = []
    for (let i = 0; ; i++) {
      let file: File
      try {
        file = await (await dir.getFileHandle(`postdata_${i}.bin`)).getFile()
      } catch {
        break
      }
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))
      out.push({ name: file.name, size: file.size, sha: Array.from(digest, (b) => b.toString(16)).join('') })
    }
    return out
  })
}

/** Hashes of the first `bytes` bytes of the named files, to check finished ranges later. */
function hashPrefixes(page: Page, sizes: Array<{ name: string; size: number }>): Promise<string[]> {
  return page.evaluate(async (files) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('post')
    const out: string[] = []
    for (const f of files) {
      const file = await (await dir.getFileHandle(f.name)).getFile()
      const digest = new Uint8Array(
        await crypto.subtle.digest('SHA-256', await file.slice(0, f.size).arrayBuffer()),
      )
      out.push(Array.from(digest, (b) => b.toString(16)).join(''))
    }
    return out
  }, sizes)
}

/** Clicks Start/Resume and acts (clicks `then`, or reloads) as soon as labels done reaches `at`. */
function runUntil(page: Page, button: string, at: number, then: 'Pause' | 'reload'): Promise<void> {
  return page.evaluate(
    ({ button, at, then }) =>
      new Promise<void>((resolve) => {
        const done = document.querySelector('output[aria-label="Labels done"]')!
        const observer = new MutationObserver(() => {
          if (Number(done.textContent) < at) return
          observer.disconnect()
          if (then === 'reload') location.reload()
          else
            for (const b of document.querySelectorAll('button')) if (b.textContent?.trim() === then) b.click()
          resolve()
        })
        observer.observe(done, { childList: true, characterData: true, subtree: true })
        for (const b of document.querySelectorAll('button')) if (b.textContent?.trim() === button) b.click()
      }),
    { button, at, then },
  )
}

test('initializes PoST in OPFS, resumes without relabeling, proves and verifies', async () => {
  test.setTimeout(120_000)
  const page = await context.newPage()
  await openSmeshing(page)
  const status = page.getByRole('status', { name: 'Smeshing status' })
  if ((await page.getByRole('button', { name: 'Discard PoST data' }).count()) > 0) {
    await page.getByRole('button', { name: 'Discard PoST data' }).click()
  }
  await expect(status).toHaveText('Not initialized')
  await expect(page.getByLabel('Storage estimate')).toContainText('quota')

  // A second tab of the same origin, open before labeling starts.
  const second = await context.newPage()
  await openSmeshing(second)
  const secondStatus = second.getByRole('status', { name: 'Smeshing status' })
  await expect(secondStatus).toHaveText('Not initialized')

  // One worker, the preset's largest allocation: 4 units × 4096 labels.
  await page.getByLabel('Space units').fill('4')
  await page.getByLabel('Worker threads').fill('1')
  const paused = runUntil(page, 'Start initialization', 8192, 'Pause')
  await expect(status).toHaveText('Initializing')
  // One node per origin: starting in the second tab finds the Web Lock held and labels nothing.
  await second.getByRole('button', { name: 'Start initialization' }).click()
  await expect(secondStatus).toHaveText('Initializing in another tab')
  await expect(second.getByRole('button', { name: 'Start initialization' })).toHaveCount(0)
  await paused
  await expect(status).toHaveText('Paused')
  const pausedAt = await num(page, 'Labels done')
  // The waiting tab takes over the page once the labeling tab lets go of the lock.
  await expect(secondStatus).toHaveText('Paused')
  expect(await num(second, 'Labels done')).toBe(pausedAt)
  await second.close()
  const total = await num(page, 'Total labels')
  expect(total).toBe(16384)
  expect(pausedAt).toBeGreaterThan(0)
  expect(pausedAt).toBeLessThan(total)
  expect(await num(page, 'Labels computed')).toBe(pausedAt)
  const before = (await hashFiles(page)).filter((f) => f.size > 0)
  expect(before.reduce((a, f) => a + f.size, 0)).toBe(pausedAt * 16)

  // A reload (or a closed tab) resumes from the file sizes. Meanwhile another tab holds the lock
  // in shared mode, as a tab following the labeling one does for an instant when it is granted:
  // only an exclusive holder makes the files busy, so the page still reads its progress.
  const follower = await context.newPage()
  await openSmeshing(follower)
  await follower.evaluate(
    () =>
      new Promise<void>((granted) => {
        void navigator.locks.request('spacemesh-post-init', { mode: 'shared' }, () => {
          granted()
          return new Promise(() => {})
        })
      }),
  )
  await page.reload()
  await expect(status).toHaveText('Paused')
  expect(await num(page, 'Labels done')).toBe(pausedAt)
  await follower.close()
  await page.getByLabel('Worker threads').fill('1')
  const t1 = Date.now()
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(status).toHaveText('Initialized', { timeout: 90_000 })
  const oneWorkerMs = Date.now() - t1
  expect(await num(page, 'Labels done')).toBe(total)
  // Nothing labeled twice, and the bytes written before the reload are untouched.
  expect(await num(page, 'Labels computed')).toBe(total)
  expect(await hashPrefixes(page, before)).toEqual(before.map((f) => f.sha))
  const nonce = await num(page, 'VRF nonce')
  expect(Number.isInteger(nonce)).toBe(true)
  // post-rs's metadata file sits beside the labels, so the directory is interchangeable.
  const metadata = await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('post')
    return JSON.parse(await (await (await dir.getFileHandle('postdata_metadata.json')).getFile()).text())
  })
  expect(metadata).toMatchObject({ NumUnits: 4, LabelsPerUnit: 4096, MaxFileSize: 1024 * 16, Nonce: nonce })
  const kernel = await page.getByLabel('Labeler kernel').textContent()
  const wall = Math.round(((total - pausedAt) * 1000) / oneWorkerMs)
  const compute = await num(page, 'Labels per second per worker')
  console.log(
    `init (${kernel}, scrypt N = 512): 1 worker: ${compute} labels/s computing, ${wall} labels/s wall clock ` +
      `(${total - pausedAt} labels in ${oneWorkerMs} ms incl. worker start, OPFS, IndexedDB)`,
  )

  // A sample of stored labels recomputed in the prover worker matches the files.
  await page.getByRole('button', { name: 'Check labels' }).click()
  await expect(page.getByLabel('Label check result')).toContainText('labels checked: all match')

  // Prove the zero challenge, then verify.
  await page.getByRole('button', { name: 'Generate proof' }).click()
  await expect(page.getByLabel('Verification result')).toContainText('Proof valid', { timeout: 60_000 })
  const proveMs = await num(page, 'Prove time')
  const verifyMs = await num(page, 'Verify time')
  const proofHex = (await page.getByLabel('Proof bytes', { exact: true }).textContent()) ?? ''
  // The same bytes again (warm worker), then with the pow changed: rejected with a reason.
  await page.getByText('Verify other proof bytes').click()
  await page.getByLabel('Proof bytes (hex)').fill(proofHex)
  await page.getByRole('button', { name: 'Verify proof' }).click()
  await expect(page.getByLabel('Verification result')).toContainText('Proof valid')
  const warmVerifyMs = await num(page, 'Verify time')
  const tampered = proofHex.slice(0, -2) + (proofHex.endsWith('04') ? '08' : '04')
  await page.getByLabel('Proof bytes (hex)').fill(tampered)
  await page.getByRole('button', { name: 'Verify proof' }).click()
  await expect(page.getByLabel('Verification result')).toContainText('Proof invalid')
  console.log(
    `prove: ${proveMs} ms; verify (standalone preset, K3 = 4, target < 100 ms): ${verifyMs} ms cold, ` +
      `${warmVerifyMs} ms warm`,
  )
  await page.close()
})

test('a hard reload mid-write loses no finished label; two workers finish the job', async () => {
  test.setTimeout(120_000)
  const page = await context.newPage()
  await openSmeshing(page)
  const status = page.getByRole('status', { name: 'Smeshing status' })
  await page.getByRole('button', { name: 'Discard PoST data' }).click()
  await expect(status).toHaveText('Not initialized')
  await page.getByLabel('Space units').fill('4')
  await page.getByLabel('Worker threads').fill('2')
  const t0 = Date.now()
  await runUntil(page, 'Start initialization', 4096, 'reload')
  await page.waitForLoadState('load')
  await expect(status).toHaveText('Paused')
  const survived = (await hashFiles(page)).filter((f) => f.size > 0)
  const t1 = Date.now()
  await page.getByRole('button', { name: 'Resume' }).click()
  await expect(status).toHaveText('Initialized', { timeout: 90_000 })
  const twoWorkerMs = Date.now() - t1
  const total = await num(page, 'Total labels')
  expect(await num(page, 'Labels done')).toBe(total)
  // Batches written but not yet recorded are recovered, never relabeled.
  expect(await num(page, 'Labels computed')).toBeLessThanOrEqual(total)
  expect(await hashPrefixes(page, survived)).toEqual(survived.map((f) => f.sha))
  const resumed = total - survived.reduce((a, f) => a + Math.floor(f.size / 16), 0)
  const compute = await num(page, 'Labels per second per worker')
  console.log(
    `init: 2 workers: ${compute} labels/s per worker computing, ` +
      `${Math.round((resumed * 1000) / twoWorkerMs)} labels/s together wall clock ` +
      `(${resumed} labels in ${twoWorkerMs} ms; before the reload ${t1 - t0} ms)`,
  )
  await page.getByRole('button', { name: 'Generate proof' }).click()
  await expect(page.getByLabel('Verification result')).toContainText('Proof valid', { timeout: 60_000 })
  await page.close()
})

test('the same WASM labeler in Node, for comparison', async () => {
  const rate = await measureNodeLabels()
  console.log(
    `node: WASM labeler, scrypt N = 512: ${rate} labels/s on one core (before the browser runs: ${nodeBefore})`,
  )
  expect(rate).toBeGreaterThan(0)
})
