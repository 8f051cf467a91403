/**
 * The VRF-nonce candidate among labels already on disk, for a resumed initialization: files keep
 * only 16 of the 32 bytes, so find the smallest stored prefix, then recompute the full label of
 * every index sharing it (Go does the same on prefix ties, post-poet.md §1.3).
 */
import { compareBytes } from '../../src/core/post/compareBytes.ts'
import { computeLabelFull } from '../../src/core/post/computeLabel.ts'
import { openPostData } from './openPostData.ts'
import type { PostLayout } from './readPostProgress.ts'

const CHUNK = 1 << 16

export function findStoredMinLabel(
  dir: string,
  layout: PostLayout,
  count: number,
  commitment: Uint8Array,
  n: number,
): { value: Uint8Array; index: number } {
  const reader = openPostData(dir, layout)
  let prefix: Uint8Array | undefined
  let ties: number[] = []
  try {
    for (let start = 0; start < count; start += CHUNK) {
      const labels = reader.readLabels(start, Math.min(CHUNK, count - start))
      for (let i = 0; i < labels.length / 16; i++) {
        const label = labels.subarray(16 * i, 16 * i + 16)
        const c = prefix === undefined ? -1 : compareBytes(label, prefix)
        if (c < 0) {
          prefix = label.slice()
          ties = [start + i]
        } else if (c === 0) ties.push(start + i)
      }
    }
  } finally {
    reader.close()
  }
  let best: { value: Uint8Array; index: number } | undefined
  for (const index of ties) {
    const value = computeLabelFull(commitment, index, n)
    if (best === undefined || compareBytes(value, best.value) < 0) best = { value, index }
  }
  if (best === undefined) throw new RangeError('findStoredMinLabel: expected at least one stored label')
  return best
}
