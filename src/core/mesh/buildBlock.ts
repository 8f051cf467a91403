/**
 * The block of a layer, built by every node from the proposals Hare agreed on (go-spacemesh
 * `blocks/generator.go` processHareOutput, `blocks/utils.go`; go-spacemesh.md §2.6):
 *
 * - TickHeight = max base tick height of the proposers' ATXs;
 * - Rewards = one entry per ATX, weight = ATX weight × (proofs in this proposal) / (eligibility
 *   count of its reference ballot) as a reduced fraction, sorted by ATX ID; two proposals of one
 *   ATX in a layer are an error (DUPLICATE_ATX), as upstream;
 * - TxIDs = the union of the proposals' transactions, selected and ordered by the block seed
 *   (selectBlockTransactions.ts), the seed being the hash of the sorted proposal IDs.
 *
 * Inputs are sorted first, so the block does not depend on the order proposals arrived in.
 * An empty Hare output gives no block (the layer's vote is "empty").
 * Not done here: optimistic filtering (execute now when ≥ 90% of eligibilities share our mesh
 * hash); it needs the VM, and only changes which executed txs are listed.
 */
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'
import { computeProposalsReference } from '../hare/computeProposalsReference.ts'
import type { AnyReward, Block } from './blockCodec.ts'
import { computeBlockId } from './computeBlockId.ts'
import { type BlockTxCandidate, selectBlockTransactions } from './selectBlockTransactions.ts'

export interface BlockProposalInput {
  readonly id: Uint8Array
  readonly atxId: Uint8Array
  /** Base tick height of the proposer's ATX. */
  readonly atxBaseHeight: bigint
  readonly atxWeight: bigint
  /** EligibilityCount of the proposer's reference ballot for the epoch. */
  readonly eligibilityCount: number
  /** Eligibility proofs in this proposal's ballot. */
  readonly proofs: number
  readonly txIds: readonly Uint8Array[]
}

export interface BuildBlockParameters {
  readonly layer: number
  readonly proposals: readonly BlockProposalInput[]
  /** Header of every tx the proposals list (a missing one is an error: fetch it first). */
  getTx(id: Uint8Array): Omit<BlockTxCandidate, 'id'> | undefined
  /** `BlockGasLimit`; 0 = no pruning. */
  readonly gasLimit: bigint
}

export type BuildBlockReturnType =
  | { readonly ok: true; readonly block: Block; readonly id: Uint8Array }
  | { readonly ok: true; readonly block: undefined; readonly id: undefined }
  | {
      readonly ok: false
      readonly code: 'DUPLICATE_ATX' | 'MISSING_TX' | 'ZERO_ELIGIBILITY_COUNT'
      readonly message: string
    }

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

export function buildBlock(p: BuildBlockParameters): BuildBlockReturnType {
  if (p.proposals.length === 0) return { ok: true, block: undefined, id: undefined }
  const proposals = [...p.proposals].sort((a, b) => compareBytes(a.id, b.id))
  let tickHeight = 0n
  const rewards: AnyReward[] = []
  const atxs = new Set<string>()
  for (const prop of proposals) {
    const key = hex(prop.atxId)
    if (atxs.has(key)) return { ok: false, code: 'DUPLICATE_ATX', message: `two proposals of ATX ${key}` }
    atxs.add(key)
    if (prop.eligibilityCount === 0)
      return { ok: false, code: 'ZERO_ELIGIBILITY_COUNT', message: `ATX ${key} declares 0 eligibilities` }
    if (prop.atxBaseHeight > tickHeight) tickHeight = prop.atxBaseHeight
    const num = prop.atxWeight * BigInt(prop.proofs)
    const denom = BigInt(prop.eligibilityCount)
    const g = num === 0n ? denom : gcd(num, denom)
    rewards.push({ atxId: prop.atxId, weight: { num: num / g, denom: denom / g } })
  }
  rewards.sort((a, b) => compareBytes(a.atxId, b.atxId))

  const seen = new Set<string>()
  const txs: BlockTxCandidate[] = []
  for (const prop of proposals) {
    for (const id of prop.txIds) {
      const key = hex(id)
      if (seen.has(key)) continue
      seen.add(key)
      const header = p.getTx(id)
      if (header === undefined) return { ok: false, code: 'MISSING_TX', message: `tx ${key} not known` }
      txs.push({ ...header, id })
    }
  }
  const seed = computeProposalsReference(proposals.map((x) => x.id))
  const txIds = txs.length === 0 ? [] : selectBlockTransactions(txs, seed, p.gasLimit)
  const block: Block = { layer: p.layer, tickHeight, rewards, txIds }
  return { ok: true, block, id: computeBlockId(block) }
}
