/**
 * Committee sortition of the hare eligibility oracle (go-spacemesh `hare3/eligibility/oracle.go`,
 * go-spacemesh.md §2.8, protocol-spec §8.5).
 *
 * Each unit of weight is an independent lottery ticket that wins with p = committee / total, so a
 * smesher of weight n holds X ~ Binomial(n, p) seats. The VRF proof supplies the randomness:
 * frac = (LE uint64 of proof[0:8]) & (2^56 − 1), read as frac / 2^56 ∈ [0, 1), and the seat count is
 * the smallest x with BinCDF(n, p, x) > frac (inverse-CDF sampling). A verifier recomputes x from
 * the proof, so a sender cannot claim more seats than its proof gives. When committee > total,
 * go-spacemesh scales n and total by committee (p = 1/total), and refuses n > 2^30.
 *
 * Arithmetic. go-spacemesh uses the 56-bit `spacemeshos/fixed` library; we compute the CDF in
 * BigInt fixed point with F = E + 128 fractional bits, where E ≥ −log2((1−p)^n) is the number of
 * bits the first term (1−p)^n needs (E = ⌈1.5 · n·p/(1−p)⌉ + 1, since −ln(1−p) ≤ p/(1−p)). Every
 * truncation loses under one unit of 2^−F relative to a term of at least 2^−E, so the absolute
 * error of the CDF stays below 2^−100 for any n ≤ 2^30 — far below the 2^−56 resolution of frac.
 * The result is therefore deterministic across our nodes; it can differ from `fixed` only when
 * frac lies within `fixed`'s own rounding error of a CDF step (see ARCHITECTURE.md: not bit-exact).
 */
import { readProofPrefix } from './computeEligibleLayer.ts'
import { EligibilityError } from './EligibilityError.ts'

/** go-spacemesh `maxSupportedN`. */
export const MAX_SUPPORTED_N = 2n ** 30n
const FRAC_MASK = (1n << 56n) - 1n
const MAX_COUNT = 0xffff

/** The 56-bit VRF fraction numerator (`fixed.FracFromBytes(proof[:8])`). */
export function readVrfFraction(proof: Uint8Array): bigint {
  return readProofPrefix(proof) & FRAC_MASK
}

function powFixed(base: bigint, exp: bigint, bits: bigint): bigint {
  let result = 1n << bits
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) >> bits
    base = (base * base) >> bits
    exp >>= 1n
  }
  return result
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

/** Seats the proof gives (0 = not eligible). Throws EligibilityError on impossible inputs. */
export function countCommitteeSeats(input: SeatsInput): number {
  if (input.committee < 1) throw new EligibilityError('ZERO_COMMITTEE', 'committee size must be positive')
  if (input.totalWeight <= 0n) throw new EligibilityError('ZERO_TOTAL_WEIGHT', 'total weight is zero')
  const c = BigInt(input.committee)
  let n = input.weight
  let total = input.totalWeight
  if (n > total) throw new EligibilityError('NOT_ACTIVE', `weight ${n} exceeds total ${total}`)
  if (c > total) {
    n *= c
    total *= c
  }
  if (n > MAX_SUPPORTED_N) throw new EligibilityError('WEIGHT_TOO_LARGE', `n ${n} > 2^30`)
  if (n === 0n) return 0
  const frac = readVrfFraction(input.proof)
  const rest = total - c
  // p = 1: every ticket wins, CDF jumps from 0 to 1 at x = n.
  if (rest === 0n) return Math.min(Number(n), MAX_COUNT)
  const e = (3n * n * c) / (2n * rest) + 2n
  const bits = e + 128n
  const target = frac << (bits - 56n)
  let term = powFixed((rest << bits) / total, n, bits)
  let cdf = term
  for (let x = 0n; x < n; x++) {
    if (cdf > target) return Math.min(Number(x), MAX_COUNT)
    // C(n,x+1)p^(x+1)q^(n-x-1) = C(n,x)p^x q^(n-x) · (n−x)/(x+1) · c/(total−c)
    term = (term * (n - x) * c) / ((x + 1n) * rest)
    cdf += term
    // Past the mean a zero term means the rest of the tail is below 2^-F: stop rather than walk n.
    if (term === 0n && (x + 1n) * total > n * c) return Math.min(Number(x + 1n), MAX_COUNT)
  }
  return Math.min(Number(n), MAX_COUNT)
}
