/**
 * A node of the sequential-work tree by position, with the padding rule of spacemeshos/
 * merkle-tree (reference post-poet.md §3.1): a missing right sibling is the 32-byte zero node
 * (not a hash of zeros), so a node whose subtree holds no leaf at all reads as zero, and a
 * partly filled node is hashed on the fly from its children. Complete nodes come from the store.
 */
import type { PoetHasher } from './createPoetHasher.ts'
import type { PoetTreeStore } from './MemoryPoetTreeStore.ts'
import { NODE_SIZE } from './poetConstants.ts'

export function computeTreeNode(
  store: PoetTreeStore,
  hasher: PoetHasher,
  leafCount: number,
  height: number,
  index: number,
): Uint8Array {
  if (index * 2 ** height >= leafCount) return new Uint8Array(NODE_SIZE)
  if (index < store.width(height)) return store.read(height, index).slice()
  if (height === 0) throw new RangeError(`leaf ${index} is below leafCount ${leafCount} but not stored`)
  const left = computeTreeNode(store, hasher, leafCount, height - 1, 2 * index)
  const right = computeTreeNode(store, hasher, leafCount, height - 1, 2 * index + 1)
  const out = new Uint8Array(NODE_SIZE)
  hasher.node(left, right, out)
  return out
}
