/**
 * The binary Merkle tree behind the account state commitment (our design: go-spacemesh commits
 * to state with a digest of changed accounts, which cannot prove a balance; see ARCHITECTURE.md).
 *
 *   leaf = blake3(0x00 ‖ encodeAccount(account))        accounts sorted by address bytes
 *   node = blake3(0x01 ‖ left ‖ right)
 *
 * The prefixes keep a leaf from passing as a node (second-preimage). An odd node at the end of a
 * level moves up unchanged rather than being paired with itself, so no two leaf lists share a
 * root (duplicating the last node lets `[a, b, c]` and `[a, b, c, c]` collide). The empty tree's
 * root is blake3 of nothing.
 */
import { hash32 } from '../crypto/hash.ts'

const LEAF = Uint8Array.of(0)
const NODE = Uint8Array.of(1)

export function hashAccountLeaf(encodedAccount: Uint8Array): Uint8Array {
  return hash32(LEAF, encodedAccount)
}

export function hashMerkleNode(left: Uint8Array, right: Uint8Array): Uint8Array {
  return hash32(NODE, left, right)
}

export const EMPTY_STATE_ROOT: Uint8Array = hash32()

/**
 * Every level of the tree, leaves first, the root alone in the last level. `combine` hashes two
 * children (default `hashMerkleNode`; computeStateRoot passes a memo of it).
 */
export function buildMerkleLevels(
  leaves: readonly Uint8Array[],
  combine: (left: Uint8Array, right: Uint8Array) => Uint8Array = hashMerkleNode,
): Uint8Array[][] {
  const levels: Uint8Array[][] = [leaves.slice()]
  let level = levels[0]!
  while (level.length > 1) {
    const next: Uint8Array[] = []
    for (let i = 0; i + 1 < level.length; i += 2) next.push(combine(level[i]!, level[i + 1]!))
    if (level.length % 2 === 1) next.push(level[level.length - 1]!)
    levels.push(next)
    level = next
  }
  return levels
}
