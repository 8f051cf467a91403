/**
 * The tortoise: vote counting that turns ballots into the valid block of every layer
 * (go-spacemesh `tortoise/tortoise.go`, `verifying.go`, `full.go`; protocol-spec §9).
 *
 * - Local opinion: Hare's output for layers within `hdist` of the last layer, the counted
 *   validity beyond; a layer whose Hare did not finish within `zdist` counts as empty.
 * - Verifying mode (the good case): a ballot is *good* when its opinion hash equals our opinion
 *   of the previous layer. Layer L is verified once the good weight of later ballots, minus the
 *   weight still expected but not seen, exceeds the global threshold (expected weight / 3 + the
 *   local threshold): one honest super-majority layer on top suffices.
 * - Full mode, entered when verifying leaves a layer unverified beyond `hdist`: every ballot's
 *   weight is added to or subtracted from every block it votes on; a block is decided when its
 *   margin crosses the global threshold. Own votes on undecided blocks follow the margin once it
 *   crosses the local threshold, else the weak coin: this is self-healing — after a partition the
 *   honest nodes converge on one history and verifying mode resumes once it agrees with full mode.
 *
 * Pure state machine (CONVENTIONS 2): the host feeds ATXs, beacons, weak coins, blocks, Hare
 * outputs and ballots, calls `tallyVotes(last)` once per layer, and reads `updates()`.
 */
import type { Votes } from '../mesh/ballotCodec.ts'
import { blockKey, decodeVoteList } from './decodeVotes.ts'
import { encodeTortoiseVotes } from './encodeTortoiseVotes.ts'
import { TortoiseError } from './TortoiseError.ts'
import {
  type BallotInfo,
  type BlockInfo,
  blockVote,
  computeExpectedWeight,
  computeGlobalThreshold,
  computeLayerOpinion,
  crossesThreshold,
  type EpochInfo,
  getLocalVote,
  type LayerInfo,
  type Sign,
  type TortoiseConfig,
  verifyLayer,
  voteOn,
  withinDistance,
} from './TortoiseState.ts'
import { type TortoiseUpdates, trackAppliedLayers } from './trackAppliedLayers.ts'

export interface TortoiseBallot {
  readonly id: Uint8Array
  readonly layer: number
  readonly atxId: Uint8Array
  /** Eligibility proofs in this ballot. */
  readonly eligibilities: number
  /** Present on the epoch's reference ballot. */
  readonly epochData?: { readonly beacon: Uint8Array; readonly eligibilityCount: number } | undefined
  /** Set when `epochData` is absent. */
  readonly refBallot?: Uint8Array | undefined
  readonly opinionHash: Uint8Array
  readonly votes: Votes
  readonly malicious?: boolean
}

export interface BlockRef {
  readonly id: Uint8Array
  readonly layer: number
  readonly height: bigint
}

export type EncodeVotesReturnType =
  | { readonly ok: true; readonly votes: Votes; readonly opinionHash: Uint8Array }
  | { readonly ok: false; readonly error: TortoiseError }

const INF = Number.MAX_SAFE_INTEGER
const equal = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

export class Tortoise {
  readonly config: TortoiseConfig
  private readonly layers = new Map<number, LayerInfo>()
  private readonly blocks = new Map<string, BlockInfo>()
  private readonly ballots = new Map<string, BallotInfo>()
  private readonly refs = new Map<string, { weightPerEligibility: number; beacon: Uint8Array }>()
  private readonly atxWeights = new Map<string, number>()
  private readonly epochs = new Map<number, EpochInfo>()
  private readonly delayed = new Map<number, BallotInfo[]>()
  private readonly applied: ReturnType<typeof trackAppliedLayers>
  readonly genesis: number
  private evicted: number
  private last: number
  private processed: number
  private verified: number
  private pending = INF
  private isFull = false
  private fullCounted: number
  private totalGoodWeight = 0
  private localThreshold = 0

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

  get mode(): 'verifying' | 'full' {
    return this.isFull ? 'full' : 'verifying'
  }

  /** The latest layer every earlier layer of which is verified. */
  get latestVerified(): number {
    return this.verified
  }

  /** Our opinion (aggregated) hash of a processed layer: the MeshHash of proposals in layer + 1. */
  opinion(layer: number): Uint8Array | undefined {
    return layer <= this.processed && layer > this.evicted ? this.layer(layer).opinion : undefined
  }

  onAtx(targetEpoch: number, atxId: Uint8Array, weight: bigint | number, malicious = false): void {
    this.atxWeights.set(blockKey(atxId), Number(weight))
    const epoch = this.epoch(targetEpoch)
    if (!malicious) epoch.weight += Number(weight)
    if (targetEpoch === this.epochOf(this.last)) this.updateLocalThreshold()
  }

  onBeacon(epoch: number, beacon: Uint8Array): void {
    this.epoch(epoch).beacon = beacon
  }

  /** The weak coin Hare produced in `layer`; own votes on undecided blocks follow it. */
  onWeakCoin(layer: number, coin: boolean): void {
    this.layer(layer).coinflip = coin ? 1 : -1
  }

  onBlock(header: BlockRef): void {
    if (header.layer <= this.evicted) return
    const existing = this.blocks.get(blockKey(header.id))
    if (existing !== undefined) existing.data = true
    else this.addBlock(this.newBlock(header, true))
  }

  /** Hare's output for `layer`: the block it agreed on, or undefined for "no block". */
  onHareOutput(layer: number, block: BlockRef | undefined): void {
    if (layer <= this.evicted) return
    if (block !== undefined) this.onBlock(block)
    const info = this.layer(layer)
    const previous = info.blocks.find((b) => b.hare === 1)
    info.hareTerminated = true
    const key = block === undefined ? undefined : blockKey(block.id)
    for (const b of info.blocks) b.hare = b.key === key ? 1 : -1
    if (previous !== undefined && previous.key === key) return
    if (layer <= this.processed && withinDistance(this.config.hdist, layer, this.last))
      this.onOpinionChange(layer, true)
  }

  onBallot(ballot: TortoiseBallot): { ok: true } | { ok: false; error: TortoiseError } {
    try {
      this.storeBallot(ballot)
      return { ok: true }
    } catch (err) {
      if (err instanceof TortoiseError) return { ok: false, error: err }
      throw err
    }
  }

  private storeBallot(b: TortoiseBallot): void {
    if (b.layer <= this.evicted) return
    const key = blockKey(b.id)
    if (this.ballots.has(key)) throw new TortoiseError('DUPLICATE_BALLOT', key)
    const isGenesisBase = b.votes.base.every((x) => x === 0)
    const base = isGenesisBase ? undefined : this.ballots.get(blockKey(b.votes.base))
    if (!isGenesisBase && base === undefined)
      throw new TortoiseError('UNKNOWN_BASE_BALLOT', blockKey(b.votes.base))
    const baseLayer = base?.layer ?? this.genesis
    if (baseLayer >= b.layer)
      throw new TortoiseError('BASE_NOT_BEFORE', `base layer ${baseLayer} ≥ ${b.layer}`)
    let ref: { weightPerEligibility: number; beacon: Uint8Array } | undefined
    if (b.epochData !== undefined) {
      const weight = this.atxWeights.get(blockKey(b.atxId))
      if (weight === undefined) throw new TortoiseError('UNKNOWN_ATX', blockKey(b.atxId))
      ref = {
        weightPerEligibility: weight / Math.max(1, b.epochData.eligibilityCount),
        beacon: b.epochData.beacon,
      }
    } else if (b.refBallot !== undefined) {
      ref = this.refs.get(blockKey(b.refBallot))
      if (ref === undefined) throw new TortoiseError('UNKNOWN_REF_BALLOT', blockKey(b.refBallot))
    } else throw new TortoiseError('NO_EPOCH_DATA', 'neither epoch data nor a reference ballot')
    const { tail: votes, from } = decodeVoteList({
      genesis: this.genesis,
      baseLayer,
      baseVotes: base?.votes,
      ballotLayer: b.layer,
      exceptions: b.votes,
    })
    const opinion = votes?.opinion
    if (opinion === undefined || !equal(opinion, b.opinionHash))
      throw new TortoiseError('OPINION_HASH_MISMATCH', `ballot ${key} votes do not hash to its opinion`)
    const malicious = b.malicious === true
    const info: BallotInfo = {
      id: b.id,
      key,
      layer: b.layer,
      weight: malicious ? 0 : ref.weightPerEligibility * b.eligibilities,
      beacon: ref.beacon,
      malicious,
      votes,
      badBeacon: false,
    }
    if (b.epochData !== undefined) this.refs.set(key, ref)
    this.ballots.set(key, info)
    this.layer(b.layer).ballots.push(info)
    // Blocks known only from votes enter the mesh without data (go-spacemesh storeBallot).
    for (let vote = votes; vote !== undefined && vote.layer >= from; vote = vote.prev) {
      for (const s of vote.support) {
        if (this.blocks.has(s.key)) continue
        const block = this.newBlock({ id: s.id, layer: vote.layer, height: s.height }, false)
        if (!withinDistance(this.config.hdist, vote.layer, this.last)) {
          block.validity = -1
          block.hare = -1
        }
        this.addBlock(block)
      }
    }
    if (b.layer <= this.processed) this.countBallot(info)
  }

  /** Processes every layer up to `last` (the current layer) and verifies what it can. */
  tallyVotes(last: number): void {
    if (last > this.last) {
      const newEpoch = this.epochOf(last) !== this.epochOf(this.last)
      this.last = last
      if (newEpoch) this.updateLocalThreshold()
    }
    for (let process = this.processed + 1; process <= this.last; process++) {
      const layer = this.layer(process)
      if (process - 1 > this.evicted) {
        const prev = this.layer(process - 1)
        layer.goodUncounted += prev.goodUncounted
        layer.prevOpinion = prev.opinion
      }
      this.processed = process
      if (this.isFull) {
        this.countDelayed(process)
        this.fullCounted = process
      }
      for (const ballot of layer.ballots) this.countBallot(ballot)
      const before = layer.opinion
      layer.opinion = computeLayerOpinion(this.config, layer, this.last)
      if (!equal(before, layer.opinion)) this.pending = Math.min(this.pending, process)
      const terminated = process - this.config.zdist
      if (terminated > this.evicted && !this.layer(terminated).hareTerminated)
        this.onHareOutput(terminated, undefined)
      const aged = process - this.config.hdist
      if (aged > this.evicted) this.onOpinionChange(aged, true)
    }
    this.verifyLayers()
  }

  /** The votes for our next ballot in layer `current` (default last + 1): base + exceptions. */
  encodeVotes(current = this.last + 1): EncodeVotesReturnType {
    try {
      return { ok: true, ...encodeTortoiseVotes(this.encodeContext(), current) }
    } catch (err) {
      if (err instanceof TortoiseError) return { ok: false, error: err }
      throw err
    }
  }

  /** Layers to apply since the last call; `revertFrom` when earlier applied layers changed. */
  updates(): TortoiseUpdates {
    const from = this.pending
    this.pending = INF
    return this.applied.update(from, this.processed, (lid) => this.appliedBlock(lid))
  }

  // ---- internals -----------------------------------------------------------------------------

  private appliedBlock(lid: number): { decided: boolean; block: Uint8Array | undefined; verified: boolean } {
    const layer = this.layer(lid)
    const verified = lid <= this.verified
    if (verified) return { decided: true, verified, block: layer.blocks.find((b) => b.validity === 1)?.id }
    if (!layer.hareTerminated) return { decided: false, verified, block: undefined }
    return { decided: true, verified, block: layer.blocks.find((b) => b.hare === 1)?.id }
  }

  private encodeContext() {
    return {
      config: this.config,
      genesis: this.genesis,
      evicted: this.evicted,
      verified: this.verified,
      localThreshold: this.localThreshold,
      layer: (lid: number) => this.layer(lid),
      localOpinion: (lid: number) => this.opinion(lid),
    }
  }

  private epochOf(lid: number): number {
    return Math.floor(lid / this.config.layersPerEpoch)
  }

  private epoch(e: number): EpochInfo {
    let info = this.epochs.get(e)
    if (info === undefined) this.epochs.set(e, (info = { weight: 0, beacon: undefined }))
    return info
  }

  private readonly epochWeight = (e: number): number => this.epochs.get(e)?.weight ?? 0

  private updateLocalThreshold(): void {
    this.localThreshold = this.epochWeight(this.epochOf(this.last)) / 3 / this.config.layersPerEpoch
  }

  private layer(lid: number): LayerInfo {
    let info = this.layers.get(lid)
    if (info === undefined) {
      info = {
        lid,
        blocks: [],
        ballots: [],
        hareTerminated: false,
        opinion: new Uint8Array(32),
        prevOpinion: undefined,
        goodUncounted: 0,
        empty: 0,
        coinflip: 0,
      }
      this.layers.set(lid, info)
    }
    return info
  }

  private newBlock(h: BlockRef, data: boolean): BlockInfo {
    return {
      id: h.id,
      key: blockKey(h.id),
      layer: h.layer,
      height: h.height,
      hare: 0,
      validity: 0,
      margin: 0,
      data,
    }
  }

  private addBlock(block: BlockInfo): void {
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
        if (vote !== undefined && !vote.abstain) block.margin -= ballot.weight
      }
    }
  }

  private countBallot(ballot: BallotInfo): void {
    const beacon = this.epochs.get(this.epochOf(ballot.layer))?.beacon
    ballot.badBeacon = beacon !== undefined && !equal(beacon, ballot.beacon)
    this.countVerifying(ballot)
    if (ballot.layer <= this.fullCounted) this.countFullOrDelay(ballot)
  }

  /** verifying.go countBallot: good = right beacon and the same history as ours. */
  private countVerifying(ballot: BallotInfo): void {
    const prev = this.layer(ballot.layer - 1)
    const opinion = ballot.votes?.opinion
    if (ballot.badBeacon || opinion === undefined || !equal(prev.opinion, opinion)) return
    for (let lid = ballot.layer; lid <= this.processed; lid++) this.layer(lid).goodUncounted += ballot.weight
    this.totalGoodWeight += ballot.weight
  }

  private countFullOrDelay(ballot: BallotInfo): void {
    if (ballot.badBeacon && ballot.layer + this.config.badBeaconVoteDelayLayers > this.last) {
      const at = ballot.layer + this.config.badBeaconVoteDelayLayers
      this.delayed.set(at, [...(this.delayed.get(at) ?? []), ballot])
      return
    }
    this.countFull(ballot)
  }

  /** full.go countBallot: the ballot's weight for or against every block it voted on. */
  private countFull(ballot: BallotInfo): void {
    if (ballot.malicious) return
    for (let vote = ballot.votes; vote !== undefined && vote.layer > this.evicted; vote = vote.prev) {
      if (vote.abstain) continue
      const layer = this.layer(vote.layer)
      let empty = true
      for (const block of layer.blocks) {
        if (blockVote(vote, block) === 1) {
          empty = false
          block.margin += ballot.weight
        } else block.margin -= ballot.weight
      }
      layer.empty += empty ? ballot.weight : -ballot.weight
    }
  }

  private countDelayed(lid: number): void {
    const list = this.delayed.get(lid)
    if (list === undefined) return
    this.delayed.delete(lid)
    for (const ballot of list) this.countFull(ballot)
  }

  private onOpinionChange(lid: number, early: boolean): void {
    let changed = INF
    for (let re = lid; re <= this.processed; re++) {
      const layer = this.layer(re)
      if (re - 1 > this.evicted) layer.prevOpinion = this.layer(re - 1).opinion
      const before = layer.opinion
      layer.opinion = computeLayerOpinion(this.config, layer, this.last)
      if (!equal(before, layer.opinion)) changed = Math.min(changed, re)
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

  private verifyLayers(): void {
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

  private run(verify: (lid: number) => [boolean, boolean]): [number, number] {
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

  private enterFull(): void {
    if (this.isFull) return
    this.isFull = true
    for (let lid = Math.max(this.fullCounted + 1, this.evicted + 1); lid <= this.processed; lid++) {
      for (const ballot of this.layer(lid).ballots) this.countFullOrDelay(ballot)
      this.countDelayed(lid)
      this.fullCounted = lid
    }
  }

  private threshold(lid: number): number {
    return computeGlobalThreshold(
      this.config,
      this.epochWeight,
      this.localThreshold,
      lid,
      this.processed,
      this.last,
    )
  }

  private verifyVerifying(lid: number): [boolean, boolean] {
    const layer = this.layer(lid)
    if (!layer.hareTerminated) return [false, false]
    let margin = this.totalGoodWeight - layer.goodUncounted
    const uncounted = computeExpectedWeight(this.config, this.epochWeight, lid, this.last) - margin
    if (uncounted > 0) margin -= uncounted
    if (crossesThreshold(margin, this.threshold(lid)) !== 1) return [false, false]
    return verifyLayer(layer.blocks, (b) => getLocalVote(this.config, this.verified, this.last, b))
  }

  private verifyFull(lid: number): [boolean, boolean] {
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
