/**
 * Proposals (go-spacemesh `common/types/proposal.go`, go-spacemesh.md §2.5): a complete signed
 * ballot plus the transactions its smesher proposes for the layer and its mesh hash.
 *
 *   Proposal      = InnerProposal ‖ Signature [64]            (PROPOSAL domain)
 *   InnerProposal = Ballot ‖ TxIDs Vec<[32], 100000> ‖ MeshHash [32]
 *
 * MeshHash is the proposer's aggregated opinion hash of layer − 1 (empty when not confident);
 * block building uses it for optimistic filtering.
 */
import { decode, encode, fixedBytes, type Infer, list, struct } from '../codec/index.ts'
import { ballotCodec } from './ballotCodec.ts'

/** go-spacemesh `scale:"max=100000"` on TxIDs; gossip validation also caps it at TxsPerProposal. */
export const MAX_PROPOSAL_TX_IDS = 100_000

export const innerProposalCodec = struct({
  ballot: ballotCodec,
  txIds: list(fixedBytes(32), MAX_PROPOSAL_TX_IDS),
  meshHash: fixedBytes(32),
})

export const proposalCodec = struct({
  inner: innerProposalCodec,
  signature: fixedBytes(64),
})

export type InnerProposal = Infer<typeof innerProposalCodec>
export type Proposal = Infer<typeof proposalCodec>

export function encodeProposal(proposal: Proposal): Uint8Array {
  return encode(proposalCodec, proposal)
}

/** Throws only DecodeError. */
export function decodeProposal(data: Uint8Array): Proposal {
  return decode(proposalCodec, data)
}
