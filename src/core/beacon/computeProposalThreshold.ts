/**
 * Beacon proposal eligibility threshold (go-spacemesh `beacon.atxThreshold`, protocol-spec §10.3):
 * a proposal (its 80-byte VRF proof read as a big-endian integer) is eligible when below
 *
 *   2^640 × (1 − 2^(−κ / ((1 − q) × N)))
 *
 * with N the number of ATXs of the epoch, so that about κ / (1 − q) proposers pass among N and,
 * with an adversary holding q, some honest one passes except with probability 2^−κ.
 * go-spacemesh computes this with big.Float; we use 256-bit BigInt fixed point (series for ln 2 and
 * exp), which can disagree only for a proof within 2^−250 (relative) of the threshold.
 */
const P = 256n
const ONE = 1n << P

function ln2Fixed(): bigint {
  // ln 2 = Σ_{k≥1} 1 / (k · 2^k)
  let sum = 0n
  for (let k = 1n; k <= P + 8n; k++) sum += ONE / (k << k)
  return sum
}

function expNegFixed(x: bigint): bigint {
  // e^(−x) for 0 ≤ x < 1 (fixed point), alternating series
  let term = ONE
  let sum = ONE
  for (let k = 1n; term !== 0n; k++) {
    term = (term * x) / (ONE * k)
    sum += k % 2n === 1n ? -term : term
  }
  return sum
}

export interface ProposalThresholdInput {
  readonly kappa: number
  /** Adversarial fraction q as numerator / denominator (mainnet 1/3). */
  readonly q: readonly [number, number]
  readonly numAtxs: number
}

/** The 640-bit threshold; 0 when there are no ATXs (nobody is eligible). */
export function computeProposalThreshold(input: ProposalThresholdInput): bigint {
  const [qn, qd] = input.q
  if (input.numAtxs <= 0) return 0n
  // r = κ / ((1 − q) N) = κ·qd / ((qd − qn)·N)
  const a = BigInt(input.kappa) * BigInt(qd)
  const b = BigInt(qd - qn) * BigInt(input.numAtxs)
  const whole = a / b
  const frac = ((a % b) * ONE) / b
  const pow = expNegFixed((frac * ln2Fixed()) >> P) >> whole // 2^(−r)
  return (ONE - pow) << (640n - P)
}

/** Big-endian integer of the proof (go `new(big.Int).SetBytes`). */
export function readProofBigEndian(proof: Uint8Array): bigint {
  let v = 0n
  for (const b of proof) v = (v << 8n) | BigInt(b)
  return v
}
