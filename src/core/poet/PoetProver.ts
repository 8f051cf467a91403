/**
 * The PoET sequential work as a resumable state machine (reference post-poet.md §3.1, poet
 * `prover.GenerateProof`). Each `step(n)` appends up to n leaves; the caller decides how long a
 * slice is and when the round's time is up, so the loop never reads a clock. Between steps the
 * only live state is the leaf count and one parked node per height — O(height) — and
 * `checkpoint()` returns exactly that; completed nodes go to the injected `PoetTreeStore`,
 * which is what `prove()` opens at the end.
 *
 * Restart: a checkpoint (`poetProverCheckpointCodec.ts` on disk) plus a store that holds at
 * least the nodes completed by then is all `fromCheckpoint` needs. Every parked node is also the
 * last node of its layer, so it is checked against the store, and the store is cut back to the
 * checkpoint's widths: the resumed prover then writes the same nodes an uninterrupted one would,
 * and a stale or foreign checkpoint is refused (`CHECKPOINT_*`) instead of yielding a wrong proof.
 */
import { createPoetHasher, type PoetHasher } from './createPoetHasher.ts'
import { generatePoetProof } from './generatePoetProof.ts'
import { MemoryPoetTreeStore, type PoetTreeStore } from './MemoryPoetTreeStore.ts'
import { PoetProofError } from './PoetProofError.ts'
import { MAX_LEAF_COUNT, NODE_SIZE, POET_T } from './poetConstants.ts'
import type { PoetProof } from './poetProofCodec.ts'

export interface PoetProverCheckpoint {
  readonly statement: Uint8Array
  readonly leafCount: number
  /** `parked[h]` is set exactly for the bits h of leafCount that are 1. */
  readonly parked: readonly (Uint8Array | undefined)[]
}

export class PoetProver {
  private readonly hasher: PoetHasher
  private readonly parked: (Uint8Array | undefined)[] = []
  private readonly scratch = new Uint8Array(NODE_SIZE)
  private readonly carry = new Uint8Array(NODE_SIZE)
  private count = 0

  constructor(
    statement: Uint8Array,
    readonly store: PoetTreeStore = new MemoryPoetTreeStore(),
  ) {
    this.hasher = createPoetHasher(statement)
  }

  /**
   * Continues from `checkpoint` over `store`, which must hold at least the nodes completed by
   * then (nodes written after it are dropped). `statement` is the round's: a checkpoint of any
   * other round is refused. Throws PoetProofError `CHECKPOINT_*`; leaves `store` untouched then.
   */
  static fromCheckpoint(
    checkpoint: PoetProverCheckpoint,
    store: PoetTreeStore,
    statement: Uint8Array,
  ): PoetProver {
    const n = checkpoint.leafCount
    if (!Number.isSafeInteger(n) || n < 0 || n > MAX_LEAF_COUNT) {
      throw new PoetProofError('CHECKPOINT_INVALID', `leafCount: expected 0..2^43, got ${n}`)
    }
    if (!equalBytes(checkpoint.statement, statement)) {
      throw new PoetProofError('CHECKPOINT_STATEMENT_MISMATCH', 'statement: checkpoint is of another round')
    }
    const widths = Array.from({ length: layersBelow(n) }, (_, h) => Math.floor(n / 2 ** h))
    if (checkpoint.parked.length > widths.length) {
      throw new PoetProofError(
        'CHECKPOINT_INVALID',
        `parked: expected at most ${widths.length} heights for ${n} leaves, got ${checkpoint.parked.length}`,
      )
    }
    for (const [h, w] of widths.entries()) {
      const node = checkpoint.parked[h]
      if ((w % 2 === 1) !== (node !== undefined)) {
        throw new PoetProofError(
          'CHECKPOINT_INVALID',
          `parked: node at height ${h} ${w % 2 === 1 ? 'missing' : 'unexpected'} for ${n} leaves`,
        )
      }
      if (store.width(h) < w) {
        throw new PoetProofError(
          'CHECKPOINT_STORE_MISMATCH',
          `store: layer ${h} holds ${store.width(h)} nodes, checkpoint needs ${w}`,
        )
      }
      if (node !== undefined && !equalBytes(node, store.read(h, w - 1))) {
        throw new PoetProofError(
          'CHECKPOINT_STORE_MISMATCH',
          `store: node (${h}, ${w - 1}) differs from the checkpoint's parked node`,
        )
      }
    }
    const prover = new PoetProver(statement, store)
    for (const [h, node] of checkpoint.parked.entries())
      if (node !== undefined) prover.parked[h] = node.slice()
    store.truncate(widths)
    prover.count = n
    return prover
  }

  get statement(): Uint8Array {
    return this.hasher.statement
  }

  get leafCount(): number {
    return this.count
  }

  /** Appends up to `maxLeaves` leaves; returns how many were added. */
  step(maxLeaves: number): number {
    const n = Math.min(maxLeaves, MAX_LEAF_COUNT - this.count)
    for (let k = 0; k < n; k++) this.addLeaf()
    return Math.max(n, 0)
  }

  /** The state to continue from (a copy); persist the store's nodes before persisting this. */
  checkpoint(): PoetProverCheckpoint {
    return {
      statement: this.statement.slice(),
      leafCount: this.count,
      // Buffers above a cleared bit are stale leftovers kept for reuse; report only live ones.
      parked: this.parked
        .slice(0, layersBelow(this.count))
        .map((p, h) => (Math.floor(this.count / 2 ** h) % 2 === 1 ? p?.slice() : undefined)),
    }
  }

  /** Opens the tree at its current size; a verifier requires at least `t` leaves. */
  prove(t: number = POET_T): PoetProof {
    if (this.count === 0) throw new RangeError('prove: no leaves yet')
    return generatePoetProof(this.store, this.hasher, this.count, t)
  }

  private addLeaf(): void {
    const index = this.count
    this.hasher.label(index, this.parked, this.carry)
    this.store.append(0, this.carry)
    // Carry the new node up while a left sibling is parked: bit h of index says whether
    // height h holds one (merkle-tree `Tree.AddLeaf`).
    let rest = index
    let h = 0
    while (rest % 2 === 1) {
      const left = this.parked[h]!
      this.hasher.node(left, this.carry, this.scratch)
      this.carry.set(this.scratch)
      this.store.append(h + 1, this.carry)
      rest = Math.floor(rest / 2)
      h++
    }
    const slot = this.parked[h]
    if (slot === undefined) this.parked[h] = this.carry.slice()
    else slot.set(this.carry)
    this.count = index + 1
  }
}

/** Layers a tree of `n` leaves has complete nodes in: ⌊log2 n⌋ + 1, or 0 for no leaves. */
function layersBelow(n: number): number {
  let h = 0
  while (2 ** h <= n) h++
  return h
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
