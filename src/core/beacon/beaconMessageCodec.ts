/**
 * Beacon protocol wire formats (go-spacemesh `beacon/message.go`, `beacon/weakcoin`,
 * go-spacemesh.md §2.9). A beacon proposal is named by the first 4 bytes of its VRF proof.
 *
 *   ProposalMessage        = EpochID c32, NodeID [32], VRFSignature [80]       (topic bp1)
 *   FirstVotingMessage     = EpochID c32, ValidProposals Vec<[4],1000>,
 *                            PotentiallyValidProposals Vec<[4],1000>, SmesherID [32], Signature [64]
 *                            (BEACON_FIRST_MSG over the body before SmesherID)      (topic bf1)
 *   FollowingVotingMessage = EpochID c32, RoundID c32, VotesBitVector Bytes<128>, SmesherID, Signature
 *                            (BEACON_FOLLOWUP_MSG over the body)                     (topic bo1)
 *   WeakCoinMessage        = Epoch c32, Round c32, Unit c32, NodeID [32], VRFSignature [80] (topic bw1)
 *
 * VRF messages: proposal {Type c16 = 1, Nonce c64, Epoch c32}; weak coin {Type c16 = 4, Nonce c64,
 * Epoch c32, Round c32, Unit c32}.
 */
import {
  bytes,
  compact16,
  compact32,
  compact64,
  encode,
  fixedBytes,
  type Infer,
  list,
  struct,
} from '../codec/index.ts'
import { EligibilityType } from '../eligibility/encodeVrfMessages.ts'

/** go-spacemesh: "number of proposals is expected to be under 100, 1000 is a safe upper bound". */
export const MAX_BEACON_PROPOSALS = 1000
/** 128 bytes = 1024 bits ≥ the 1000 proposals a first vote can list. */
export const MAX_VOTES_BIT_VECTOR = 128
export const BEACON_PROPOSAL_LENGTH = 4

const proposal = fixedBytes(BEACON_PROPOSAL_LENGTH)

export const beaconProposalCodec = struct({ epoch: compact32, nodeId: fixedBytes(32), vrf: fixedBytes(80) })
export const firstVotingBodyCodec = struct({
  epoch: compact32,
  valid: list(proposal, MAX_BEACON_PROPOSALS),
  potentiallyValid: list(proposal, MAX_BEACON_PROPOSALS),
})
export const firstVotingCodec = struct({
  body: firstVotingBodyCodec,
  smesherId: fixedBytes(32),
  signature: fixedBytes(64),
})
export const followingVotingBodyCodec = struct({
  epoch: compact32,
  round: compact32,
  votes: bytes(MAX_VOTES_BIT_VECTOR),
})
export const followingVotingCodec = struct({
  body: followingVotingBodyCodec,
  smesherId: fixedBytes(32),
  signature: fixedBytes(64),
})
export const weakCoinCodec = struct({
  epoch: compact32,
  round: compact32,
  unit: compact32,
  nodeId: fixedBytes(32),
  vrf: fixedBytes(80),
})

export type BeaconProposalMessage = Infer<typeof beaconProposalCodec>
export type FirstVotingMessage = Infer<typeof firstVotingCodec>
export type FollowingVotingMessage = Infer<typeof followingVotingCodec>
export type WeakCoinMessage = Infer<typeof weakCoinCodec>

const proposalVrf = struct({ type: compact16, nonce: compact64, epoch: compact32 })
const weakCoinVrf = struct({
  type: compact16,
  nonce: compact64,
  epoch: compact32,
  round: compact32,
  unit: compact32,
})

/** VRF message of a beacon proposal (`beacon.buildProposal`). */
export function encodeBeaconProposalVrfMessage(epoch: number, nonce: bigint): Uint8Array {
  return encode(proposalVrf, { type: EligibilityType.BEACON, nonce, epoch })
}

/** VRF message of a weak-coin ticket (`weakcoin.encodeProposal`). */
export function encodeWeakCoinVrfMessage(
  epoch: number,
  nonce: bigint,
  round: number,
  unit: number,
): Uint8Array {
  return encode(weakCoinVrf, { type: EligibilityType.BEACON_WEAK_COIN, nonce, epoch, round, unit })
}
