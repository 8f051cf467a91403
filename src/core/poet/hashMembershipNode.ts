/** Internal node of the membership tree: `blake3(0x01 ‖ left ‖ right)` (poet
 * `shared.HashMembershipTreeNode`); the 0x01 prefix keeps a node from passing as a leaf. */
import { blake3 } from '@noble/hashes/blake3.js'

export function hashMembershipNode(left: Uint8Array, right: Uint8Array): Uint8Array {
  const h = blake3.create()
  h.update(new Uint8Array([0x01]))
  h.update(left)
  h.update(right)
  return h.digest()
}
