/**
 * Tortoise weight arithmetic against github.com/spacemeshos/fixed: the `tortoise` section of
 * src/core/fixed/fixtures/bincdf-vectors.json was printed by the real library with go-spacemesh's
 * formulas (ballot weight from `big.NewRat`, expected weight, local and global thresholds).
 */
import { describe, expect, it } from 'vitest'
import { type Fixed, fixedFromInt, ONE, SIGN } from '../fixed/Fixed.ts'
import { fixedDivUint64 } from '../fixed/fixedArithmetic.ts'
import vectors from '../fixed/fixtures/bincdf-vectors.json' with { type: 'json' }
import { computeBallotWeight, computeWeightPerEligibility } from './computeBallotWeight.ts'
import {
  computeExpectedWeight,
  computeGlobalThreshold,
  computeLocalThreshold,
  crossesThreshold,
  type TortoiseConfig,
} from './TortoiseState.ts'

const hex = (f: Fixed): string => f.toString(16).padStart(32, '0')

describe('tortoise weights in spacemeshos/fixed', () => {
  it(`match the library on ${vectors.tortoise.length} vectors`, () => {
    for (const v of vectors.tortoise) {
      const label = JSON.stringify(v)
      const per = computeWeightPerEligibility(BigInt(v.atxWeight), v.count)
      expect(hex(computeBallotWeight(per, v.eligibilities)), label).toBe(v.ballotWeight)
      const c = { layersPerEpoch: v.perEpoch, windowSize: 1_000_000 } as TortoiseConfig
      const w = fixedFromInt(BigInt(v.epochWeight))
      const epochWeight = () => w
      // (target, last] = the first `layers` layers of epoch 5.
      const target = 5 * v.perEpoch - 1
      const last = target + v.layers
      expect(hex(computeExpectedWeight(c, epochWeight, target, last)), label).toBe(v.expected)
      const local = computeLocalThreshold(c, w)
      expect(hex(local), label).toBe(v.local)
      expect(hex(computeGlobalThreshold(c, epochWeight, local, target, last, last)), label).toBe(v.global)
    }
  })

  it('reduces the weight per eligibility before dividing, as big.Rat does', () => {
    const reduced = computeBallotWeight(computeWeightPerEligibility(1000n, 500), 1)
    expect(reduced).toBe(2n * ONE)
    // Unreduced, the library's division comes out one raw unit low.
    expect(fixedDivUint64(1000n, 500n)).toBe(2n * ONE - 1n)
  })

  it('crosses thresholds by Float() sign and raw-word size', () => {
    const t = 5n * ONE
    expect(crossesThreshold(6n * ONE, t)).toBe(1)
    expect(crossesThreshold(5n * ONE, t)).toBe(0)
    expect(crossesThreshold((6n * ONE) | SIGN, t)).toBe(-1)
    expect(crossesThreshold(SIGN, 0n)).toBe(0) // −0 is neither sign
    expect(crossesThreshold(1n, 0n)).toBe(1)
  })
})
