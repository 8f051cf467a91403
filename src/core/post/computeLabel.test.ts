import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { computeCommitment } from './computeCommitment.ts'
import { computeLabel, computeLabelFull } from './computeLabel.ts'
import vectors from './fixtures/post-labels.json' with { type: 'json' }

describe('computeLabel (scrypt-jane ChaCha20/8 + Keccak-512)', () => {
  for (const v of vectors.vectors) {
    it(`matches post-labels.json: commitment ${v.commitment.slice(0, 8)}… N=${v.n} index=${v.index}`, () => {
      expect(bytesToHex(computeLabel(hexToBytes(v.commitment), BigInt(v.index), v.n))).toBe(v.label)
    })
  }

  it('reproduces the upstream scrypt-jane CHACHA+KECCAK512 self-test (empty password = zero commitment, N=16)', () => {
    // post-poet.md §6.1: a 72-byte all-zero key equals the empty HMAC key after zero padding.
    const out = computeLabelFull(new Uint8Array(32), 0, 16)
    expect(bytesToHex(out)).toBe('77cb70bfaed44c5bbcd3ec8a82438db37f1ffb7036324da6b7133777300c3cfb')
  })

  it('gives full 32-byte outputs from post-poet.md §6.1', () => {
    const c = new TextEncoder().encode('this is some commitment for init')
    expect(bytesToHex(computeLabelFull(c, 100, 16))).toBe(
      'b7fa5e8b174999c2640513bb555ed64ed923eb9bf45af6c5c0f54ed7dedabc46',
    )
    expect(bytesToHex(computeLabelFull(new Uint8Array(32), 4294967296n, 2))).toBe(
      '6d452996d107d82a04409b0a19278324272ec9019a3badd7a20820104b554c55',
    )
  })

  it('rejects bad arguments naming what was expected', () => {
    expect(() => computeLabel(new Uint8Array(31), 0, 2)).toThrow('expected 32-byte commitment, got 31')
    expect(() => computeLabel(new Uint8Array(32), 0, 3)).toThrow('got 3')
    expect(() => computeLabel(new Uint8Array(32), -1, 2)).toThrow('got -1')
  })
})

describe('computeCommitment', () => {
  it('matches post-poet.md §6.1', () => {
    const zero = new Uint8Array(32)
    expect(bytesToHex(computeCommitment(zero, zero))).toBe(
      '4d006976636a8696d909a630a4081aad4d7c50f81afdee04020bf05086ab6a55',
    )
    expect(bytesToHex(computeCommitment(new Uint8Array(32).fill(77), zero))).toBe(
      '788596c567c2b8f4d5fd10329c57077e432f42caee8283101e0f3964f8c7e076',
    )
  })

  it('labels the commitment of zero ids as post-poet.md §6.1 says', () => {
    const zero = new Uint8Array(32)
    const c = computeCommitment(zero, zero)
    expect(bytesToHex(computeLabelFull(c, 1, 8192))).toBe(
      '295086c54f1bc8f10a30e8d9cae70a9badc6c4d4fb7b8b96482625706a6fb4e7',
    )
  })
})
