/**
 * The PoET sequential work as a resumable state machine (reference post-poet.md §3.1, poet
 * `prover.GenerateProof`). Each `step(n)` appends up to n leaves; the caller decides how long a
 * slice is and when the round's time is up, so the loop never reads a clock. Between steps the
 * only live state is the leaf count and one parked node per height — O(height) — and
 * `checkpoint()` returns exactly that; completed nodes go to the injected `PoetTreeStore`,
 * which is what `prove()` opens at the end.
 */
import { createPoetHasher, type PoetHasher } from './createPoetHasher.ts'
import { generatePoetProof } from './generatePoetProof.ts'
import { MemoryPoetTreeStore, type PoetTreeStore } from './MemoryPoetTreeStore.ts'
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

  /** Continues from a checkpoint; `store` must hold at least the nodes completed by then. */
  static resume(checkpoint: PoetProverCheckpoint, store: PoetTreeStore): PoetProver {
    const prover = new PoetProver(checkpoint.statement, store)
    const widths: number[] = []
    for (let h = 0; 2 ** h <= checkpoint.leafCount; h++) {
      widths.push(Math.floor(checkpoint.leafCount / 2 ** h))
      const hasNode = Math.floor(checkpoint.leafCount / 2 ** h) % 2 === 1
      const node = checkpoint.parked[h]
      if (hasNode !== (node !== undefined)) {
        throw new RangeError(`checkpoint: parked node at height ${h} ${hasNode ? 'missing' : 'unexpected'}`)
      }
      if (node !== undefined) prover.parked[h] = node.slice()
    }
    store.truncate(widths)
    prover.count = checkpoint.leafCount
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

  checkpoint(): PoetProverCheckpoint {
    return {
      statement: this.statement,
      leafCount: this.count,
      // Buffers above a cleared bit are stale leftovers kept for reuse; report only live ones.
      parked: this.parked.map((p, h) => (Math.floor(this.count / 2 ** h) % 2 === 1 ? p?.slice() : undefined)),
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
