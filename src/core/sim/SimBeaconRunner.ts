/**
 * The epoch beacon in the simulator (go-spacemesh `beacon/beacon.go`, protocol-spec §10): at the
 * start of epoch E the identities with an ATX for E run BeaconSession for epoch E + 1; its phases
 * end on the scheduler's clock (proposal, first vote, then vote/weak-coin pairs, preset durations)
 * and its messages travel as `beacon/<topic>` gossip. The first consensus epoch has no previous
 * active set to run it, so its beacon is the bootstrap value (computeSimBeacon), as go-spacemesh
 * starts from a bootstrapped beacon; a failed session also falls back to it (counted).
 */
import { bytesToHex as hex } from '@noble/hashes/utils.js'
import type { BeaconError } from '../beacon/BeaconError.ts'
import { BeaconSession } from '../beacon/BeaconSession.ts'
import type { BeaconIdentity, BeaconMessage, BeaconTopic } from '../beacon/validateBeaconMessage.ts'
import type { Preset } from '../params/presets.ts'
import type { SimEpochView } from './buildSimEpochView.ts'
import type { SimContext } from './SimActor.ts'

export const BEACON_TOPIC_PREFIX = 'beacon/'

export class SimBeaconRunner {
  private session: BeaconSession | undefined
  /** Beacon by the epoch it is for. */
  readonly beacons = new Map<number, Uint8Array>()
  failed = 0
  private static readonly caches = new WeakMap<
    object,
    Map<string, Map<string, BeaconMessage | BeaconError>>
  >()

  constructor(
    private readonly id: string,
    private readonly ctx: SimContext,
    private readonly preset: Preset,
    private readonly genesisId: Uint8Array,
    /** Shared between the nodes of one run: validation outcomes by epoch context. */
    private readonly sharedKey: object,
  ) {}

  /** Runs the protocol for epoch `view.epoch + 1` among `view`'s active set. */
  start(view: SimEpochView, seed: Uint8Array | undefined): void {
    const identities = new Map<string, BeaconIdentity>()
    for (const a of view.atxs)
      identities.set(hex(a.smesherId), { weight: a.weight, nonce: a.vrfNonce, units: a.effectiveNumUnits })
    if (identities.size === 0) return
    const b = this.preset.beacon
    const epoch = view.epoch + 1
    const session = new BeaconSession({
      epoch,
      genesisId: this.genesisId,
      identities,
      validationCache: this.cache(`${epoch}:${view.contextKey}`),
      kappa: b.kappa,
      q: b.q,
      theta: b.theta,
      roundsNumber: b.roundsNumber,
      votesLimit: b.votesLimit,
      signers: seed === undefined ? [] : [seed],
    })
    this.session = session
    // Phase boundaries: proposal, first vote, then (vote, weak coin) × (rounds − 1).
    const durations = [b.proposalDurationMs, b.firstVotingRoundDurationMs]
    for (let r = 1; r < b.roundsNumber; r++)
      durations.push(b.votingRoundDurationMs, b.weakCoinRoundDurationMs)
    let at = this.ctx.scheduler.now
    const step = (k: number): void => {
      if (this.session !== session) return
      const out = session.next()
      for (const o of out.outbound)
        this.ctx.network.broadcast(this.id, { topic: BEACON_TOPIC_PREFIX + o.topic, data: o.data })
      if (out.beacon !== undefined) this.beacons.set(epoch, out.beacon)
      if (out.failed === true) this.failed++
      if (session.phase === 'done' || k > durations.length + 2) {
        this.session = undefined
        return
      }
      at += durations[k] ?? b.votingRoundDurationMs
      this.ctx.scheduler.at(at, () => step(k + 1))
    }
    step(0)
  }

  onMessage(topic: string, data: Uint8Array): string | undefined {
    const s = this.session
    if (s === undefined) return undefined
    const v = s.onMessage(topic.slice(BEACON_TOPIC_PREFIX.length) as BeaconTopic, data)
    return v.verdict === 'ACCEPT' || v.verdict === 'IGNORE' ? undefined : `BEACON_${v.error.code}`
  }

  private cache(key: string): Map<string, BeaconMessage | BeaconError> {
    let byKey = SimBeaconRunner.caches.get(this.sharedKey)
    if (byKey === undefined) SimBeaconRunner.caches.set(this.sharedKey, (byKey = new Map()))
    let c = byKey.get(key)
    if (c === undefined) byKey.set(key, (c = new Map()))
    return c
  }
}
