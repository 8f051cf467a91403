/**
 * VRF-nonce check (post `verifying.VerifyVRFNonce`, post-poet.md §1.3): the full 32-byte label
 * at index `nonce` must be below `PowDifficulty(numLabels) = (2^256 / numLabels) << 3`, so about
 * eight labels of an honest initialization qualify and the nonce cannot be ground without
 * labelling. Local adapter: core/post has no VRF-nonce function yet; this uses its label function.
 */
import { computeCommitment } from '../post/computeCommitment.ts'
import { computeLabelFull } from '../post/computeLabel.ts'

/** `shared.PowDifficulty`: a 256-bit threshold as a bigint. */
export function computeVrfNonceDifficulty(numLabels: bigint): bigint {
  if (numLabels <= 0n) throw new RangeError(`numLabels: expected a positive count, got ${numLabels}`)
  return ((1n << 256n) / numLabels) << 3n
}

export interface VerifyVrfNonceParameters {
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  readonly nonce: bigint
  readonly numUnits: number
  readonly labelsPerUnit: bigint
  readonly scryptN: number
}

export function verifyVrfNonce(
  p: VerifyVrfNonceParameters,
  labelFull: typeof computeLabelFull = computeLabelFull,
): boolean {
  if (p.nonce < 0n || p.nonce >= 1n << 64n) return false
  const numLabels = BigInt(p.numUnits) * p.labelsPerUnit
  if (numLabels === 0n) return false
  const label = labelFull(computeCommitment(p.nodeId, p.commitmentAtxId), p.nonce, p.scryptN)
  return bytesToBigInt(label) < computeVrfNonceDifficulty(numLabels)
}

/** Big-endian bytes as an unsigned integer (the label is compared as a 256-bit number). */
export function bytesToBigInt(b: Uint8Array): bigint {
  let v = 0n
  for (const x of b) v = (v << 8n) | BigInt(x)
  return v
}
