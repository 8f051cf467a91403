import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { rejectedCode } from '../testing/thrownCode.ts'
import { addAccount } from './addAccount.ts'
import { createWallet } from './createWallet.ts'
import { exportKeystore } from './exportKeystore.ts'
import vectors from './fixtures/wallet-derivation.json' with { type: 'json' }
import { importKeystore } from './importKeystore.ts'
import type { KeystoreRecord } from './KeystoreRecord.ts'
import { listAccounts } from './listAccounts.ts'
import { openIndexedDbKeystoreStore } from './openIndexedDbKeystoreStore.ts'
import { unlockWallet } from './unlockWallet.ts'
import { WalletError } from './WalletError.ts'

const vector = vectors.vectors[0]!
const mnemonic = vector.mnemonic
const ITER = 1000 // production uses KEYSTORE_ITERATIONS; the format is the same
let dbCount = 0
const freshStore = () => openIndexedDbKeystoreStore(`test-wallet-${dbCount++}`)

const codeOf = (p: Promise<unknown>) => rejectedCode(WalletError, p)

describe('keystore in IndexedDB', () => {
  it('creates, then unlocks to the same accounts and the vector address', async () => {
    const store = await freshStore()
    await createWallet(store, { mnemonic, password: 'correct horse', iterations: ITER })
    const w = await unlockWallet(store, 'correct horse')
    expect(w.secrets.mnemonic).toBe(mnemonic)
    const [acc] = listAccounts(w.secrets, 'sm')
    expect(acc?.publicKey).toBe(vector.publicKey)
    expect(acc?.address).toBe(vector.address)
  })

  it('stores no plaintext mnemonic', async () => {
    const store = await freshStore()
    await createWallet(store, { mnemonic, password: 'correct horse', iterations: ITER })
    expect(JSON.stringify(await store.read())).not.toContain('film')
  })

  it('rejects a wrong password with WRONG_PASSWORD and leaves the record as it was', async () => {
    const store = await freshStore()
    await createWallet(store, { mnemonic, password: 'correct horse', iterations: ITER })
    const before = JSON.stringify(await store.read())
    expect(await codeOf(unlockWallet(store, 'wrong horse'))).toBe('WRONG_PASSWORD')
    expect(JSON.stringify(await store.read())).toBe(before)
    expect((await unlockWallet(store, 'correct horse')).secrets.mnemonic).toBe(mnemonic)
  })

  it('reports damaged ciphertext as CORRUPT_KEYSTORE, not as a wrong password', async () => {
    const store = await freshStore()
    await createWallet(store, { mnemonic, password: 'correct horse', iterations: ITER })
    const rec = (await store.read()) as KeystoreRecord
    const flipped = (rec.cipherText[0] === '0' ? '1' : '0') + rec.cipherText.slice(1)
    await store.write({ ...rec, cipherText: flipped })
    expect(await codeOf(unlockWallet(store, 'correct horse'))).toBe('CORRUPT_KEYSTORE')
  })

  it('reports malformed records as CORRUPT_KEYSTORE and a missing one as NO_KEYSTORE', async () => {
    const store = await freshStore()
    expect(await codeOf(unlockWallet(store, 'correct horse'))).toBe('NO_KEYSTORE')
    await store.write({ version: 2 } as never)
    expect(await codeOf(unlockWallet(store, 'correct horse'))).toBe('CORRUPT_KEYSTORE')
  })

  it('refuses to overwrite a stored wallet unless asked and refuses short passwords', async () => {
    const store = await freshStore()
    await createWallet(store, { mnemonic, password: 'correct horse', iterations: ITER })
    expect(await codeOf(createWallet(store, { mnemonic, password: 'other pass', iterations: ITER }))).toBe(
      'KEYSTORE_EXISTS',
    )
    expect(
      await codeOf(createWallet(await freshStore(), { mnemonic, password: 'short', iterations: ITER })),
    ).toBe('WEAK_PASSWORD')
    expect((await unlockWallet(store, 'correct horse')).secrets.mnemonic).toBe(mnemonic)
  })

  it('adds accounts with the next index and keeps them after unlocking again', async () => {
    const store = await freshStore()
    let w = await createWallet(store, { mnemonic, password: 'correct horse', iterations: ITER })
    w = await addAccount(store, w)
    w = await addAccount(store, w, 'Savings')
    const again = await unlockWallet(store, 'correct horse')
    expect(again.secrets.accounts).toEqual([
      { name: 'Account 0', index: 0 },
      { name: 'Account 1', index: 1 },
      { name: 'Savings', index: 2 },
    ])
    const addrs = listAccounts(again.secrets, 'sm').map((a) => a.address)
    expect(new Set(addrs).size).toBe(3)
  })

  it('exports and imports the keystore; a wrong password or broken file changes nothing', async () => {
    const a = await freshStore()
    let w = await createWallet(a, { mnemonic, password: 'correct horse', iterations: ITER })
    w = await addAccount(a, w)
    const json = await exportKeystore(a)
    const b = await freshStore()
    expect(await codeOf(importKeystore(b, json, 'wrong horse'))).toBe('WRONG_PASSWORD')
    expect(await b.read()).toBeUndefined()
    expect(await codeOf(importKeystore(b, json.slice(0, 40), 'correct horse'))).toBe('CORRUPT_KEYSTORE')
    expect(await b.read()).toBeUndefined()
    const imported = await importKeystore(b, json, 'correct horse')
    expect(imported.secrets.accounts).toHaveLength(2)
    expect((await unlockWallet(b, 'correct horse')).secrets).toEqual(w.secrets)
  })

  it("a failed write while adding an account keeps the stored wallet and the caller's copy as they were", async () => {
    const store = await freshStore()
    const w = await createWallet(store, { mnemonic, password: 'correct horse', iterations: ITER })
    const before = JSON.stringify(await store.read())
    const failing = { ...store, write: () => Promise.reject(new Error('QuotaExceededError')) }
    await expect(addAccount(failing, w)).rejects.toThrow('QuotaExceededError')
    expect(JSON.stringify(await store.read())).toBe(before)
    expect(w.secrets.accounts).toHaveLength(1)
    expect((await unlockWallet(store, 'correct horse')).secrets.accounts).toHaveLength(1)
  })
})
