import { ed25519 } from '@noble/curves/ed25519.js'
import { sha512 } from '@noble/hashes/sha2.js'
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { curvePaths, runOnCurvePath } from '../../testing/curvePaths.ts'
import { currentCurveKernel } from './curveKernel.ts'
import speccheck from './fixtures/ed25519-speccheck.json' with { type: 'json' }
import {
  publicKeyFromSeed,
  SigningDomain,
  signMessage,
  signTransaction,
  verifyEd25519,
  verifySignature,
  verifyTransactionSignature,
} from './signing.ts'

const L = 2n ** 252n + 27742317777372353535851937790883648493n
const seed = hexToBytes('70726976617465206b6579202020202020202020202020202020202020202030')
const zeroGenesis = new Uint8Array(20)
const genesis = hexToBytes('9eebff023abb17ccb775c602daade8ed708f0a50')

function le(n: bigint): Uint8Array {
  const out = new Uint8Array(32)
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn)
  return out
}
function leToBig(b: Uint8Array): bigint {
  let n = 0n
  for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]!)
  return n
}

/** A signature with a chosen R encoding: s = k·a, valid iff R is the identity (any encoding). */
function signWithIdentityR(rBytes: Uint8Array, body: Uint8Array): Uint8Array {
  const { scalar, pointBytes } = ed25519.utils.getExtendedPublicKey(seed)
  const k = leToBig(sha512(concatBytes(rBytes, pointBytes, body))) % L
  return concatBytes(rBytes, le((k * scalar) % L))
}

describe.each(curvePaths())('$path', ({ kernel }) => {
  runOnCurvePath(kernel)

  it('runs with the implementation it names installed', () => {
    expect(currentCurveKernel()).toBe(kernel)
  })

  describe('transaction signatures (genvm core.SigningBody)', () => {
    // reference §8 vector 2: the 118-byte spend signed under the zero genesis ID.
    const raw = hexToBytes(
      '000000000049bb3368abb5c34f7ef42023534b1419684e6fa5400004010203040000000000000000000000000000000000000000a10f4673b51d2c520c961b189e8155a0027af2950be0238662e9770e0a3c1e5f57206550a8fddddd25b588f9a3cf2febc37f0869e468e1bf3672b9c06d97c8ce0308',
    )
    const body = raw.subarray(0, raw.length - 64)
    const sig = raw.subarray(raw.length - 64)

    it('reproduces the go-spacemesh signature byte for byte', () => {
      expect(bytesToHex(publicKeyFromSeed(seed))).toBe(
        'a618d48453eba74b5818dda29db7ddf2f14ccc200b12a18e807965aa01592399',
      )
      expect(bytesToHex(signTransaction(seed, zeroGenesis, body))).toBe(bytesToHex(sig))
      expect(verifyTransactionSignature(publicKeyFromSeed(seed), zeroGenesis, body, sig)).toBe(true)
    })

    it('binds the genesis ID', () => {
      expect(verifyTransactionSignature(publicKeyFromSeed(seed), genesis, body, sig)).toBe(false)
    })

    it('is not a domain signature', () => {
      const pub = publicKeyFromSeed(seed)
      const s = signMessage(seed, genesis, SigningDomain.ATX, body)
      expect(verifyTransactionSignature(pub, genesis, body, s)).toBe(false)
    })
  })

  describe('domain signatures (signing.EdSigner)', () => {
    const pub = publicKeyFromSeed(seed)
    const msg = new TextEncoder().encode('ballot')

    it('round-trips and covers genesisId ‖ domain ‖ message', () => {
      const s = signMessage(seed, genesis, SigningDomain.BALLOT, msg)
      expect(verifySignature(pub, genesis, SigningDomain.BALLOT, msg, s)).toBe(true)
      expect(ed25519.verify(s, concatBytes(genesis, Uint8Array.of(2), msg), pub)).toBe(true)
    })

    it('separates domains and networks', () => {
      const s = signMessage(seed, genesis, SigningDomain.BALLOT, msg)
      expect(verifySignature(pub, genesis, SigningDomain.PROPOSAL, msg, s)).toBe(false)
      expect(verifySignature(pub, zeroGenesis, SigningDomain.BALLOT, msg, s)).toBe(false)
    })

    it('rejects bad arguments when signing, with the argument named', () => {
      expect(() => signMessage(seed.subarray(1), genesis, SigningDomain.ATX, msg)).toThrow(
        'seed: expected 32 bytes, got 31',
      )
      expect(() => signMessage(seed, genesis.subarray(1), SigningDomain.ATX, msg)).toThrow(/genesisId/)
      expect(() => signMessage(seed, genesis, 7 as never, msg)).toThrow(/domain/)
    })

    it('returns false, never throws, for malformed verification input', () => {
      const s = signMessage(seed, genesis, SigningDomain.HARE, msg)
      expect(verifySignature(pub.subarray(1), genesis, SigningDomain.HARE, msg, s)).toBe(false)
      expect(verifySignature(pub, genesis, SigningDomain.HARE, msg, s.subarray(1))).toBe(false)
      expect(verifySignature(pub, genesis.subarray(1), SigningDomain.HARE, msg, s)).toBe(false)
      expect(verifySignature(new Uint8Array(32).fill(0xff), genesis, SigningDomain.HARE, msg, s)).toBe(false)
    })
  })

  describe('strictness (curve25519-voi VerifyOptionsDefault)', () => {
    const pub = publicKeyFromSeed(seed)
    const msg = new TextEncoder().encode('strict')
    const body = concatBytes(genesis, Uint8Array.of(SigningDomain.HARE), msg)
    const identity = hexToBytes(`01${'00'.repeat(31)}`)
    // y = p + 1 ≡ 1: the identity with a non-canonical y (2^255 - 18).
    const identityNonCanonical = hexToBytes(`ee${'ff'.repeat(30)}7f`)

    it('accepts a small-order R', () => {
      const s = signWithIdentityR(identity, body)
      expect(verifySignature(pub, genesis, SigningDomain.HARE, msg, s)).toBe(true)
    })

    it('rejects a non-canonical R that ZIP-215 would accept', () => {
      const s = signWithIdentityR(identityNonCanonical, body)
      expect(ed25519.verify(s, body, pub, { zip215: true })).toBe(true)
      expect(verifySignature(pub, genesis, SigningDomain.HARE, msg, s)).toBe(false)
    })

    it('rejects a small-order public key', () => {
      // A = R = identity, s = 0 satisfies the equation for every message.
      const s = concatBytes(identity, new Uint8Array(32))
      expect(ed25519.verify(s, body, identity, { zip215: true })).toBe(true)
      expect(verifySignature(identity, genesis, SigningDomain.HARE, msg, s)).toBe(false)
    })

    it('rejects a non-canonical public key', () => {
      const s = concatBytes(identity, new Uint8Array(32))
      expect(verifySignature(identityNonCanonical, genesis, SigningDomain.HARE, msg, s)).toBe(false)
    })

    it('rejects s ≥ L', () => {
      const s = signMessage(seed, genesis, SigningDomain.HARE, msg)
      const big = concatBytes(s.subarray(0, 32), le(leToBig(s.subarray(32)) + L))
      expect(verifySignature(pub, genesis, SigningDomain.HARE, msg, big)).toBe(false)
    })
  })

  describe("'Taming the many EdDSAs' edge cases, as curve25519-voi decides them", () => {
    for (const [i, c] of speccheck.cases.entries()) {
      it(`${i}: ${c.name} → ${c.voiDefault ? 'accept' : 'reject'}`, () => {
        const [msg, pub, sig] = [c.message, c.pub_key, c.signature].map((h) => hexToBytes(h)) as [
          Uint8Array,
          Uint8Array,
          Uint8Array,
        ]
        expect(verifyEd25519(pub, msg, sig)).toBe(c.voiDefault)
        // noble's ZIP-215 mode differs from voi's default exactly where the fixture says.
        let zip215: boolean
        try {
          zip215 = ed25519.verify(sig, msg, pub, { zip215: true })
        } catch {
          zip215 = false
        }
        expect(zip215).toBe(c.zip215)
      })
    }
  })
})
