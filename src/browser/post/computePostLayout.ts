import { LABEL_BYTES } from '../../core/post/computeLabel.ts'

export interface PostLayout {
  readonly totalLabels: number
  readonly labelsPerFile: number
  readonly fileCount: number
  /** post-rs / Go `MaxFileSize`, bytes; recorded in the metadata, never changed afterwards. */
  readonly maxFileSize: number
}

/** Smallest file post accepts (`MaxFileSize` ≥ 1024 bytes) and the Go default (4 GiB). */
const minLabelsPerFile = 1024 / LABEL_BYTES
const maxLabelsPerFile = 2 ** 32 / LABEL_BYTES

/**
 * Splits an allocation into `postdata_N.bin` files (post-poet.md §1.2). Files are the unit of
 * work of the labeler pool — one exclusive OPFS handle per file — so aim for 16 files, a power
 * of two labels each, within post's file-size bounds. Pass `labelsPerFile` to reuse a recorded
 * layout.
 */
export function computePostLayout(
  numUnits: number,
  labelsPerUnit: number,
  labelsPerFile?: number,
): PostLayout {
  const totalLabels = numUnits * labelsPerUnit
  if (!Number.isSafeInteger(totalLabels) || totalLabels <= 0) {
    throw new RangeError(`expected a positive safe label count, got ${numUnits} × ${labelsPerUnit}`)
  }
  let perFile = labelsPerFile
  if (perFile === undefined) {
    const target = 2 ** Math.floor(Math.log2(Math.max(1, totalLabels / 16)))
    perFile = Math.min(maxLabelsPerFile, Math.max(minLabelsPerFile, target))
  }
  return {
    totalLabels,
    labelsPerFile: perFile,
    fileCount: Math.ceil(totalLabels / perFile),
    maxFileSize: perFile * LABEL_BYTES,
  }
}

/** Labels file `fileIndex` holds when complete: all files are full but the last. */
export function labelsInFile(layout: PostLayout, fileIndex: number): number {
  return Math.min(layout.labelsPerFile, layout.totalLabels - fileIndex * layout.labelsPerFile)
}
