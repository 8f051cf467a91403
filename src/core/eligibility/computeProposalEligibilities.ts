/**
 * A smesher's proposal slots for an epoch (go-spacemesh `miner/proposal_builder.go`, protocol-spec
 * §7.3): slot J's proof is the VRF over (beacon, epoch, ATX nonce, J), and its layer is read from
 * the proof. Several slots may land in one layer; the ballot of that layer carries them all.
 */

import { vrfProve } from '../crypto/vrf.ts'
import { computeEligibleLayer } from './computeEligibleLayer.ts'
import { encodeProposalVrfMessage } from './encodeVrfMessages.ts'

export interface ProposalEligibility {
  /** J, the slot counter. */
  readonly j: number
  /** 80-byte ECVRF proof. */
  readonly sig: Uint8Array
  readonly layer: number
}

export interface ProposalSlotsContext {
  readonly beacon: Uint8Array
  readonly epoch: number
  readonly nonce: bigint
  readonly slots: number
  readonly layersPerEpoch: number
}

/** All slots of the epoch, in J order. */
export function computeProposalEligibilities(
  secretSeed: Uint8Array,
  ctx: ProposalSlotsContext,
): ProposalEligibility[] {
  const out: ProposalEligibility[] = []
  for (let j = 0; j < ctx.slots; j++) {
    const sig = vrfProve(secretSeed, encodeProposalVrfMessage({ ...ctx, counter: j }))
    out.push({ j, sig, layer: computeEligibleLayer(ctx.epoch, ctx.layersPerEpoch, sig) })
  }
  return out
}
