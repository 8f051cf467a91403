/**
 * One identity's epoch loop as a pure state machine (go-spacemesh `activation.Builder` +
 * `NIPostBuilder`; post-poet.md §4). Per publish epoch P:
 *   1. at round start − GracePeriod choose the positioning ATX and build the NIPoST challenge
 *      (previous ATX, sequence; commitment ATX and initial PoST on the first one),
 *   2. register blake3(0x00 ‖ scale(challenge)) at every configured PoET before the round opens,
 *   3. at round end fetch the proofs and keep the one with the most leaves (the most ticks),
 *   4. prove PoST over that proof's ref, then sign and publish the ATX inside epoch P.
 * Failed PoET requests are retried every RequestRetryDelay, at most MaxRequestRetries times and
 * never past the step's deadline; an epoch that cannot be completed is reported and skipped, and
 * the loop continues with the next epoch whose registration is still ahead.
 *
 * Pure: time arrives as `now`; PoET, PoST and publication are effects the runtime executes.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import type { AtxHeader } from '../activation/AtxHeader.ts'
import { EMPTY_ATX_ID, type NIPostChallengeV1, type PostV1 } from '../activation/atxCodec.ts'
import { computeAtxId } from '../activation/computeAtxId.ts'
import { computeChallengeHash } from '../activation/computeChallengeHash.ts'
import { selectPositioningAtx } from '../activation/selectPositioningAtx.ts'
import { signAtx } from '../activation/signAtx.ts'
import { publicKeyFromSeed } from '../crypto/index.ts'
import { computeSmesherSchedule, firstReachableEpoch, type SchedulePreset } from './computeSmesherSchedule.ts'
import { type PoetRequest, retryPoetRequests, schedulePoetRetry } from './retryPoetRequests.ts'
import type { SmesherEffect, SmesherEvent } from './SmesherMessages.ts'

export interface SmesherConfig {
  /** 32-byte ed25519 seed of the identity. */
  readonly seed: Uint8Array
  readonly genesisId: Uint8Array
  readonly goldenAtxId: Uint8Array
  readonly genesisMs: number
  readonly coinbase: Uint8Array
  readonly numUnits: number
  readonly labelsPerUnit: number
  readonly preset: SchedulePreset
  readonly poets: readonly string[]
}

type ProofEvent = Extract<SmesherEvent, { kind: 'poetProof' }>
interface Round {
  readonly epoch: number
  readonly challenge: NIPostChallengeV1
  readonly hash: Uint8Array
}
type Phase =
  | { readonly name: 'new' }
  | { readonly name: 'initializing' }
  | { readonly name: 'waiting'; readonly epoch: number }
  | ({
      readonly name: 'registering'
      readonly pending: Map<string, PoetRequest>
      readonly ok: string[]
    } & Round)
  | ({ readonly name: 'awaitingRound'; readonly poets: string[] } & Round)
  | ({
      readonly name: 'fetching'
      readonly pending: Map<string, PoetRequest>
      readonly proofs: ProofEvent[]
    } & Round)
  | ({ readonly name: 'proving'; readonly proof: ProofEvent } & Round)

interface Identity {
  readonly commitmentAtxId: Uint8Array
  readonly vrfNonce: bigint
  readonly initialPost: PostV1
}

export class Smesher {
  readonly nodeId: Uint8Array
  private phase: Phase = { name: 'new' }
  private identity: Identity | undefined
  private prev: { id: Uint8Array; sequence: bigint; publishEpoch: number } | undefined
  private readonly candidates = new Map<string, AtxHeader>()
  private readonly malicious = new Set<string>()

  constructor(readonly config: SmesherConfig) {
    this.nodeId = publicKeyFromSeed(config.seed)
  }

  get phaseName(): Phase['name'] {
    return this.phase.name
  }

  /** Starts PoST initialization with the best commitment ATX known now (golden at genesis). */
  start(nowMs: number): SmesherEffect[] {
    if (this.phase.name !== 'new') return []
    this.phase = { name: 'initializing' }
    const epoch = firstReachableEpoch(nowMs, this.config.genesisMs, this.config.preset)
    const commitment = this.choosePositioning(epoch).id
    return [{ kind: 'initPost', commitmentAtxId: commitment, numUnits: this.config.numUnits }]
  }

  /** A valid ATX the node accepted: a positioning candidate (and our own chain's confirmation). */
  onAtxAccepted(header: AtxHeader): void {
    this.candidates.set(bytesToHex(header.id), header)
    // Only the last two epochs can win a later selection; drop older ones to bound memory.
    for (const [k, h] of this.candidates)
      if (h.publishEpoch + 2 < header.publishEpoch) this.candidates.delete(k)
  }

  /** An identity proven malicious: its ATXs are no longer positioning candidates. */
  onMalicious(smesherId: Uint8Array): void {
    this.malicious.add(bytesToHex(smesherId))
  }

  onTick(nowMs: number): SmesherEffect[] {
    const out: SmesherEffect[] = []
    const p = this.phase
    if (p.name === 'waiting') {
      const s = computeSmesherSchedule(p.epoch, this.config.genesisMs, this.config.preset)
      if (nowMs >= s.registerAtMs) this.beginRegistration(p.epoch, nowMs, out)
      else out.push({ kind: 'wakeAt', timeMs: s.registerAtMs })
    } else if (p.name === 'registering') {
      const s = computeSmesherSchedule(p.epoch, this.config.genesisMs, this.config.preset)
      if (nowMs >= s.roundStartMs) p.pending.clear()
      retryPoetRequests(p.pending, nowMs, out, (poetId) => this.registerEffect(p, poetId, s.roundStartMs))
      if (p.pending.size > 0) out.push({ kind: 'wakeAt', timeMs: s.roundStartMs })
      this.afterRegistration(nowMs, out)
    } else if (p.name === 'awaitingRound') {
      const s = computeSmesherSchedule(p.epoch, this.config.genesisMs, this.config.preset)
      if (nowMs < s.roundEndMs) out.push({ kind: 'wakeAt', timeMs: s.roundEndMs })
      else {
        const pending = new Map(p.poets.map((id) => [id, { retries: 0 }]))
        this.phase = { ...roundOf(p), name: 'fetching', pending, proofs: [] }
        for (const poetId of p.poets) out.push(this.fetchEffect(p, poetId))
        out.push({ kind: 'wakeAt', timeMs: s.publishEndMs })
      }
    } else if (p.name === 'fetching') {
      const s = computeSmesherSchedule(p.epoch, this.config.genesisMs, this.config.preset)
      if (nowMs >= s.publishEndMs) p.pending.clear()
      retryPoetRequests(p.pending, nowMs, out, (poetId) => this.fetchEffect(p, poetId))
      if (p.pending.size > 0) out.push({ kind: 'wakeAt', timeMs: s.publishEndMs })
      this.afterFetching(nowMs, out)
    }
    return out
  }

  onEvent(event: SmesherEvent, nowMs: number): SmesherEffect[] {
    const out: SmesherEffect[] = []
    const p = this.phase
    switch (event.kind) {
      case 'postInitialized':
        if (p.name !== 'initializing') return out
        this.identity = {
          commitmentAtxId: event.commitmentAtxId,
          vrfNonce: event.vrfNonce,
          initialPost: event.initialPost,
        }
        this.waitFor(firstReachableEpoch(nowMs, this.config.genesisMs, this.config.preset), nowMs, out)
        return out
      case 'poetRegistered':
      case 'poetRegistrationFailed': {
        if (p.name !== 'registering' || event.round !== p.epoch - 1 || !p.pending.has(event.poetId))
          return out
        if (event.kind === 'poetRegistered') {
          p.pending.delete(event.poetId)
          p.ok.push(event.poetId)
          this.afterRegistration(nowMs, out)
          return out
        }
        schedulePoetRetry(p.pending, event.poetId, nowMs, this.config.preset.atx)
        return this.onTick(nowMs)
      }
      case 'poetProof':
      case 'poetProofUnavailable': {
        if (p.name !== 'fetching' || event.round !== p.epoch - 1 || !p.pending.has(event.poetId)) return out
        if (event.kind === 'poetProof') {
          p.pending.delete(event.poetId)
          p.proofs.push(event)
          this.afterFetching(nowMs, out)
          return out
        }
        schedulePoetRetry(p.pending, event.poetId, nowMs, this.config.preset.atx)
        return this.onTick(nowMs)
      }
      case 'postProved':
        if (p.name !== 'proving' || bytesToHex(event.challenge) !== bytesToHex(p.proof.ref)) return out
        this.publish(p, event.proof, nowMs, out)
        return out
      case 'postFailed':
        if (p.name !== 'proving' || bytesToHex(event.challenge) !== bytesToHex(p.proof.ref)) return out
        this.miss(p.epoch, `PoST proving failed: ${event.reason}`, nowMs, out)
        return out
    }
  }

  private choosePositioning(publishEpoch: number) {
    return selectPositioningAtx({
      candidates: this.candidates.values(),
      publishEpoch,
      nodeId: this.nodeId,
      goldenAtxId: this.config.goldenAtxId,
      isMalicious: (id) => this.malicious.has(bytesToHex(id)),
    })
  }

  private waitFor(epoch: number, nowMs: number, out: SmesherEffect[]): void {
    this.phase = { name: 'waiting', epoch }
    out.push(...this.onTick(nowMs))
  }

  private miss(epoch: number, reason: string, nowMs: number, out: SmesherEffect[]): void {
    out.push({ kind: 'epochMissed', publishEpoch: epoch, reason })
    const next = Math.max(epoch + 1, firstReachableEpoch(nowMs, this.config.genesisMs, this.config.preset))
    this.waitFor(next, nowMs, out)
  }

  private beginRegistration(epoch: number, nowMs: number, out: SmesherEffect[]): void {
    const id = this.identity!
    const initial = this.prev === undefined
    const challenge: NIPostChallengeV1 = {
      publishEpoch: epoch,
      sequence: initial ? 0n : this.prev!.sequence + 1n,
      prevAtxId: initial ? EMPTY_ATX_ID : this.prev!.id,
      positioningAtxId: this.choosePositioning(epoch).id,
      commitmentAtxId: initial ? id.commitmentAtxId : undefined,
      initialPost: initial ? id.initialPost : undefined,
    }
    const round: Round = { epoch, challenge, hash: computeChallengeHash(challenge) }
    const pending = new Map(this.config.poets.map((poetId) => [poetId, { retries: 0 }]))
    const phase = { ...round, name: 'registering' as const, pending, ok: [] }
    this.phase = phase
    const s = computeSmesherSchedule(epoch, this.config.genesisMs, this.config.preset)
    for (const poetId of this.config.poets) out.push(this.registerEffect(phase, poetId, s.roundStartMs))
    out.push({ kind: 'wakeAt', timeMs: s.roundStartMs })
    this.afterRegistration(nowMs, out)
  }

  private registerEffect(r: Round, poetId: string, deadlineMs: number): SmesherEffect {
    return { kind: 'registerPoet', poetId, round: r.epoch - 1, challengeHash: r.hash, deadlineMs }
  }

  private fetchEffect(r: Round, poetId: string): SmesherEffect {
    return { kind: 'fetchPoetProof', poetId, round: r.epoch - 1, challengeHash: r.hash }
  }

  private afterRegistration(nowMs: number, out: SmesherEffect[]): void {
    const p = this.phase
    if (p.name !== 'registering' || p.pending.size > 0) return
    if (p.ok.length === 0) {
      this.miss(p.epoch, 'no PoET accepted the registration', nowMs, out)
      return
    }
    this.phase = { ...roundOf(p), name: 'awaitingRound', poets: p.ok }
    out.push(...this.onTick(nowMs))
  }

  private afterFetching(nowMs: number, out: SmesherEffect[]): void {
    const p = this.phase
    if (p.name !== 'fetching' || p.pending.size > 0) return
    // Several PoETs: the proof with the most leaves gives the most ticks (nipost.go `getBestProof`).
    const best = p.proofs.reduce<ProofEvent | undefined>(
      (a, b) => (a && a.leafCount >= b.leafCount ? a : b),
      undefined,
    )
    if (best === undefined) {
      this.miss(p.epoch, 'no PoET proof for the round', nowMs, out)
      return
    }
    this.phase = { ...roundOf(p), name: 'proving', proof: best }
    out.push({
      kind: 'provePost',
      challenge: best.ref,
      commitmentAtxId: this.identity!.commitmentAtxId,
      numUnits: this.config.numUnits,
    })
  }

  private publish(
    p: Extract<Phase, { name: 'proving' }>,
    post: PostV1,
    nowMs: number,
    out: SmesherEffect[],
  ): void {
    const s = computeSmesherSchedule(p.epoch, this.config.genesisMs, this.config.preset)
    if (nowMs >= s.publishEndMs) {
      this.miss(p.epoch, 'PoST finished after the publish epoch', nowMs, out)
      return
    }
    const initial = this.prev === undefined
    const inner = {
      challenge: p.challenge,
      coinbase: this.config.coinbase,
      numUnits: this.config.numUnits,
      nipost: {
        membership: p.proof.membership,
        post,
        postMetadata: { challenge: p.proof.ref, labelsPerUnit: BigInt(this.config.labelsPerUnit) },
      },
      nodeId: initial ? this.nodeId : undefined,
      vrfNonce: initial ? this.identity!.vrfNonce : undefined,
    }
    const atx = signAtx(this.config.seed, this.config.genesisId, inner)
    // Published as soon as it is ready; with PhaseShift < CycleGap that is before epoch P starts,
    // which validators accept (publish epoch ≤ current + 1, handler_v1 `syntacticallyValidate`).
    out.push({ kind: 'publishAtx', atx })
    this.prev = { id: computeAtxId(inner), sequence: p.challenge.sequence, publishEpoch: p.epoch }
    this.waitFor(
      Math.max(p.epoch + 1, firstReachableEpoch(nowMs, this.config.genesisMs, this.config.preset)),
      nowMs,
      out,
    )
  }
}

function roundOf(r: Round): Round {
  return { epoch: r.epoch, challenge: r.challenge, hash: r.hash }
}
