/**
 * Signs a ballot and a proposal as a smesher does (go-spacemesh `miner/proposal_builder.go`):
 * the ballot with the BALLOT domain over its metadata, then the proposal that wraps the signed
 * ballot with the PROPOSAL domain.
 */
import { SigningDomain, signMessage } from '../crypto/signing.ts'
import type { InnerBallot } from './ballotCodec.ts'
import { computeBallotSignedBytes } from './computeBallotId.ts'
import { computeProposalSignedBytes } from './computeProposalId.ts'
import type { InnerProposal } from './proposalCodec.ts'

export function signBallot(seed: Uint8Array, genesisId: Uint8Array, inner: InnerBallot): Uint8Array {
  return signMessage(seed, genesisId, SigningDomain.BALLOT, computeBallotSignedBytes(inner))
}

export function signProposal(seed: Uint8Array, genesisId: Uint8Array, inner: InnerProposal): Uint8Array {
  return signMessage(seed, genesisId, SigningDomain.PROPOSAL, computeProposalSignedBytes(inner))
}
