import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { BrowserPost } from '../../browser/post/BrowserPost.ts'
import type { PostInitProgress } from '../../browser/post/PostInitializer.ts'
import { PostStoreError } from '../../browser/post/PostStoreError.ts'
import { type PostParams, standalone } from '../../core/params/presets.ts'

/** Byte counts on the smeshing page read as the storage check's messages do. */
export { formatBytes } from '../../browser/post/checkPostStorage.ts'

export type SmeshingPhase =
  | 'loading'
  | 'idle'
  | 'checking'
  | 'labeling'
  | 'pausing'
  | 'paused'
  | 'done'
  | 'locked'
  | 'error'

export interface ProofView {
  readonly nonce: number
  readonly pow: string
  readonly indicesHex: string
  readonly proofHex: string
  readonly proveMs: number
  readonly readMs: number
  readonly kernel: string
}

export interface VerificationView {
  readonly ok: boolean
  readonly detail: string
  readonly verifyMs: number
}

/**
 * Reactive state of the Smeshing page: PoST initialization in OPFS by a pool of labeler workers,
 * then proving and verifying in a prover worker. All work is in `src/browser/post`; this class
 * only carries state to the component.
 */
export class SmeshingState {
  readonly params: PostParams = standalone.post
  phase = $state<SmeshingPhase>('loading')
  units = $state(standalone.post.minNumUnits)
  workers = $state(Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2))
  labelsDone = $state(0)
  totalLabels = $state(0)
  labelsComputed = $state(0)
  labelsPerSecond = $state(0)
  workerLabelsPerSecond = $state(0)
  etaSeconds = $state<number | undefined>(undefined)
  kernel = $state<string | undefined>(undefined)
  storage = $state<{ usage: number; quota: number; persisted: boolean } | undefined>(undefined)
  nonce = $state<number | undefined>(undefined)
  error = $state<string | undefined>(undefined)
  challengeHex = $state('00'.repeat(32))
  proving = $state(false)
  proof = $state<ProofView | undefined>(undefined)
  verification = $state<VerificationView | undefined>(undefined)
  labelCheck = $state<string | undefined>(undefined)
  #post: BrowserPost | undefined
  #unfollow: (() => void) | undefined

  get percent(): number {
    return this.totalLabels === 0 ? 0 : (100 * this.labelsDone) / this.totalLabels
  }

  get hasAllocation(): boolean {
    return this.totalLabels > 0
  }

  /** Bytes the chosen allocation takes on disk. */
  get allocationBytes(): number {
    return (this.hasAllocation ? this.totalLabels : this.units * this.params.labelsPerUnit) * 16
  }

  get etaText(): string {
    const s = this.etaSeconds
    if (s === undefined || !Number.isFinite(s)) return '—'
    if (s < 60) return `${Math.ceil(s)} s`
    if (s < 3600) return `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`
    return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
  }

  async load(): Promise<void> {
    await this.#guard(async () => {
      this.#post ??= await BrowserPost.open()
      await this.#refresh()
    })
  }

  /** Starts, or resumes after a pause, a reload or a closed tab. */
  async start(): Promise<void> {
    const post = this.#post
    if (post === undefined) return
    this.error = undefined
    await this.#guard(async () => {
      this.phase = 'checking'
      const status = await post.status()
      if (status.lockedElsewhere) {
        this.phase = 'locked'
        this.#follow()
        return
      }
      const units = status.allocation?.numUnits ?? this.units
      const check = await post.checkStorage(this.params, units)
      this.storage = { usage: check.usage, quota: check.quota, persisted: check.persisted }
      if (status.allocation === undefined) await post.create(this.params, units)
      this.phase = 'labeling'
      const outcome = await post.initialize(this.workers, (p) => this.#onProgress(p))
      await this.#refresh()
      this.phase = outcome
    })
  }

  pause(): void {
    if (this.phase !== 'labeling') return
    this.phase = 'pausing'
    this.#post?.pause()
  }

  /** Proves the challenge over the labels in OPFS, then verifies the proof, timing both. */
  async prove(): Promise<void> {
    const post = this.#post
    if (post === undefined) return
    this.proving = true
    this.proof = undefined
    this.verification = undefined
    this.error = undefined
    try {
      await this.#guard(async () => {
        const challenge = hexToBytes(this.challengeHex.trim())
        if (challenge.length !== 32)
          throw new RangeError(`expected a 32-byte challenge, got ${challenge.length}`)
        const r = await post.prove(this.params, challenge)
        this.proof = {
          nonce: r.proof.nonce,
          pow: r.proof.pow.toString(),
          indicesHex: bytesToHex(r.proof.indices),
          proofHex: bytesToHex(r.proofBytes),
          proveMs: r.proveMs,
          readMs: r.readMs,
          kernel: r.kernel,
        }
        const v = await post.verify(r.proofBytes, this.params, challenge)
        this.verification = v.ok
          ? { ok: true, detail: 'valid', verifyMs: v.verifyMs }
          : { ok: false, detail: `${v.code}: ${v.message}`, verifyMs: v.verifyMs }
      }, false)
    } finally {
      this.proving = false
    }
  }

  /** Verifies arbitrary proof bytes (hex) against this allocation and the current challenge. */
  async verifyHex(proofHex: string): Promise<void> {
    const post = this.#post
    if (post === undefined) return
    this.verification = undefined
    await this.#guard(async () => {
      const v = await post.verify(
        hexToBytes(proofHex.trim()),
        this.params,
        hexToBytes(this.challengeHex.trim()),
      )
      this.verification = v.ok
        ? { ok: true, detail: 'valid', verifyMs: v.verifyMs }
        : { ok: false, detail: `${v.code}: ${v.message}`, verifyMs: v.verifyMs }
    }, false)
  }

  /** Re-derives 0.1 % of the stored labels (at least 64) at random and compares them with OPFS. */
  async checkLabels(): Promise<void> {
    const post = this.#post
    if (post === undefined) return
    this.labelCheck = 'Checking labels…'
    await this.#guard(async () => {
      const sample = Math.max(64, Math.ceil(this.totalLabels / 1000))
      const seed = crypto.getRandomValues(new Uint32Array(1))[0] as number
      const r = await post.checkLabels(sample, seed)
      this.labelCheck =
        r.mismatchCount === 0
          ? `${r.checked} labels checked: all match (${r.ms.toFixed(0)} ms)`
          : `${r.mismatchCount} of ${r.checked} labels differ, e.g. at ${r.mismatches.join(', ')}: discard and initialize again`
    }, false)
  }

  async discard(): Promise<void> {
    await this.#guard(async () => {
      await this.#post?.discard()
      this.proof = undefined
      this.verification = undefined
      await this.#refresh()
    })
  }

  /** While another tab labels: show its progress, and take over the page once it lets go. */
  #follow(): void {
    if (this.#unfollow !== undefined || this.#post === undefined) return
    this.#unfollow = this.#post.followOtherTab(
      (p) => this.#onProgress(p),
      () => {
        this.#unfollow = undefined
        void this.#guard(() => this.#refresh())
      },
    )
  }

  #onProgress(p: PostInitProgress): void {
    this.labelsDone = p.labelsDone
    this.totalLabels = p.totalLabels
    this.labelsComputed = p.labelsComputed
    this.labelsPerSecond = p.labelsPerSecond
    this.workerLabelsPerSecond = p.workerLabelsPerSecond
    this.etaSeconds = p.etaSeconds
    this.kernel = p.kernel
  }

  /** Re-reads progress from the files and metadata, and the storage estimate. */
  async #refresh(): Promise<void> {
    const s = await this.#post?.status()
    if (s === undefined) return
    if (s.lockedElsewhere) this.#follow()
    const estimate = await navigator.storage.estimate()
    this.storage = {
      usage: estimate.usage ?? 0,
      quota: estimate.quota ?? 0,
      persisted: (await navigator.storage.persisted?.()) ?? false,
    }
    this.labelsDone = s.labelsDone
    this.totalLabels = s.totalLabels
    this.labelsComputed = s.allocation?.labelsComputed ?? 0
    this.nonce = s.allocation?.nonce
    if (s.allocation !== undefined) this.units = s.allocation.numUnits
    this.phase = s.lockedElsewhere
      ? 'locked'
      : s.allocation === undefined
        ? 'idle'
        : s.allocation.nonce !== undefined
          ? 'done'
          : 'paused'
  }

  async #guard(work: () => Promise<void>, setsPhase = true): Promise<void> {
    try {
      await work()
    } catch (err) {
      if (err instanceof PostStoreError && err.code === 'locked-elsewhere') {
        this.phase = 'locked'
        return
      }
      this.error =
        err instanceof PostStoreError ? `${err.message} (${err.code})` : String((err as Error).message ?? err)
      if (setsPhase) this.phase = 'error'
    }
  }
}
