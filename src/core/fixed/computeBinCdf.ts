/**
 * The binomial CDF of `spacemeshos/fixed` (`fixed.BinCDF`), which go-spacemesh's hare eligibility
 * oracle evaluates for every committee seat: P[X ≤ x] for X ~ Binomial(n, p) equals the
 * regularized incomplete beta I_{1−p}(n − x, x + 1), computed as
 *
 *   I_t(a, b) = t^a (1−t)^b / (a · B(a, b)) · 1 / (1 + d₁/(1 + d₂/(1 + …)))
 *
 * with the prefactor as exp(lnΓ(a+b) − lnΓ(a) − lnΓ(b) + a ln t + b ln(1−t)) and the continued
 * fraction by the modified Lentz method (at most 299 double steps, stopping once a step's factor
 * is within 10^−14 above 1), switching to 1 − I_{1−t}(b, a) when t > (a+1)/(a+b+2).
 *
 * Every operation is the 56-bit one of `fixedArithmetic.ts` / `fixedTranscendental.ts`, so the
 * result is the library's to the last raw unit, including where it is not the mathematically
 * nearest value. Arguments above 2^30 and probabilities outside [0, 1] throw FixedError, as the
 * library panics.
 */
import { ONE as FIXED_ONE, type Fixed, fixedFromInt, fromRaw56, i64, isZero, toRaw56 } from './Fixed.ts'
import { FixedError } from './FixedError.ts'
import { fixedAdd, fixedDiv, fixedInverse, fixedMul, fixedSub } from './fixedArithmetic.ts'
import { fixedExp, lgammaInteger, scaledLog } from './fixedTranscendental.ts'

// Local copies (the continued fraction is the hot loop; module bindings cost a getter under the
// dev/test transforms).
const ONE: Fixed = FIXED_ONE
const MAG = (1n << 127n) - 1n
const MAX_SHAPE = 1n << 30n
const MAX_STEPS = 300n
/** 1e−14 read into 56 fraction bits by truncation (720 raw units). */
const STEP_EPSILON: Fixed = 720n

/** Lentz's guard: a zero denominator becomes one raw unit. */
const nonZero = (z: Fixed): Fixed => ((z & MAG) === 0n ? 1n : z)

/** The continued fraction of I_t(a, b), t a 56-bit fraction. */
function betaContinuedFraction(t: bigint, a: bigint, b: bigint): Fixed {
  const tf = fromRaw56(t)
  let c = ONE
  let d = fixedInverse(
    nonZero(fixedSub(ONE, fixedDiv(fixedMul(tf, fixedFromInt(a + b)), fixedFromInt(a + 1n)))),
  )
  let h = d
  for (let m = 1n; m < MAX_STEPS; m++) {
    // Even step: d_{2m} = m(b−m)t / ((a+2m−1)(a+2m)).
    let coeff = fixedDiv(
      fixedMul(tf, fixedFromInt(m * (b - m))),
      fixedFromInt((a + 2n * m - 1n) * (a + 2n * m)),
    )
    d = fixedInverse(nonZero(fixedAdd(fixedMul(coeff, d), ONE)))
    c = nonZero(fixedAdd(fixedDiv(coeff, c), ONE))
    h = fixedMul(fixedMul(h, d), c)
    // Odd step: d_{2m+1} = −(a+m)(a+b+m)t / ((a+2m)(a+2m+1)).
    coeff = fixedDiv(
      fixedMul(fixedFromInt((-a - m) * (a + b + m)), tf),
      fixedFromInt((a + 2n * m) * (a + 2n * m + 1n)),
    )
    d = fixedInverse(nonZero(fixedAdd(fixedMul(coeff, d), ONE)))
    c = nonZero(fixedAdd(fixedDiv(coeff, c), ONE))
    const step = fixedMul(d, c)
    h = fixedMul(h, step)
    // Raw-word comparison: a step below 1 makes the difference negative, which never passes.
    if (fixedSub(step, ONE) < STEP_EPSILON) return h
  }
  return h
}

/** I_t(a, b) for integers a, b ≥ 1 and a 56-bit fraction t ∈ [0, 1]. */
export function computeIncompleteBeta(a: bigint, b: bigint, t: bigint): Fixed {
  if (a > MAX_SHAPE || b > MAX_SHAPE) throw new FixedError('OVERFLOW', `beta shape ${a}, ${b} above 2^30`)
  let prefactor: Fixed = 0n
  if (t > 0n && t < ONE) {
    const lnB = fixedSub(fixedSub(lgammaInteger(a + b), lgammaInteger(a)), lgammaInteger(b))
    prefactor = fixedExp(fixedAdd(fixedAdd(lnB, scaledLog(t, a)), scaledLog(ONE - t, b)))
  } else if (t < 0n || t > ONE) {
    throw new FixedError('OVERFLOW', `beta argument ${t} outside [0, 2^56]`)
  }
  const series = (tt: bigint, aa: bigint, bb: bigint): Fixed => {
    if (isZero(prefactor)) return prefactor
    return fixedDiv(fixedMul(prefactor, betaContinuedFraction(tt, aa, bb)), fixedFromInt(aa))
  }
  if (t > toRaw56(fixedDiv(fixedFromInt(a + 1n), fixedFromInt(a + b + 2n)))) {
    return fixedSub(ONE, series(ONE - t, b, a))
  }
  return series(t, a, b)
}

/**
 * `fixed.BinCDF(n, p, x)`: 0 for x < 0, 1 for x ≥ n, else I_{1−p}(n − x, x + 1). `n` and `x` are
 * Go `int`s (int64), `p` a raw word.
 */
export function computeBinCdf(n: bigint, p: Fixed, x: bigint): Fixed {
  if (x < 0n) return 0n
  if (x >= n) return ONE
  return computeIncompleteBeta(n - x, x + 1n, i64(ONE - toRaw56(p)))
}
