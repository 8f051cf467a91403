/**
 * How the service has a round's sequential work done: inline on its own thread
 * (`runRoundInline`) or on a worker thread (`runRoundInWorker`, the default), so the work gets a
 * core of its own and the node sharing the process keeps its event loop. The clock stays with
 * the service either way; only "time is up" crosses to the worker.
 */
export interface RoundWork {
  readonly statement: Uint8Array
  readonly endMs: number
  readonly now: () => number
  /**
   * Aborted when the service stops: the runner then saves a last checkpoint through
   * `onCheckpoint` before it rejects with the signal's reason.
   */
  readonly signal: AbortSignal
  /** Directory of the round's tree files; without it the tree is in memory, uncheckpointed. */
  readonly treeDir?: string | undefined
  /** The round's last saved checkpoint (`poetProverCheckpointCodec`), to resume from. */
  readonly checkpoint?: Uint8Array | undefined
  readonly checkpointEveryMs?: number | undefined
  /** Persists a checkpoint; called after the tree files it counts are fsynced. */
  readonly onCheckpoint?: ((checkpoint: Uint8Array, leafCount: number) => void) | undefined
}

export interface RoundWorkResult {
  /** SCALE `PoetProof`. */
  readonly proof: Uint8Array
  readonly leafCount: number
  /** Leaf count the work resumed from (0 when it started afresh). */
  readonly resumedFrom: number
  /** Why a saved checkpoint was refused, when it was (the work then restarted from leaf 0). */
  readonly resumeError?: string
}

export type RoundWorkRunner = (work: RoundWork) => Promise<RoundWorkResult>

/** Messages to the worker (`poetWorker.ts`). */
export type PoetWorkerRequest =
  | {
      type: 'start'
      statement: Uint8Array
      treeDir?: string | undefined
      checkpoint?: Uint8Array | undefined
      checkpointEveryMs?: number | undefined
    }
  | { type: 'finish' }
  /** The service stops: save a last checkpoint of the work done, close the files and exit. */
  | { type: 'stop' }

/** Messages from the worker. */
export type PoetWorkerReply =
  | { type: 'ready' }
  | { type: 'checkpoint'; checkpoint: Uint8Array; leafCount: number }
  | { type: 'done'; result: RoundWorkResult }
  /** Answer to `stop`: the last checkpoint (if any work was new) was posted before this. */
  | { type: 'stopped' }
  | { type: 'failed'; error: string }
