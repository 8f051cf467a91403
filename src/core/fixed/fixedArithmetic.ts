/**
 * Add, subtract, multiply and divide on the raw words of `Fixed.ts`, with the library's rounding:
 * products and quotients truncate towards zero, results ≥ 2^127 raw units overflow, and signs
 * combine sign-magnitude style (so a zero product or quotient of mixed signs is −0).
 *
 * Division reproduces the library's 128-by-128 long division step by step, because it is not
 * always exact: when the divisor needs more than 64 bits, the quotient is estimated from the
 * divisor's top word, decremented, and corrected only if the remainder is *greater* than the
 * divisor — an exact division can therefore come out one raw unit low (DivUint64(50, 800) is
 * 1/16 − 2^−56, DivUint64(800, 800) is 1 − 2^−56). The seat counts depend on those units.
 */
import {
  type Fixed,
  FRAC_BITS,
  fixedGreater,
  fixedLess,
  hiWord,
  isNegative,
  leadingZeros64,
  loWord,
  MAG_MASK,
  negate,
  ONE,
  SIGN,
  shiftLeft,
  shiftRight,
  shiftWordLeft,
  shl64,
  shr64,
  u64,
  WORD,
} from './Fixed.ts'
import { FixedError } from './FixedError.ts'

const overflow = (what: string): never => {
  throw new FixedError('OVERFLOW', `fixed: ${what} overflows`)
}

/** Sum of two magnitudes; the library rejects any carry into the sign bit. */
function addMagnitudes(x: Fixed, y: Fixed): Fixed {
  const sum = x + y
  if (sum >= SIGN) overflow('add')
  return sum
}

/** x − y of two non-negative words: the difference's magnitude, flagged negative when x < y. */
function subMagnitudes(x: Fixed, y: Fixed): Fixed {
  if (fixedLess(x, y)) return u128(y - x) | SIGN
  return u128(x - y)
}

const u128 = (v: bigint): bigint => BigInt.asUintN(128, v)

export function fixedAdd(x: Fixed, y: Fixed): Fixed {
  const xNeg = isNegative(x)
  const yNeg = isNegative(y)
  if (xNeg !== yNeg) return yNeg ? subMagnitudes(x, y & MAG_MASK) : subMagnitudes(y, x & MAG_MASK)
  return addMagnitudes(x & MAG_MASK, y & MAG_MASK) | (x & SIGN)
}

export function fixedSub(x: Fixed, y: Fixed): Fixed {
  return fixedAdd(x, negate(y))
}

export function fixedMul(x: Fixed, y: Fixed): Fixed {
  const product = ((x & MAG_MASK) * (y & MAG_MASK)) >> FRAC_BITS
  if (product >= SIGN) overflow('mul')
  return product | ((x ^ y) & SIGN)
}

/** The raw word times a 64-bit integer; must fit 128 bits (used inside the long division). */
function mulWord(x: Fixed, y: bigint): Fixed {
  const product = x * y
  if (product >= WORD * WORD) overflow('mul64')
  return product
}

/** Go `bits.Div64(hi, lo, y)`: panics on a zero divisor or a quotient beyond 64 bits. */
function div64(hi: bigint, lo: bigint, y: bigint): [bigint, bigint] {
  if (y === 0n) throw new FixedError('DIVIDE_BY_ZERO', 'fixed: division by zero')
  if (y <= hi) overflow('div64')
  const u = (hi << 64n) | lo
  return [u / y, u % y]
}

/** Unsigned 128/128 division as the library does it: exact below 2^64, estimated above. */
function longDivide(u: Fixed, v: Fixed): [Fixed, Fixed] {
  if (hiWord(v) === 0n) {
    const d = loWord(v)
    if (d === 0n) throw new FixedError('DIVIDE_BY_ZERO', 'fixed: division by zero')
    return [u / d, u % d]
  }
  const n = leadingZeros64(hiWord(v))
  const top = shl64(hiWord(v), n) | shr64(loWord(v), 64n - n)
  let [estimate] = div64(hiWord(u), loWord(u), top)
  estimate = shr64(estimate, 64n - n)
  // Decrement unless zero (Go: tq -= -tq >> 63, on uint64).
  estimate -= shr64(u64(-estimate), 63n)
  let q = estimate
  let r = fixedSub(u, mulWord(v, estimate))
  if (fixedGreater(r, v)) {
    q = estimate + 1n
    r = fixedSub(r, v)
  }
  return [q, r]
}

/** Unsigned quotient of two non-negative words with 56 fraction bits, truncated. */
function divideUnsigned(u: Fixed, v: Fixed): Fixed {
  if ((hiWord(u) & ~0x7fn) === 0n) return longDivide(u << FRAC_BITS, v)[0]
  // Large dividend: integer quotient first, then the fraction from the remainder shifted as far
  // as it goes and the divisor shifted right by what is left (dropping its low bits).
  let [a, rem] = longDivide(u, v)
  a = shiftLeft(a, FRAC_BITS)
  let room = leadingZeros64(hiWord(rem)) - 1n
  if (room > FRAC_BITS) room = FRAC_BITS
  const b = shiftWordLeft(rem, room)
  const [frac] = longDivide(b, shiftRight(v, FRAC_BITS - room))
  return fixedAdd(a, frac)
}

export function fixedDiv(x: Fixed, y: Fixed): Fixed {
  return divideUnsigned(x & MAG_MASK, y & MAG_MASK) | ((x ^ y) & SIGN)
}

/** `fixed.DivUint64(p, q)`: p / q of two uint64 integers. */
export function fixedDivUint64(p: bigint, q: bigint): Fixed {
  return divideUnsigned(u64(p) << FRAC_BITS, u64(q) << FRAC_BITS)
}

/** 1 / x. */
export function fixedInverse(x: Fixed): Fixed {
  return fixedDiv(ONE, x)
}
