/**
 * The membership tree of a PoET round (poet `shared.HashMembershipTreeNode`, go-spacemesh
 * `activation` membership check; reference post-poet.md §3.3): leaves are the registered
 * challenges in ascending node-id order, internal nodes `blake3(0x01 ‖ left ‖ right)`, a missing
 * right sibling is the 32-byte zero node. Its root is the statement the sequential work is
 * salted with, so a proof for the round proves elapsed time after every member's challenge.
 * The 0x01 prefix keeps an internal node from being read as a 64-byte leaf.
 */
import { hashMembershipNode } from './hashMembershipNode.ts'
import { NODE_SIZE } from './poetConstants.ts'

export interface MembershipProof {
  readonly leafIndex: number
  /** Siblings from the leaf upwards; their count is the tree height. */
  readonly nodes: readonly Uint8Array[]
}

export interface MembershipTree {
  readonly root: Uint8Array
  readonly leafCount: number
  proveMember(leafIndex: number): MembershipProof
}

const ZERO = new Uint8Array(NODE_SIZE)

/** Builds the tree over `leaves` (already in node-id order); every leaf must be 32 bytes. */
export function buildMembershipTree(leaves: readonly Uint8Array[]): MembershipTree {
  if (leaves.length === 0) throw new RangeError('buildMembershipTree: expected at least one member')
  for (const [i, leaf] of leaves.entries()) {
    if (leaf.length !== NODE_SIZE)
      throw new RangeError(`member ${i}: expected ${NODE_SIZE} bytes, got ${leaf.length}`)
  }
  const layers: Uint8Array[][] = [leaves.map((l) => l.slice())]
  while (layers[layers.length - 1]!.length > 1) {
    const below = layers[layers.length - 1]!
    const above: Uint8Array[] = []
    for (let i = 0; i < below.length; i += 2) above.push(hashMembershipNode(below[i]!, below[i + 1] ?? ZERO))
    layers.push(above)
  }
  return {
    root: layers[layers.length - 1]![0]!,
    leafCount: leaves.length,
    proveMember(leafIndex) {
      if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= leaves.length) {
        throw new RangeError(`leafIndex: expected 0..${leaves.length - 1}, got ${leafIndex}`)
      }
      const nodes: Uint8Array[] = []
      let index = leafIndex
      for (let h = 0; h < layers.length - 1; h++) {
        nodes.push(layers[h]![index ^ 1] ?? ZERO)
        index >>= 1
      }
      return { leafIndex, nodes }
    },
  }
}
