import { compareBytes } from '../core/post/compareBytes.ts'
import { LABEL_BYTES } from '../core/post/computeLabel.ts'

/**
 * Positions of the smallest 16-byte label in `labels` (all of them when several tie). Stored
 * labels are truncated, so only these candidates need their full 32 bytes recomputed to find the
 * smallest full label (the Go initializer does the same on ties, post-poet.md §1.3).
 */
export function findSmallestLabels(labels: Uint8Array): number[] {
  const count = Math.floor(labels.length / LABEL_BYTES)
  let best: number[] = []
  let min: Uint8Array | undefined
  for (let k = 0; k < count; k++) {
    const label = labels.subarray(k * LABEL_BYTES, (k + 1) * LABEL_BYTES)
    const order = min === undefined ? -1 : compareBytes(label, min)
    if (order < 0) {
      min = label
      best = [k]
    } else if (order === 0) best.push(k)
  }
  return best
}
