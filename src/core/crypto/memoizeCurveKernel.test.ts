/**
 * The verification memo: the same verdicts as the kernel it wraps, one kernel call per distinct
 * input while the input is remembered, eviction past capacity, and no collisions between inputs
 * whose bytes concatenate alike.
 */
import { describe, expect, it } from 'vitest'
import { type CurveKernel, currentCurveKernel, useCurveKernel } from './curveKernel.ts'
import { memoizeCurveKernel } from './memoizeCurveKernel.ts'
import { publicKeyFromSeed, SigningDomain, signMessage, verifySignature } from './signing.ts'
import { vrfProve, vrfVerify } from './vrf.ts'

const genesis = new Uint8Array(20).fill(3)
const seed = (i: number) => new Uint8Array(32).fill(i + 1)

/** The installed kernel with its verification calls counted. */
function countingKernel(): { kernel: CurveKernel; calls: { ed: number; vrf: number } } {
  const inner = currentCurveKernel()
  if (inner === undefined) throw new Error('expected the vitest setupFile to have installed curve.wasm')
  const calls = { ed: 0, vrf: 0 }
  const kernel: CurveKernel = {
    ...inner,
    verifyEd25519: (...a) => {
      calls.ed++
      return inner.verifyEd25519(...a)
    },
    vrfVerifyPoints: (...a) => {
      calls.vrf++
      return inner.vrfVerifyPoints(...a)
    },
  }
  return { kernel, calls }
}

function withKernel<T>(kernel: CurveKernel, run: () => T): T {
  const previous = useCurveKernel(kernel)
  try {
    return run()
  } finally {
    useCurveKernel(previous)
  }
}

describe('memoizeCurveKernel', () => {
  const messages = Array.from({ length: 6 }, (_, i) => Uint8Array.of(i, 7, 7))
  const signed = messages.map((m, i) => ({
    key: publicKeyFromSeed(seed(i % 3)),
    message: m,
    signature: signMessage(seed(i % 3), genesis, SigningDomain.BALLOT, m),
    proof: vrfProve(seed(i % 3), m),
  }))
  const tampered = signed.map((x) => {
    const signature = x.signature.slice()
    signature[5]! ^= 1
    const proof = x.proof.slice()
    proof[40]! ^= 1
    return { ...x, signature, proof }
  })
  const verdicts = (list: typeof signed) =>
    list.map((x) => [
      verifySignature(x.key, genesis, SigningDomain.BALLOT, x.message, x.signature),
      vrfVerify(x.key, x.message, x.proof),
    ])

  it('gives the wrapped kernel’s verdicts and calls it once per distinct input', () => {
    const { kernel, calls } = countingKernel()
    const want = withKernel(kernel, () => [...verdicts(signed), ...verdicts(tampered)])
    expect(want.slice(0, 6).flat().every(Boolean)).toBe(true)
    expect(want.slice(6).flat().some(Boolean)).toBe(false)
    calls.ed = 0
    calls.vrf = 0
    const memo = memoizeCurveKernel(kernel)
    for (let round = 0; round < 3; round++) {
      expect(withKernel(memo, () => [...verdicts(signed), ...verdicts(tampered)])).toEqual(want)
    }
    expect(calls).toEqual({ ed: 12, vrf: 12 })
  })

  it('forgets the oldest entries past its capacity', () => {
    const { kernel, calls } = countingKernel()
    const memo = memoizeCurveKernel(kernel, 2)
    withKernel(memo, () => {
      for (const round of [0, 1])
        expect(verdicts(signed.slice(0, 3)).flat().every(Boolean), `${round}`).toBe(true)
    })
    // Three inputs through two slots: every call of the second round misses again.
    expect(calls).toEqual({ ed: 6, vrf: 6 })
  })

  it('keys each operand by its length, so shifted bytes do not collide', () => {
    const { kernel, calls } = countingKernel()
    const memo = memoizeCurveKernel(kernel)
    const a = new Uint8Array(32).fill(9)
    const b = new Uint8Array(33).fill(9)
    const zero = new Uint8Array(32)
    memo.verifyEd25519(a, b.subarray(0, 32), zero, zero)
    memo.verifyEd25519(b, a.subarray(0, 31), zero, zero)
    expect(calls.ed).toBe(2)
    expect(() => memoizeCurveKernel(kernel, 0)).toThrow(RangeError)
  })
})
