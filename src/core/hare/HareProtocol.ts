/**
 * The Hare 3 graded-consensus state machine of one layer (go-spacemesh `hare3/protocol.go`,
 * hare3 paper §4.3; protocol-spec §8). It never signs or validates: `HareSession` feeds it
 * checked inputs and turns the value it wants to send into signed messages.
 *
 * Per iteration i (round by round, one `next()` per round tick):
 * - preround (once): send the initial proposal set S.
 * - hardlock (i > 0): if notify of i−1 reached threshold at grade 5 → that set is the result
 *   (the node keeps running one more iteration, then terminates); commit of i−1 at grade 4 →
 *   hard-lock on its reference.
 * - softlock (i > 0, not hard-locked): commit of i−1 at grade 3 → soft-lock.
 * - propose: send the preround values that reached threshold at grade 4 — or, if commit of i−1
 *   reached threshold at grade 2 on a known set, that set. Eligibility here uses `leaders`.
 * - commit: gradecast the proposals (smallest VRF first = weak leader election); a proposal is a
 *   valid candidate if all its values reached threshold at grade 2 in the preround. Commit the
 *   locked value if hard-locked; else the first grade-2 candidate whose values passed at grade 3,
 *   that contains every grade-5 value (or had a commit in i−1), and agrees with any soft lock.
 * - notify: the result if known, else a commit of this iteration that reached threshold at grade 5.
 * Weak coin: LSB of the smallest preround VRF, reported once from softlock of iteration 0 on.
 * Threshold: committee/2 + 1 seats, of which at least one seat from a non-equivocating sender.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'
import { computeProposalsReference } from './computeProposalsReference.ts'
import { compareProofs, type EquivocationPair, GradedGossip, type HareInput } from './GradedGossip.ts'
import { type IterRound, Round } from './hareRounds.ts'

/** What the local node wants to send this round, before signing. */
export interface HareOutboundValue {
  readonly iter: number
  readonly round: number
  readonly proposals: Uint8Array[]
  readonly reference: Uint8Array | undefined
}

export interface HareProtocolOutput {
  readonly message?: HareOutboundValue
  /** Agreed proposal IDs, sorted; set once, at the hardlock after the deciding notify round. */
  readonly result?: Uint8Array[]
  /** Set one iteration after the result: the protocol may stop. */
  readonly terminated: boolean
  readonly coin?: boolean
}

function isSubset(s: readonly Uint8Array[], v: readonly Uint8Array[]): boolean {
  const set = new Set(v.map((x) => bytesToHex(x)))
  return s.every((x) => set.has(bytesToHex(x)))
}

export class HareProtocol {
  iter = 0
  round: number = Round.PREROUND
  private coin: Uint8Array | undefined
  private coinReported = false
  private initial: Uint8Array[] = []
  private result: Uint8Array | undefined
  private locked: Uint8Array | undefined
  private hardLocked = false
  private readonly validProposals = new Map<string, Uint8Array[]>()
  private readonly gossip: GradedGossip

  constructor(threshold: number) {
    this.gossip = new GradedGossip(threshold)
  }

  get current(): IterRound {
    return { iter: this.iter, round: this.round }
  }

  onInitial(proposals: readonly Uint8Array[]): void {
    this.initial = [...proposals].sort(compareBytes)
  }

  /** A validated message; `relay` says whether gossip should forward it. */
  onInput(input: HareInput): { relay: boolean; equivocation?: EquivocationPair } {
    const out = this.gossip.receive(this.current, input)
    const b = input.message.body
    if (out.relay && b.round === Round.PREROUND && b.iter === 0) {
      if (this.coin === undefined || compareProofs(b.eligibility.proof, this.coin) < 0)
        this.coin = b.eligibility.proof
    }
    return out
  }

  private thresholdProposals(ir: IterRound, grade: number): [Uint8Array, Uint8Array[]] | undefined {
    for (const ref of this.gossip.thresholdGossipRef(ir, grade)) {
      const valid = this.validProposals.get(bytesToHex(ref))
      if (valid !== undefined) return [ref, valid]
    }
    return undefined
  }

  private commitExists(iter: number, match: Uint8Array, grade: number): boolean {
    if (iter < 0) return false
    return this.gossip
      .thresholdGossipRef({ iter, round: Round.COMMIT }, grade)
      .some((r) => compareBytes(r, match) === 0)
  }

  private send(proposals: Uint8Array[], reference?: Uint8Array): HareOutboundValue {
    return { iter: this.iter, round: this.round, proposals, reference }
  }

  private execute(): { message?: HareOutboundValue; result?: Uint8Array[]; terminated: boolean } {
    const pre: IterRound = { iter: 0, round: Round.PREROUND }
    const prevCommit: IterRound = { iter: this.iter - 1, round: Round.COMMIT }
    switch (this.round) {
      case Round.PREROUND:
        return { message: this.send(this.initial), terminated: false }
      case Round.HARDLOCK: {
        if (this.iter === 0) return { terminated: false }
        const terminated = this.result !== undefined
        let result: Uint8Array[] | undefined
        const decided = this.thresholdProposals({ iter: this.iter - 1, round: Round.NOTIFY }, 5)
        if (decided !== undefined && this.result === undefined) {
          this.result = decided[0]
          result = decided[1]
        }
        const lock = this.thresholdProposals(prevCommit, 4)
        this.locked = lock?.[0]
        this.hardLocked = lock !== undefined
        return result === undefined ? { terminated } : { result, terminated }
      }
      case Round.SOFTLOCK:
        if (this.iter > 0 && !this.hardLocked) this.locked = this.thresholdProposals(prevCommit, 3)?.[0]
        return { terminated: false }
      case Round.PROPOSE: {
        let values = this.gossip.thresholdGossip(pre, 4)
        if (this.iter > 0) values = this.thresholdProposals(prevCommit, 2)?.[1] ?? values
        return { message: this.send(values), terminated: false }
      }
      case Round.COMMIT:
        return { ...this.commitMessage(), terminated: false }
      case Round.NOTIFY: {
        const ref = this.result ?? this.thresholdProposals({ iter: this.iter, round: Round.COMMIT }, 5)?.[0]
        return ref === undefined ? { terminated: false } : { message: this.send([], ref), terminated: false }
      }
      default:
        return { terminated: false }
    }
  }

  private commitMessage(): { message?: HareOutboundValue } {
    const pre: IterRound = { iter: 0, round: Round.PREROUND }
    const proposed = this.gossip.gradecast({ iter: this.iter, round: Round.PROPOSE })
    const g2 = this.gossip.thresholdGossip(pre, 2)
    for (const g of proposed) {
      // (a), (b): grade ≥ 1 candidates whose values all passed the preround at grade 2
      if (isSubset(g.values, g2))
        this.validProposals.set(bytesToHex(computeProposalsReference(g.values)), g.values)
    }
    if (this.hardLocked && this.locked !== undefined) return { message: this.send([], this.locked) }
    const g3 = this.gossip.thresholdGossip(pre, 3)
    const g5 = this.gossip.thresholdGossip(pre, 5)
    for (const g of proposed) {
      const id = computeProposalsReference(g.values)
      if (!this.validProposals.has(bytesToHex(id))) continue // (c)
      if (g.grade !== 2) continue // (e)
      if (!isSubset(g.values, g3)) continue // (f)
      if (!isSubset(g5, g.values) && !this.commitExists(this.iter - 1, id, 1)) continue // (g)
      if (this.locked !== undefined && compareBytes(this.locked, id) !== 0) continue // (h)
      return { message: this.send([], id) }
    }
    return {}
  }

  /** Executes the current round and advances (go `protocol.Next`). Call once per round tick. */
  next(): HareProtocolOutput {
    const out: HareProtocolOutput & { coin?: boolean } = this.execute()
    let coin: boolean | undefined
    if (this.round >= Round.SOFTLOCK && this.coin !== undefined && !this.coinReported) {
      coin = (this.coin[0]! & 1) !== 0
      this.coinReported = true
    }
    if (this.round === Round.PREROUND && this.iter === 0) this.round = Round.SOFTLOCK
    else if (this.round === Round.NOTIFY) {
      this.round = Round.HARDLOCK
      this.iter++
    } else this.round++
    return coin === undefined ? out : { ...out, coin }
  }
}
