/**
 * PoST initialization on Node (post-poet.md §1.2–1.4): labels from the WASM labeler on worker
 * threads, written in order into `postdata_N.bin` files of post-rs's layout, and
 * `postdata_metadata.json` written atomically — first without the VRF nonce, then, once every
 * label is on disk, with it. Resumable at any point: progress is read back from the files.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { compareBytes } from '../../src/core/post/compareBytes.ts'
import { computeCommitment } from '../../src/core/post/computeCommitment.ts'
import { computeVrfDifficulty } from '../../src/core/post/computeVrfDifficulty.ts'
import { formatPostMetadata } from '../../src/core/post/formatPostMetadata.ts'
import { namePostDataFile, POST_METADATA_FILE, type PostMetadata } from '../../src/core/post/PostMetadata.ts'
import { parsePostMetadata } from '../../src/core/post/parsePostMetadata.ts'
import { findStoredMinLabel } from './findStoredMinLabel.ts'
import { layoutPostData, readPostProgress } from './readPostProgress.ts'
import { startLabelWorkers } from './startLabelWorkers.ts'
import { writeFileAtomically } from './writeFileAtomically.ts'

export interface InitProgress {
  readonly labelsDone: number
  readonly numLabels: number
  /** Labels per second over this run so far. */
  readonly labelsPerSecond: number
  /** Seconds left at that rate (Infinity before the first batch). */
  readonly etaSeconds: number
}

export interface InitializePostOptions {
  readonly dir: string
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  readonly numUnits: number
  readonly labelsPerUnit: number
  readonly scryptN: number
  /** Bytes per data file; Go's default is 4 GiB. */
  readonly maxFileSize?: number
  readonly threads?: number
  /** Labels per worker job. */
  readonly batchLabels?: number
  /** Stop once this many labels are on disk (tests and partial runs); resume later. */
  readonly maxLabels?: number
  readonly signal?: AbortSignal
  readonly onProgress?: (p: InitProgress) => void
}

export interface InitializePostResult {
  readonly metadata: PostMetadata
  readonly complete: boolean
}

const DEFAULT_MAX_FILE_SIZE = 4 * 2 ** 30

export async function initializePost(o: InitializePostOptions): Promise<InitializePostResult> {
  const numLabels = o.numUnits * o.labelsPerUnit
  const maxFileSize = o.maxFileSize ?? Math.min(DEFAULT_MAX_FILE_SIZE, numLabels * 16)
  const layout = layoutPostData(numLabels, maxFileSize)
  mkdirSync(o.dir, { recursive: true })
  const metaPath = join(o.dir, POST_METADATA_FILE)
  let metadata: PostMetadata = {
    nodeId: o.nodeId,
    commitmentAtxId: o.commitmentAtxId,
    labelsPerUnit: o.labelsPerUnit,
    numUnits: o.numUnits,
    maxFileSize,
  }
  if (existsSync(metaPath)) {
    const stored = parsePostMetadata(readFileSync(metaPath, 'utf8'))
    checkSameAllocation(stored, metadata)
    if (stored.nonce !== undefined && readPostProgress(o.dir, layout) === numLabels) {
      return { metadata: stored, complete: true }
    }
  } else {
    writeFileAtomically(metaPath, formatPostMetadata(metadata))
  }

  const commitment = computeCommitment(o.nodeId, o.commitmentAtxId)
  let done = readPostProgress(o.dir, layout)
  let best = done > 0 ? findStoredMinLabel(o.dir, layout, done, commitment, o.scryptN) : undefined
  const target = Math.min(numLabels, o.maxLabels ?? numLabels)
  const threads = o.threads ?? 1
  const batch = o.batchLabels ?? 1024
  const workers = await startLabelWorkers(threads)
  const started = performance.now()
  const startDone = done
  try {
    // Keep two jobs per thread in flight; results are written strictly in label order.
    const inFlight: Array<ReturnType<typeof workers.label>> = []
    let next = done
    const fill = () => {
      while (inFlight.length < 2 * threads && next < target && !o.signal?.aborted) {
        const count = Math.min(batch, target - next)
        inFlight.push(workers.label({ commitment, n: o.scryptN, start: next, count }))
        next += count
      }
    }
    fill()
    while (inFlight.length > 0) {
      const result = await inFlight.shift()!
      appendLabels(o.dir, layout, done, result.labels)
      done += result.labels.length / 16
      if (best === undefined || compareBytes(result.minLabel, best.value) < 0) {
        best = { value: result.minLabel, index: result.minIndex }
      }
      const seconds = (performance.now() - started) / 1000
      const rate = (done - startDone) / Math.max(seconds, 1e-3)
      o.onProgress?.({
        labelsDone: done,
        numLabels,
        labelsPerSecond: rate,
        etaSeconds: (numLabels - done) / rate,
      })
      fill()
    }
    if (done < numLabels || best === undefined) return { metadata, complete: false }

    // §1.3: if no stored label is below the VRF threshold, keep labelling past the data.
    const threshold = computeVrfDifficulty(numLabels)
    let position = numLabels
    while (compareBytes(best.value, threshold) >= 0) {
      const r = await workers.label({ commitment, n: o.scryptN, start: position, count: batch })
      if (compareBytes(r.minLabel, best.value) < 0) best = { value: r.minLabel, index: r.minIndex }
      position += batch
    }
    metadata = {
      ...metadata,
      nonce: best.index,
      nonceValue: best.value.slice(0, 16),
      ...(position > numLabels ? { lastPosition: position } : {}),
    }
    writeFileAtomically(metaPath, formatPostMetadata(metadata))
    return { metadata, complete: true }
  } finally {
    await workers.close()
  }
}

function checkSameAllocation(stored: PostMetadata, wanted: PostMetadata): void {
  const same = (a: Uint8Array, b: Uint8Array) => compareBytes(a, b) === 0
  const diffs: string[] = []
  if (!same(stored.nodeId, wanted.nodeId)) diffs.push('NodeId')
  if (!same(stored.commitmentAtxId, wanted.commitmentAtxId)) diffs.push('CommitmentAtxId')
  for (const k of ['labelsPerUnit', 'numUnits', 'maxFileSize'] as const) {
    if (stored[k] !== wanted[k]) diffs.push(`${k} (stored ${stored[k]}, requested ${wanted[k]})`)
  }
  if (diffs.length > 0) throw new Error(`the directory holds another allocation: ${diffs.join(', ')} differ`)
}

/** Appends labels starting at label `first`, which is where the files end. */
function appendLabels(
  dir: string,
  layout: { labelsPerFile: number },
  first: number,
  labels: Uint8Array,
): void {
  let written = 0
  while (written < labels.length / 16) {
    const index = first + written
    const f = Math.floor(index / layout.labelsPerFile)
    const n = Math.min(
      labels.length / 16 - written,
      layout.labelsPerFile - (index - f * layout.labelsPerFile),
    )
    const fd = openSync(join(dir, namePostDataFile(f)), 'a')
    try {
      writeSync(fd, labels, written * 16, n * 16)
    } finally {
      closeSync(fd)
    }
    written += n
  }
}
