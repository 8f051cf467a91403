/**
 * Gossip validation of a proposal (go-spacemesh `proposals/handler.go` handleProposal,
 * go-spacemesh.md §2.5): the PROPOSAL-domain signature by the ballot's smesher, at most
 * `TxsPerProposal` transaction IDs with no duplicate, then the ballot's own rules.
 */
import { SigningDomain, verifySignature } from '../crypto/signing.ts'
import { computeProposalId, computeProposalSignedBytes } from './computeProposalId.ts'
import { MeshError } from './MeshError.ts'
import type { Proposal } from './proposalCodec.ts'
import {
  type BallotValidationContext,
  type ValidateBallotReturnType,
  validateBallot,
} from './validateBallot.ts'

export interface ProposalValidationContext extends BallotValidationContext {
  /** go-spacemesh `TxsPerProposal` (mainnet 700). */
  readonly txsPerProposal: number
}

export type ValidateProposalReturnType =
  | (ValidateBallotReturnType & { readonly verdict: 'ACCEPT'; readonly proposalId: Uint8Array })
  | { readonly verdict: 'IGNORE' | 'REJECT'; readonly error: MeshError }

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export function validateProposal(
  proposal: Proposal,
  ctx: ProposalValidationContext,
): ValidateProposalReturnType {
  const { inner } = proposal
  const fail = (error: MeshError): ValidateProposalReturnType => ({ verdict: error.verdict, error })
  if (inner.txIds.length > ctx.txsPerProposal)
    return fail(new MeshError('TOO_MANY_TXS', `${inner.txIds.length} > ${ctx.txsPerProposal}`))
  const seen = new Set<string>()
  for (const id of inner.txIds) {
    const key = hex(id)
    if (seen.has(key)) return fail(new MeshError('DUPLICATE_TX', `tx ${key} twice`))
    seen.add(key)
  }
  const signed = computeProposalSignedBytes(inner)
  if (
    !verifySignature(
      inner.ballot.smesherId,
      ctx.genesisId,
      SigningDomain.PROPOSAL,
      signed,
      proposal.signature,
    )
  )
    return fail(new MeshError('BAD_SIGNATURE', 'proposal signature does not verify'))
  const result = validateBallot(inner.ballot, ctx)
  if (result.verdict !== 'ACCEPT') return result
  return { ...result, proposalId: computeProposalId(inner) }
}
