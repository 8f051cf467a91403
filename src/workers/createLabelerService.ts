import { compareBytes } from '../core/post/compareBytes.ts'
import { LABEL_BYTES } from '../core/post/computeLabel.ts'
import { findSmallestLabels } from './findSmallestLabels.ts'
import type { Labeler } from './Labeler.ts'
import { openSyncAccessHandle } from './openSyncAccessHandle.ts'
import type { LabelBatchResult, LabelerConfig, LabelerWorkerApi } from './postWorkerContract.ts'

interface OpenFile {
  readonly handle: FileSystemSyncAccessHandle
  readonly fileLabels: number
  labels: number
}

/**
 * The labeler worker's implementation. Each file is written by one worker at a time through an
 * exclusive `FileSystemSyncAccessHandle`; labels are appended in index order, so the file size
 * alone says how far a file got (post-poet.md §1.4: progress from file sizes). A label is only
 * counted once its bytes are flushed.
 */
export function createLabelerService(
  loadLabeler: (kernel: 'wasm' | 'reference') => Promise<Labeler>,
  getRoot: () => Promise<FileSystemDirectoryHandle> = () => navigator.storage.getDirectory(),
): LabelerWorkerApi {
  let config: LabelerConfig | undefined
  let labeler: Labeler | undefined
  const files = new Map<number, OpenFile>()

  const need = () => {
    if (config === undefined || labeler === undefined) throw new Error('labeler worker not configured')
    return { config, labeler }
  }

  return {
    async configure(next) {
      config = next
      labeler = await loadLabeler(next.kernel ?? 'wasm')
      return { kernel: labeler.kind }
    },

    async openFile(fileIndex, fileLabels) {
      const { config } = need()
      const existing = files.get(fileIndex)
      if (existing !== undefined) return existing.labels
      const root = await getRoot()
      const dir = await root.getDirectoryHandle(config.dir, { create: true })
      const file = await dir.getFileHandle(`postdata_${fileIndex}.bin`, { create: true })
      const handle = await openSyncAccessHandle(file)
      const size = handle.getSize()
      // A tab closed mid-write can leave a partial label; a shrunk allocation can leave extra ones.
      const labels = Math.min(Math.floor(size / LABEL_BYTES), fileLabels)
      if (size !== labels * LABEL_BYTES) {
        handle.truncate(labels * LABEL_BYTES)
        handle.flush()
      }
      files.set(fileIndex, { handle, fileLabels, labels })
      return labels
    },

    async labelBatch(fileIndex, count): Promise<LabelBatchResult> {
      const { config, labeler } = need()
      const open = files.get(fileIndex)
      if (open === undefined) throw new Error(`file ${fileIndex} is not open`)
      const todo = Math.min(count, open.fileLabels - open.labels)
      if (todo <= 0) throw new Error(`file ${fileIndex} is already complete`)
      const first = BigInt(fileIndex) * BigInt(config.labelsPerFile) + BigInt(open.labels)
      const t0 = performance.now()
      const batch = labeler.labels(config.commitment, config.scryptN, first, todo)
      const computeMs = performance.now() - t0
      const at = open.labels * LABEL_BYTES
      let written: number
      try {
        written = open.handle.write(batch.labels, { at })
      } catch (err) {
        open.handle.truncate(at)
        throw err
      }
      if (written !== batch.labels.length) {
        // Roll back to the last whole label so the file size stays the truth.
        open.handle.truncate(at)
        throw new DOMException(`wrote ${written} of ${batch.labels.length} bytes`, 'QuotaExceededError')
      }
      open.handle.flush()
      open.labels += todo
      return {
        fileIndex,
        labelsInFile: open.labels,
        count: todo,
        minIndex: batch.minIndex,
        minLabel: batch.minLabel,
        computeMs,
      }
    },

    async recoverMin(fileIndex, fromLabel) {
      const { config, labeler } = need()
      const open = files.get(fileIndex)
      if (open === undefined) throw new Error(`file ${fileIndex} is not open`)
      if (fromLabel >= open.labels) return undefined
      const bytes = new Uint8Array((open.labels - fromLabel) * LABEL_BYTES)
      open.handle.read(bytes, { at: fromLabel * LABEL_BYTES })
      const ties = findSmallestLabels(bytes)
      const base = BigInt(fileIndex) * BigInt(config.labelsPerFile) + BigInt(fromLabel)
      let best: { minIndex: bigint; minLabel: Uint8Array } | undefined
      for (const k of ties) {
        const full = labeler.labels(config.commitment, config.scryptN, base + BigInt(k), 1)
        if (best === undefined || compareBytes(full.minLabel, best.minLabel) < 0) {
          best = { minIndex: full.minIndex, minLabel: full.minLabel }
        }
      }
      return best
    },

    async computeMin(firstIndex, count) {
      const { config, labeler } = need()
      const batch = labeler.labels(config.commitment, config.scryptN, firstIndex, count)
      return { minIndex: batch.minIndex, minLabel: batch.minLabel }
    },

    async closeFiles() {
      for (const open of files.values()) {
        open.handle.flush()
        open.handle.close()
      }
      files.clear()
    },
  }
}
