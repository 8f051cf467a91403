/**
 * e^x in decimal floating point exactly as `ericlagergren/decimal` (commit 00de7ca16731, the one
 * spacemeshos/economics v0.1.4 builds on) evaluates it for a Context of precision p, so our
 * subsidy equals go's to the last of its 34 digits, not just after the floor.
 *
 * That library does not round e^x correctly (at n = 76 of the subsidy curve the exact value lies
 * 0.5009 ulp above a 34-digit number and it returns that number), so a correctly rounded exp
 * would differ from go by an ulp now and then. Its algorithm, re-implemented here step by step:
 *
 *   1. t = number of integer digits of x (0 when |x| < 1); r = x / 10^t, exact.
 *   2. Work at precision q = p + t + 3, every operation rounded half to even to q digits.
 *   3. Evaluate the continued fraction (Khovanskii; Cuyt et al. 2008, p. 194)
 *        e^r = 1 + 2r / (2 − r + (r²/6) / (1 + a₃r² / (1 + a₄r² / …))),  a_m = 1 / (16(m−1)² − 4)
 *      with the Wallis recurrences A_m = B_m·A_{m−1} + a_m·A_{m−2} (likewise B), starting from
 *      A = 1, A₋₁ = 1, B = 1, B₋₁ = 0; each product a_m·A_{m−2} is rounded, then the fused
 *      B_m·A_{m−1} + that is rounded once. After each step the convergent A/B (rounded) is
 *      compared with the previous one; it stops when they differ by at most 10^−q.
 *   4. If t > 0, raise it to 10^t by binary powering (square-and-multiply, each product rounded).
 *   5. Round to p digits.
 *
 * Only what the subsidy needs is supported: −1000 < x < 0 (the library has extra cases for 0,
 * x = 1, |x| ≤ 9·10^−(p+1) and t > 19 that the subsidy never reaches: x ≤ −λ ≈ −2.1·10^−7).
 */

/** coef · 10^exp (coef signed). */
export interface DecimalValue {
  readonly coef: bigint
  readonly exp: number
}

function digitCount(v: bigint): number {
  return v === 0n ? 1 : (v < 0n ? -v : v).toString().length
}

/**
 * Round to `precision` significant digits, half to even. `sticky` says the true value lies
 * strictly beyond `d` in magnitude (a nonzero remainder was already dropped).
 */
export function roundDecimal(d: DecimalValue, precision: number, sticky = false): DecimalValue {
  const negative = d.coef < 0n
  const mag = negative ? -d.coef : d.coef
  const drop = digitCount(mag) - precision
  if (drop <= 0) return d
  const unit = 10n ** BigInt(drop)
  let q = mag / unit
  const twice = 2n * (mag % unit)
  if (twice > unit || (twice === unit && (sticky || q % 2n === 1n))) q += 1n
  let exp = d.exp + drop
  // A carry to 10^precision keeps `precision` digits once its trailing zero goes.
  if (q === 10n ** BigInt(precision)) {
    q /= 10n
    exp += 1
  }
  return { coef: negative ? -q : q, exp }
}

function align(a: DecimalValue, b: DecimalValue): [bigint, bigint, number] {
  const e = Math.min(a.exp, b.exp)
  return [a.coef * 10n ** BigInt(a.exp - e), b.coef * 10n ** BigInt(b.exp - e), e]
}

function mul(a: DecimalValue, b: DecimalValue, p: number): DecimalValue {
  return roundDecimal({ coef: a.coef * b.coef, exp: a.exp + b.exp }, p)
}

function add(a: DecimalValue, b: DecimalValue, p: number): DecimalValue {
  const [x, y, exp] = align(a, b)
  return roundDecimal({ coef: x + y, exp }, p)
}

function sub(a: DecimalValue, b: DecimalValue, p: number): DecimalValue {
  return add(a, { coef: -b.coef, exp: b.exp }, p)
}

/** a · b + c, rounded once. */
function fma(a: DecimalValue, b: DecimalValue, c: DecimalValue, p: number): DecimalValue {
  const [x, y, exp] = align({ coef: a.coef * b.coef, exp: a.exp + b.exp }, c)
  return roundDecimal({ coef: x + y, exp }, p)
}

/** a / b correctly rounded: p + 2 quotient digits, the remainder as sticky. */
function quo(a: DecimalValue, b: DecimalValue, p: number): DecimalValue {
  const negative = a.coef < 0n !== b.coef < 0n
  const na = a.coef < 0n ? -a.coef : a.coef
  const nb = b.coef < 0n ? -b.coef : b.coef
  const shift = Math.max(0, p + 2 + digitCount(nb) - digitCount(na))
  const scaled = na * 10n ** BigInt(shift)
  const q = scaled / nb
  const r = roundDecimal({ coef: q, exp: a.exp - b.exp - shift }, p, scaled % nb !== 0n)
  return negative ? { coef: -r.coef, exp: r.exp } : r
}

function abs(a: DecimalValue): DecimalValue {
  return a.coef < 0n ? { coef: -a.coef, exp: a.exp } : a
}

function compare(a: DecimalValue, b: DecimalValue): number {
  const [x, y] = align(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

const ONE: DecimalValue = { coef: 1n, exp: 0 }
const TWO: DecimalValue = { coef: 2n, exp: 0 }
const SIX: DecimalValue = { coef: 6n, exp: 0 }

/** e^x at `precision` digits, rounded as the library rounds it (steps 1–5 above). */
export function computeDecimalExp(x: DecimalValue, precision: number): DecimalValue {
  if (x.coef >= 0n) throw new RangeError(`x: expected negative, got ${x.coef}e${x.exp}`)
  const t = Math.max(0, digitCount(x.coef) + x.exp)
  if (t > 3) throw new RangeError(`x: expected |x| < 1000, got ${x.coef}e${x.exp}`)
  const q = Math.max(10, precision + t + 3)
  const r: DecimalValue = { coef: x.coef, exp: x.exp - t }
  const r2 = mul(r, r, q)
  const eps: DecimalValue = { coef: 1n, exp: -q }

  let a = ONE
  let aPrev = ONE
  let b = ONE
  let bPrev: DecimalValue = { coef: 0n, exp: 0 }
  let last: DecimalValue = { coef: 0n, exp: 0 }
  let z: DecimalValue = ONE
  for (let m = 1; ; m++) {
    let termA: DecimalValue
    let termB = ONE
    if (m === 1) {
      termA = mul(TWO, r, q)
      termB = sub(TWO, r, q)
    } else if (m === 2) {
      termA = quo(r2, SIX, q)
    } else {
      const k = BigInt(m - 1)
      termA = mul(quo(ONE, { coef: 16n * k * k - 4n, exp: 0 }, q), r2, q)
    }
    const nextA = fma(a, termB, mul(aPrev, termA, q), q)
    aPrev = a
    a = nextA
    const nextB = fma(b, termB, mul(bPrev, termA, q), q)
    bPrev = b
    b = nextB
    z = quo(a, b, q)
    if (compare(abs(sub(z, last, q)), eps) <= 0) break
    last = z
  }

  if (t > 0) {
    let power = 10n ** BigInt(t)
    let base = z
    let result = ONE
    while (power !== 0n) {
      if (power % 2n === 1n) result = mul(result, base, q)
      power /= 2n
      base = mul(base, base, q)
    }
    z = result
  }
  return roundDecimal(z, precision)
}
