/**
 * Proposal slots per epoch (go-spacemesh `proposals/util.GetNumEligibleSlots`, protocol-spec §7.3).
 * A smesher expects `LayerAvgSize` proposals per layer across the network, shared by weight:
 *
 *   slots = max(1, ⌊weight × layerAvgSize × layersPerEpoch / max(minWeight, totalWeight)⌋)
 *
 * go-spacemesh multiplies in uint64 and lets the product wrap, then truncates to uint32; we do
 * the same with BigInt so that a count a Go node declares is the count we recompute.
 * `minWeight` (tortoise `MinimalActiveSetWeight`) stops a tiny active set from handing each
 * member a huge share of the slots.
 */
import { EligibilityError } from './EligibilityError.ts'

const U64 = (1n << 64n) - 1n
const U32 = (1n << 32n) - 1n

export interface EligibleSlotsInput {
  readonly weight: bigint
  readonly totalWeight: bigint
  readonly minWeight?: bigint
  readonly layerAvgSize: number
  readonly layersPerEpoch: number
}

export function computeEligibleSlots(input: EligibleSlotsInput): number {
  const { weight, totalWeight, layerAvgSize, layersPerEpoch } = input
  if (totalWeight === 0n) throw new EligibilityError('ZERO_TOTAL_WEIGHT', 'total weight is zero')
  const minWeight = input.minWeight ?? 0n
  const product = (((weight & U64) * BigInt(layerAvgSize)) & U64) * BigInt(layersPerEpoch)
  const slots = (product & U64) / (minWeight > totalWeight ? minWeight : totalWeight)
  return slots === 0n ? 1 : Number(slots & U32)
}
