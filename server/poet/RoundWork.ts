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
  readonly signal: AbortSignal
}

export interface RoundWorkResult {
  /** SCALE `PoetProof`. */
  readonly proof: Uint8Array
  readonly leafCount: number
}

export type RoundWorkRunner = (work: RoundWork) => Promise<RoundWorkResult>

/** Messages to the worker (`poetWorker.ts`). */
export type PoetWorkerRequest = { type: 'start'; statement: Uint8Array } | { type: 'finish' }

/** Messages from the worker. */
export type PoetWorkerReply =
  | { type: 'ready' }
  | { type: 'done'; proof: Uint8Array; leafCount: number }
  | { type: 'failed'; error: string }
