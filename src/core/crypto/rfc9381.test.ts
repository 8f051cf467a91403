import { ed25519 } from '@noble/curves/ed25519.js'
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { curvePaths, runOnCurvePath } from '../../testing/curvePaths.ts'
import { currentCurveKernel } from './curveKernel.ts'
import vectors from './fixtures/ecvrf-edwards25519-sha512-ell2.json' with { type: 'json' }
import { vrfProofToHash, vrfProve, vrfVerify } from './vrf.ts'

const L = 2n ** 252n + 27742317777372353535851937790883648493n

describe.each(curvePaths())('$path', ({ kernel }) => {
  runOnCurvePath(kernel)

  it('runs with the implementation it names installed', () => {
    expect(currentCurveKernel()).toBe(kernel)
  })

  describe('RFC 9381 ECVRF-EDWARDS25519-SHA512-ELL2 vectors', () => {
    for (const [i, v] of vectors.vectors.entries()) {
      it(`vector ${i + 1} (alpha '${v.alpha}')`, () => {
        const sk = hexToBytes(v.sk)
        const alpha = hexToBytes(v.alpha)
        expect(bytesToHex(ed25519.getPublicKey(sk))).toBe(v.pk)
        const pi = vrfProve(sk, alpha)
        expect(bytesToHex(pi)).toBe(v.pi)
        expect(vrfVerify(hexToBytes(v.pk), alpha, pi)).toBe(true)
        expect(bytesToHex(vrfProofToHash(pi))).toBe(v.beta)
      })
    }
  })

  describe('vrfVerify rejects', () => {
    const v = vectors.vectors[1]!
    const pk = hexToBytes(v.pk)
    const alpha = hexToBytes(v.alpha)
    const pi = hexToBytes(v.pi)
    const le32 = (n: bigint) => hexToBytes(n.toString(16).padStart(64, '0')).reverse()

    it('another message, another key, any flipped bit', () => {
      expect(vrfVerify(pk, Uint8Array.of(0x73), pi)).toBe(false)
      expect(vrfVerify(hexToBytes(vectors.vectors[0]!.pk), alpha, pi)).toBe(false)
      for (let bit = 0; bit < 640; bit += 7) {
        const bad = pi.slice()
        bad[bit >> 3]! ^= 1 << (bit & 7)
        expect(vrfVerify(pk, alpha, bad)).toBe(false)
      }
    })

    it('s ≥ L (s + L would satisfy the equations)', () => {
      const s = BigInt(`0x${bytesToHex(pi.slice(48).reverse())}`)
      const bad = concatBytes(pi.subarray(0, 48), le32(s + L))
      expect(vrfVerify(pk, alpha, bad)).toBe(false)
      expect(() => vrfProofToHash(bad)).toThrow(RangeError)
    })

    it('non-canonical or invalid points, small-order keys, wrong lengths — without throwing', () => {
      const nonCanonical = hexToBytes(`ee${'ff'.repeat(30)}7f`) // y = p + 1
      const identity = hexToBytes(`01${'00'.repeat(31)}`)
      expect(vrfVerify(nonCanonical, alpha, pi)).toBe(false)
      expect(vrfVerify(identity, alpha, pi)).toBe(false)
      expect(vrfVerify(pk, alpha, concatBytes(nonCanonical, pi.subarray(32)))).toBe(false)
      expect(vrfVerify(pk, alpha, pi.subarray(1))).toBe(false)
      expect(vrfVerify(pk.subarray(1), alpha, pi)).toBe(false)
      expect(vrfVerify(new Uint8Array(32).fill(0xff), alpha, pi)).toBe(false)
    })

    it('never throws on random input', () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: 32, maxLength: 32 }),
          fc.uint8Array({ minLength: 80, maxLength: 80 }),
          (k, p) => {
            expect(vrfVerify(k, alpha, p)).toBe(false)
          },
        ),
        { numRuns: 200 },
      )
    })

    it('round-trips for random keys and messages', () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: 32, maxLength: 32 }),
          fc.uint8Array({ maxLength: 100 }),
          (sk, m) => {
            const proof = vrfProve(sk, m)
            expect(vrfVerify(ed25519.getPublicKey(sk), m, proof)).toBe(true)
          },
        ),
        { numRuns: 30 },
      )
    })
  })
})
