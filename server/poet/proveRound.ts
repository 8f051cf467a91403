/**
 * A round's sequential work from start or checkpoint to proof, shared by the inline and the
 * worker runner (RoundWork.ts). With a `treeDir` the tree lives in a `FilePoetTreeStore` and
 * every `checkpointEveryMs` of work the store is flushed (fsync) and then the encoded prover
 * checkpoint handed to `onCheckpoint`, which persists it: a checkpoint never counts nodes that
 * are not yet durable. Given a saved checkpoint, the work continues from its leaf count over
 * the same files; one that does not fit them (`DecodeError`, `PoetProofError` CHECKPOINT_*) is
 * dropped and the work starts again from leaf 0, which costs time but never a wrong proof.
 * When `signal` aborts (the service stops), the work ends at the next slice boundary with one
 * last flush and checkpoint, so a clean stop loses no work; the abort reason is then rethrown.
 * Without a `treeDir` the tree is kept in memory and no checkpoint is taken.
 */
import { performance } from 'node:perf_hooks'
import {
  decodePoetProverCheckpoint,
  encodePoetProof,
  encodePoetProverCheckpoint,
  PoetProver,
} from '../../src/core/poet/index.ts'
import { FilePoetTreeStore } from './FilePoetTreeStore.ts'
import type { RoundWorkResult } from './RoundWork.ts'
import { runSequentialWork } from './runSequentialWork.ts'

/** Default checkpoint interval: at most a minute of sequential work is lost to a crash. */
export const DEFAULT_CHECKPOINT_EVERY_MS = 60_000

export interface ProveRoundOptions {
  readonly statement: Uint8Array
  readonly isPastEnd: () => boolean
  readonly signal?: AbortSignal
  readonly treeDir?: string | undefined
  /** The last saved checkpoint of this round, if any. */
  readonly checkpoint?: Uint8Array | undefined
  readonly checkpointEveryMs?: number | undefined
  readonly onCheckpoint?: ((checkpoint: Uint8Array, leafCount: number) => void) | undefined
}

export async function proveRound(o: ProveRoundOptions): Promise<RoundWorkResult> {
  if (o.treeDir === undefined) {
    const prover = new PoetProver(o.statement)
    await runSequentialWork({ prover, isPastEnd: o.isPastEnd, ...(o.signal && { signal: o.signal }) })
    return { proof: encodePoetProof(prover.prove()), leafCount: prover.leafCount, resumedFrom: 0 }
  }
  const store = new FilePoetTreeStore(o.treeDir)
  try {
    const { prover, resumeError } = resumeOrStart(store, o.statement, o.checkpoint)
    const resumedFrom = prover.leafCount
    const every = o.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS
    let last = performance.now()
    let savedLeaves = resumedFrom
    const checkpoint = () => {
      store.flush()
      o.onCheckpoint?.(encodePoetProverCheckpoint(prover.checkpoint()), prover.leafCount)
      savedLeaves = prover.leafCount
      last = performance.now()
    }
    try {
      await runSequentialWork({
        prover,
        isPastEnd: o.isPastEnd,
        afterSlice: () => {
          if (performance.now() - last >= every) checkpoint()
        },
        ...(o.signal && { signal: o.signal }),
      })
    } catch (err) {
      // Stopped between slices, so the prover and its files agree: keep what was done since the
      // last checkpoint (nothing to save when no leaf was added since).
      if (o.signal?.aborted && err === o.signal.reason && prover.leafCount > savedLeaves) checkpoint()
      throw err
    }
    const proof = encodePoetProof(prover.prove())
    return {
      proof,
      leafCount: prover.leafCount,
      resumedFrom,
      ...(resumeError !== undefined && { resumeError }),
    }
  } finally {
    store.close()
  }
}

function resumeOrStart(
  store: FilePoetTreeStore,
  statement: Uint8Array,
  saved: Uint8Array | undefined,
): { prover: PoetProver; resumeError?: string } {
  if (saved !== undefined) {
    try {
      return { prover: PoetProver.fromCheckpoint(decodePoetProverCheckpoint(saved), store, statement) }
    } catch (err) {
      const name = (err as Error)?.name
      if (name !== 'DecodeError' && name !== 'PoetProofError') throw err
      store.truncate([])
      return { prover: new PoetProver(statement, store), resumeError: (err as Error).message }
    }
  }
  // Nodes left by a crash before the first checkpoint are of no use without one.
  store.truncate([])
  return { prover: new PoetProver(statement, store) }
}
