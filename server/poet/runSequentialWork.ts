/**
 * Drives a PoetProver until `isPastEnd()` says the round's time is up, in slices of about
 * `sliceMs` of CPU with a yield to the event loop between them (so an HTTP server or a worker's
 * message port on the same thread keeps being served). Past the end it adds only the leaves
 * still missing for T openings, as poet does (post-poet.md §3.1: a proof needs T leaves).
 */
import { performance } from 'node:perf_hooks'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { POET_T, type PoetProver } from '../../src/core/poet/index.ts'

export interface SequentialWorkOptions {
  readonly prover: PoetProver
  readonly isPastEnd: () => boolean
  readonly signal?: AbortSignal
  readonly sliceMs?: number
  /** Called between slices, off the hashing loop (the service's checkpoints). */
  readonly afterSlice?: () => void
}

/** Resolves with the leaf count when done; rejects with the signal's reason when aborted. */
export async function runSequentialWork(o: SequentialWorkOptions): Promise<number> {
  const sliceMs = o.sliceMs ?? 10
  let batch = 16
  for (;;) {
    o.signal?.throwIfAborted()
    const ended = o.isPastEnd()
    if (ended && o.prover.leafCount >= POET_T) return o.prover.leafCount
    const t0 = performance.now()
    o.prover.step(ended ? Math.min(batch, POET_T - o.prover.leafCount) : batch)
    const spent = performance.now() - t0
    // Adapt the batch so one slice takes about sliceMs whatever the machine's speed.
    batch = Math.max(1, Math.min(batch * 2, Math.round((batch * sliceMs) / Math.max(spent, 0.01))))
    o.afterSlice?.()
    await yieldToEventLoop()
  }
}
