import { type Remote, wrap } from 'comlink'
import type { PostParams } from '../../core/params/presets.ts'
import { formatPostMetadata } from '../../core/post/formatPostMetadata.ts'
import { POST_METADATA_FILE } from '../../core/post/PostMetadata.ts'
import type {
  LabelCheckResult,
  LabelerWorkerApi,
  ProveResult,
  ProverAllocation,
  ProverWorkerApi,
  VerifyResult,
} from '../../workers/postWorkerContract.ts'
import { checkPostStorage, type PostStorageCheck } from './checkPostStorage.ts'
import { computePostLayout, labelsInFile } from './computePostLayout.ts'
import { createPostAllocation } from './createPostAllocation.ts'
import {
  openPostMetadataStore,
  type PostAllocationRecord,
  type PostMetadataStore,
} from './openPostMetadataStore.ts'
import { PostInitializer, type PostInitProgress, postLockName } from './PostInitializer.ts'
import { PostStoreError } from './PostStoreError.ts'
import { readPostFileLabels } from './readPostFileLabels.ts'

/** Progress of the labeling tab, for the others (DESIGN.md §8: one leader tab, others follow). */
const postChannelName = 'spacemesh-post-progress'

export interface PostStatus {
  readonly allocation: PostAllocationRecord | undefined
  /** Whole labels on disk, from the OPFS file sizes. */
  readonly labelsDone: number
  readonly totalLabels: number
  /** Another tab holds the PoST lock (it is labeling or proving). */
  readonly lockedElsewhere: boolean
}

/**
 * The page's handle on the origin's one PoST allocation: metadata in IndexedDB, labels in OPFS,
 * a pool of labeler workers and a prover worker. The UI state class talks only to this.
 */
export class BrowserPost {
  readonly #store: PostMetadataStore
  #initializer: PostInitializer | undefined
  #running = false
  #prover: Remote<ProverWorkerApi> | undefined

  private constructor(store: PostMetadataStore) {
    this.#store = store
  }

  static async open(): Promise<BrowserPost> {
    return new BrowserPost(await openPostMetadataStore())
  }

  async status(): Promise<PostStatus> {
    const allocation = await this.#store.getAllocation()
    const held = await navigator.locks.query()
    // Only an exclusive holder labels; a follower's shared request (followOtherTab) holds the lock
    // for an instant when it is granted, and must not make this tab think the files are busy.
    const lockedElsewhere =
      !this.#running && (held.held ?? []).some((l) => l.name === postLockName && l.mode === 'exclusive')
    if (allocation === undefined) return { allocation, labelsDone: 0, totalLabels: 0, lockedElsewhere }
    const layout = computePostLayout(allocation.numUnits, allocation.labelsPerUnit, allocation.labelsPerFile)
    const labels = lockedElsewhere ? [] : await readPostFileLabels(allocation.dir, layout.fileCount)
    return {
      allocation,
      labelsDone: labels.reduce((a, b, i) => a + Math.min(b, labelsInFile(layout, i)), 0),
      totalLabels: layout.totalLabels,
      lockedElsewhere,
    }
  }

  /** Checks and asks for storage for `numUnits` of `params`, minus what is already written. */
  async checkStorage(params: PostParams, numUnits: number): Promise<PostStorageCheck> {
    const { labelsDone } = await this.status()
    return checkPostStorage((numUnits * params.labelsPerUnit - labelsDone) * 16)
  }

  /** Records a new allocation; an existing one must be discarded first. */
  async create(params: PostParams, numUnits: number, nodeId?: Uint8Array, commitmentAtxId?: Uint8Array) {
    if ((await this.#store.getAllocation()) !== undefined) {
      throw new PostStoreError('metadata-mismatch', 'a PoST allocation already exists; discard it first')
    }
    // Until the node's identity key is wired in, a random id stands for it (kept in the metadata).
    const record = createPostAllocation({
      params,
      numUnits,
      nodeId: nodeId ?? crypto.getRandomValues(new Uint8Array(32)),
      commitmentAtxId: commitmentAtxId ?? new Uint8Array(32),
    })
    await this.#store.putAllocation(record)
    return record
  }

  /** Labels until done or paused; resumes from the files on disk. */
  async initialize(workers: number, onProgress: (p: PostInitProgress) => void): Promise<'done' | 'paused'> {
    const init = new PostInitializer({
      store: this.#store,
      createWorker: () => {
        const worker = new Worker(new URL('../../workers/labeler.worker.ts', import.meta.url), {
          type: 'module',
        })
        const api = wrap<LabelerWorkerApi>(worker) as unknown as LabelerWorkerApi
        return { api, terminate: () => worker.terminate() }
      },
      now: () => performance.now(),
    })
    this.#initializer = init
    this.#running = true
    try {
      const channel = new BroadcastChannel(postChannelName)
      const outcome = await init
        .run(workers, (p) => {
          onProgress(p)
          channel.postMessage(p)
        })
        .finally(() => channel.close())
      if (outcome === 'done') await this.#writeMetadataFile()
      return outcome
    } finally {
      this.#running = false
      this.#initializer = undefined
    }
  }

  /**
   * For a tab that found the lock taken: follows the labeling tab's progress over a
   * BroadcastChannel and resolves once the lock is free again. Returns a function that stops.
   */
  followOtherTab(onProgress: (p: PostInitProgress) => void, onReleased: () => void): () => void {
    const channel = new BroadcastChannel(postChannelName)
    channel.onmessage = (e: MessageEvent<PostInitProgress>) => onProgress(e.data)
    const stop = new AbortController()
    // A shared request waits behind the exclusive holder and is granted when it lets go.
    navigator.locks
      .request(postLockName, { mode: 'shared', signal: stop.signal }, async () => {})
      .then(
        () => {
          channel.close()
          onReleased()
        },
        () => channel.close(),
      )
    return () => {
      stop.abort()
      channel.close()
    }
  }

  pause(): void {
    this.#initializer?.pause()
  }

  async prove(params: PostParams, challenge: Uint8Array): Promise<ProveResult> {
    const allocation = await this.#proverAllocation()
    return this.#withProver(true, (p) => p.prove(allocation, params, challenge))
  }

  async verify(proofBytes: Uint8Array, params: PostParams, challenge: Uint8Array): Promise<VerifyResult> {
    const allocation = await this.#proverAllocation()
    return this.#withProver<VerifyResult>(false, (p) => p.verify(proofBytes, allocation, params, challenge))
  }

  /** Re-derives `sample` stored labels (seeded by `seed`) and compares them with the files. */
  async checkLabels(sample: number, seed: number): Promise<LabelCheckResult> {
    const allocation = await this.#proverAllocation()
    const scryptN = (await this.#store.getAllocation())?.scryptN ?? 0
    return this.#withProver(true, (p) => p.checkLabels(allocation, scryptN, sample, seed))
  }

  /** Deletes the labels and the metadata. */
  async discard(): Promise<void> {
    const allocation = await this.#store.getAllocation()
    await navigator.locks.request(postLockName, { ifAvailable: true }, async (lock) => {
      if (lock === null) throw new PostStoreError('locked-elsewhere', 'PoST data is in use in another tab')
      const root = await navigator.storage.getDirectory()
      await root.removeEntry(allocation?.dir ?? 'post', { recursive: true }).catch(() => undefined)
      await this.#store.clear()
    })
  }

  async #proverAllocation(): Promise<ProverAllocation> {
    const a = await this.#store.getAllocation()
    if (a?.nonce === undefined)
      throw new PostStoreError('not-initialized', 'PoST initialization is not complete')
    const { dir, nodeId, commitmentAtxId, numUnits, labelsPerUnit, labelsPerFile } = a
    return { dir, nodeId, commitmentAtxId, numUnits, labelsPerUnit, labelsPerFile }
  }

  /** One prover worker, kept warm between proving and verifying (JIT and WASM compiled once). */
  async #withProver<T>(lockFiles: boolean, use: (p: Remote<ProverWorkerApi>) => Promise<T>): Promise<T> {
    this.#prover ??= wrap<ProverWorkerApi>(
      new Worker(new URL('../../workers/prover.worker.ts', import.meta.url), { type: 'module' }),
    )
    const prover = this.#prover
    if (!lockFiles) return use(prover)
    return navigator.locks.request(postLockName, { ifAvailable: true }, async (lock) => {
      if (lock === null) throw new PostStoreError('locked-elsewhere', 'PoST data is in use in another tab')
      return use(prover)
    })
  }

  /** post-rs's `postdata_metadata.json` beside the files, so the directory is interchangeable. */
  async #writeMetadataFile(): Promise<void> {
    const a = await this.#store.getAllocation()
    if (a === undefined) return
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(a.dir, { create: true })
    const writable = await (await dir.getFileHandle(POST_METADATA_FILE, { create: true })).createWritable()
    await writable.write(
      formatPostMetadata({
        nodeId: a.nodeId,
        commitmentAtxId: a.commitmentAtxId,
        labelsPerUnit: a.labelsPerUnit,
        numUnits: a.numUnits,
        maxFileSize: a.maxFileSize,
        ...(a.nonce === undefined ? {} : { nonce: a.nonce }),
        ...(a.lastPosition === undefined ? {} : { lastPosition: a.lastPosition }),
        ...(a.nonceValue === undefined ? {} : { nonceValue: a.nonceValue.subarray(0, 16) }),
      }),
    )
    await writable.close()
  }
}
