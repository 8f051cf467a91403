/**
 * exp, log and lgamma as `spacemeshos/fixed` evaluates them, for the incomplete beta function.
 * The kernels work on int64 values with 56 fraction bits and keep Go's int64/uint64 wrap-around;
 * `mulRound56` rounds half up (and has the library's partial overflow check), `mulTrunc56` is the
 * unsigned truncating product, `divRound56` rounds the quotient to nearest.
 *
 * - log₂ by repeated squaring: one fraction bit per squaring, 56 squarings; ln = log₂ · ln 2.
 * - exp by range reduction e^x = 2^k · e^y with k = ⌊x / ln 2⌋, Taylor series of e^y to 14!, and
 *   e^−x = 1 / e^x; arguments below −38 give 0.
 * - lgamma of an integer: exact log((x−1)!) below 8, else Stirling's series with seven
 *   coefficients (the Cephes/Go `math.Lgamma` w0..w6, rounded to 56 bits).
 */
import {
  bitLength,
  type Fixed,
  FRAC_BITS,
  FRAC_MASK,
  fixedFromInt,
  fromRaw56,
  HALF,
  i64,
  integerPart,
  isZero,
  ONE,
  shiftLeft,
  shiftRight,
  toRaw56,
  u64,
} from './Fixed.ts'
import { FixedError } from './FixedError.ts'
import { fixedAdd, fixedInverse, fixedMul, fixedSub } from './fixedArithmetic.ts'

const overflow = (what: string): never => {
  throw new FixedError('OVERFLOW', `fixed: ${what} overflows`)
}

/** ln 2 and log₂ e with 56 fraction bits. */
const LN2 = 0xb17217f7d1cf78n
const LOG2_E = 0x171547652b82fe0n

/** (x · y + ½) >> 56 on int64, overflow when bit 127 and bit 119 of the sum disagree. */
export function mulRound56(x: bigint, y: bigint): bigint {
  const sum = BigInt.asUintN(128, x * y + HALF)
  const hi = sum >> 64n
  if (hi >> 63n !== ((hi >> 55n) & 1n)) overflow('mul56')
  return i64(sum >> FRAC_BITS)
}

/** (uint64(x) · uint64(y)) >> 56, low 64 bits, as int64. */
function mulTrunc56(x: bigint, y: bigint): bigint {
  return i64((u64(x) * u64(y)) >> FRAC_BITS)
}

/** x / y on int64 56-bit values, rounded to nearest (ties up). */
export function divRound56(x: bigint, y: bigint): bigint {
  const a = u64(x < 0n ? -x : x)
  const b = u64(y < 0n ? -y : y)
  if (b === 0n) throw new FixedError('DIVIDE_BY_ZERO', 'fixed: division by zero')
  if (b <= a >> 8n) overflow('div56')
  const u = a << FRAC_BITS
  let v = u / b
  v += u64((u % b) << 1n) / b
  if (v >= 1n << 64n) overflow('div56')
  const negative = x < 0n !== y < 0n
  return i64(negative ? -i64(v) : i64(v))
}

/**
 * log₂ x for an int64 x read with `oneBits` fraction bits, as a 56-bit value: the integer part
 * from the bit length, then 56 squarings of the mantissa (1 ≤ m < 2), each squaring that lands
 * in [2, 4) contributing the next fraction bit.
 */
function log2(x: bigint, oneBits: bigint): bigint {
  const one = 1n << oneBits
  const len = bitLength(x)
  let b: bigint
  if (x < one) {
    if (x <= 0n) overflow('log of a non-positive value')
    b = -((oneBits + 1n - len) << FRAC_BITS)
  } else {
    if (x === one) return 0n
    b = (len - (oneBits + 1n)) << FRAC_BITS
  }
  let m = u64(x << (64n - len)) >> 1n
  for (let i = 0n; i < FRAC_BITS; i++) {
    m = u64((m * m) >> 62n)
    const bit = m >> 63n
    m >>= bit
    b = i64(b + (HALF >> i) * bit)
  }
  return b
}

/** ln x for a 56-bit fraction or number x. */
export function log56(x: bigint): bigint {
  return mulRound56(log2(x, FRAC_BITS), LN2)
}

/** ln x for an integer x. */
function logInteger(x: bigint): bigint {
  return mulRound56(log2(x, 0n), LN2)
}

/** 2^56 / k! for k = 2..14. */
const INVERSE_FACTORIALS: readonly bigint[] = (() => {
  const out: bigint[] = []
  let f = 1n
  for (let k = 2n; k <= 14n; k++) {
    f *= k
    out.push(ONE / f)
  }
  return out
})()

export function fixedExp(x: Fixed): Fixed {
  if (integerPart(x) < -38n) return 0n
  const v = toRaw56(x)
  // |v| = k·ln 2 + y with k = ⌊|v| / ln 2⌋ (int64 arithmetic, truncating products).
  const a = i64(v < 0n ? -v : v)
  const t = mulTrunc56(a, LOG2_E)
  let k = t & ~FRAC_MASK
  const kLn2 = mulTrunc56(k, LN2)
  k >>= FRAC_BITS
  const y = i64(a - kLn2)
  let ey = i64(ONE + y)
  let power = y
  for (const inv of INVERSE_FACTORIALS) {
    power = mulTrunc56(power, y)
    ey = i64(ey + mulTrunc56(power, inv))
  }
  let z = fromRaw56(ey)
  if (v < 0n) {
    if (isZero(z)) overflow('exp')
    z = fixedInverse(z)
    k = -k
  }
  return k < 0n ? shiftRight(z, -k) : shiftLeft(z, k)
}

/** a · ln x for a 56-bit fraction x and an integer a. */
export function scaledLog(x: bigint, a: bigint): Fixed {
  return fixedMul(fromRaw56(log56(x)), fixedFromInt(a))
}

/** Stirling-series coefficients, 56 fraction bits. */
const W = [
  0x6b3f8e4325f5a4n, // 0.41893853320467...  (½ ln 2π)
  0x1555555555553bn, // 0.08333333333333297
  -0xb60b60b58172n, // −0.0027777777772877554
  0x34033f319e71n, // 0.0007936505586430196
  -0x270197181fcen, // −0.00059518755745034
  0x36cf7499b5abn, // 0.0008363399189962821
  -0x6ae2742e790fn, // −0.0016309293409657527
] as const

/** ln Γ(x) for a positive integer x. */
export function lgammaInteger(x: bigint): Fixed {
  if (x <= 0n) overflow('lgamma of a non-positive value')
  if (x <= 2n) return 0n
  if (x < 8n) {
    let factorial = 1n
    for (let k = 2n; k < x; k++) factorial *= k
    return fromRaw56(logInteger(factorial))
  }
  const t = i64(logInteger(x) - ONE)
  // Both operands are plain integers, so the rounded quotient is 1/x in 56-bit units.
  const z = divRound56(1n, x)
  const y = mulRound56(z, z)
  let acc: bigint = W[6]
  for (let i = 5; i >= 1; i--) acc = i64(W[i]! + mulRound56(y, acc))
  const w = i64(W[0] + mulRound56(z, acc))
  const half = fixedSub(fixedFromInt(x), fromRaw56(HALF))
  return fixedAdd(fixedMul(half, fromRaw56(t)), fromRaw56(w))
}
