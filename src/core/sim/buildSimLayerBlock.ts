/**
 * The block of a layer from the proposal IDs Hare agreed on (go-spacemesh `blocks/generator.go`,
 * mesh `buildBlock`): each proposal is fetched, matched with its ATX in the epoch's active set and
 * its reference ballot's eligibility count. An equivocator may have two agreed proposals; only
 * the lower ID is kept, so every node builds the same block. The block goes to the fetchable
 * store, where nodes whose Hare missed it find it by the ID ballots vote for.
 */
import { bytesToHex as hex } from '@noble/hashes/utils.js'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'
import { type BlockProposalInput, buildBlock } from '../mesh/buildBlock.ts'
import { decodeProposal } from '../mesh/proposalCodec.ts'
import type { KnownBallot } from '../mesh/validateBallot.ts'
import type { SimEpochView } from './buildSimEpochView.ts'
import type { SimConsensusShared } from './SimConsensusShared.ts'

export type SimLayerBlock =
  | { readonly ok: true; readonly id: Uint8Array; readonly idHex: string; readonly height: bigint }
  | { readonly ok: true; readonly id: undefined }
  | { readonly ok: false; readonly code: string }

export function buildSimLayerBlock(
  layer: number,
  ids: readonly Uint8Array[],
  view: SimEpochView,
  shared: SimConsensusShared,
  gasLimit: bigint,
  knownBallot: (id: Uint8Array) => KnownBallot | undefined,
): SimLayerBlock {
  const inputs: BlockProposalInput[] = []
  const atxSeen = new Set<string>()
  for (const id of [...ids].sort(compareBytes)) {
    const data = shared.proposalsById.get(hex(id))
    if (data === undefined) continue
    const prop = decodeProposal(data)
    const b = prop.inner.ballot
    const atxHex = hex(b.inner.atxId)
    const atx = view.atxs.find((a) => hex(a.id) === atxHex)
    const epochData = b.inner.epochData ?? knownBallot(b.inner.refBallot)?.epochData
    if (atx === undefined || epochData === undefined || atxSeen.has(atxHex)) continue
    atxSeen.add(atxHex)
    inputs.push({
      id,
      atxId: atx.id,
      atxBaseHeight: atx.baseTickHeight,
      atxWeight: atx.weight,
      eligibilityCount: epochData.eligibilityCount,
      proofs: b.eligibilityProofs.length,
      txIds: prop.inner.txIds,
    })
  }
  const r = buildBlock({ layer, proposals: inputs, getTx: (id) => shared.txs.get(hex(id))?.header, gasLimit })
  if (!r.ok) return { ok: false, code: r.code }
  if (r.block === undefined) return { ok: true, id: undefined }
  const idHex = hex(r.id)
  if (!shared.blocks.has(idHex)) shared.blocks.set(idHex, { layer, block: r.block })
  return { ok: true, id: r.id, idHex, height: r.block.tickHeight }
}
