/**
 * Where an interrupted initialization resumes (post-poet.md §1.4, Go `post/initialization`):
 * progress is what the files hold. Labels are written in order, file after file, so the first
 * file shorter than its share marks the end; a file longer than its share is cut back, a torn
 * last label (a crash inside a write) is cut off, and any later file is removed. Finished labels
 * are never touched.
 */
import { existsSync, rmSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { namePostDataFile } from '../../src/core/post/PostMetadata.ts'

export interface PostLayout {
  readonly numLabels: number
  readonly labelsPerFile: number
  readonly numFiles: number
}

/** post-rs `PostMetadata::num_files` / `labels_in_file`: full files, the remainder last. */
export function layoutPostData(numLabels: number, maxFileSize: number): PostLayout {
  if (maxFileSize < 16 || maxFileSize % 16 !== 0) {
    throw new RangeError(`maxFileSize: expected a positive multiple of 16, got ${maxFileSize}`)
  }
  const labelsPerFile = maxFileSize / 16
  return { numLabels, labelsPerFile, numFiles: Math.ceil(numLabels / labelsPerFile) }
}

/** Labels complete on disk, after repairing what a crash may have left. */
export function readPostProgress(dir: string, layout: PostLayout): number {
  const { numLabels, labelsPerFile, numFiles } = layout
  let done = 0
  let ended = false
  for (let f = 0; f < numFiles; f++) {
    const path = join(dir, namePostDataFile(f))
    if (ended) {
      if (existsSync(path)) rmSync(path)
      continue
    }
    const expected = Math.min(labelsPerFile, numLabels - f * labelsPerFile) * 16
    const size = existsSync(path) ? statSync(path).size : 0
    const keep = Math.min(expected, size - (size % 16))
    if (keep !== size) truncateSync(path, keep)
    done += keep / 16
    if (keep < expected) ended = true
  }
  return done
}
