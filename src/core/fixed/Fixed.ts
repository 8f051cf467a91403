/**
 * The number format of go-spacemesh's `github.com/spacemeshos/fixed` (v0.1.2), modelled as one
 * BigInt holding the raw 128-bit word: bit 127 is a sign flag, bits 0..126 a magnitude with 56
 * fraction bits (sign-magnitude, so "−0" exists). Consensus code compares these words as
 * *unsigned* 128-bit integers, exactly as the library's `LessThan`/`GreaterThan` compare
 * (hi, lo): a negative value (or −0) therefore compares greater than every non-negative one. That
 * quirk is reachable in BinCDF's results, so we keep the raw word rather than a signed value.
 *
 * Everything here is integer-only; `asUintN`/`asIntN` reproduce Go's uint64/int64 wrap-around and
 * `shl64`/`shr64` Go's rule that shifting a 64-bit word by ≥ 64 gives 0.
 */
import { FixedError } from './FixedError.ts'

/** Raw 128-bit word of a `fixed.Fixed`. */
export type Fixed = bigint

export const FRAC_BITS = 56n
/** 1.0 as a raw word (and as an int64 56-bit value). */
export const ONE: Fixed = 1n << FRAC_BITS
export const HALF = ONE >> 1n
export const FRAC_MASK = ONE - 1n
export const SIGN: Fixed = 1n << 127n
const MAG_MASK: Fixed = SIGN - 1n
export const WORD = 1n << 64n
const WORD_MASK = WORD - 1n
const SIGN64 = 1n << 63n

export const u64 = (v: bigint): bigint => BigInt.asUintN(64, v)
export const i64 = (v: bigint): bigint => BigInt.asIntN(64, v)

function checkShift(n: bigint): void {
  if (n < 0n) throw new FixedError('NEGATIVE_SHIFT', `negative shift count ${n}`)
}
/** Go `uint64 << n`. */
function shl64(v: bigint, n: bigint): bigint {
  checkShift(n)
  return n >= 64n ? 0n : u64(v << n)
}
/** Go `uint64 >> n`. */
function shr64(v: bigint, n: bigint): bigint {
  checkShift(n)
  return n >= 64n ? 0n : v >> n
}

/** Bit length of a non-negative value below 2^128 (Go `bits.Len64` for a word). */
export function bitLength(v: bigint): bigint {
  let base = 0
  if (v >= WORD) {
    v >>= 64n
    base = 64
  }
  const hi = Number(v >> 32n)
  return BigInt(base + (hi !== 0 ? 64 - Math.clz32(hi) : 32 - Math.clz32(Number(v))))
}

const hiWord = (x: Fixed): bigint => x >> 64n
const loWord = (x: Fixed): bigint => x & WORD_MASK
const fromWords = (hi: bigint, lo: bigint): Fixed => (hi << 64n) | lo

export const isNegative = (x: Fixed): boolean => x >= SIGN
export const magnitude = (x: Fixed): bigint => x & MAG_MASK
const signBit = (x: Fixed): bigint => x & SIGN
export const isZero = (x: Fixed): boolean => magnitude(x) === 0n
export const absolute = (x: Fixed): Fixed => x & MAG_MASK
/** `x.LessThan(y)`: unsigned comparison of the raw words. */
export const fixedLess = (x: Fixed, y: Fixed): boolean => x < y
/** `x.GreaterThan(y)`: unsigned comparison of the raw words. */
export const fixedGreater = (x: Fixed, y: Fixed): boolean => x > y

function overflow(what: string): never {
  throw new FixedError('OVERFLOW', `fixed: ${what} overflows`)
}

/** A raw int64 56-bit value as a word (`rawfixed`): |v| in the magnitude, sign in bit 127. */
export function fromRaw56(v: bigint): Fixed {
  const mag = u64(v < 0n ? -v : v)
  return v < 0n ? mag | SIGN : mag
}

/** An int64 integer (`fixed.New64`, `fixed.New`). */
export function fixedFromInt(v: bigint): Fixed {
  const mag = u64(v < 0n ? -v : v)
  return (mag << FRAC_BITS) | (v < 0n ? SIGN : 0n)
}

/** The value as a signed int64 56-bit number; overflows unless |x| < 2^63 raw units. */
export function toRaw56(x: Fixed): bigint {
  if ((hiWord(x) & (SIGN64 - 1n)) !== 0n || (loWord(x) & SIGN64) !== 0n) overflow('56-bit conversion')
  return isNegative(x) ? -loWord(x) : loWord(x)
}

/** Integer part, truncated towards zero. */
export function integerPart(x: Fixed): bigint {
  const mag = magnitude(x)
  if (bitLength(mag) > 56n + 63n) overflow('integer part')
  return isNegative(x) ? -(mag >> FRAC_BITS) : mag >> FRAC_BITS
}

/** Magnitude shifted right by n ≤ 128, sign kept. */
export function shiftRight(x: Fixed, n: bigint): Fixed {
  if (n >= 0n && n <= 128n) return (magnitude(x) >> n) | signBit(x)
  let lo = loWord(x)
  let hi = hiWord(x) & (SIGN64 - 1n)
  if (n > 64n) {
    lo = hi
    hi = 0n
    n -= 64n
  }
  const newHi = shr64(hi, n)
  const newLo = shl64(hi, 64n - n) | shr64(lo, n)
  return fromWords(newHi | (hiWord(x) & SIGN64), newLo)
}

/** Magnitude shifted left, sign kept; overflows when bits would reach the sign. */
export function shiftLeft(x: Fixed, n: bigint): Fixed {
  if (n >= 0n && n < 64n) {
    // Below a word, the checks below amount to: the shifted magnitude must stay under 2^127.
    const shifted = magnitude(x) << n
    if (shifted >= SIGN) overflow('shift left')
    return shifted | signBit(x)
  }
  let lo = loWord(x)
  let hi = hiWord(x) & (SIGN64 - 1n)
  if (n > 64n) {
    if (hi !== 0n) overflow('shift left')
    hi = lo
    lo = 0n
    n -= 64n
  }
  if ((shr64(hi, 64n - n) | (shl64(hi, n) & SIGN64)) !== 0n) overflow('shift left')
  const newHi = shl64(hi, n) | shr64(lo, 64n - n)
  return fromWords(newHi | (hiWord(x) & SIGN64), shl64(lo, n))
}
