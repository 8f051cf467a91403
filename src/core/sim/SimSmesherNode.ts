/**
 * A simulated node that smeshes: the pure `Smesher` loop, a validating ATX store and a PoET-proof
 * store, with the loop's effects executed against the simulator (SimPoet calls with a seeded
 * latency, PoST work as virtual durations, gossip through SimNetwork). It validates every ATX it
 * receives — its own included — with `validateAtx` and reports each verdict to the observer.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import type { AtxHeader } from '../activation/AtxHeader.ts'
import { type ActivationTxV1, encodeAtx } from '../activation/atxCodec.ts'
import { createNipostVerifiers } from '../activation/createNipostVerifiers.ts'
import { MemoryAtxStore } from '../activation/MemoryAtxStore.ts'
import { malfeasanceProofCodec } from '../activation/malfeasanceCodec.ts'
import type { PoetProofInfo } from '../activation/NipostVerifiers.ts'
import {
  type ValidateAtxParameters,
  type ValidateAtxReturnType,
  validateAtx,
} from '../activation/validateAtx.ts'
import { verifyMalfeasanceProof } from '../activation/verifyMalfeasanceProof.ts'
import { DecodeError, decode, encode } from '../codec/index.ts'
import { Smesher, type SmesherConfig } from '../node/Smesher.ts'
import type { SmesherEffect, SmesherEvent } from '../node/SmesherMessages.ts'
import type { Preset } from '../params/presets.ts'
import { type computeLabelFull, LABEL_BYTES } from '../post/computeLabel.ts'
import { provePost } from '../post/provePost.ts'
import { initializeSimPost } from './initializeSimPost.ts'
import type { SimActor, SimContext } from './SimActor.ts'
import { SimTopic } from './SimActor.ts'
import type { SimMessage } from './SimNetwork.ts'
import type { SimPoet } from './SimPoet.ts'
import type { VerifyPoetMessage } from './verifyPoetMessage.ts'

export interface SimObserver {
  atxVerdict?(node: string, result: ValidateAtxReturnType): void
  atxPublished?(node: string, atx: ActivationTxV1): void
  epochMissed?(node: string, publishEpoch: number, reason: string): void
}

export interface SimSmesherOptions {
  readonly preset: Preset
  readonly smesher: Omit<SmesherConfig, 'preset' | 'labelsPerUnit'>
  readonly poets: ReadonlyMap<string, SimPoet>
  readonly verifyPoetMessage: VerifyPoetMessage
  /** The run's shared label memo (createSharedLabels). */
  readonly computeLabelFull: typeof computeLabelFull
  readonly latencyMs: { readonly poet: number; readonly initPost: number; readonly provePost: number }
  readonly observer: SimObserver
}

export class SimSmesherNode implements SimActor {
  readonly smesher: Smesher
  readonly atxs = new MemoryAtxStore()
  readonly malicious = new Set<string>()
  private readonly poetProofs = new Map<string, PoetProofInfo>()
  private readonly verifiers
  private labels: Uint8Array | undefined
  private pending: Uint8Array[] = []

  constructor(
    readonly id: string,
    private readonly ctx: SimContext,
    private readonly o: SimSmesherOptions,
  ) {
    this.smesher = new Smesher({ ...o.smesher, preset: o.preset, labelsPerUnit: o.preset.post.labelsPerUnit })
    this.verifiers = createNipostVerifiers({
      post: o.preset.post,
      subsetSeed: this.smesher.nodeId,
      computeLabelFull: o.computeLabelFull,
    })
  }

  start(): void {
    this.run(this.smesher.start(this.ctx.scheduler.now))
  }

  onMessage(_from: string, message: SimMessage): void {
    if (message.topic === SimTopic.ATX) this.receiveAtx(message.data)
    else if (message.topic === SimTopic.POET_PROOF) {
      const info = this.o.verifyPoetMessage(message.data)
      if (info === undefined) return
      this.poetProofs.set(bytesToHex(info.ref), info)
      this.retryPending()
    } else if (message.topic === SimTopic.MALFEASANCE) this.receiveMalfeasance(message.data)
  }

  /** The parameters this node validates `atx` with now (tests re-validate tampered copies). */
  validationParameters(atx: Uint8Array | ActivationTxV1): ValidateAtxParameters {
    const s = this.ctx.scheduler
    const epochMs = this.o.preset.layerDurationMs * this.o.preset.layersPerEpoch
    return {
      atx,
      currentEpoch: Math.floor((s.now - this.o.smesher.genesisMs) / epochMs),
      genesisId: this.o.smesher.genesisId,
      goldenAtxId: this.o.smesher.goldenAtxId,
      layersPerEpoch: this.o.preset.layersPerEpoch,
      post: this.o.preset.post,
      tickSize: this.o.preset.poet.tickSize,
      atxs: this.atxs,
      poetProof: (ref) => this.poetProofs.get(bytesToHex(ref)),
      verifiers: this.verifiers,
    }
  }

  private receiveAtx(data: Uint8Array): void {
    const result = validateAtx(this.validationParameters(data))
    if (result.verdict === 'ACCEPT') {
      this.accept(result.header)
      this.retryPending()
    } else if (result.error.code.startsWith('UNKNOWN_')) {
      // A dependency may still arrive (go-spacemesh fetches it); keep a bounded retry list.
      if (this.pending.length < 1024) this.pending.push(data)
      return
    } else if (result.malfeasance !== undefined) {
      this.ctx.network.broadcast(this.id, {
        topic: SimTopic.MALFEASANCE,
        data: encode(malfeasanceProofCodec, result.malfeasance),
      })
      this.markMalicious(result.malfeasance.proof.value[0]!.smesherId)
    }
    this.o.observer.atxVerdict?.(this.id, result)
  }

  private accept(header: AtxHeader): void {
    this.atxs.add(header)
    this.smesher.onAtxAccepted(header)
  }

  private retryPending(): void {
    const again = this.pending
    this.pending = []
    for (const bytes of again) this.receiveAtx(bytes)
  }

  private receiveMalfeasance(data: Uint8Array): void {
    try {
      this.markMalicious(
        verifyMalfeasanceProof(decode(malfeasanceProofCodec, data), this.o.smesher.genesisId),
      )
    } catch (err) {
      if (!(err instanceof DecodeError) && !(err instanceof Error && err.name === 'MalfeasanceError'))
        throw err
    }
  }

  private markMalicious(smesherId: Uint8Array): void {
    this.malicious.add(bytesToHex(smesherId))
    this.smesher.onMalicious(smesherId)
  }

  /** Executes the loop's effects; answers come back as events after virtual latencies. */
  private run(effects: SmesherEffect[]): void {
    const s = this.ctx.scheduler
    for (const e of effects) {
      switch (e.kind) {
        case 'wakeAt':
          s.at(e.timeMs, () => this.run(this.smesher.onTick(s.now)))
          break
        case 'initPost': {
          const data = initializeSimPost(
            this.smesher.nodeId,
            e.commitmentAtxId,
            e.numUnits,
            this.o.preset.post,
          )
          this.labels = data.labels
          this.later(this.o.latencyMs.initPost, {
            kind: 'postInitialized',
            commitmentAtxId: e.commitmentAtxId,
            vrfNonce: data.vrfNonce,
            initialPost: data.initialPost,
          })
          break
        }
        case 'registerPoet': {
          const poet = this.o.poets.get(e.poetId)
          const r = poet?.register(e.round, this.smesher.nodeId, e.challengeHash) ?? {
            ok: false,
            reason: 'unknown PoET',
          }
          this.later(
            this.o.latencyMs.poet,
            r.ok
              ? { kind: 'poetRegistered', poetId: e.poetId, round: e.round }
              : { kind: 'poetRegistrationFailed', poetId: e.poetId, round: e.round, reason: r.reason },
          )
          break
        }
        case 'fetchPoetProof': {
          const r = this.o.poets.get(e.poetId)?.proofFor(e.round, e.challengeHash)
          this.later(
            this.o.latencyMs.poet,
            r?.ok
              ? {
                  kind: 'poetProof',
                  poetId: e.poetId,
                  round: e.round,
                  ref: r.ref,
                  leafCount: r.leafCount,
                  membership: { nodes: [...r.nodes], leafIndex: BigInt(r.leafIndex) },
                }
              : {
                  kind: 'poetProofUnavailable',
                  poetId: e.poetId,
                  round: e.round,
                  reason: r?.reason ?? 'unknown PoET',
                },
          )
          break
        }
        case 'provePost': {
          const labels = this.labels!
          const proof = provePost({
            challenge: e.challenge,
            nodeId: this.smesher.nodeId,
            numUnits: e.numUnits,
            params: this.o.preset.post,
            readLabels: (start, count) => labels.subarray(start * LABEL_BYTES, (start + count) * LABEL_BYTES),
          })
          this.later(this.o.latencyMs.provePost, { kind: 'postProved', challenge: e.challenge, proof })
          break
        }
        case 'publishAtx': {
          this.o.observer.atxPublished?.(this.id, e.atx)
          const bytes = encodeAtx(e.atx)
          this.ctx.network.broadcast(this.id, { topic: SimTopic.ATX, data: bytes })
          this.receiveAtx(bytes)
          break
        }
        case 'epochMissed':
          this.o.observer.epochMissed?.(this.id, e.publishEpoch, e.reason)
          break
      }
    }
  }

  private later(delayMs: number, event: SmesherEvent): void {
    const s = this.ctx.scheduler
    s.at(s.now + delayMs, () => this.run(this.smesher.onEvent(event, s.now)))
  }
}
