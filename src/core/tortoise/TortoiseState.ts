/**
 * What the tortoise keeps per layer, block and ballot (go-spacemesh `tortoise/state.go`), and the
 * rules shared by both counting modes: thresholds (`threshold.go`), the local vote on a block
 * (`getLocalVote`), the layer opinion and the decision over a layer's blocks (`util.go`
 * verifyLayer).
 *
 * Weights are `spacemeshos/fixed` words as in go-spacemesh (`type weight = fixed.Fixed`), with
 * its operations from `src/core/fixed`: sums and differences are exact, the expected weight per
 * epoch is weight · layers / layersPerEpoch, thresholds divide by 3 and by layersPerEpoch, each
 * truncating to 2^−56 the way Go's does, so a margin within rounding of a threshold is decided as a
 * go node decides it. Comparisons follow `crossesThreshold`: the sign from `Float()`, then
 * `GreaterThan` on the raw words.
 */
import type { Fixed } from '../fixed/Fixed.ts'
import { fixedFromInt, fixedGreater, isNegative, isZero, magnitude } from '../fixed/Fixed.ts'
import { fixedAdd, fixedDiv, fixedMul } from '../fixed/fixedArithmetic.ts'
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
  margin: Fixed
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
  readonly weight: Fixed
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
  goodUncounted: Fixed
  /** Full mode: weight voting "no block" minus weight supporting some block. */
  empty: Fixed
  coinflip: Sign
}

export interface EpochInfo {
  weight: Fixed
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

/** `Float() > 0`: a non-zero magnitude with the sign bit clear (−0 and 0 are neither). */
export const isPositiveWeight = (w: Fixed): boolean => !isZero(w) && !isNegative(w)

/** go-spacemesh `crossesThreshold`: sign by `Float()`, size by raw-word `GreaterThan`. */
export function crossesThreshold(w: Fixed, threshold: Fixed): Sign {
  if (isPositiveWeight(w) && fixedGreater(w, threshold)) return 1
  if (!isZero(w) && isNegative(w) && fixedGreater(magnitude(w), threshold)) return -1
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

/**
 * Expected ballot weight of layers (target, last] (go-spacemesh `computeExpectedWeight`): the first
 * and last epoch pro rata, weight · layers / layersPerEpoch, full epochs in between.
 */
export function computeExpectedWeight(
  c: TortoiseConfig,
  epochWeight: (epoch: number) => Fixed,
  target: number,
  last: number,
): Fixed {
  const start = target + 1
  if (start > last) return 0n
  const length = c.layersPerEpoch
  const perLayers = (w: Fixed, layers: number): Fixed =>
    fixedDiv(fixedMul(w, fixedFromInt(BigInt(layers))), fixedFromInt(BigInt(length)))
  const startEpoch = Math.floor(start / length)
  const lastEpoch = Math.floor(last / length)
  if (startEpoch === lastEpoch) return perLayers(epochWeight(startEpoch), last - start + 1)
  let total = perLayers(epochWeight(startEpoch), length - (start % length))
  for (let e = startEpoch + 1; e < lastEpoch; e++) total = fixedAdd(total, epochWeight(e))
  return fixedAdd(total, perLayers(epochWeight(lastEpoch), (last % length) + 1))
}

/** Expected weight in the window / 3 + the local threshold (`computeGlobalThreshold`). */
export function computeGlobalThreshold(
  c: TortoiseConfig,
  epochWeight: (epoch: number) => Fixed,
  localThreshold: Fixed,
  target: number,
  processed: number,
  last: number,
): Fixed {
  let window = last
  if (last - target > c.windowSize) {
    window = target + c.windowSize
    if (processed > window) window = processed
  }
  return fixedAdd(
    fixedDiv(computeExpectedWeight(c, epochWeight, target, window), fixedFromInt(3n)),
    localThreshold,
  )
}

/** Local threshold: the epoch's weight / 3 / layersPerEpoch (go-spacemesh `updateLast`, `onAtx`). */
export function computeLocalThreshold(c: TortoiseConfig, epochWeight: Fixed): Fixed {
  return fixedDiv(fixedDiv(epochWeight, fixedFromInt(3n)), fixedFromInt(BigInt(c.layersPerEpoch)))
}
