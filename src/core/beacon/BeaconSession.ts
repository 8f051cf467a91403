/**
 * The beacon protocol of one epoch (go-spacemesh `beacon/beacon.go runProtocol`, protocol-spec
 * §10) as a tick-driven state machine. Phases, each ended by one `next()` call:
 *
 *   next #1          → proposal phase: each local identity sends its VRF proposal if it passes
 *                      the κ/q threshold (computeProposalThreshold).
 *   next #2          → first voting round: send the valid (received in the proposal phase,
 *                      early ATX, strict threshold over all ATXs) and potentially valid
 *                      (lenient threshold over early ATXs, or received within the grace period =
 *                      this phase) proposals. Votes add ±ATX weight to each proposal's margin.
 *   next #3          → own opinion: margin ≥ θ·W → support, ≤ −θ·W → against, else undecided.
 *                      Then for rounds 1..R−1: send the opinion as a bit vector over the own first
 *                      vote list (vote phase), next → recompute, send weak-coin tickets (coin
 *                      phase), next → coin = LSB of the smallest ticket; undecided follow the coin.
 *   after round R−1  → beacon = computeBeacon(supported proposals); empty support → failed.
 *
 * Durations (presets): proposal `proposalDurationMs`, first round `firstVotingRoundDurationMs`,
 * vote `votingRoundDurationMs`, coin `weakCoinRoundDurationMs`. The host calls next() at each
 * boundary and delivers gossip to onMessage(topic, bytes); own messages are fed back internally.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { encode } from '../codec/index.ts'
import { publicKeyFromSeed, SigningDomain, signMessage } from '../crypto/signing.ts'
import { vrfProve } from '../crypto/vrf.ts'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'
import { compareProofs } from '../hare/GradedGossip.ts'
import { BeaconError } from './BeaconError.ts'
import {
  beaconProposalCodec,
  encodeBeaconProposalVrfMessage,
  encodeWeakCoinVrfMessage,
  firstVotingBodyCodec,
  firstVotingCodec,
  followingVotingBodyCodec,
  followingVotingCodec,
  weakCoinCodec,
} from './beaconMessageCodec.ts'
import { computeBeacon } from './computeBeacon.ts'
import { computeProposalThreshold, readProofBigEndian } from './computeProposalThreshold.ts'
import { decodeVotes, encodeVotes } from './encodeVotes.ts'
import {
  type BeaconContext,
  type BeaconMessage,
  type BeaconTopic,
  validateBeaconMessage,
} from './validateBeaconMessage.ts'

export interface BeaconSessionConfig extends BeaconContext {
  readonly kappa: number
  readonly q: readonly [number, number]
  readonly theta: readonly [number, number]
  /** `RoundsNumber`: the first round plus R−1 follow-up rounds. */
  readonly roundsNumber: number
  /** Proposals a first vote may reference in later bit vectors (`VotesLimit`, 100). */
  readonly votesLimit: number
  readonly signers: readonly Uint8Array[]
}

export type BeaconPhase = 'idle' | 'proposal' | 'firstVote' | 'vote' | 'weakCoin' | 'done'

export interface BeaconOutbound {
  readonly topic: BeaconTopic
  readonly data: Uint8Array
}

export interface BeaconStep {
  readonly outbound: BeaconOutbound[]
  readonly phase: BeaconPhase
  readonly beacon?: Uint8Array
  readonly failed?: boolean
}

export type BeaconVerdict =
  | { readonly verdict: 'ACCEPT' }
  | { readonly verdict: 'IGNORE' | 'REJECT'; readonly error: BeaconError }

export class BeaconSession {
  phase: BeaconPhase = 'idle'
  round = 0
  private readonly strict: bigint
  private readonly lenient: bigint
  private readonly signers: { seed: Uint8Array; nodeId: Uint8Array; hex: string }[]
  private readonly valid = new Map<string, Uint8Array>()
  private readonly potentiallyValid = new Map<string, Uint8Array>()
  private readonly margins = new Map<string, bigint>()
  private readonly proposals = new Map<string, Uint8Array>()
  private readonly proposed = new Set<string>()
  private readonly firstVotes = new Map<string, Uint8Array[]>()
  private readonly voted = new Set<string>()
  private support = new Set<string>()
  private undecided: string[] = []
  private smallestTicket: Uint8Array | undefined
  private result: Uint8Array | undefined

  constructor(readonly config: BeaconSessionConfig) {
    const all = [...config.identities.values()]
    const early = all.filter((i) => i.early !== false).length
    this.strict = computeProposalThreshold({ kappa: config.kappa, q: config.q, numAtxs: all.length })
    this.lenient = computeProposalThreshold({ kappa: config.kappa, q: config.q, numAtxs: early })
    this.signers = config.signers.map((seed) => {
      const nodeId = publicKeyFromSeed(seed)
      return { seed, nodeId, hex: bytesToHex(nodeId) }
    })
  }

  get beacon(): Uint8Array | undefined {
    return this.result
  }

  onMessage(topic: BeaconTopic, data: Uint8Array): BeaconVerdict {
    try {
      if (this.phase === 'done') throw new BeaconError('LATE', 'protocol finished')
      this.accept(validateBeaconMessage(topic, data, this.config))
      return { verdict: 'ACCEPT' }
    } catch (e) {
      if (!(e instanceof BeaconError)) throw e
      return { verdict: e.verdict as 'IGNORE' | 'REJECT', error: e }
    }
  }

  private accept(m: BeaconMessage): void {
    switch (m.topic) {
      case 'proposal':
        this.acceptProposal(m.msg.nodeId, m.msg.vrf, m.sender.early !== false)
        return
      case 'firstVote': {
        const who = bytesToHex(m.msg.smesherId)
        if (this.firstVotes.has(who)) throw new BeaconError('DUPLICATE', 'second first vote')
        for (const p of m.msg.body.valid) this.addVote(p, m.sender.weight)
        for (const p of m.msg.body.potentiallyValid) this.addVote(p, -m.sender.weight)
        const list = [...m.msg.body.valid, ...m.msg.body.potentiallyValid].slice(0, this.config.votesLimit)
        this.firstVotes.set(who, list)
        return
      }
      case 'followingVote': {
        const who = bytesToHex(m.msg.smesherId)
        const r = m.msg.body.round
        if (r < 1 || r > this.round || this.phase === 'idle')
          throw new BeaconError('WRONG_ROUND', `round ${r}`)
        const list = this.firstVotes.get(who)
        if (list === undefined) throw new BeaconError('NO_FIRST_VOTE', 'no first vote from sender')
        if (this.voted.has(`${who}:${r}`)) throw new BeaconError('DUPLICATE', `second vote for round ${r}`)
        this.voted.add(`${who}:${r}`)
        const votes = decodeVotes(m.msg.body.votes, list.length)
        for (const [i, p] of list.entries()) this.addVote(p, votes[i] ? m.sender.weight : -m.sender.weight)
        return
      }
      case 'weakCoin':
        if (this.phase !== 'weakCoin' || m.msg.round !== this.round) {
          throw new BeaconError('WRONG_ROUND', `ticket for round ${m.msg.round}`)
        }
        if (this.smallestTicket === undefined || compareProofs(m.msg.vrf, this.smallestTicket) < 0) {
          this.smallestTicket = m.msg.vrf
        }
        return
    }
  }

  private acceptProposal(nodeId: Uint8Array, vrf: Uint8Array, earlyAtx: boolean): void {
    const who = bytesToHex(nodeId)
    if (this.proposed.has(who)) throw new BeaconError('DUPLICATE', 'second proposal')
    const v = readProofBigEndian(vrf)
    const p = vrf.slice(0, 4)
    const key = bytesToHex(p)
    if ((this.phase === 'idle' || this.phase === 'proposal') && earlyAtx && v < this.strict) {
      this.valid.set(key, p)
    } else if (this.phase === 'idle' || this.phase === 'proposal' || this.phase === 'firstVote') {
      if (v >= this.lenient) throw new BeaconError('ABOVE_THRESHOLD', 'proposal above threshold')
      this.potentiallyValid.set(key, p)
    } else {
      throw new BeaconError('LATE', 'proposal after the grace period')
    }
    this.proposed.add(who)
    if (!this.margins.has(key)) this.margins.set(key, 0n)
    this.proposals.set(key, p)
  }

  private addVote(p: Uint8Array, delta: bigint): void {
    const key = bytesToHex(p)
    const m = this.margins.get(key)
    if (m !== undefined) this.margins.set(key, m + delta) // votes for unknown proposals are ignored
  }

  private tally(): void {
    let total = 0n
    for (const i of this.config.identities.values()) total += i.weight
    const threshold = (BigInt(this.config.theta[0]) * total) / BigInt(this.config.theta[1])
    this.support = new Set()
    this.undecided = []
    for (const [key, margin] of this.margins) {
      if (margin >= threshold) this.support.add(key)
      else if (margin > -threshold) this.undecided.push(key)
    }
  }

  private emit(out: BeaconOutbound[], topic: BeaconTopic, data: Uint8Array): void {
    out.push({ topic, data })
    this.accept(validateBeaconMessage(topic, data, this.config))
  }

  /** Ends the current phase and starts the next one. */
  next(): BeaconStep {
    const out: BeaconOutbound[] = []
    const { epoch, genesisId } = this.config
    switch (this.phase) {
      case 'idle':
        this.phase = 'proposal'
        for (const s of this.signers) {
          const who = this.config.identities.get(s.hex)
          if (who === undefined) continue
          const vrf = vrfProve(s.seed, encodeBeaconProposalVrfMessage(epoch, who.nonce))
          if (readProofBigEndian(vrf) >= this.strict) continue // go: only proposals that are not invalid are sent
          this.emit(out, 'proposal', encode(beaconProposalCodec, { epoch, nodeId: s.nodeId, vrf }))
        }
        break
      case 'proposal': {
        this.phase = 'firstVote'
        const body = {
          epoch,
          valid: [...this.valid.values()].sort(compareBytes),
          potentiallyValid: [...this.potentiallyValid.values()].sort(compareBytes),
        }
        const signed = encode(firstVotingBodyCodec, body)
        for (const s of this.signers) {
          if (!this.config.identities.has(s.hex)) continue
          const signature = signMessage(s.seed, genesisId, SigningDomain.BEACON_FIRST_MSG, signed)
          this.emit(out, 'firstVote', encode(firstVotingCodec, { body, smesherId: s.nodeId, signature }))
        }
        break
      }
      case 'firstVote':
        this.tally() // undecided proposals of the first round stay unvoted (go drops them)
        this.round = 1
        this.startVoteRound(out)
        break
      case 'vote':
        this.tally()
        this.phase = 'weakCoin'
        this.smallestTicket = undefined
        this.sendTickets(out)
        break
      case 'weakCoin': {
        const coin = this.smallestTicket !== undefined && (this.smallestTicket[0]! & 1) === 1
        // go fails the epoch when no ticket arrived; we let the undecided go against instead
        for (const key of this.undecided) if (coin) this.support.add(key)
        this.round++
        this.startVoteRound(out)
        break
      }
      case 'done':
        break
    }
    const step: { -readonly [K in keyof BeaconStep]: BeaconStep[K] } = { outbound: out, phase: this.phase }
    if (this.result !== undefined) step.beacon = this.result
    if (this.phase === 'done' && this.result === undefined) step.failed = true
    return step
  }

  private startVoteRound(out: BeaconOutbound[]): void {
    if (this.round >= this.config.roundsNumber) {
      this.phase = 'done'
      const chosen = [...this.proposals].filter(([k]) => this.support.has(k)).map(([, p]) => p)
      if (chosen.length > 0) this.result = computeBeacon(chosen)
      return
    }
    this.phase = 'vote'
    for (const s of this.signers) {
      const own = this.firstVotes.get(s.hex)
      if (own === undefined) continue
      const body = {
        epoch: this.config.epoch,
        round: this.round,
        votes: encodeVotes(own.map((p) => this.support.has(bytesToHex(p)))),
      }
      const signed = encode(followingVotingBodyCodec, body)
      const signature = signMessage(s.seed, this.config.genesisId, SigningDomain.BEACON_FOLLOWUP_MSG, signed)
      this.emit(out, 'followingVote', encode(followingVotingCodec, { body, smesherId: s.nodeId, signature }))
    }
  }

  private sendTickets(out: BeaconOutbound[]): void {
    const { epoch } = this.config
    for (const s of this.signers) {
      const who = this.config.identities.get(s.hex)
      if (who === undefined) continue
      let best: { unit: number; vrf: Uint8Array } | undefined
      for (let unit = 0; unit < who.units; unit++) {
        const vrf = vrfProve(s.seed, encodeWeakCoinVrfMessage(epoch, who.nonce, this.round, unit))
        if (best === undefined || compareProofs(vrf, best.vrf) < 0) best = { unit, vrf }
      }
      // only worth sending if it beats the smallest ticket seen so far
      if (best === undefined || (this.smallestTicket && compareProofs(best.vrf, this.smallestTicket) >= 0))
        continue
      const msg = { epoch, round: this.round, unit: best.unit, nodeId: s.nodeId, vrf: best.vrf }
      this.emit(out, 'weakCoin', encode(weakCoinCodec, msg))
    }
  }
}
