// Adversarial input: whatever arrives from IndexedDB or a chosen file, the parsers either return
// a well-formed value or throw a WalletError with a code — never a TypeError or a hang.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseKeystoreRecord } from './parseKeystoreRecord.ts'
import { parseSmappWalletFile } from './parseSmappWalletFile.ts'
import { parseWalletSecrets } from './parseWalletSecrets.ts'
import { validateMnemonic } from './validateMnemonic.ts'
import { WalletError } from './WalletError.ts'

function onlyWalletErrors(f: () => unknown): void {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(WalletError)
  }
}

describe('parsers of untrusted input', () => {
  it('parseKeystoreRecord: any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => onlyWalletErrors(() => parseKeystoreRecord(v))),
      { numRuns: 500 },
    )
  })

  it('parseKeystoreRecord: records with one field replaced by anything', () => {
    const good = {
      version: 1,
      meta: { displayName: 'w', created: 'now' },
      kdf: { name: 'PBKDF2-SHA256', iterations: 1000, salt: '00'.repeat(16) },
      check: '11'.repeat(32),
      cipher: { name: 'AES-256-GCM', iv: '22'.repeat(12) },
      cipherText: '33'.repeat(40),
    }
    expect(parseKeystoreRecord(good)).toEqual(good)
    const keys = Object.keys(good)
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (k, v) =>
        onlyWalletErrors(() => parseKeystoreRecord({ ...good, [k]: v })),
      ),
      { numRuns: 500 },
    )
  })

  it('parseWalletSecrets and parseSmappWalletFile: any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (t) => {
          onlyWalletErrors(() => parseWalletSecrets(t))
          onlyWalletErrors(() => parseSmappWalletFile(t))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('validateMnemonic: any string', () => {
    fc.assert(
      fc.property(fc.string(), (t) => onlyWalletErrors(() => validateMnemonic(t))),
      { numRuns: 500 },
    )
  })
})
