/**
 * A ballot's weight (go-spacemesh `tortoise.decodeBallot`): the reference ballot fixes the weight
 * per eligibility as the rational ATX weight / eligibility count (`big.NewRat`, so in lowest
 * terms), and each ballot weighs `DivUint64(num, den) · New(eligibilities)` in `spacemeshos/fixed`.
 * Reducing first matters: `DivUint64` can come out one raw unit low on an exact quotient with a
 * large divisor (1000/500 is not 500-reduced 2/1 to the last unit).
 */
import { type Fixed, fixedFromInt } from '../fixed/Fixed.ts'
import { fixedDivUint64, fixedMul } from '../fixed/fixedArithmetic.ts'

export interface WeightPerEligibility {
  readonly num: bigint
  readonly den: bigint
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

/** ATX weight / eligibility count in lowest terms (a count of 0 reads as 1: Go would panic). */
export function computeWeightPerEligibility(
  atxWeight: bigint,
  eligibilityCount: number,
): WeightPerEligibility {
  const den = BigInt(Math.max(1, eligibilityCount))
  const g = gcd(atxWeight, den)
  return g === 0n ? { num: 0n, den: 1n } : { num: atxWeight / g, den: den / g }
}

export function computeBallotWeight(perEligibility: WeightPerEligibility, eligibilities: number): Fixed {
  return fixedMul(fixedDivUint64(perEligibility.num, perEligibility.den), fixedFromInt(BigInt(eligibilities)))
}
