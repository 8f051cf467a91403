import { compareBytes } from '../core/post/compareBytes.ts'
import { computeLabelFull, LABEL_BYTES } from '../core/post/computeLabel.ts'
import type { LabelBatch, Labeler } from './Labeler.ts'

/** The clear TypeScript labeler from `src/core/post`: the fallback when WASM cannot load. */
export function createReferenceLabeler(): Labeler {
  return {
    kind: 'reference',
    labels(commitment, n, firstIndex, count): LabelBatch {
      const labels = new Uint8Array(count * LABEL_BYTES)
      let minLabel: Uint8Array = new Uint8Array(0)
      let minIndex = firstIndex
      for (let k = 0; k < count; k++) {
        const full = computeLabelFull(commitment, firstIndex + BigInt(k), n)
        labels.set(full.subarray(0, LABEL_BYTES), k * LABEL_BYTES)
        if (k === 0 || compareBytes(full, minLabel) < 0) {
          minLabel = full
          minIndex = firstIndex + BigInt(k)
        }
      }
      return { labels, minLabel, minIndex }
    },
  }
}
