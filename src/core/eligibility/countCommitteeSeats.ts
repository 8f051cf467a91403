/**
 * Committee sortition of the hare eligibility oracle (go-spacemesh `hare3/eligibility/oracle.go`,
 * go-spacemesh.md §2.8, protocol-spec §8.5), also used by the certifier.
 *
 * Each unit of weight is an independent lottery ticket that wins with p = committee / total, so a
 * smesher of weight n holds X ~ Binomial(n, p) seats. The VRF proof supplies the randomness:
 * frac = (LE uint64 of proof[0:8]) & (2^56 − 1), read as frac / 2^56 ∈ [0, 1), and the seat count is
 * the smallest x with BinCDF(n, p, x) > frac (inverse-CDF sampling). A verifier recomputes this
 * from the proof, so a sender cannot claim more seats than its proof gives. When committee > total,
 * go-spacemesh scales n and total by committee (p = 1/total), and refuses n > 2^30.
 *
 * Arithmetic is bit-exact with go-spacemesh: p = `fixed.DivUint64(committee, total)` and every
 * BinCDF go through our port of `spacemeshos/fixed` v0.1.2 (`src/core/fixed/`), so the seat count
 * is the go node's for every proof — including fractions one raw unit either side of a CDF step,
 * and `fixed`'s own quirks (DivUint64(c, c) is 1 − 2^−56 once c ≥ 256; a count wraps to uint16).
 * Checked against vectors printed by the real library (`src/core/fixed/fixtures/`, 415 seat
 * cases of which 135 sit at CDF steps found by bisection). `countCommitteeSeats` is the oracle's
 * `CalcEligibility` loop; `isSeatCountValid` is its `Validate` test
 * ¬(BinCDF(x−1) > frac) ∧ frac < BinCDF(x), with the library's raw-word comparisons.
 *
 * Departure: for n > 2^30 both throw WEIGHT_TOO_LARGE; go-spacemesh's `Validate` errors too, but
 * its `CalcEligibility` drops that error and reports 0 seats. An input on which `fixed` panics
 * (a go node dies on it) throws FIXED_PANIC.
 */
import { computeBinCdf } from '../fixed/computeBinCdf.ts'
import { type Fixed, fixedGreater, fixedLess, ONE } from '../fixed/Fixed.ts'
import { FixedError } from '../fixed/FixedError.ts'
import { fixedDivUint64 } from '../fixed/fixedArithmetic.ts'
import { readProofPrefix } from './computeEligibleLayer.ts'
import { EligibilityError } from './EligibilityError.ts'

/** go-spacemesh `maxSupportedN`. */
export const MAX_SUPPORTED_N = 2n ** 30n
const FRAC_MASK = (1n << 56n) - 1n
const U64 = (v: bigint): bigint => BigInt.asUintN(64, v)

/** The 56-bit VRF fraction numerator (`fixed.FracFromBytes(proof[:8])`), also its raw word. */
export function readVrfFraction(proof: Uint8Array): bigint {
  return readProofPrefix(proof) & FRAC_MASK
}

export interface SeatsInput {
  /** The smesher's weight in the active set. */
  readonly weight: bigint
  /** The active set's total weight. */
  readonly totalWeight: bigint
  /** Expected committee size for this round (`Leaders` in the propose round). */
  readonly committee: number
  /** The 80-byte VRF proof; only bytes 0..7 are read. */
  readonly proof: Uint8Array
}

interface Lottery {
  readonly n: bigint
  readonly p: Fixed
  readonly frac: Fixed
}

/** `prepareEligibilityCheck` after the VRF check: n, p and frac, or a typed error. */
function prepareLottery(input: SeatsInput): Lottery {
  if (input.committee < 1) throw new EligibilityError('ZERO_COMMITTEE', 'committee size must be positive')
  if (input.totalWeight <= 0n) throw new EligibilityError('ZERO_TOTAL_WEIGHT', 'total weight is zero')
  const c = BigInt(input.committee)
  let n = input.weight
  let total = input.totalWeight
  if (n < 0n || n > total) throw new EligibilityError('NOT_ACTIVE', `weight ${n} outside 0 … total ${total}`)
  if (c > total) {
    // uint64 products in go-spacemesh.
    n = U64(n * c)
    total = U64(total * c)
  }
  if (n > MAX_SUPPORTED_N) throw new EligibilityError('WEIGHT_TOO_LARGE', `n ${n} > 2^30`)
  return { n, p: guard(() => fixedDivUint64(c, total)), frac: readVrfFraction(input.proof) }
}

/**
 * BinCDF results by (n, p, x). A smesher's n and p stay fixed for an epoch, so every round of
 * every layer walks the same CDF values; `fixed`'s continued fraction costs milliseconds in BigInt.
 * The cache only remembers a pure function's values (bounded, cleared when full): no effect on
 * results.
 */
const cdfCache = new Map<string, Fixed>()
const CDF_CACHE_LIMIT = 1 << 14

function binCdf(n: bigint, p: Fixed, x: bigint): Fixed {
  const key = `${n}:${p}:${x}`
  let v = cdfCache.get(key)
  if (v === undefined) {
    v = computeBinCdf(n, p, x)
    if (cdfCache.size >= CDF_CACHE_LIMIT) cdfCache.clear()
    cdfCache.set(key, v)
  }
  return v
}

function guard<T>(f: () => T): T {
  try {
    return f()
  } catch (e) {
    if (e instanceof FixedError)
      throw new EligibilityError('FIXED_PANIC', `spacemeshos/fixed panics: ${e.message}`)
    throw e
  }
}

/** Seats the proof gives (0 = not eligible): `oracle.CalcEligibility`. Throws EligibilityError. */
export function countCommitteeSeats(input: SeatsInput): number {
  const { n, p, frac } = prepareLottery(input)
  // p = 1 exactly: 1 − p = 0 makes every BinCDF(n, p, x < n) zero, so the loop would run to n.
  if (p === ONE) return Number(n & 0xffffn)
  return guard(() => {
    for (let x = 0n; x < n; x++) {
      if (fixedGreater(binCdf(n, p, x), frac)) return Number(x & 0xffffn)
    }
    return Number(n & 0xffffn)
  })
}

/** Whether `count` seats is what the proof gives: `oracle.Validate`'s test. Throws EligibilityError. */
export function isSeatCountValid(input: SeatsInput, count: number): boolean {
  const { n, p, frac } = prepareLottery(input)
  const x = BigInt(count)
  return guard(() => !fixedGreater(binCdf(n, p, x - 1n), frac) && fixedLess(frac, binCdf(n, p, x)))
}
