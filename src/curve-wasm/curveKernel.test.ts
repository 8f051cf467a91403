/**
 * curve.wasm against the @noble/curves reference: every kernel operation on its own, then the
 * four protocol functions (sign, verify, vrfProve, vrfVerify) with and without the kernel on
 * random, tampered, non-canonical and small-order input. The two must agree byte for byte and
 * verdict for verdict, and nothing reachable from the network may throw.
 */
import { readFileSync } from 'node:fs'
import { ed25519, ed25519_hasher } from '@noble/curves/ed25519.js'
import { sha512 } from '@noble/hashes/sha2.js'
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { type CurveKernel, useCurveKernel } from '../core/crypto/curveKernel.ts'
import {
  publicKeyFromSeed,
  SigningDomain,
  signMessage,
  signTransaction,
  verifyEd25519,
  verifySignature,
} from '../core/crypto/signing.ts'
import { vrfProofToHash, vrfProve, vrfVerify } from '../core/crypto/vrf.ts'
import { checkDecoder } from '../testing/fuzzDecoder.ts'
import { instantiateCurveKernel } from './instantiateCurveKernel.ts'
import { loadCurveKernel } from './loadCurveKernel.ts'

const Point = ed25519.Point
const P = 2n ** 255n - 19n
const L = 2n ** 252n + 27742317777372353535851937790883648493n
const GENESIS = new Uint8Array(20).fill(9)

/** noble's `mapToCurve` with the cofactor cleared; its declared type is the raw map's (bigint[] → affine). */
const mapToCurve = ed25519_hasher.mapToCurve as unknown as (u: bigint) => InstanceType<typeof Point>

let kernel: CurveKernel
beforeAll(async () => {
  kernel = await loadCurveKernel()
})

function le(n: bigint, length = 32): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++, n >>= 8n) out[i] = Number(n & 0xffn)
  return out
}

function leToBig(b: Uint8Array): bigint {
  let n = 0n
  for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]!)
  return n
}

/** A comparable result: hex for bytes, the error name for a throw. */
function outcome(f: () => unknown): unknown {
  try {
    const v = f()
    return v instanceof Uint8Array ? bytesToHex(v) : v
  } catch (err) {
    return `throws ${(err as Error).name}`
  }
}

/** f's outcome on the noble path and on the kernel path, the installed kernel restored after. */
function onBothPaths(f: () => unknown): { noble: unknown; kernel: unknown } {
  const previous = useCurveKernel(undefined)
  try {
    const noble = outcome(f)
    useCurveKernel(kernel)
    return { noble, kernel: outcome(f) }
  } finally {
    useCurveKernel(previous)
  }
}

function expectAgreement(f: () => unknown): unknown {
  const { noble, kernel: k } = onBothPaths(f)
  expect(k).toEqual(noble)
  return noble
}

// The eight points of order dividing 8, from one of order 8, and encodings no strict decoder
// may accept: y + p for y < 19 (either sign bit) and x = 0 with the sign bit set.
const order8 = Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a')
const smallOrder: Uint8Array[] = []
for (let i = 0, q = Point.ZERO; i < 8; i++, q = q.add(order8)) smallOrder.push(q.toBytes())
const nonCanonical: Uint8Array[] = []
for (let y = 0n; y < 19n; y++) {
  nonCanonical.push(le(y + P))
  nonCanonical.push(le(y + P + 2n ** 255n))
}
nonCanonical.push(hexToBytes(`01${'00'.repeat(30)}80`), hexToBytes(`ec${'ff'.repeat(31)}`))

describe('curve.wasm kernel operations against @noble/curves', () => {
  it('loads asynchronously and instantiates synchronously from the same bytes', () => {
    const sync = instantiateCurveKernel(readFileSync(new URL('./curve.wasm', import.meta.url)))
    const one = le(1n)
    expect(bytesToHex(kernel.mulBase(one))).toBe(Point.BASE.toHex())
    expect(bytesToHex(sync.mulBase(one))).toBe(Point.BASE.toHex())
  })

  it('the small-order and non-canonical fixtures are what they claim', () => {
    expect(new Set(smallOrder.map((b) => bytesToHex(b))).size).toBe(8)
    for (const b of smallOrder) expect(Point.fromBytes(b).isSmallOrder()).toBe(true)
    for (const b of nonCanonical) expect(() => Point.fromBytes(b, false)).toThrow()
  })

  it('sha512 at block and chunk boundaries, in parts', () => {
    for (const n of [0, 1, 111, 112, 113, 127, 128, 129, 255, 256, 767, 768, 769, 2000]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff)
      expect(bytesToHex(kernel.sha512(data)), `${n} bytes`).toBe(bytesToHex(sha512(data)))
    }
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }), (parts) => {
        expect(bytesToHex(kernel.sha512(...parts))).toBe(bytesToHex(sha512(concatBytes(...parts))))
      }),
      { numRuns: 200 },
    )
  })

  it('reduceScalar, hashToScalar and mulAddScalar are the integer arithmetic mod L', () => {
    const max512 = 2n ** 512n - 1n
    const max256 = 2n ** 256n - 1n
    for (const n of [0n, 1n, L - 1n, L, L + 1n, 2n * L, 2n ** 252n, 2n ** 253n, (max512 / L) * L, max512]) {
      expect(bytesToHex(kernel.reduceScalar(le(n, 64))), `${n}`).toBe(bytesToHex(le(n % L)))
    }
    for (const [a, b, c] of [
      [max256, max256, max256],
      [L - 1n, L - 1n, L - 1n],
      [0n, max256, L],
    ] as const) {
      expect(bytesToHex(kernel.mulAddScalar(le(a), le(b), le(c)))).toBe(bytesToHex(le((a * b + c) % L)))
    }
    const u256 = fc.bigInt({ min: 0n, max: max256 })
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: max512 }), u256, u256, u256, (n, a, b, c) => {
        expect(bytesToHex(kernel.reduceScalar(le(n, 64)))).toBe(bytesToHex(le(n % L)))
        expect(bytesToHex(kernel.mulAddScalar(le(a), le(b), le(c)))).toBe(bytesToHex(le((a * b + c) % L)))
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 4 }), (parts) => {
        const expected = leToBig(sha512(concatBytes(...parts))) % L
        expect(bytesToHex(kernel.hashToScalar(...parts))).toBe(bytesToHex(le(expected)))
      }),
      { numRuns: 200 },
    )
  })

  it('mulBase and mulBasePair are [s]B for scalars below L, zero included', () => {
    expect(bytesToHex(kernel.mulBase(le(0n)))).toBe(Point.ZERO.toHex())
    expect(bytesToHex(kernel.mulBase(le(L - 1n)))).toBe(Point.BASE.multiply(L - 1n).toHex())
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: L - 1n }), fc.bigInt({ min: 1n, max: L - 1n }), (s, t) => {
        expect(bytesToHex(kernel.mulBase(le(s)))).toBe(Point.BASE.multiply(s).toHex())
        const pair = kernel.mulBasePair(le(s), le(t))
        expect([bytesToHex(pair.a), bytesToHex(pair.b)]).toEqual([
          Point.BASE.multiply(s).toHex(),
          Point.BASE.multiply(t).toHex(),
        ])
      }),
      { numRuns: 100 },
    )
    expect(() => kernel.mulBase(le(2n ** 255n))).toThrow(RangeError)
  })

  it('mulCofactor is [8]P for canonical points and undefined for anything else', () => {
    for (const b of smallOrder) expect(bytesToHex(kernel.mulCofactor(b)!)).toBe(Point.ZERO.toHex())
    for (const b of nonCanonical) expect(kernel.mulCofactor(b)).toBeUndefined()
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
        let expected: string | undefined
        try {
          expected = Point.fromBytes(b, false).clearCofactor().toHex()
        } catch {
          expected = undefined
        }
        const got = kernel.mulCofactor(b)
        expect(got === undefined ? undefined : bytesToHex(got)).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('vrfProvePoints maps u as RFC 9380 edwards25519 Elligator 2 and does the prove point work', () => {
    const edges = [0n, 1n, 2n, P - 1n, P - 2n, (P - 1n) / 2n, (P + 1n) / 2n, 486662n, P - 486662n]
    const prefix = Uint8Array.from({ length: 32 }, (_, i) => i)
    const check = (u: bigint, x: bigint) => {
      const h = mapToCurve(u)
      const got = kernel.vrfProvePoints(le(x), prefix, le(u))
      const k = leToBig(sha512(concatBytes(prefix, h.toBytes()))) % L
      expect(bytesToHex(got.h), `u = ${u}`).toBe(h.toHex())
      expect(bytesToHex(got.gamma), `u = ${u}`).toBe(h.multiplyUnsafe(x).toHex())
      expect(bytesToHex(got.k)).toBe(bytesToHex(le(k)))
      expect(bytesToHex(got.kB)).toBe(Point.BASE.multiplyUnsafe(k).toHex())
      expect(bytesToHex(got.kH)).toBe(h.multiplyUnsafe(k).toHex())
    }
    for (const u of edges) check(u, 1n)
    check(5n, L - 1n)
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: P - 1n }), fc.bigInt({ min: 1n, max: L - 1n }), check), {
      numRuns: 40,
    })
    expect(() => kernel.vrfProvePoints(le(1n), prefix, le(P))).toThrow(RangeError)
  })

  it('entry points that see network bytes never throw, whatever the bytes', () => {
    const bytes = fc.uint8Array({ maxLength: 40 })
    fc.assert(
      fc.property(bytes, bytes, bytes, bytes, bytes, (a, b, c, d, e) => {
        expect(typeof kernel.verifyEd25519(a, b, c, d)).toBe('boolean')
        const points = kernel.vrfVerifyPoints(a, b, c, d, e)
        expect(points === undefined || points.h.length === 32).toBe(true)
        const m = kernel.mulCofactor(a)
        expect(m === undefined || m.length === 32).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe('ed25519: kernel path against the noble path', () => {
  const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 })
  const msgArb = fc.uint8Array({ maxLength: 300 })

  it('public keys and signatures are byte-identical', () => {
    fc.assert(
      fc.property(seedArb, msgArb, (seed, msg) => {
        expectAgreement(() => publicKeyFromSeed(seed))
        expectAgreement(() => signMessage(seed, GENESIS, SigningDomain.BALLOT, msg))
        expectAgreement(() => signTransaction(seed, GENESIS, msg))
      }),
      { numRuns: 40 },
    )
  })

  it('a seed array refilled with another seed is not served from the cache', () => {
    const seed = new Uint8Array(32).fill(1)
    const first = expectAgreement(() => publicKeyFromSeed(seed))
    seed.fill(2)
    expect(expectAgreement(() => publicKeyFromSeed(seed))).not.toBe(first)
  })

  it('verdicts agree on signatures with any bit flipped, in the key, the signature or the message', () => {
    fc.assert(
      fc.property(seedArb, msgArb, fc.nat(), (seed, msg, at) => {
        const pk = publicKeyFromSeed(seed)
        const sig = signMessage(seed, GENESIS, SigningDomain.HARE, msg)
        const all = concatBytes(pk, sig, msg)
        all[(at >> 3) % all.length]! ^= 1 << (at & 7)
        const [pk2, sig2, msg2] = [all.subarray(0, 32), all.subarray(32, 96), all.subarray(96)]
        expectAgreement(() => verifySignature(pk2, GENESIS, SigningDomain.HARE, msg2, sig2))
        expect(verifySignature(pk, GENESIS, SigningDomain.HARE, msg, sig)).toBe(true)
      }),
      { numRuns: 150 },
    )
  })

  it('verdicts agree for small-order and non-canonical A and R, and s at and beyond L', () => {
    const seed = new Uint8Array(32).fill(5)
    const msg = Uint8Array.of(1, 2, 3)
    const pk = publicKeyFromSeed(seed)
    const sig = ed25519.sign(msg, seed)
    const s = leToBig(sig.subarray(32))
    const keys = [pk, ...smallOrder, ...nonCanonical.slice(0, 8), ...nonCanonical.slice(-2)]
    const rs = [sig.subarray(0, 32), ...smallOrder, ...nonCanonical.slice(0, 6), ...nonCanonical.slice(-2)]
    const ss = [le(s), le(0n), le(L - 1n), le(L), le(s + L), new Uint8Array(32).fill(0xff)]
    let accepted = 0
    for (const a of keys) {
      for (const r of rs) {
        for (const sb of ss) {
          if (expectAgreement(() => verifyEd25519(a, msg, concatBytes(r, sb))) === true) accepted++
        }
      }
    }
    expect(accepted).toBeGreaterThan(0) // at least the honest signature
  })

  it('random and mutated (key ‖ signature ‖ message) strings: no throw, same verdict', () => {
    const seed = new Uint8Array(32).fill(7)
    const samples = [Uint8Array.of(), Uint8Array.of(0x42), new Uint8Array(100).fill(3)].map((msg) =>
      concatBytes(publicKeyFromSeed(seed), ed25519.sign(msg, seed), msg),
    )
    checkDecoder(
      (bytes) => {
        const { noble, kernel: k } = onBothPaths(() =>
          verifyEd25519(bytes.subarray(0, 32), bytes.subarray(96), bytes.subarray(32, 96)),
        )
        if (typeof k !== 'boolean' || k !== noble)
          throw new Error(`kernel ${String(k)}, noble ${String(noble)}`)
      },
      samples,
      { runs: 300 },
    )
  })
})

describe('ECVRF: kernel path against the noble path', () => {
  const seed = new Uint8Array(32).fill(11)
  const alpha = Uint8Array.of(0x73, 0x6d)
  let pk: Uint8Array
  let proof: Uint8Array
  beforeAll(() => {
    pk = publicKeyFromSeed(seed)
    proof = vrfProve(seed, alpha)
  })

  it('proofs and outputs are byte-identical for random keys and messages', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        (sk, m) => {
          const pi = expectAgreement(() => vrfProve(sk, m)) as string
          expectAgreement(() => vrfProofToHash(hexToBytes(pi)))
          expectAgreement(() => vrfVerify(publicKeyFromSeed(sk), m, hexToBytes(pi)))
        },
      ),
      { numRuns: 15 },
    )
  })

  it('verdicts agree with any bit flipped in the key, the proof or alpha', () => {
    fc.assert(
      fc.property(fc.nat(), (at) => {
        const all = concatBytes(pk, proof, alpha)
        all[(at >> 3) % all.length]! ^= 1 << (at & 7)
        const [pk2, pi2, alpha2] = [all.subarray(0, 32), all.subarray(32, 112), all.subarray(112)]
        expectAgreement(() => vrfVerify(pk2, alpha2, pi2))
        expectAgreement(() => vrfProofToHash(pi2))
      }),
      { numRuns: 100 },
    )
  })

  it('verdicts agree for small-order and non-canonical keys and Gamma, and s at and beyond L', () => {
    const s = leToBig(proof.subarray(48))
    const keys = [pk, ...smallOrder, ...nonCanonical.slice(0, 4), ...nonCanonical.slice(-2)]
    const gammas = [
      proof.subarray(0, 32),
      ...smallOrder,
      ...nonCanonical.slice(0, 4),
      ...nonCanonical.slice(-2),
    ]
    const ss = [le(s), le(L), le(s + L)]
    for (const k of keys) {
      for (const g of gammas) {
        for (const sb of ss) {
          const pi = concatBytes(g, proof.subarray(32, 48), sb)
          expectAgreement(() => vrfVerify(k, alpha, pi))
          if (k === pk) expectAgreement(() => vrfProofToHash(pi))
        }
      }
    }
    expect(vrfVerify(pk, alpha, proof)).toBe(true)
  })

  it('random and mutated (key ‖ proof ‖ alpha) strings: no throw, same verdict', () => {
    const samples = [concatBytes(pk, proof, alpha)]
    checkDecoder(
      (bytes) => {
        const { noble, kernel: k } = onBothPaths(() =>
          vrfVerify(bytes.subarray(0, 32), bytes.subarray(112), bytes.subarray(32, 112)),
        )
        if (typeof k !== 'boolean' || k !== noble)
          throw new Error(`kernel ${String(k)}, noble ${String(noble)}`)
      },
      samples,
      { runs: 150 },
    )
  })
})
