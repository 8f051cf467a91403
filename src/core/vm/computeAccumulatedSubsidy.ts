/**
 * Spacemesh's block subsidy curve (`spacemeshos/economics` v0.1.4 `rewards`, used by
 * go-spacemesh `genvm/rewards.go`; reference §5 "Subsidy"), reproduced digit for digit.
 *
 * The protocol mints 2.25·10^18 smidge (2.4 bn SMH issuance − 150 M vaulted) along an
 * exponential approach: after the layer with index n (layers since the first effective
 * genesis, index 0 mints) the accumulated subsidy is
 *
 *     A(n) = ⌊ T · (1 − e^(−λ·(n+1))) ⌋,   T = 2.25·10^18,   λ = ln 2 / half-life,
 *
 * where the half-life, −1,051,201 · ln 2 / ln 0.8, makes 450 M SMH (20 % of T) come out in the
 * first ten years (10 · 105,120 five-minute layers, plus one). The layer's subsidy is
 * A(n) − A(n−1), so the rounding never loses or creates a smidge over time.
 *
 * Consensus needs go's exact integers, and go does not evaluate the real-number formula: it runs
 * it in IEEE 754 decimal128 arithmetic (`ericlagergren/decimal` `Context128`: 34 significant
 * digits, round half to even after every operation). So we replay that arithmetic step by step
 * on BigInt decimals `coef · 10^exp`, each step rounded to 34 digits exactly as go rounds it:
 *
 *   1. λ: go's 34-digit value, 2.122748659050074683778792926470147·10^−7 (checked by economics'
 *      `Test_Lambda` and by our Go-generated fixture).
 *   2. x = round34(λ · c), c = uint32(n + 1) — exact product, then rounded.
 *   3. e = go's `Context128.Exp(−x)`, which is *not* always the correctly rounded e^(−x): it is
 *      an ulp off for 1,674 of the 420,001 layers we compared (0.4 %). `computeDecimalExp`
 *      re-does its continued fraction with the same working precision and the same rounding at
 *      every step, so we match go's 34 digits, not just its floor. (A correctly rounded exp
 *      matched every floor too: an ulp of e moves A by ≤ T·10^−34 ≈ 2·10^−16 smidge, which
 *      crosses an integer only if A's 34-digit value sits that close to one.)
 *   4. m = round34(1 − e), then a = round34(T · m) — exact, then rounded.
 *   5. A(n) = ⌊a⌋ (go's `Big.Uint64()` truncates).
 *
 * For x ≥ 100, e < 3.8·10^−44 is below half an ulp of 1, so m = 1 and A(n) = T; we return T
 * without computing e (go gets the same: its A(n) = T for n ≥ ~471 M, and for every n past
 * 199,069,550 the per-layer subsidy is already 0).
 *
 * Go quirk kept: c is computed in uint32, so n = 2^32 − 1 gives c = 0 and A(n) = 0; the per-layer
 * difference then wraps in uint64. Unreachable through go-spacemesh (it subtracts the effective
 * genesis, ≥ 1, from a uint32 layer), but reproduced so the function equals go's on its domain.
 */
import { computeDecimalExp, type DecimalValue, roundDecimal } from './computeDecimalExp.ts'

/** Total subsidy, smidge: `constants.TotalSubsidy` = 2.4 bn − 150 M SMH. */
export const TOTAL_SUBSIDY = 2_250_000_000_000_000_000n

const PRECISION = 34
/** go's λ = `rewards.Lambda` = LAMBDA_COEF · 10^LAMBDA_EXP (Context128). */
const LAMBDA_COEF = 2_122_748_659_050_074_683_778_792_926_470_147n
const LAMBDA_EXP = -40
const U32 = 0x1_0000_0000

/** go's `getUnroundedAccumulatedSubsidy` (a Context128 decimal) for `c = uint32(n + 1)`. */
function accumulatedDecimal(c: number): DecimalValue {
  if (c === 0) return { coef: 0n, exp: 0 }
  const x = roundDecimal({ coef: LAMBDA_COEF * BigInt(c), exp: LAMBDA_EXP }, PRECISION)
  // x ≥ 100 ⇒ e^(−x) < 3.8e−44, far below half an ulp of 1: 1 − e rounds to 1.
  if (x.coef * 10n ** BigInt(Math.max(x.exp, 0)) >= 100n * 10n ** BigInt(Math.max(-x.exp, 0)))
    return { coef: TOTAL_SUBSIDY, exp: 0 }
  const e = computeDecimalExp({ coef: -x.coef, exp: x.exp }, PRECISION)
  // 1 − e, exactly, on e's exponent (0 < e < 1 so e.exp < 0), then rounded.
  const m = roundDecimal({ coef: 10n ** BigInt(-e.exp) - e.coef, exp: e.exp }, PRECISION)
  return roundDecimal({ coef: TOTAL_SUBSIDY * m.coef, exp: m.exp }, PRECISION)
}

function floorDecimal(d: DecimalValue): bigint {
  return d.exp >= 0 ? d.coef * 10n ** BigInt(d.exp) : d.coef / 10n ** BigInt(-d.exp)
}

function checkIndex(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n >= U32)
    throw new RangeError(`layersAfterEffectiveGenesis: expected u32, got ${n}`)
}

/**
 * A(n) before the floor: go's 34-digit `getUnroundedAccumulatedSubsidy(n)`, for comparing every
 * digit with go (fixtures) rather than only the integer part.
 */
export function computeUnroundedAccumulatedSubsidy(layersAfterEffectiveGenesis: number): DecimalValue {
  checkIndex(layersAfterEffectiveGenesis)
  return accumulatedDecimal((layersAfterEffectiveGenesis + 1) % U32)
}

/**
 * Smidge minted in total by the end of the layer `layersAfterEffectiveGenesis` after the first
 * effective genesis (economics `TotalAccumulatedSubsidyAtLayer`).
 */
export function computeAccumulatedSubsidy(layersAfterEffectiveGenesis: number): bigint {
  return floorDecimal(computeUnroundedAccumulatedSubsidy(layersAfterEffectiveGenesis))
}

/**
 * Smidge minted in that one layer (economics `TotalSubsidyAtLayer`): A(n) − A(n−1), A(−1) = 0,
 * as a uint64 difference.
 */
export function computeSubsidyAtIndex(layersAfterEffectiveGenesis: number): bigint {
  const now = computeAccumulatedSubsidy(layersAfterEffectiveGenesis)
  const before =
    layersAfterEffectiveGenesis > 0 ? computeAccumulatedSubsidy(layersAfterEffectiveGenesis - 1) : 0n
  return BigInt.asUintN(64, now - before)
}
