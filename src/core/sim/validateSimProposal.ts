/**
 * Gossip validation of a proposal by a simulated consensus node: `validateProposal` (signature,
 * ATX, reference data, VRF eligibility, votes) against the node's ATX store, known ballots and
 * the fetchable blocks. ACCEPT verdicts are shared between nodes with the same epoch context
 * (SimConsensusShared); a base or reference ballot the node lacks is fetched first.
 */
import { bytesToHex as hex } from '@noble/hashes/utils.js'
import { hash32 } from '../crypto/hash.ts'
import { computeBallotId } from '../mesh/computeBallotId.ts'
import { computeProposalId } from '../mesh/computeProposalId.ts'
import type { Proposal } from '../mesh/proposalCodec.ts'
import type { KnownBallot } from '../mesh/validateBallot.ts'
import { validateProposal } from '../mesh/validateProposal.ts'
import type { Preset } from '../params/presets.ts'
import type { SimEpochView } from './buildSimEpochView.ts'
import type { SimConsensusShared } from './SimConsensusShared.ts'
import type { SimSmesherNode } from './SimSmesherNode.ts'

export interface ProposalValidationHost {
  readonly currentLayer: number
  readonly o: {
    readonly preset: Preset
    readonly genesisId: Uint8Array
    readonly shared: SimConsensusShared
    readonly firstLayer: number
    readonly txsPerProposal: number
    readonly smesher: () => SimSmesherNode
  }
  view(epoch: number): SimEpochView
  knownBallot(id: Uint8Array): KnownBallot | undefined
}

export type SimProposalVerdict =
  | { readonly ok: true; readonly proposalId: Uint8Array; readonly ballotId: Uint8Array }
  | { readonly ok: false; readonly code: string }

export function validateSimProposal(
  proposal: Proposal,
  data: Uint8Array,
  host: ProposalValidationHost,
  view: SimEpochView,
): SimProposalVerdict {
  const { preset, shared } = host.o
  const ids = {
    ok: true as const,
    proposalId: computeProposalId(proposal.inner),
    ballotId: computeBallotId(proposal.inner.ballot.inner),
  }
  const cacheKey = `${hex(hash32(data))}:${view.contextKey}`
  if (shared.acceptedProposals.has(cacheKey)) {
    // Still fetch what the ballot builds on, so this node's tortoise can place it.
    const b = proposal.inner.ballot
    if (!b.votes.base.every((x) => x === 0)) host.knownBallot(b.votes.base)
    if (b.inner.epochData === undefined) host.knownBallot(b.inner.refBallot)
    return ids
  }
  const atxs = host.o.smesher().atxs
  const r = validateProposal(proposal, {
    genesisId: host.o.genesisId,
    layersPerEpoch: preset.layersPerEpoch,
    layerAvgSize: preset.layerAvgSize,
    minActiveSetWeight: 0n,
    effectiveGenesis: host.o.firstLayer - 1,
    currentLayer: host.currentLayer,
    maxExceptions: preset.tortoise.maxExceptions,
    txsPerProposal: host.o.txsPerProposal,
    getAtx: (id) => {
      const a = atxs.get(id)
      return a === undefined
        ? undefined
        : { smesherId: a.smesherId, publishEpoch: a.publishEpoch, weight: a.weight, vrfNonce: a.vrfNonce }
    },
    getBallot: (id) => host.knownBallot(id),
    getBlock: (id) => {
      const b = shared.blocks.get(hex(id))
      return b === undefined ? undefined : { layer: b.layer, height: b.block.tickHeight }
    },
    activeSetWeight: (h) => {
      const epoch = Math.floor(proposal.inner.ballot.inner.layer / preset.layersPerEpoch)
      const v = host.view(epoch)
      return hex(v.activeSetHash) === hex(h) ? v.totalWeight : undefined
    },
  })
  if (r.verdict !== 'ACCEPT') return { ok: false, code: r.error.code }
  shared.acceptedProposals.add(cacheKey)
  return ids
}
