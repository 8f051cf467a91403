/**
 * What a simulated consensus node fixes at the start of epoch E (go-spacemesh.md §2.4–2.5): the
 * active set = the ATXs published in E−1 that its ATX store accepted, their weights, the
 * active-set hash, the beacon (from the beacon protocol, else the bootstrap value of
 * computeSimBeacon.ts) and, when the node has an ATX in
 * the set, its proposal slots (computeEligibleSlots) and their VRF eligibilities.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import type { AtxHeader } from '../activation/AtxHeader.ts'
import type { MemoryAtxStore } from '../activation/MemoryAtxStore.ts'
import { computeActiveSetHash } from '../eligibility/computeActiveSetHash.ts'
import { computeEligibleSlots } from '../eligibility/computeEligibleSlots.ts'
import {
  computeProposalEligibilities,
  type ProposalEligibility,
} from '../eligibility/computeProposalEligibilities.ts'
import type { Preset } from '../params/presets.ts'
import { computeSimBeacon } from './computeSimBeacon.ts'

export interface SimEpochView {
  readonly epoch: number
  readonly beacon: Uint8Array
  readonly beaconFromProtocol: boolean
  readonly activeSetHash: Uint8Array
  /** Hex of activeSetHash ‖ beacon: nodes with equal keys validate alike. */
  readonly contextKey: string
  readonly atxs: readonly AtxHeader[]
  /** Weight by node ID hex. */
  readonly weights: ReadonlyMap<string, bigint>
  readonly totalWeight: bigint
  readonly own?: {
    readonly atx: AtxHeader
    readonly slots: number
    readonly eligibilities: readonly ProposalEligibility[]
  }
}

export function buildSimEpochView(
  epoch: number,
  atxs: MemoryAtxStore,
  nodeId: Uint8Array,
  seed: Uint8Array,
  preset: Preset,
  /** The beacon protocol's result for this epoch, when it ran and succeeded. */
  protocolBeacon?: Uint8Array,
): SimEpochView {
  const set = atxs.inEpoch(epoch - 1)
  const weights = new Map<string, bigint>()
  let totalWeight = 0n
  for (const a of set) {
    weights.set(bytesToHex(a.smesherId), a.weight)
    totalWeight += a.weight
  }
  const activeSetHash = computeActiveSetHash(set.map((a) => a.id))
  const beacon = protocolBeacon ?? computeSimBeacon(epoch, activeSetHash)
  const view = {
    epoch,
    beacon,
    beaconFromProtocol: protocolBeacon !== undefined,
    activeSetHash,
    contextKey: bytesToHex(activeSetHash) + bytesToHex(beacon),
    atxs: set,
    weights,
    totalWeight,
  }
  const atx = atxs.bySmesherInEpoch(nodeId, epoch - 1)
  if (atx === undefined || totalWeight === 0n) return view
  const slots = computeEligibleSlots({
    weight: atx.weight,
    totalWeight,
    layerAvgSize: preset.layerAvgSize,
    layersPerEpoch: preset.layersPerEpoch,
  })
  const eligibilities = computeProposalEligibilities(seed, {
    beacon,
    epoch,
    nonce: atx.vrfNonce,
    slots,
    layersPerEpoch: preset.layersPerEpoch,
  })
  return { ...view, own: { atx, slots, eligibilities } }
}
