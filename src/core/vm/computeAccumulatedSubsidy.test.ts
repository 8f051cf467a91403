import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeAccumulatedSubsidy,
  computeSubsidyAtIndex,
  computeUnroundedAccumulatedSubsidy,
  TOTAL_SUBSIDY,
} from './computeAccumulatedSubsidy.ts'
import type { DecimalValue } from './computeDecimalExp.ts'
import vectors from './fixtures/economics-subsidy.json' with { type: 'json' }

/** Go's decimal string ("477618397593.07…", "2.12…E-7", "0") as coef · 10^exp. */
function parseGoDecimal(s: string): DecimalValue {
  const [mantissa = '', exponent = '0'] = s.split('E')
  const [int = '', frac = ''] = mantissa.split('.')
  return { coef: BigInt(int + frac), exp: Number(exponent) - frac.length }
}

/** |a − b| in units of 10^−scale. */
function distance(a: DecimalValue, b: DecimalValue, scale: number): bigint {
  const e = Math.min(a.exp, b.exp, -scale)
  const d = a.coef * 10n ** BigInt(a.exp - e) - b.coef * 10n ** BigInt(b.exp - e)
  return (d < 0n ? -d : d) / 10n ** BigInt(-scale - e)
}

function sameValue(a: DecimalValue, b: DecimalValue): boolean {
  return distance(a, b, 60) === 0n && distance(b, a, 60) === 0n
}

const U32_MAX = 0xffff_ffff
/** Past it, A(n) is T − 1 for good (economics Test_FinalLayer) until x ≥ ~79 rounds it to T. */
const FINAL_LAYER = 199_069_549

describe('economics subsidy vs Go (fixtures/economics-subsidy.json)', () => {
  it(`matches all ${vectors.entries.length} Go vectors to the last of the 34 digits`, () => {
    expect(vectors.entries.length).toBeGreaterThan(250)
    for (const v of vectors.entries) {
      const unrounded = computeUnroundedAccumulatedSubsidy(v.n)
      // Within 10^−15 smidge before the floor: go's Exp may miss the correct rounding by an ulp.
      expect(
        distance(unrounded, parseGoDecimal(v.unrounded), 15),
        `n ${v.n} (${v.why}): ${v.unrounded}`,
      ).toBe(0n)
      expect(computeAccumulatedSubsidy(v.n), `n ${v.n}`).toBe(BigInt(v.accumulated))
      expect(computeSubsidyAtIndex(v.n), `n ${v.n}`).toBe(BigInt(v.subsidy))
    }
  })

  it("uses Go's 34-digit λ and covers the upstream samples and boundaries", () => {
    // λ = 2.122748659050074683778792926470147e−7: A(0) = round34(T · (1 − e^(−λ))) needs it.
    expect(
      sameValue(parseGoDecimal(vectors.lambda), { coef: 2122748659050074683778792926470147n, exp: -40 }),
    ).toBe(true)
    const whys = new Set(vectors.entries.map((v) => v.why))
    for (const why of [
      'upstream Test_Subsidy',
      'final smidge (Test_FinalLayer)',
      'uint32 end (n+1 wraps to 0)',
    ])
      expect(whys).toContain(why)
    // economics Test_FinalLayer and Test_TenYearIssuance.
    expect(computeSubsidyAtIndex(FINAL_LAYER)).toBe(1n)
    expect(computeAccumulatedSubsidy(FINAL_LAYER)).toBe(TOTAL_SUBSIDY - 1n)
    expect(computeSubsidyAtIndex(FINAL_LAYER + 1)).toBe(0n)
    expect(computeAccumulatedSubsidy(10 * 105_120)).toBe(450_000_000n * 10n ** 9n)
  })

  it('keeps go quirks at the end of the uint32 range and refuses non-u32 input', () => {
    expect(computeAccumulatedSubsidy(U32_MAX)).toBe(0n)
    expect(computeSubsidyAtIndex(U32_MAX)).toBe(2n ** 64n - TOTAL_SUBSIDY)
    for (const bad of [-1, 0.5, 2 ** 32, Number.NaN])
      expect(() => computeAccumulatedSubsidy(bad)).toThrow(/layersAfterEffectiveGenesis: expected u32/)
  })
})

describe('economics subsidy properties', () => {
  it('is monotone and never exceeds the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: U32_MAX - 2 }), (n) => {
        const a = computeAccumulatedSubsidy(n)
        const b = computeAccumulatedSubsidy(n + 1)
        expect(a <= b && b <= TOTAL_SUBSIDY).toBe(true)
        expect(computeSubsidyAtIndex(n + 1)).toBe(b - a)
      }),
      { numRuns: 200 },
    )
  })

  it('sums per-layer subsidies to the accumulated subsidy', () => {
    let sum = 0n
    for (let n = 0; n < 500; n++) sum += computeSubsidyAtIndex(n)
    expect(sum).toBe(computeAccumulatedSubsidy(499))
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: U32_MAX - 200 }),
        fc.integer({ min: 1, max: 100 }),
        (start, len) => {
          let s = 0n
          for (let n = start; n < start + len; n++) s += computeSubsidyAtIndex(n)
          expect(s).toBe(computeAccumulatedSubsidy(start + len - 1) - computeAccumulatedSubsidy(start - 1))
        },
      ),
      { numRuns: 20 },
    )
  })
})
