/**
 * BallotID = first 20 bytes of blake3(scale(InnerBallot)) (go-spacemesh `Ballot.Initialize`,
 * go-spacemesh.md §1.2). The ID is computed from a re-encoding, and covers neither the votes nor
 * the eligibility proofs: those are bound through OpinionHash and the VRF respectively.
 */
import { encode } from '../codec/index.ts'
import { hash20, hash32 } from '../crypto/hash.ts'
import { ballotMetadataCodec, type InnerBallot, innerBallotCodec } from './ballotCodec.ts'

export function computeBallotId(inner: InnerBallot): Uint8Array {
  return hash20(encode(innerBallotCodec, inner))
}

/** The bytes a ballot signature covers: scale(BallotMetadata{Layer, blake3(scale(InnerBallot))}). */
export function computeBallotSignedBytes(inner: InnerBallot): Uint8Array {
  return encode(ballotMetadataCodec, { layer: inner.layer, msgHash: hash32(encode(innerBallotCodec, inner)) })
}
