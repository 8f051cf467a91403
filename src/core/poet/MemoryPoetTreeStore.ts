/**
 * Where the prover keeps the completed nodes of the sequential-work tree, layer by layer, so
 * that it can open the Fiat–Shamir leaves at the end (poet's `cache.Writer` with every layer
 * cached; reference post-poet.md §3.1). The sequential loop itself needs only the parked nodes,
 * O(height); this store is what lets a proof be produced and may be backed by files instead.
 */
import { NODE_SIZE } from './poetConstants.ts'

export interface PoetTreeStore {
  /** Appends a completed node to layer `height` (0 = leaves). */
  append(height: number, node: Uint8Array): void
  /** Completed nodes in layer `height`. */
  width(height: number): number
  /** The node at (`height`, `index`), `index < width(height)`; a view valid until the next append. */
  read(height: number, index: number): Uint8Array
  /** Drops everything after the first `widths[h]` nodes of each layer (resume from a checkpoint). */
  truncate(widths: readonly number[]): void
}

/** Growable in-memory layers: 32 bytes per node, about 64 bytes per leaf in all. */
export class MemoryPoetTreeStore implements PoetTreeStore {
  private layers: Uint8Array[] = []
  private widths: number[] = []

  append(height: number, node: Uint8Array): void {
    while (this.layers.length <= height) {
      this.layers.push(new Uint8Array(NODE_SIZE * 1024))
      this.widths.push(0)
    }
    let layer = this.layers[height]!
    const w = this.widths[height]!
    if ((w + 1) * NODE_SIZE > layer.length) {
      const grown = new Uint8Array(layer.length * 2)
      grown.set(layer)
      layer = grown
      this.layers[height] = grown
    }
    layer.set(node, w * NODE_SIZE)
    this.widths[height] = w + 1
  }

  width(height: number): number {
    return this.widths[height] ?? 0
  }

  read(height: number, index: number): Uint8Array {
    if (index < 0 || index >= this.width(height)) {
      throw new RangeError(`read: node (${height}, ${index}) not stored, layer width ${this.width(height)}`)
    }
    return this.layers[height]!.subarray(index * NODE_SIZE, (index + 1) * NODE_SIZE)
  }

  truncate(widths: readonly number[]): void {
    for (let h = 0; h < this.widths.length; h++) this.widths[h] = Math.min(this.widths[h]!, widths[h] ?? 0)
  }
}
