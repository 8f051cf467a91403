/**
 * The tortoise's state and counting (go-spacemesh `tortoise/tortoise.go` internals,
 * `verifying.go`, `full.go`): per-layer bookkeeping, the verifying and full counts, opinion
 * recomputation and layer verification with the switch between modes. `Tortoise` (Tortoise.ts)
 * adds the public inputs and outputs on top.
 */
import type { Fixed } from '../fixed/Fixed.ts'
import { fixedAdd, fixedSub } from '../fixed/fixedArithmetic.ts'
import { blockKey } from './decodeVotes.ts'
import {
  type BallotInfo,
  type BlockInfo,
  blockVote,
  computeExpectedWeight,
  computeGlobalThreshold,
  computeLayerOpinion,
  computeLocalThreshold,
  crossesThreshold,
  type EpochInfo,
  getLocalVote,
  isPositiveWeight,
  type LayerInfo,
  type Sign,
  type TortoiseConfig,
  verifyLayer,
  voteOn,
  withinDistance,
} from './TortoiseState.ts'
import { trackAppliedLayers } from './trackAppliedLayers.ts'

export interface BlockRef {
  readonly id: Uint8Array
  readonly layer: number
  readonly height: bigint
}

export const INF = Number.MAX_SAFE_INTEGER
export const equalBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

export abstract class TortoiseCore {
  readonly config: TortoiseConfig
  protected readonly layers = new Map<number, LayerInfo>()
  protected readonly blocks = new Map<string, BlockInfo>()
  protected readonly ballots = new Map<string, BallotInfo>()
  /** Reference ballots: ATX weight / eligibility count in lowest terms (Go's `big.Rat`), beacon. */
  protected readonly refs = new Map<string, { num: bigint; den: bigint; beacon: Uint8Array }>()
  protected readonly atxWeights = new Map<string, bigint>()
  protected readonly epochs = new Map<number, EpochInfo>()
  protected readonly delayed = new Map<number, BallotInfo[]>()
  protected readonly applied: ReturnType<typeof trackAppliedLayers>
  readonly genesis: number
  protected evicted: number
  protected last: number
  protected processed: number
  protected verified: number
  protected pending = INF
  protected isFull = false
  protected fullCounted: number
  protected totalGoodWeight: Fixed = 0n
  protected localThreshold: Fixed = 0n

  constructor(config: TortoiseConfig) {
    if (config.zdist > config.hdist) throw new RangeError(`zdist ${config.zdist} above hdist ${config.hdist}`)
    this.config = config
    this.genesis = config.effectiveGenesis
    this.evicted = this.genesis - 1
    this.last = this.genesis
    this.processed = this.genesis - 1
    this.verified = this.genesis
    this.fullCounted = this.genesis - 1
    this.applied = trackAppliedLayers(this.genesis + 1)
    this.layer(this.genesis).hareTerminated = true // genesis: decided, no blocks
  }

  protected epochOf(lid: number): number {
    return Math.floor(lid / this.config.layersPerEpoch)
  }

  protected epoch(e: number): EpochInfo {
    let info = this.epochs.get(e)
    if (info === undefined) this.epochs.set(e, (info = { weight: 0n, beacon: undefined }))
    return info
  }

  protected readonly epochWeight = (e: number): Fixed => this.epochs.get(e)?.weight ?? 0n

  protected updateLocalThreshold(): void {
    this.localThreshold = computeLocalThreshold(this.config, this.epochWeight(this.epochOf(this.last)))
  }

  protected layer(lid: number): LayerInfo {
    let info = this.layers.get(lid)
    if (info === undefined) {
      info = {
        lid,
        blocks: [],
        ballots: [],
        hareTerminated: false,
        opinion: new Uint8Array(32),
        prevOpinion: undefined,
        goodUncounted: 0n,
        empty: 0n,
        coinflip: 0,
      }
      this.layers.set(lid, info)
    }
    return info
  }

  protected newBlock(h: BlockRef, data: boolean): BlockInfo {
    return {
      id: h.id,
      key: blockKey(h.id),
      layer: h.layer,
      height: h.height,
      hare: 0,
      validity: 0,
      margin: 0n,
      data,
    }
  }

  protected addBlock(block: BlockInfo): void {
    this.blocks.set(block.key, block)
    const layer = this.layer(block.layer)
    layer.blocks.push(block)
    layer.blocks.sort((a, b) =>
      a.height !== b.height ? (a.height < b.height ? -1 : 1) : a.key < b.key ? -1 : 1,
    )
    if (layer.hareTerminated && block.hare === 0) block.hare = -1
    // Ballots counted before the block was known voted against it (full.go countForLateBlock).
    for (let lid = block.layer + 1; lid <= this.fullCounted; lid++) {
      for (const ballot of this.layer(lid).ballots) {
        const vote = voteOn(ballot.votes, block.layer)
        if (vote !== undefined && !vote.abstain) block.margin = fixedSub(block.margin, ballot.weight)
      }
    }
  }

  protected countBallot(ballot: BallotInfo): void {
    const beacon = this.epochs.get(this.epochOf(ballot.layer))?.beacon
    ballot.badBeacon = beacon !== undefined && !equalBytes(beacon, ballot.beacon)
    this.countVerifying(ballot)
    if (ballot.layer <= this.fullCounted) this.countFullOrDelay(ballot)
  }

  /** verifying.go countBallot: good = right beacon and the same history as ours. */
  protected countVerifying(ballot: BallotInfo): void {
    const prev = this.layer(ballot.layer - 1)
    const opinion = ballot.votes?.opinion
    if (ballot.badBeacon || opinion === undefined || !equalBytes(prev.opinion, opinion)) return
    for (let lid = ballot.layer; lid <= this.processed; lid++) {
      const layer = this.layer(lid)
      layer.goodUncounted = fixedAdd(layer.goodUncounted, ballot.weight)
    }
    this.totalGoodWeight = fixedAdd(this.totalGoodWeight, ballot.weight)
  }

  protected countFullOrDelay(ballot: BallotInfo): void {
    if (ballot.badBeacon && ballot.layer + this.config.badBeaconVoteDelayLayers > this.last) {
      const at = ballot.layer + this.config.badBeaconVoteDelayLayers
      this.delayed.set(at, [...(this.delayed.get(at) ?? []), ballot])
      return
    }
    this.countFull(ballot)
  }

  /** full.go countBallot: the ballot's weight for or against every block it voted on. */
  protected countFull(ballot: BallotInfo): void {
    if (ballot.malicious) return
    for (let vote = ballot.votes; vote !== undefined && vote.layer > this.evicted; vote = vote.prev) {
      if (vote.abstain) continue
      const layer = this.layer(vote.layer)
      let empty = true
      for (const block of layer.blocks) {
        if (blockVote(vote, block) === 1) {
          empty = false
          block.margin = fixedAdd(block.margin, ballot.weight)
        } else block.margin = fixedSub(block.margin, ballot.weight)
      }
      layer.empty = empty ? fixedAdd(layer.empty, ballot.weight) : fixedSub(layer.empty, ballot.weight)
    }
  }

  protected countDelayed(lid: number): void {
    const list = this.delayed.get(lid)
    if (list === undefined) return
    this.delayed.delete(lid)
    for (const ballot of list) this.countFull(ballot)
  }

  protected onOpinionChange(lid: number, early: boolean): void {
    let changed = INF
    for (let re = lid; re <= this.processed; re++) {
      const layer = this.layer(re)
      if (re - 1 > this.evicted) layer.prevOpinion = this.layer(re - 1).opinion
      const before = layer.opinion
      layer.opinion = computeLayerOpinion(this.config, layer, this.last)
      if (!equalBytes(before, layer.opinion)) changed = Math.min(changed, re)
      else if (early) break
    }
    if (changed === INF) return
    this.pending = Math.min(this.pending, changed)
    // Goodness depends on our opinion: recount verifying weights after the changed layer.
    const base = this.layer(lid).goodUncounted
    this.totalGoodWeight = base
    for (let l = lid + 1; l <= this.processed; l++) this.layer(l).goodUncounted = base
    for (let l = lid + 1; l <= this.processed; l++)
      for (const b of this.layer(l).ballots) this.countVerifying(b)
  }

  protected verifyLayers(): void {
    let verified = Math.max(this.evicted, this.genesis)
    let nverified: number
    let changed: number
    if (this.isFull) {
      ;[nverified, changed] = this.run((l) => this.verifyFull(l))
      const [vverified, vchanged] = this.run((l) => this.verifyVerifying(l))
      if (nverified === this.processed - 1 && nverified === vverified) {
        this.isFull = false
        changed = Math.min(changed, vchanged)
      }
    } else {
      ;[nverified, changed] = this.run((l) => this.verifyVerifying(l))
      if (!withinDistance(this.config.hdist, nverified + 1, this.last)) {
        this.enterFull()
        const [fverified, fchanged] = this.run((l) => this.verifyFull(l))
        nverified = fverified
        changed = Math.min(changed, fchanged)
      }
    }
    for (let target = this.evicted + 1; target < this.processed; target++) {
      if (nverified < target) {
        if (target < this.verified) changed = Math.min(changed, target)
        break
      }
      if (target > this.verified) changed = Math.min(changed, target)
      verified = target
    }
    if (changed !== INF) {
      this.pending = Math.min(this.pending, changed)
      this.onOpinionChange(changed, false)
    }
    this.verified = verified
  }

  protected run(verify: (lid: number) => [boolean, boolean]): [number, number] {
    let verified = this.evicted
    let changed = INF
    for (let target = this.evicted + 1; target < this.processed; target++) {
      const [ok, c] = verify(target)
      if (!ok) break
      if (c) changed = Math.min(changed, target)
      verified = target
    }
    return [verified, changed]
  }

  protected enterFull(): void {
    if (this.isFull) return
    this.isFull = true
    for (let lid = Math.max(this.fullCounted + 1, this.evicted + 1); lid <= this.processed; lid++) {
      for (const ballot of this.layer(lid).ballots) this.countFullOrDelay(ballot)
      this.countDelayed(lid)
      this.fullCounted = lid
    }
  }

  protected threshold(lid: number): Fixed {
    return computeGlobalThreshold(
      this.config,
      this.epochWeight,
      this.localThreshold,
      lid,
      this.processed,
      this.last,
    )
  }

  protected verifyVerifying(lid: number): [boolean, boolean] {
    const layer = this.layer(lid)
    if (!layer.hareTerminated) return [false, false]
    let margin = fixedSub(this.totalGoodWeight, layer.goodUncounted)
    const uncounted = fixedSub(computeExpectedWeight(this.config, this.epochWeight, lid, this.last), margin)
    if (isPositiveWeight(uncounted)) margin = fixedSub(margin, uncounted)
    if (crossesThreshold(margin, this.threshold(lid)) !== 1) return [false, false]
    return verifyLayer(layer.blocks, (b) => getLocalVote(this.config, this.verified, this.last, b))
  }

  protected verifyFull(lid: number): [boolean, boolean] {
    const threshold = this.threshold(lid)
    const layer = this.layer(lid)
    const empty = crossesThreshold(layer.empty, threshold) === 1
    if (layer.blocks.length === 0) return [empty, false]
    return verifyLayer(layer.blocks, (b): Sign => {
      const d = crossesThreshold(b.margin, threshold)
      return d === 0 && empty ? -1 : d
    })
  }
}
