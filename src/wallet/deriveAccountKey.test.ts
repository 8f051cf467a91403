import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { deriveAccountKey } from './deriveAccountKey.ts'
import { deriveSlip10Ed25519 } from './deriveSlip10Ed25519.ts'
import vectors from './fixtures/wallet-derivation.json' with { type: 'json' }
import { WalletError } from './WalletError.ts'

describe("deriveAccountKey (smapp-lite path m/44'/540'/0'/0'/i')", () => {
  for (const v of vectors.vectors) {
    it(`derives ${v.path} of the vector mnemonic`, () => {
      const index = Number(v.path.split('/').at(-1)!.replace("'", ''))
      const key = deriveAccountKey(v.mnemonic, index)
      expect(bytesToHex(key.secretSeed)).toBe(v.secretSeed)
      expect(bytesToHex(key.publicKey)).toBe(v.publicKey)
    })
  }

  it('gives different keys for different indices', () => {
    const m = vectors.vectors[0]!.mnemonic
    expect(bytesToHex(deriveAccountKey(m, 1).publicKey)).not.toBe(
      bytesToHex(deriveAccountKey(m, 0).publicKey),
    )
  })

  it('accepts extra whitespace and capitals as smapp-lite does', () => {
    const m = vectors.vectors[0]!.mnemonic
    const messy = `  ${m.toUpperCase().replaceAll(' ', '   ')}\n`
    expect(deriveAccountKey(messy, 0).publicKey).toEqual(deriveAccountKey(m, 0).publicKey)
  })

  it('rejects an unknown word, a bad checksum and a bad index with their own codes', () => {
    const m = vectors.vectors[0]!.mnemonic
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return e instanceof WalletError ? e.code : 'other'
      }
      return 'none'
    }
    expect(code(() => deriveAccountKey(m.replace('film', 'filmx'), 0))).toBe('BAD_MNEMONIC_WORD')
    expect(code(() => deriveAccountKey(m.replace('pudding', 'abandon'), 0))).toBe('BAD_MNEMONIC_CHECKSUM')
    expect(code(() => deriveAccountKey(m.split(' ').slice(0, 11).join(' '), 0))).toBe('BAD_MNEMONIC_LENGTH')
    expect(code(() => deriveAccountKey(m, -1))).toBe('BAD_ACCOUNT_INDEX')
    expect(code(() => deriveAccountKey(m, 2 ** 31))).toBe('BAD_ACCOUNT_INDEX')
  })
})

describe('SLIP-0010 ed25519 test vector 1', () => {
  // SLIP-0010 "Test vector 1 for ed25519", chain m/0'/1'/2'/2'/1000000000'.
  it('matches the published private keys', () => {
    const seed = Uint8Array.from(Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'))
    expect(bytesToHex(deriveSlip10Ed25519(seed, []))).toBe(
      '2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7',
    )
    expect(bytesToHex(deriveSlip10Ed25519(seed, [0]))).toBe(
      '68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3',
    )
    expect(bytesToHex(deriveSlip10Ed25519(seed, [0, 1, 2, 2, 1000000000]))).toBe(
      '8f94d394a8e8fd6b1bc2f3f49f5c47e385281d5c17e65324b0f62483e37e8793',
    )
  })
})
