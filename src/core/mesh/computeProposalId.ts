/**
 * ProposalID = first 20 bytes of blake3(signed bytes), where the signed bytes are
 * scale(BallotMetadata{Layer, blake3(scale(InnerProposal))}) (go-spacemesh `Proposal.Initialize`,
 * go-spacemesh.md §1.2). InnerProposal holds the complete ballot, so the proposal ID changes with
 * the ballot's votes and proofs while the ballot ID does not.
 */
import { encode } from '../codec/index.ts'
import { hash20, hash32 } from '../crypto/hash.ts'
import { ballotMetadataCodec } from './ballotCodec.ts'
import { type InnerProposal, innerProposalCodec } from './proposalCodec.ts'

export function computeProposalSignedBytes(inner: InnerProposal): Uint8Array {
  return encode(ballotMetadataCodec, {
    layer: inner.ballot.inner.layer,
    msgHash: hash32(encode(innerProposalCodec, inner)),
  })
}

export function computeProposalId(inner: InnerProposal): Uint8Array {
  return hash20(computeProposalSignedBytes(inner))
}
