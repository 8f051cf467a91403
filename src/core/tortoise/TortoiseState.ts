/**
 * What the tortoise keeps per layer, block and ballot (go-spacemesh `tortoise/state.go`), and the
 * rules shared by both counting modes: thresholds (`threshold.go`), the local vote on a block
 * (`getLocalVote`), the layer opinion and the decision over a layer's blocks (`util.go`
 * verifyLayer).
 *
 * Weights are float64 here (go-spacemesh uses `spacemeshos/fixed` decimals): the simulator only
 * needs every node to compute the same thing, which IEEE doubles guarantee; a node that must
 * agree with Go on a margin within rounding of a threshold would need the fixed-point port.
 */
import type { TortoiseParams } from '../params/presets.ts'
import { computeOpinionHash } from './computeOpinionHash.ts'

/** +1 support, −1 against, 0 abstain / undecided (go-spacemesh `sign`). */
export type Sign = 1 | -1 | 0

export interface BlockInfo {
  readonly id: Uint8Array
  readonly key: string
  readonly layer: number
  readonly height: bigint
  hare: Sign
  validity: Sign
  /** Full mode: weight for minus weight against. */
  margin: number
  /** The block itself is known locally (not only from votes). */
  data: boolean
}

/**
 * One ballot's vote on one layer: the supported blocks, or abstain; none supported = against.
 * Votes form a list from the newest layer back (`prev`), shared with the base ballot where they
 * agree, so decoding a ballot costs the layers its exceptions touch, not the whole history.
 */
export interface LayerVote {
  readonly prev: LayerVote | undefined
  readonly layer: number
  readonly abstain: boolean
  readonly support: readonly { readonly key: string; readonly id: Uint8Array; readonly height: bigint }[]
  /** Opinion hash of the ballot's history up to and including this layer. */
  readonly opinion: Uint8Array
}

export interface BallotInfo {
  readonly id: Uint8Array
  readonly key: string
  readonly layer: number
  readonly weight: number
  readonly beacon: Uint8Array
  readonly malicious: boolean
  /** Vote on layer − 1; earlier layers through `prev`, back to genesis. */
  readonly votes: LayerVote | undefined
  badBeacon: boolean
}

export interface LayerInfo {
  readonly lid: number
  /** Sorted by (height, id). */
  readonly blocks: BlockInfo[]
  readonly ballots: BallotInfo[]
  hareTerminated: boolean
  opinion: Uint8Array
  prevOpinion: Uint8Array | undefined
  /** Verifying mode: good weight of ballots in layers ≤ this one. */
  goodUncounted: number
  /** Full mode: weight voting "no block" minus weight supporting some block. */
  empty: number
  coinflip: Sign
}

export interface EpochInfo {
  weight: number
  beacon: Uint8Array | undefined
}

export interface TortoiseConfig extends TortoiseParams {
  readonly layersPerEpoch: number
  /** Last layer before the first one ballots are cast in (go-spacemesh `GetEffectiveGenesis`). */
  readonly effectiveGenesis: number
}

export const withinDistance = (dist: number, lid: number, last: number): boolean => lid + dist > last

/** The vote on `layer` in the list ending at `tail`. */
export function voteOn(tail: LayerVote | undefined, layer: number): LayerVote | undefined {
  let v = tail
  while (v !== undefined && v.layer > layer) v = v.prev
  return v?.layer === layer ? v : undefined
}

export const blockVote = (vote: LayerVote, block: BlockInfo): Sign =>
  vote.support.some((s) => s.key === block.key) ? 1 : -1

export function crossesThreshold(w: number, threshold: number): Sign {
  if (w > 0 && w > threshold) return 1
  if (w < 0 && -w > threshold) return -1
  return 0
}

/** go-spacemesh `getLocalVote`: Hare within hdist, the decided validity beyond, else undecided. */
export function getLocalVote(c: TortoiseConfig, verified: number, last: number, block: BlockInfo): Sign {
  if (withinDistance(c.hdist, block.layer, last)) return block.hare
  if (block.layer > verified) return 0
  return block.validity
}

export function computeLayerOpinion(c: TortoiseConfig, layer: LayerInfo, last: number): Uint8Array {
  if (!layer.hareTerminated) return computeOpinionHash(layer.prevOpinion, { abstain: true })
  const useHare = withinDistance(c.hdist, layer.lid, last)
  const support = layer.blocks.filter((b) => (useHare ? b.hare : b.validity) === 1)
  return computeOpinionHash(layer.prevOpinion, { abstain: false, support })
}

/**
 * Decides every block of a layer or none (go-spacemesh `util.go` verifyLayer): an undecided block
 * stops verification unless a block of lower height is already supported. Returns
 * [verified, validity changed].
 */
export function verifyLayer(
  blocks: readonly BlockInfo[],
  decide: (b: BlockInfo) => Sign,
): [boolean, boolean] {
  const decisions: Sign[] = []
  let supportedHeight: bigint | undefined
  for (const block of blocks) {
    let d = decide(block)
    if (d === 0) {
      if (supportedHeight !== undefined && block.height > supportedHeight) d = -1
      else return [false, false]
    } else if (d === 1) supportedHeight = block.height
    decisions.push(d)
  }
  let changed = false
  blocks.forEach((b, i) => {
    if (b.validity !== decisions[i]) changed = true
    b.validity = decisions[i]!
  })
  return [true, changed]
}

/** Expected ballot weight of layers (target, last] (go-spacemesh `computeExpectedWeight`). */
export function computeExpectedWeight(
  c: TortoiseConfig,
  epochWeight: (epoch: number) => number,
  target: number,
  last: number,
): number {
  let total = 0
  for (let lid = target + 1; lid <= last; lid++)
    total += epochWeight(Math.floor(lid / c.layersPerEpoch)) / c.layersPerEpoch
  return total
}

/** Expected weight in the window / 3 + the local threshold (`computeGlobalThreshold`). */
export function computeGlobalThreshold(
  c: TortoiseConfig,
  epochWeight: (epoch: number) => number,
  localThreshold: number,
  target: number,
  processed: number,
  last: number,
): number {
  let window = last
  if (last - target > c.windowSize) {
    window = target + c.windowSize
    if (processed > window) window = processed
  }
  return computeExpectedWeight(c, epochWeight, target, window) / 3 + localThreshold
}
