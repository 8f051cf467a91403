/**
 * Ballots (go-spacemesh `common/types/ballot.go`, go-spacemesh.md §2.4). A ballot is a smesher's
 * signed vote on mesh history for one layer it is eligible in:
 *
 *   Ballot      = InnerBallot ‖ Signature [64] ‖ SmesherID [32] ‖ Votes
 *                 ‖ EligibilityProofs Vec<{J c32, Sig [80]}, 25000> ‖ ActiveSet Vec<[32], 1>
 *   InnerBallot = Layer c32, AtxID [32], OpinionHash [32], RefBallot [20], EpochData Opt<EpochData>
 *   EpochData   = ActiveSetHash [32], Beacon [4], EligibilityCount c32
 *   Votes       = Base [20], Support Vec<Vote,10000>, Against Vec<Vote,10000>, Abstain Vec<c32,10000>
 *   Vote        = ID [20], LayerID c32, Height c64
 *
 * Only InnerBallot is signed. Votes are bound through OpinionHash (the tortoise recomputes the
 * opinion from base + exceptions and rejects a mismatch) and eligibility proofs are VRF outputs
 * that authenticate themselves. The legacy ActiveSet list is always empty in new ballots.
 */
import {
  compact32,
  compact64,
  decode,
  encode,
  fixedBytes,
  type Infer,
  list,
  option,
  struct,
} from '../codec/index.ts'
import { BLOCK_ID_LENGTH } from '../hare/certificateCodec.ts'

/** go-spacemesh `scale:"max=25000"`: 10% of the network's 4032 × 50 slots, with margin (ballot.go). */
export const MAX_ELIGIBILITY_PROOFS = 25_000
/** go-spacemesh `scale:"max=10000"` on each vote list: one block per layer in a window of 10k layers. */
export const MAX_VOTE_EXCEPTIONS = 10_000
/** Legacy field, replaced by EpochData.ActiveSetHash; `scale:"max=1"`. */
export const MAX_LEGACY_ACTIVE_SET = 1

export const BALLOT_ID_LENGTH = 20

export const voteCodec = struct({
  id: fixedBytes(BLOCK_ID_LENGTH),
  layer: compact32,
  height: compact64,
})

export const votesCodec = struct({
  base: fixedBytes(BALLOT_ID_LENGTH),
  support: list(voteCodec, MAX_VOTE_EXCEPTIONS),
  against: list(voteCodec, MAX_VOTE_EXCEPTIONS),
  abstain: list(compact32, MAX_VOTE_EXCEPTIONS),
})

export const epochDataCodec = struct({
  activeSetHash: fixedBytes(32),
  beacon: fixedBytes(4),
  eligibilityCount: compact32,
})

export const innerBallotCodec = struct({
  layer: compact32,
  atxId: fixedBytes(32),
  opinionHash: fixedBytes(32),
  refBallot: fixedBytes(BALLOT_ID_LENGTH),
  epochData: option(epochDataCodec),
})

export const votingEligibilityCodec = struct({
  j: compact32,
  sig: fixedBytes(80),
})

export const ballotCodec = struct({
  inner: innerBallotCodec,
  signature: fixedBytes(64),
  smesherId: fixedBytes(32),
  votes: votesCodec,
  eligibilityProofs: list(votingEligibilityCodec, MAX_ELIGIBILITY_PROOFS),
  activeSet: list(fixedBytes(32), MAX_LEGACY_ACTIVE_SET),
})

/** What ballot and proposal signatures cover: BallotMetadata{Layer c32, MsgHash [32]}. */
export const ballotMetadataCodec = struct({
  layer: compact32,
  msgHash: fixedBytes(32),
})

export type Vote = Infer<typeof voteCodec>
export type Votes = Infer<typeof votesCodec>
export type EpochData = Infer<typeof epochDataCodec>
export type InnerBallot = Infer<typeof innerBallotCodec>
export type VotingEligibility = Infer<typeof votingEligibilityCodec>
export type Ballot = Infer<typeof ballotCodec>

export function encodeBallot(ballot: Ballot): Uint8Array {
  return encode(ballotCodec, ballot)
}

/** Throws only DecodeError (the whole input must be consumed). */
export function decodeBallot(data: Uint8Array): Ballot {
  return decode(ballotCodec, data)
}

export function encodeInnerBallot(inner: InnerBallot): Uint8Array {
  return encode(innerBallotCodec, inner)
}
