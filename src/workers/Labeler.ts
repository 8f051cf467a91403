/**
 * The labeler kernel a labeler worker drives: the shape of helper W's WASM binding
 * (`src/post-wasm`), so the TypeScript reference can stand in for it.
 */
export interface LabelBatch {
  /** `count` labels of 16 bytes each, in index order. */
  readonly labels: Uint8Array
  /** The smallest full 32-byte scrypt output in the batch (VRF nonce search, post-poet.md §1.3). */
  readonly minLabel: Uint8Array
  /** The global index of `minLabel`. */
  readonly minIndex: bigint
}

export interface Labeler {
  readonly kind: 'wasm' | 'reference'
  labels(commitment: Uint8Array, n: number, firstIndex: bigint, count: number): LabelBatch
}
