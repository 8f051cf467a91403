import { compareBytes as compareLabels } from '../../core/post/compareBytes.ts'
import type { LabelerWorkerApi } from '../../workers/postWorkerContract.ts'
import { computePostLayout, labelsInFile, type PostLayout } from './computePostLayout.ts'
import { computeVrfDifficulty } from './computeVrfDifficulty.ts'
import type { PostAllocationRecord, PostFileRecord, PostMetadataStore } from './openPostMetadataStore.ts'
import { PostStoreError } from './PostStoreError.ts'
import { readBigEndian } from './readBigEndian.ts'
import { selectVrfNonce } from './selectVrfNonce.ts'

export interface LabelerWorkerHandle {
  /** The comlink proxy of a labeler worker, or the service itself in tests. */
  readonly api: LabelerWorkerApi
  terminate(): void
}

export interface PostInitProgress {
  readonly labelsDone: number
  readonly totalLabels: number
  readonly labelsComputed: number
  /** Over the last few seconds, all workers together. */
  readonly labelsPerSecond: number
  /** One worker's labeling speed, compute time only (this session), for comparison with Node. */
  readonly workerLabelsPerSecond: number
  readonly etaSeconds: number | undefined
  readonly workers: number
  readonly kernel: 'wasm' | 'reference' | undefined
}

export interface PostInitializerDeps {
  readonly store: PostMetadataStore
  readonly createWorker: () => LabelerWorkerHandle
  readonly now: () => number
  readonly locks?: LockManager
  readonly kernel?: 'wasm' | 'reference'
  /** Replaces `computeVrfDifficulty` (tests reach the search past the data with it). */
  readonly vrfDifficulty?: (numLabels: number) => bigint
}

/** What the workers of one run share: the file queue, progress and counters. */
interface RunState {
  readonly layout: PostLayout
  readonly queue: number[]
  readonly records: Map<number, PostFileRecord>
  readonly done: number[]
  computed: number
  sessionLabels: number
  sessionComputeMs: number
  kernel: 'wasm' | 'reference' | undefined
  report: () => void
}

/** Name of the Web Lock that makes one tab per origin the labeler (DESIGN.md §8). */
export const postLockName = 'spacemesh-post-init'

/** Labels per step of the VRF nonce search past the data. */
const vrfSearchBatch = 4096

/** Aim for batches of about this long, so pause is quick and progress smooth. */
const targetBatchMs = 250

/**
 * The labeler pool. Files are the unit of work: each worker takes the next unfinished file,
 * opens it exclusively, and appends batches to it; after every flushed batch the file's
 * progress and smallest label go to IndexedDB in one transaction. Everything runs under a Web
 * Lock, so a second tab cannot write the same files.
 */
export class PostInitializer {
  #paused = false
  readonly #deps: PostInitializerDeps

  constructor(deps: PostInitializerDeps) {
    this.#deps = deps
  }

  /** Stops after the batches in flight; `run` then resolves `'paused'`. */
  pause(): void {
    this.#paused = true
  }

  async run(workerCount: number, onProgress: (p: PostInitProgress) => void): Promise<'done' | 'paused'> {
    this.#paused = false
    const locks = this.#deps.locks ?? navigator.locks
    return locks.request(postLockName, { ifAvailable: true }, async (lock) => {
      if (lock === null) {
        throw new PostStoreError('locked-elsewhere', 'PoST initialization is running in another tab')
      }
      return this.#runLocked(workerCount, onProgress)
    })
  }

  async #runLocked(
    workerCount: number,
    onProgress: (p: PostInitProgress) => void,
  ): Promise<'done' | 'paused'> {
    const { store } = this.#deps
    const alloc = await store.getAllocation()
    if (alloc === undefined) throw new PostStoreError('not-initialized', 'no PoST allocation to initialize')
    const layout = computePostLayout(alloc.numUnits, alloc.labelsPerUnit, alloc.labelsPerFile)
    const records = new Map((await store.getFiles()).map((f) => [f.fileIndex, f]))
    const done = new Array<number>(layout.fileCount).fill(0)
    for (const [i, f] of records) if (i < layout.fileCount) done[i] = f.labelsRecorded
    const queue = [...done.keys()].filter((i) => (done[i] as number) < labelsInFile(layout, i))
    const poolSize = Math.max(1, Math.min(workerCount, queue.length))
    const run: RunState = {
      layout,
      queue,
      records,
      done,
      computed: alloc.labelsComputed,
      sessionLabels: 0,
      sessionComputeMs: 0,
      kernel: undefined,
      report: () => {},
    }
    const samples: Array<[number, number]> = []
    run.report = () => {
      const labelsDone = done.reduce((a, b) => a + b, 0)
      const t = this.#deps.now()
      samples.push([t, run.computed])
      while (samples.length > 2 && t - (samples[0] as [number, number])[0] > 5000) samples.shift()
      const [t0, c0] = samples[0] as [number, number]
      const rate = t > t0 ? ((run.computed - c0) * 1000) / (t - t0) : 0
      const left = layout.totalLabels - labelsDone
      onProgress({
        labelsDone,
        totalLabels: layout.totalLabels,
        labelsComputed: run.computed,
        labelsPerSecond: rate,
        workerLabelsPerSecond:
          run.sessionComputeMs > 0 ? (run.sessionLabels * 1000) / run.sessionComputeMs : 0,
        etaSeconds: rate > 0 ? left / rate : left === 0 ? 0 : undefined,
        workers: poolSize,
        kernel: run.kernel,
      })
    }
    run.report()

    const workers = Array.from({ length: poolSize }, () => this.#deps.createWorker())
    try {
      const settled = await Promise.allSettled(
        workers.map(async (w) => {
          try {
            await this.#labelFiles(w, alloc, run)
          } catch (err) {
            // Stop the others after their batch in flight, so no write is cut short.
            this.#paused = true
            throw err
          }
        }),
      )
      const failure = settled.find((r) => r.status === 'rejected')
      if (failure !== undefined) throw failure.reason
      if (this.#paused && done.some((d, i) => d < labelsInFile(layout, i))) return 'paused'
      if (!(await this.#finish(alloc, layout, workers[0] as LabelerWorkerHandle))) return 'paused'
    } catch (err) {
      this.#paused = true
      throw toPostStoreError(err)
    } finally {
      for (const w of workers) w.terminate()
    }
    run.report()
    return 'done'
  }

  /** One worker's loop: take the next unfinished file, append batches until done or paused. */
  async #labelFiles(w: LabelerWorkerHandle, alloc: PostAllocationRecord, run: RunState): Promise<void> {
    const { store } = this.#deps
    const config = {
      dir: alloc.dir,
      commitment: alloc.commitment,
      scryptN: alloc.scryptN,
      labelsPerFile: alloc.labelsPerFile,
      ...(this.#deps.kernel === undefined ? {} : { kernel: this.#deps.kernel }),
    }
    run.kernel = (await w.api.configure(config)).kernel
    let batch = 8
    for (let f = run.queue.shift(); f !== undefined && !this.#paused; f = run.queue.shift()) {
      const fileLabels = labelsInFile(run.layout, f)
      let record = await this.#reconcile(w, f, fileLabels, run.records.get(f))
      run.done[f] = record.labelsRecorded
      run.report()
      while (record.labelsRecorded < fileLabels && !this.#paused) {
        const r = await w.api.labelBatch(f, batch)
        const better = record.minLabel === undefined || compareLabels(r.minLabel, record.minLabel) < 0
        record = {
          fileIndex: f,
          labelsRecorded: r.labelsInFile,
          ...(better ? { minIndex: Number(r.minIndex), minLabel: r.minLabel } : pickMin(record)),
        }
        await store.recordFile(record, r.count)
        run.computed += r.count
        run.sessionLabels += r.count
        run.sessionComputeMs += r.computeMs
        run.done[f] = r.labelsInFile
        batch = Math.max(
          1,
          Math.min(1 << 16, Math.round((r.count * targetBatchMs) / Math.max(1, r.computeMs))),
        )
        run.report()
      }
      run.records.set(f, record)
    }
    await w.api.closeFiles()
  }

  /** Brings a file's record in line with the file itself before writing more to it. */
  async #reconcile(
    w: LabelerWorkerHandle,
    f: number,
    fileLabels: number,
    record: PostFileRecord | undefined,
  ): Promise<PostFileRecord> {
    const inFile = await w.api.openFile(f, fileLabels)
    const recorded = record?.labelsRecorded ?? 0
    if (record !== undefined && inFile === recorded) return record
    if (record === undefined && inFile === 0) return { fileIndex: f, labelsRecorded: 0 }
    // Written but not recorded (tab closed between flush and commit): find the new labels' minimum
    // from the bytes on disk. A file shorter than recorded lost data: rescan what is left.
    const from = inFile > recorded ? recorded : 0
    const found = await w.api.recoverMin(f, from)
    const keep = from > 0 && record !== undefined ? pickMin(record) : {}
    let next: PostFileRecord = { fileIndex: f, labelsRecorded: inFile, ...keep }
    if (
      found !== undefined &&
      (next.minLabel === undefined || compareLabels(found.minLabel, next.minLabel) < 0)
    ) {
      next = { ...next, minIndex: Number(found.minIndex), minLabel: found.minLabel }
    }
    await this.#deps.store.recordFile(next, 0)
    return next
  }

  /**
   * Records the VRF nonce. When no stored label is below the difficulty (p ≈ 0.03 %), labels past
   * the data are computed, not stored, until one is, saving `lastPosition` as Go does
   * (post-poet.md §1.3). Returns false if paused meanwhile.
   */
  async #finish(alloc: PostAllocationRecord, layout: PostLayout, w: LabelerWorkerHandle): Promise<boolean> {
    const { store } = this.#deps
    const difficulty = (this.#deps.vrfDifficulty ?? computeVrfDifficulty)(layout.totalLabels)
    let vrf = selectVrfNonce(await store.getFiles(), difficulty)
    let current = (await store.getAllocation()) ?? alloc
    let position = current.lastPosition ?? layout.totalLabels
    while (vrf === undefined) {
      if (this.#paused) return false
      const r = await w.api.computeMin(BigInt(position), vrfSearchBatch)
      position += vrfSearchBatch
      if (readBigEndian(r.minLabel) < difficulty) vrf = { nonce: Number(r.minIndex), nonceValue: r.minLabel }
      current = { ...current, lastPosition: position }
      await store.putAllocation(current)
    }
    await store.putAllocation({ ...current, nonce: vrf.nonce, nonceValue: vrf.nonceValue })
    return true
  }
}

function pickMin(r: PostFileRecord): { minIndex?: number; minLabel?: Uint8Array } {
  return r.minIndex === undefined || r.minLabel === undefined
    ? {}
    : { minIndex: r.minIndex, minLabel: r.minLabel }
}

function toPostStoreError(err: unknown): PostStoreError {
  if (err instanceof PostStoreError) return err
  const e = err as { name?: string; message?: string } | undefined
  if (e?.name === 'QuotaExceededError') {
    return new PostStoreError('quota-exceeded', `storage quota exceeded while writing labels: ${e.message}`, {
      cause: err,
    })
  }
  return new PostStoreError('worker-failed', `a labeler worker failed: ${e?.message ?? String(err)}`, {
    cause: err,
  })
}
