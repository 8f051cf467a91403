import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecodeError } from '../codec/index.ts'
import { decodePostProof, encodePostProof, MAX_PROOF_INDICES_BYTES } from './PostProof.ts'

describe('PostProof codec (go-spacemesh PostV1)', () => {
  it('is compact32 nonce, length-prefixed indices, compact64 pow', () => {
    const bytes = encodePostProof({ nonce: 3, indices: Uint8Array.from([1, 2]), pow: 300n })
    // 3 → 0x0c; length 2 → 0x08; 300 → two-byte mode (300 << 2 | 1) little-endian.
    expect([...bytes]).toEqual([0x0c, 0x08, 1, 2, 0xb1, 0x04])
  })

  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.uint8Array({ maxLength: MAX_PROOF_INDICES_BYTES }),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        (nonce, indices, pow) => {
          expect(decodePostProof(encodePostProof({ nonce, indices, pow }))).toEqual({ nonce, indices, pow })
        },
      ),
    )
  })

  it('rejects indices above 800 bytes', () => {
    const over = encodePostProof({ nonce: 0, indices: new Uint8Array(MAX_PROOF_INDICES_BYTES), pow: 0n })
    over[1] = (((MAX_PROOF_INDICES_BYTES + 1) << 2) & 0xff) | 1
    over[2] = (MAX_PROOF_INDICES_BYTES + 1) >> 6
    expect(() => decodePostProof(over)).toThrow(expect.objectContaining({ code: 'TOO_LONG' }))
  })

  it('throws only DecodeError on random and mutated bytes', () => {
    const valid = encodePostProof({ nonce: 7, indices: new Uint8Array(61).fill(0xab), pow: 123_456_789n })
    const mutated = fc
      .tuple(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat(valid.length),
      )
      .map(([edits, cut]) => {
        const b = valid.slice(0, cut + 1)
        for (const [i, v] of edits) if (i < b.length) b[i] = v
        return b
      })
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 900 }), mutated), (bytes) => {
        try {
          decodePostProof(bytes)
        } catch (err) {
          expect(err).toBeInstanceOf(DecodeError)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
