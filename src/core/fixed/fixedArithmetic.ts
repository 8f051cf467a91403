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
import { type Fixed, ONE } from './Fixed.ts'
import { FixedError } from './FixedError.ts'

// Local copies of Fixed.ts's layout constants: these functions run millions of times per seat
// count, and a module binding costs a getter call per use under the dev/test transforms.
const SIGN = 1n << 127n
const MAG = SIGN - 1n
const FRAC = 56n
const WORD = 1n << 64n
const WORD2 = 1n << 128n
const HALF_WORD = 1n << 63n

const overflow = (what: string): never => {
  throw new FixedError('OVERFLOW', `fixed: ${what} overflows`)
}
const divideByZero = (): never => {
  throw new FixedError('DIVIDE_BY_ZERO', 'fixed: division by zero')
}

/** Go `bits.Len64` of a value below 2^64. */
function len64(v: bigint): number {
  const hi = Number(v >> 32n)
  return hi !== 0 ? 64 - Math.clz32(hi) : 32 - Math.clz32(Number(v))
}

export function fixedAdd(x: Fixed, y: Fixed): Fixed {
  const xs = x & SIGN
  if (xs !== (y & SIGN)) {
    // Opposite signs: the positive operand minus the other's magnitude, negative when smaller.
    const [pos, neg] = xs === 0n ? [x, y & MAG] : [y, x & MAG]
    return pos < neg ? (neg - pos) | SIGN : pos - neg
  }
  const sum = (x & MAG) + (y & MAG)
  if (sum >= SIGN) overflow('add')
  return sum | xs
}

export function fixedSub(x: Fixed, y: Fixed): Fixed {
  return fixedAdd(x, y ^ SIGN)
}

export function fixedMul(x: Fixed, y: Fixed): Fixed {
  const product = ((x & MAG) * (y & MAG)) >> FRAC
  if (product >= SIGN) overflow('mul')
  return product | ((x ^ y) & SIGN)
}

/**
 * The library's 128/128 long division, for a divisor of 64 bits or more: estimate the quotient
 * from the dividend over the divisor's normalized top word, decrement it, then add one back
 * only if the remainder is *greater* than the divisor. Returns [quotient, remainder].
 */
function estimateDivide(u: Fixed, v: Fixed): [Fixed, Fixed] {
  const n = 64 - len64(v >> 64n)
  const top = (v << BigInt(n)) >> 64n
  if (top <= u >> 64n) overflow('div64')
  let estimate = n === 0 ? 0n : (u / top) >> BigInt(64 - n)
  // Go: tq -= -tq >> 63 on uint64, i.e. decrement unless zero (or above 2^63).
  if (estimate !== 0n && estimate <= HALF_WORD) estimate -= 1n
  const product = v * estimate
  if (product >= WORD2) overflow('mul64')
  const r = fixedSub(u, product)
  // Raw-word comparison: a negative remainder would count as greater.
  return r > v ? [estimate + 1n, fixedSub(r, v)] : [estimate, r]
}

function divide128(u: Fixed, v: Fixed): [Fixed, Fixed] {
  if (v < WORD) return v === 0n ? divideByZero() : [u / v, u % v]
  return estimateDivide(u, v)
}

function quotient128(u: Fixed, v: Fixed): Fixed {
  if (v < WORD) return v === 0n ? divideByZero() : u / v
  return estimateDivide(u, v)[0]
}

/** Unsigned quotient of two non-negative words with 56 fraction bits, truncated. */
function divideUnsigned(u: Fixed, v: Fixed): Fixed {
  if (u >> 64n < 0x80n) return quotient128(u << FRAC, v)
  // Large dividend: integer quotient first, then the fraction from the remainder shifted as far
  // as it goes (keeping bit 127 clear) and the divisor shifted right by what is left.
  const [a, rem] = divide128(u, v)
  const whole = a << FRAC
  if (whole >= SIGN) overflow('shift left')
  const room = Math.min(64 - len64(rem >> 64n) - 1, 56)
  if (room < 0) throw new FixedError('NEGATIVE_SHIFT', `negative shift count ${room}`)
  const b = (rem << BigInt(room)) % WORD2
  return fixedAdd(whole, quotient128(b, v >> BigInt(56 - room)))
}

export function fixedDiv(x: Fixed, y: Fixed): Fixed {
  return divideUnsigned(x & MAG, y & MAG) | ((x ^ y) & SIGN)
}

/** `fixed.DivUint64(p, q)`: p / q of two uint64 integers. */
export function fixedDivUint64(p: bigint, q: bigint): Fixed {
  return divideUnsigned(BigInt.asUintN(64, p) << FRAC, BigInt.asUintN(64, q) << FRAC)
}

/** 1 / x. */
export function fixedInverse(x: Fixed): Fixed {
  return fixedDiv(ONE, x)
}
