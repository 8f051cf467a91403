/**
 * The one typed contract between the page and the PoST workers (comlink proxies these
 * interfaces). Labeler workers write labels into OPFS in post-rs's layout
 * (`postdata_{i}.bin`, 16-byte labels, no header; post-poet.md §1.2); the prover worker
 * reads them back and proves or verifies.
 */
import type { PostParams } from '../core/params/presets.ts'
import type { PostProof } from '../core/post/PostProof.ts'

/** What every labeler worker in a pool needs to know about the allocation. */
export interface LabelerConfig {
  /** OPFS directory (under the origin root) that holds the `postdata_N.bin` files. */
  readonly dir: string
  /** `blake3(nodeId ‖ commitmentAtxId)`, 32 bytes. */
  readonly commitment: Uint8Array
  readonly scryptN: number
  readonly labelsPerFile: number
  /** Force the TypeScript reference labeler (tests and the WASM-less fallback). */
  readonly kernel?: 'wasm' | 'reference'
}

/** One batch appended to a file, as reported back to the pool. */
export interface LabelBatchResult {
  readonly fileIndex: number
  /** Labels in the file after this batch. */
  readonly labelsInFile: number
  readonly count: number
  /** Global index and full 32-byte value of the batch's smallest label (VRF nonce candidate). */
  readonly minIndex: bigint
  readonly minLabel: Uint8Array
  /** Time spent computing the labels (not writing), ms. */
  readonly computeMs: number
}

export interface LabelerWorkerApi {
  /** Loads the labeler kernel; says which one runs. */
  configure(config: LabelerConfig): Promise<{ kernel: 'wasm' | 'reference' }>
  /**
   * Opens file `fileIndex` for exclusive writing and returns how many whole labels it holds,
   * after truncating a partial trailing label or anything beyond `fileLabels`.
   */
  openFile(fileIndex: number, fileLabels: number): Promise<number>
  /** Computes the next `count` labels of an open file, appends and flushes them. */
  labelBatch(fileIndex: number, count: number): Promise<LabelBatchResult>
  /**
   * The smallest label among those already in an open file from label `fromLabel` on, with its
   * full 32-byte value recomputed (one label, or a few on a 16-byte tie): used when a tab closed
   * after writing a batch but before recording it, so nothing written is labeled again.
   */
  recoverMin(
    fileIndex: number,
    fromLabel: number,
  ): Promise<{ minIndex: bigint; minLabel: Uint8Array } | undefined>
  /** The smallest full label of `count` labels from `firstIndex`, computed and not stored. */
  computeMin(firstIndex: bigint, count: number): Promise<{ minIndex: bigint; minLabel: Uint8Array }>
  /** Closes every open access handle (pause, completion, or before another tab takes over). */
  closeFiles(): Promise<void>
}

/** The allocation a proof is about, as the prover worker needs it. */
export interface ProverAllocation {
  readonly dir: string
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  readonly numUnits: number
  readonly labelsPerUnit: number
  readonly labelsPerFile: number
}

/** The preset's PoST parameters (`PostParams` of `src/core/params/presets.ts`). */
export type ProverParams = PostParams

export interface ProveResult {
  /** The proof fields as post-rs names them (post-poet.md §2.4). */
  readonly proof: PostProof
  /** The proof's SCALE bytes, as inside an ATX. */
  readonly proofBytes: Uint8Array
  readonly proveMs: number
  /** Of which reading labels from OPFS. */
  readonly readMs: number
  readonly kernel: 'wasm' | 'reference'
}

export type VerifyResult =
  | { readonly ok: true; readonly verifyMs: number }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly verifyMs: number }

/** Outcome of re-deriving a sample of stored labels. */
export interface LabelCheckResult {
  readonly checked: number
  /** Global indices whose stored label differs from the recomputed one (at most 16 listed). */
  readonly mismatches: readonly number[]
  readonly mismatchCount: number
  readonly ms: number
}

export interface ProverWorkerApi {
  /**
   * Recomputes `sample` stored labels (all when `sample` ≥ the allocation) at indices drawn from
   * `seed`, and compares them with the bytes in OPFS: finds corruption before a proof fails.
   */
  checkLabels(
    allocation: ProverAllocation,
    scryptN: number,
    sample: number,
    seed: number,
  ): Promise<LabelCheckResult>
  /** Proves `challenge` (32 bytes) over the labels in OPFS with the WASM AES scan kernel. */
  prove(allocation: ProverAllocation, params: ProverParams, challenge: Uint8Array): Promise<ProveResult>
  /** Verifies SCALE proof bytes against the allocation's identity (post-rs `verify`, all K3). */
  verify(
    proofBytes: Uint8Array,
    allocation: ProverAllocation,
    params: ProverParams,
    challenge: Uint8Array,
  ): Promise<VerifyResult>
}
