/**
 * Graded gossip, gradecast and thresh-gossip of Hare 3 (go-spacemesh `hare3/protocol.go`, after
 * the hare3 paper's Protocols 1–3).
 *
 * Every accepted message is stored once per (iter, round, sender) with the round the receiver
 * was in when it arrived. A second, different message for the same key is an equivocation: the
 * sender is marked malicious, the pair becomes malfeasance evidence, and from then on its votes
 * count toward totals but never as the one honest vote a threshold needs (`valid > 0`). Exact
 * duplicates are dropped (and not relayed).
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'
import type { HareMessage } from './hareMessageCodec.ts'
import { type IterRound, roundDelay, roundGrade } from './hareRounds.ts'

export interface HareInput {
  readonly message: HareMessage
  readonly msgHash: Uint8Array
  /** ATX grade of the sender: 5 for every valid eligibility (go `legacyOracle.validate`). */
  readonly atxGrade: number
  malicious: boolean
}

interface Stored {
  input: HareInput
  received: IterRound
  otherReceived?: IterRound
}

export interface GradedSet {
  readonly values: Uint8Array[]
  readonly grade: 1 | 2
  readonly smallest: Uint8Array
}

/** Two messages of one sender for one round: the evidence go-spacemesh stores as HareEquivocation. */
export type EquivocationPair = readonly [HareMessage, HareMessage]

const keyOf = (m: HareMessage): string => `${m.body.iter}:${m.body.round}:${bytesToHex(m.sender)}`
const sameRound = (m: HareMessage, f: IterRound): boolean =>
  m.body.iter === f.iter && m.body.round === f.round
const hex = bytesToHex

/** VRF proofs compare as little-endian integers (go `VrfSignature.Cmp`). */
export function compareProofs(a: Uint8Array, b: Uint8Array): number {
  for (let i = a.length - 1; i >= 0; i--) {
    const d = a[i]! - b[i]!
    if (d !== 0) return d
  }
  return 0
}

interface Tally<T> {
  id: T
  total: number
  valid: number
}

export class GradedGossip {
  private readonly state = new Map<string, Stored>()
  constructor(readonly threshold: number) {}

  /** Protocol 1: returns whether to relay, and equivocation evidence when there is some. */
  receive(current: IterRound, input: HareInput): { relay: boolean; equivocation?: EquivocationPair } {
    const key = keyOf(input.message)
    const other = this.state.get(key)
    if (other === undefined) {
      this.state.set(key, { input, received: current })
      return { relay: true }
    }
    if (compareBytes(other.input.msgHash, input.msgHash) === 0 || other.input.malicious) {
      return { relay: false }
    }
    const evidence: EquivocationPair = [other.input.message, input.message]
    if (input.atxGrade > other.input.atxGrade) {
      input.malicious = true
      this.state.set(key, { input, received: current, otherReceived: other.received })
    } else {
      other.input.malicious = true
      other.otherReceived = current
    }
    return { relay: true, equivocation: evidence }
  }

  private tallies<T>(filter: IterRound, grade: number, add: (all: Map<string, Tally<T>>, s: Stored) => void) {
    const all = new Map<string, Tally<T>>()
    let min = 5
    for (const s of this.state.values()) {
      if (
        sameRound(s.input.message, filter) &&
        !s.input.malicious &&
        roundGrade(s.received, filter) >= grade
      ) {
        min = Math.min(min, s.input.atxGrade)
      }
    }
    for (const s of this.state.values()) {
      if (
        sameRound(s.input.message, filter) &&
        s.input.atxGrade >= min &&
        roundGrade(s.received, filter) >= grade
      ) {
        add(all, s)
      }
    }
    return all
  }

  private passing<T>(all: Map<string, Tally<T>>): T[] {
    const out: T[] = []
    for (const t of all.values()) if (t.total >= this.threshold && t.valid > 0) out.push(t.id)
    return out
  }

  /** Protocol 3: proposal IDs voted for by ≥ threshold seats with at least grade, sorted. */
  thresholdGossip(filter: IterRound, grade: number): Uint8Array[] {
    const all = this.tallies<Uint8Array>(filter, grade, (m, s) => {
      // Each ID counts once per message: go-spacemesh would count a repeated ID twice, which
      // would let one sender multiply its vote.
      const seen = new Set<string>()
      for (const id of s.input.message.body.value.proposals) {
        const k = hex(id)
        if (!seen.has(k)) bump(m, k, id, s.input)
        seen.add(k)
      }
    })
    return this.passing(all).sort(compareBytes)
  }

  /** Protocol 3 over references (commit / notify). Sorted, so the pick is the same everywhere. */
  thresholdGossipRef(filter: IterRound, grade: number): Uint8Array[] {
    const all = this.tallies<Uint8Array>(filter, grade, (m, s) => {
      const ref = s.input.message.body.value.reference
      if (ref !== undefined) bump(m, hex(ref), ref, s.input)
    })
    return this.passing(all).sort(compareBytes)
  }

  /** Protocol 2 with 5-graded inputs; ordered by smallest VRF so all nodes pick the same leader. */
  gradecast(target: IterRound): GradedSet[] {
    const out: GradedSet[] = []
    for (const s of this.state.values()) {
      const m = s.input.message
      if (!sameRound(m, target) || (s.input.malicious && s.otherReceived === undefined)) continue
      const values = m.body.value.proposals
      const smallest = m.body.eligibility.proof
      if (
        s.input.atxGrade === 5 &&
        roundDelay(s.received, target) <= 1 &&
        (s.otherReceived === undefined || roundDelay(s.otherReceived, target) > 3)
      ) {
        out.push({ grade: 2, values, smallest })
      } else if (
        s.input.atxGrade >= 4 &&
        roundDelay(s.received, target) <= 2 &&
        (s.otherReceived === undefined || roundDelay(s.otherReceived, target) > 2)
      ) {
        out.push({ grade: 1, values, smallest })
      }
    }
    return out.sort((a, b) => compareProofs(a.smallest, b.smallest))
  }
}

function bump(all: Map<string, Tally<Uint8Array>>, key: string, id: Uint8Array, input: HareInput): void {
  const t = all.get(key) ?? { id, total: 0, valid: 0 }
  t.total += input.message.body.eligibility.count
  if (!input.malicious) t.valid += input.message.body.eligibility.count
  all.set(key, t)
}
