import { blake3 } from '@noble/hashes/blake3.js'

/** The PoST commitment `blake3(nodeId ‖ commitmentAtxId)` (post-rs `calc_commitment`, post-poet.md §1.1). */
export function computeCommitment(nodeId: Uint8Array, commitmentAtxId: Uint8Array): Uint8Array {
  if (nodeId.length !== 32) throw new RangeError(`expected 32-byte nodeId, got ${nodeId.length}`)
  if (commitmentAtxId.length !== 32) {
    throw new RangeError(`expected 32-byte commitmentAtxId, got ${commitmentAtxId.length}`)
  }
  const input = new Uint8Array(64)
  input.set(nodeId, 0)
  input.set(commitmentAtxId, 32)
  return blake3(input)
}
