/**
 * A hare (or certifier) committee seat claim: the VRF proof over the hare VRF message and the
 * seat count it gives (go-spacemesh `hare3/legacy_oracle.go active` / `oracle.CalcEligibility`).
 * The proposing round uses `leaders` as its committee size (expected ≈5 proposers, not 400/50).
 */

import { vrfProve } from '../crypto/vrf.ts'
import { countCommitteeSeats } from './countCommitteeSeats.ts'
import { encodeHareVrfMessage } from './encodeVrfMessages.ts'

export interface HareEligibility {
  /** 80-byte ECVRF proof. */
  readonly proof: Uint8Array
  /** Seats held, ≥ 1 in any message (u16 on the wire). */
  readonly count: number
}

export interface HareSeatContext {
  readonly beacon: Uint8Array
  readonly layer: number
  /** Absolute round, or CERTIFY_ROUND. */
  readonly round: number
  readonly committee: number
  readonly weight: bigint
  readonly totalWeight: bigint
}

/** The seat claim of `secretSeed` for this round, or undefined when it holds no seat. */
export function proveHareEligibility(
  secretSeed: Uint8Array,
  ctx: HareSeatContext,
): HareEligibility | undefined {
  const proof = vrfProve(secretSeed, encodeHareVrfMessage(ctx))
  const count = countCommitteeSeats({ ...ctx, proof })
  return count === 0 ? undefined : { proof, count }
}
