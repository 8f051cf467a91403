/**
 * Hare sessions of one simulated node (go-spacemesh `hare3/hare.go`): one HareSession per layer,
 * ticked on the scheduler's clock — tick 0 at layer start + `preroundDelayMs`, then every
 * `roundDurationMs` until the session is done — with its messages gossiped on the hare topic.
 * Messages for a layer whose session has not started are buffered (bounded) and delivered at its
 * start. An equivocating sender (two messages of one round) is reported to the host.
 *
 * Byzantine `equivocate`: every message is followed by a second, validly signed one for the same
 * round with another value.
 */
import { bytesToHex as hex } from '@noble/hashes/utils.js'
import { SigningDomain, signMessage } from '../crypto/signing.ts'
import { HareSession, type HareSessionConfig, type HareStep } from '../hare/HareSession.ts'
import { decodeHareMessage, encodeHareMessage, encodeHareSignedBytes } from '../hare/hareMessageCodec.ts'
import type { Preset } from '../params/presets.ts'
import type { SimContext } from './SimActor.ts'

export interface SimHareHost {
  readonly id: string
  readonly topic: string
  /** Set for the `equivocate` behaviour: the key that signs the twin messages. */
  readonly equivocateWith?: { readonly seed: Uint8Array; readonly genesisId: Uint8Array } | undefined
  onStep(layer: number, step: HareStep): void
  onEquivocator(nodeIdHex: string): void
  reject(code: string): void
}

const MAX_EARLY = 4096

export class SimHareRunner {
  private readonly sessions = new Map<number, HareSession>()
  private readonly early = new Map<number, Uint8Array[]>()

  constructor(
    private readonly ctx: SimContext,
    private readonly preset: Preset,
    private readonly host: SimHareHost,
  ) {}

  start(config: HareSessionConfig, initial: readonly Uint8Array[]): void {
    const { layer } = config
    const p = this.preset
    const session = new HareSession(config)
    this.sessions.set(layer, session)
    session.setInitialProposals(initial)
    for (const data of this.early.get(layer) ?? []) this.deliver(session, data)
    this.early.delete(layer)
    const tick0 = layer * p.layerDurationMs + p.hare.preroundDelayMs
    const step = (k: number): void => {
      const out = session.next()
      for (const data of out.outbound) this.send(data)
      this.host.onStep(layer, out)
      if (out.done === undefined && k < 64)
        this.ctx.scheduler.at(tick0 + (k + 1) * p.hare.roundDurationMs, () => step(k + 1))
      else this.sessions.delete(layer)
    }
    step(0)
  }

  receive(data: Uint8Array, currentLayer: number): void {
    let layer: number
    try {
      layer = decodeHareMessage(data).body.layer
    } catch {
      this.host.reject('HARE_MALFORMED')
      return
    }
    const session = this.sessions.get(layer)
    if (session !== undefined) this.deliver(session, data)
    else if (layer >= currentLayer && layer <= currentLayer + 1) {
      const list = this.early.get(layer) ?? []
      if (list.length < MAX_EARLY) list.push(data)
      this.early.set(layer, list)
    }
  }

  /** Drops buffered messages of layers ≤ `layer` (their sessions are over or never ran). */
  endLayer(layer: number): void {
    for (const l of this.early.keys()) if (l <= layer) this.early.delete(l)
  }

  private send(data: Uint8Array): void {
    this.ctx.network.broadcast(this.host.id, { topic: this.host.topic, data })
    const eq = this.host.equivocateWith
    if (eq === undefined) return
    const m = decodeHareMessage(data)
    const proposals = m.body.value.proposals.length > 0 ? [] : [new Uint8Array(20)]
    const body = { ...m.body, value: { ...m.body.value, proposals } }
    const signature = signMessage(eq.seed, eq.genesisId, SigningDomain.HARE, encodeHareSignedBytes(body))
    this.ctx.network.broadcast(this.host.id, {
      topic: this.host.topic,
      data: encodeHareMessage({ ...m, body, signature }),
    })
  }

  private deliver(session: HareSession, data: Uint8Array): void {
    const v = session.onMessage(data)
    if (v.verdict !== 'ACCEPT') {
      if (v.error.code !== 'DUPLICATE' && v.error.code !== 'AFTER_END')
        this.host.reject(`HARE_${v.error.code}`)
    } else if (v.equivocation !== undefined) this.host.onEquivocator(hex(decodeHareMessage(data).sender))
  }
}
