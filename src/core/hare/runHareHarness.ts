/**
 * A tiny synchronous network for testing Hare sessions together (CONVENTIONS 18): every round
 * tick, each participant's `next()` runs, and everything sent is delivered to every participant
 * in a seeded order before the next tick. Byzantine behaviour is a function that rewrites what a
 * participant sends. Test support only — the simulator hosts real sessions.
 */
import type { Rng } from '../sim/createRng.ts'
import type { EquivocationPair } from './GradedGossip.ts'
import type { HareSession, HareVerdict } from './HareSession.ts'

export interface HarnessParticipant {
  readonly session: HareSession
  /** Rewrites outbound payloads (byzantine behaviour); identity for honest nodes. */
  readonly tamper?: (outbound: Uint8Array[], tick: number) => Uint8Array[]
}

export interface HarnessOutcome {
  readonly results: (Uint8Array[] | undefined)[]
  readonly done: ('terminated' | 'failed' | undefined)[]
  readonly coins: (boolean | undefined)[]
  readonly verdicts: Map<string, number>
  readonly equivocations: EquivocationPair[]
  readonly ticks: number
}

export function runHareHarness(participants: readonly HarnessParticipant[], rng: Rng, maxTicks: number) {
  const n = participants.length
  const results: (Uint8Array[] | undefined)[] = new Array(n).fill(undefined)
  const done: ('terminated' | 'failed' | undefined)[] = new Array(n).fill(undefined)
  const coins: (boolean | undefined)[] = new Array(n).fill(undefined)
  const verdicts = new Map<string, number>()
  const equivocations: EquivocationPair[] = []
  const count = (v: HareVerdict): void => {
    const key = v.verdict === 'ACCEPT' ? 'ACCEPT' : `${v.verdict}:${v.error.code}`
    verdicts.set(key, (verdicts.get(key) ?? 0) + 1)
    if (v.verdict === 'ACCEPT' && v.equivocation !== undefined) equivocations.push(v.equivocation)
  }
  let tick = 0
  for (; tick < maxTicks && done.some((d) => d === undefined); tick++) {
    const wire: { from: number; data: Uint8Array }[] = []
    participants.forEach((p, i) => {
      if (done[i] !== undefined) return
      const step = p.session.next()
      if (step.result !== undefined) results[i] = step.result
      if (step.coin !== undefined) coins[i] = step.coin
      if (step.done !== undefined) done[i] = step.done
      const out = p.tamper ? p.tamper(step.outbound, tick) : step.outbound
      for (const data of out) wire.push({ from: i, data })
    })
    // Fisher–Yates with the seeded generator: delivery order varies per seed.
    for (let k = wire.length - 1; k > 0; k--) {
      const j = rng.nextInt(k + 1)
      ;[wire[k], wire[j]] = [wire[j]!, wire[k]!]
    }
    for (const { from, data } of wire) {
      participants.forEach((p, i) => {
        if (i !== from && done[i] === undefined) count(p.session.onMessage(data))
      })
    }
  }
  return { results, done, coins, verdicts, equivocations, ticks: tick } satisfies HarnessOutcome
}
