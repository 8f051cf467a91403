/**
 * Drives a PoetProver until the round's end time on the service's clock, in slices of about
 * `sliceMs` of CPU so the HTTP server on the same thread keeps answering between slices. Past the
 * end it continues until the tree has at least T leaves, as poet does (a proof needs T openings).
 */
import { performance } from 'node:perf_hooks'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { POET_T, type PoetProver } from '../../src/core/poet/index.ts'

export interface SequentialWorkOptions {
  readonly prover: PoetProver
  readonly endMs: number
  readonly now: () => number
  readonly signal: AbortSignal
  readonly sliceMs?: number
}

/** Resolves with the leaf count when done; rejects with the signal's reason when aborted. */
export async function runSequentialWork(o: SequentialWorkOptions): Promise<number> {
  const sliceMs = o.sliceMs ?? 10
  let batch = 16
  while (o.now() < o.endMs || o.prover.leafCount < POET_T) {
    o.signal.throwIfAborted()
    const t0 = performance.now()
    // Past the end only the leaves still missing for T openings are added.
    o.prover.step(o.now() < o.endMs ? batch : Math.min(batch, POET_T - o.prover.leafCount))
    const spent = performance.now() - t0
    // Adapt the batch so one slice takes about sliceMs whatever the machine's speed.
    batch = Math.max(1, Math.min(batch * 2, Math.round((batch * sliceMs) / Math.max(spent, 0.01))))
    await yieldToEventLoop()
  }
  return o.prover.leafCount
}
