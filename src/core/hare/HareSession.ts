/**
 * One layer of Hare as a node runs it (go-spacemesh `hare3/hare.go run`, `onOutput`, `Handler`),
 * without timers or I/O: the host calls `next()` on each round tick and `onMessage()` for each
 * gossip payload, and sends what `next()` returns.
 *
 * Driving contract (go-spacemesh timing, hare3 `PreroundDelay`, `RoundDuration`):
 *   tick 0 at layerStart + preroundDelay → preround; tick k at tick0 + k × roundDuration.
 *   Call `setInitialProposals` before tick 0. Deliver every gossip payload to `onMessage`; relay
 *   it only when the verdict is ACCEPT. Own messages are fed back internally (as gossipsub's
 *   local delivery does), so the host need not loop them back. Stop when `done` is set.
 * Outcome: `result` (sorted proposal IDs) once, at the hardlock after a notify round reached
 * threshold; `done: 'terminated'` one iteration later; `done: 'failed'` when the iteration limit
 * passes without a result. `coin` (weak coin) is reported once, at softlock of iteration 0.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { publicKeyFromSeed, SigningDomain, signMessage } from '../crypto/signing.ts'
import { proveHareEligibility } from '../eligibility/proveHareEligibility.ts'
import type { EquivocationPair } from './GradedGossip.ts'
import { HareError } from './HareError.ts'
import { HareProtocol } from './HareProtocol.ts'
import {
  encodeHareMessage,
  encodeHareSignedBytes,
  type HareMessage,
  hashHareBody,
} from './hareMessageCodec.ts'
import { absoluteRound, isMessageRound, Round } from './hareRounds.ts'
import { type HareLayerContext, validateHareMessage } from './validateHareMessage.ts'

export interface HareSessionConfig extends HareLayerContext {
  /** go-spacemesh `IterationsLimit`. */
  readonly iterationsLimit: number
  /** Secret seeds of the local identities (a node may run several). */
  readonly signers: readonly Uint8Array[]
  /** Identities already proven malicious: their votes never count as the honest one. */
  readonly isMalicious?: (nodeId: Uint8Array) => boolean
}

export type HareVerdict =
  | { readonly verdict: 'ACCEPT'; readonly equivocation?: EquivocationPair }
  | { readonly verdict: 'IGNORE' | 'REJECT'; readonly error: HareError }

export interface HareStep {
  /** Encoded, signed messages to publish on the hare topic. */
  readonly outbound: Uint8Array[]
  readonly result?: Uint8Array[]
  readonly coin?: boolean
  readonly done?: 'terminated' | 'failed'
}

/** Seats of the protocol threshold: committee/2 + 1 (go-spacemesh hare3). */
export function hareThreshold(committee: number): number {
  return Math.floor(committee / 2) + 1
}

export class HareSession {
  private readonly protocol: HareProtocol
  private readonly signers: { seed: Uint8Array; nodeId: Uint8Array }[]
  private finished: 'terminated' | 'failed' | undefined
  private gotResult = false

  constructor(readonly config: HareSessionConfig) {
    this.protocol = new HareProtocol(hareThreshold(config.committee))
    this.signers = config.signers.map((seed) => ({ seed, nodeId: publicKeyFromSeed(seed) }))
  }

  get layer(): number {
    return this.config.layer
  }

  get done(): 'terminated' | 'failed' | undefined {
    return this.finished
  }

  setInitialProposals(ids: readonly Uint8Array[]): void {
    this.protocol.onInitial(ids)
  }

  onMessage(data: Uint8Array): HareVerdict {
    if (this.finished !== undefined)
      return { verdict: 'IGNORE', error: new HareError('AFTER_END', 'session ended') }
    let msg: HareMessage
    try {
      msg = validateHareMessage(data, this.config)
    } catch (e) {
      if (!(e instanceof HareError)) throw e
      return { verdict: e.verdict as 'IGNORE' | 'REJECT', error: e }
    }
    return this.input(msg)
  }

  private input(msg: HareMessage): HareVerdict {
    const out = this.protocol.onInput({
      message: msg,
      msgHash: hashHareBody(msg.body),
      atxGrade: 5,
      malicious: this.config.isMalicious?.(msg.sender) ?? false,
    })
    if (!out.relay)
      return { verdict: 'IGNORE', error: new HareError('DUPLICATE', 'duplicate or known equivocator') }
    return out.equivocation === undefined
      ? { verdict: 'ACCEPT' }
      : { verdict: 'ACCEPT', equivocation: out.equivocation }
  }

  /** Executes the current round (one round tick). */
  next(): HareStep {
    if (this.finished !== undefined) return { outbound: [], done: this.finished }
    const current = this.protocol.current
    const out = this.protocol.next()
    const outbound: Uint8Array[] = []
    const own: HareMessage[] = []
    if (out.message !== undefined && isMessageRound(current.round)) {
      for (const s of this.signers) {
        const weight = this.config.weights.get(bytesToHex(s.nodeId))
        if (weight === undefined) continue
        const eligibility = proveHareEligibility(s.seed, {
          beacon: this.config.beacon,
          layer: this.config.layer,
          round: absoluteRound(current),
          committee: current.round === Round.PROPOSE ? this.config.leaders : this.config.committee,
          weight,
          totalWeight: this.config.totalWeight,
        })
        if (eligibility === undefined) continue
        const body = {
          layer: this.config.layer,
          iter: out.message.iter,
          round: out.message.round,
          value: { proposals: out.message.proposals, reference: out.message.reference },
          eligibility,
        }
        const signature = signMessage(
          s.seed,
          this.config.genesisId,
          SigningDomain.HARE,
          encodeHareSignedBytes(body),
        )
        const msg = { body, sender: s.nodeId, signature }
        own.push(msg)
        outbound.push(encodeHareMessage(msg))
      }
    }
    for (const msg of own) this.input(msg)
    if (out.result !== undefined) this.gotResult = true
    if (out.terminated) this.finished = this.gotResult ? 'terminated' : 'failed'
    // go-spacemesh stops after the first round of iteration `IterationsLimit` (its hardlock, which
    // may still deliver the result of the last notify round).
    else if (current.iter >= this.config.iterationsLimit)
      this.finished = this.gotResult ? 'terminated' : 'failed'
    const step: { -readonly [K in keyof HareStep]: HareStep[K] } = { outbound }
    if (out.result !== undefined) step.result = out.result
    if (out.coin !== undefined) step.coin = out.coin
    if (this.finished !== undefined) step.done = this.finished
    return step
  }
}
