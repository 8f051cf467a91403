/**
 * Opens a finished sequential-work tree (reference post-poet.md §3.2): the root, the labels of
 * the Fiat–Shamir leaves and the de-duplicated siblings that let a verifier recompute the root.
 *
 * The siblings are emitted by walking the tree exactly as the verifier does (merkle-tree
 * `Validator.CalcRoot`): climb from each proven leaf; when a sibling subtree contains the next
 * proven leaf, descend into it instead of emitting it; otherwise emit the sibling (zero padding
 * included). Generating by the verifier's own walk makes the order match by construction.
 */

import { computeTreeHeight } from './computeTreeHeight.ts'
import { computeTreeNode } from './computeTreeNode.ts'
import type { PoetHasher } from './createPoetHasher.ts'
import { deriveFiatShamirIndices } from './deriveFiatShamirIndices.ts'
import type { PoetTreeStore } from './MemoryPoetTreeStore.ts'
import type { PoetProof } from './poetProofCodec.ts'

export function generatePoetProof(
  store: PoetTreeStore,
  hasher: PoetHasher,
  leafCount: number,
  t: number,
): PoetProof {
  if (store.width(0) < leafCount) {
    throw new RangeError(`generatePoetProof: ${leafCount} leaves requested, ${store.width(0)} stored`)
  }
  const node = (h: number, i: number) => computeTreeNode(store, hasher, leafCount, h, i)
  const rootHeight = computeTreeHeight(leafCount)
  const root = node(rootHeight, 0)
  const indices = deriveFiatShamirIndices(root, leafCount, t)
  const proofNodes: Uint8Array[] = []
  let next = 0

  /** Consumes the next proven leaf and climbs to `stopAt`, emitting what the verifier reads. */
  function climb(stopAt: number): void {
    let index = indices[next++]!
    for (let h = 0; h < stopAt; h++) {
      const sibling = index ^ 1
      const upcoming = indices[next]
      if (upcoming !== undefined && Math.floor(upcoming / 2 ** h) === sibling) climb(h)
      else proofNodes.push(node(h, sibling))
      index = Math.floor(index / 2)
    }
  }
  climb(rootHeight)

  return { root, provenLeaves: indices.map((i) => node(0, i)), proofNodes, leafCount }
}
