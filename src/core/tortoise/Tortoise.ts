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
import { fixedFromInt } from '../fixed/Fixed.ts'
import { fixedAdd } from '../fixed/fixedArithmetic.ts'
import type { Votes } from '../mesh/ballotCodec.ts'
import { computeBallotWeight, computeWeightPerEligibility } from './computeBallotWeight.ts'
import { blockKey, decodeVoteList } from './decodeVotes.ts'
import { encodeTortoiseVotes } from './encodeTortoiseVotes.ts'
import { type BlockRef, equalBytes, INF, TortoiseCore } from './TortoiseCore.ts'
import { TortoiseError } from './TortoiseError.ts'
import { type BallotInfo, computeLayerOpinion, withinDistance } from './TortoiseState.ts'
import type { TortoiseUpdates } from './trackAppliedLayers.ts'

const MAX_INT64 = (1n << 63n) - 1n

export type { BlockRef }

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

export type EncodeVotesReturnType =
  | { readonly ok: true; readonly votes: Votes; readonly opinionHash: Uint8Array }
  | { readonly ok: false; readonly error: TortoiseError }

export class Tortoise extends TortoiseCore {
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
    const w = BigInt(weight)
    // go-spacemesh panics on ATX weights above int64 (`fixed.New64(int64(atx.Weight))`).
    if (w < 0n || w > MAX_INT64) throw new RangeError(`atx weight: expected 0 … 2^63 − 1, got ${w}`)
    this.atxWeights.set(blockKey(atxId), w)
    const epoch = this.epoch(targetEpoch)
    if (!malicious) epoch.weight = fixedAdd(epoch.weight, fixedFromInt(w))
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
    let ref: { num: bigint; den: bigint; beacon: Uint8Array } | undefined
    if (b.epochData !== undefined) {
      const weight = this.atxWeights.get(blockKey(b.atxId))
      if (weight === undefined) throw new TortoiseError('UNKNOWN_ATX', blockKey(b.atxId))
      ref = {
        ...computeWeightPerEligibility(weight, b.epochData.eligibilityCount),
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
    if (opinion === undefined || !equalBytes(opinion, b.opinionHash))
      throw new TortoiseError('OPINION_HASH_MISMATCH', `ballot ${key} votes do not hash to its opinion`)
    const malicious = b.malicious === true
    const info: BallotInfo = {
      id: b.id,
      key,
      layer: b.layer,
      // DivUint64(num, den) · New(eligibilities), as go-spacemesh decodeBallot.
      weight: malicious ? 0n : computeBallotWeight(ref, b.eligibilities),
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
        layer.goodUncounted = fixedAdd(layer.goodUncounted, prev.goodUncounted)
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
      if (!equalBytes(before, layer.opinion)) this.pending = Math.min(this.pending, process)
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
}
