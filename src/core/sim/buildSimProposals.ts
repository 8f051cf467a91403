/**
 * A smesher's ballot and proposal for one layer (go-spacemesh `miner/proposal_builder.go`,
 * go-spacemesh.md §2.5): the ballot carries the layer's eligibility proofs, the Tortoise's votes
 * and opinion hash, and either the epoch data (first ballot of the epoch: active-set hash, beacon,
 * slot count) or a pointer to that reference ballot; the proposal adds the txs and mesh hash.
 *
 * Byzantine variants: `against` votes against every block (base = genesis, no exceptions; its
 * opinion hash is what those votes decode to, so it passes validation); `equivocate` signs two
 * proposals with different mesh hashes for the same ballot.
 */
import { hash32 } from '../crypto/hash.ts'
import type { ProposalEligibility } from '../eligibility/computeProposalEligibilities.ts'
import type { Ballot, InnerBallot, Votes } from '../mesh/ballotCodec.ts'
import { computeBallotId } from '../mesh/computeBallotId.ts'
import { encodeProposal } from '../mesh/proposalCodec.ts'
import { signBallot, signProposal } from '../mesh/signBallot.ts'
import { decodeVotes } from '../tortoise/decodeVotes.ts'
import type { SimEpochView } from './buildSimEpochView.ts'

const ZERO20 = new Uint8Array(20)
const ZERO32 = new Uint8Array(32)

export interface SimProposalInput {
  readonly layer: number
  readonly view: SimEpochView & { readonly own: NonNullable<SimEpochView['own']> }
  readonly proofs: readonly ProposalEligibility[]
  readonly seed: Uint8Array
  readonly nodeId: Uint8Array
  readonly genesisId: Uint8Array
  readonly encoded: { readonly votes: Votes; readonly opinionHash: Uint8Array }
  /** The epoch's reference ballot, once this smesher has cast it. */
  readonly refBallot: Uint8Array | undefined
  readonly txIds: readonly Uint8Array[]
  readonly meshHash: Uint8Array | undefined
  readonly tortoiseGenesis: number
  readonly behaviour: 'honest' | 'against' | 'equivocate'
}

export function buildSimProposals(p: SimProposalInput): { ballotId: Uint8Array; proposals: Uint8Array[] } {
  const against = p.behaviour === 'against'
  const votes: Votes = against ? { base: ZERO20, support: [], against: [], abstain: [] } : p.encoded.votes
  const v = p.view
  const inner: InnerBallot = {
    layer: p.layer,
    atxId: v.own.atx.id,
    opinionHash: against ? againstOpinion(p.tortoiseGenesis, p.layer, votes) : p.encoded.opinionHash,
    refBallot: p.refBallot ?? ZERO20,
    epochData:
      p.refBallot === undefined
        ? { activeSetHash: v.activeSetHash, beacon: v.beacon, eligibilityCount: v.own.slots }
        : undefined,
  }
  const ballot: Ballot = {
    inner,
    signature: signBallot(p.seed, p.genesisId, inner),
    smesherId: p.nodeId,
    votes,
    eligibilityProofs: p.proofs.map((e) => ({ j: e.j, sig: e.sig })),
    activeSet: [],
  }
  const meshHash = p.meshHash ?? ZERO32
  const hashes = p.behaviour === 'equivocate' ? [meshHash, hash32(meshHash)] : [meshHash]
  const proposals = hashes.map((h) => {
    const innerP = { ballot, txIds: [...p.txIds], meshHash: h }
    return encodeProposal({ inner: innerP, signature: signProposal(p.seed, p.genesisId, innerP) })
  })
  return { ballotId: computeBallotId(inner), proposals }
}

/** The opinion hash that votes with genesis as base and no exceptions decode to. */
function againstOpinion(genesis: number, layer: number, exceptions: Votes): Uint8Array {
  const decoded = decodeVotes({ genesis, baseLayer: genesis, baseVotes: [], ballotLayer: layer, exceptions })
  return decoded[decoded.length - 1]?.opinion ?? ZERO32
}
