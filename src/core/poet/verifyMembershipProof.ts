/**
 * Checks that a challenge is a member of a PoET round's statement (go-spacemesh validation of
 * `NIPost.Membership`; reference post-poet.md §3.3). The number of siblings fixes the height.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import type { MembershipProof } from './buildMembershipTree.ts'
import { hashMembershipNode } from './hashMembershipNode.ts'
import { PoetProofError } from './PoetProofError.ts'
import { NODE_SIZE } from './poetConstants.ts'

/** Throws PoetProofError unless `member` sits at `proof.leafIndex` of the tree with `root`. */
export function verifyMembershipProof(root: Uint8Array, member: Uint8Array, proof: MembershipProof): void {
  const height = proof.nodes.length
  if (!Number.isSafeInteger(proof.leafIndex) || proof.leafIndex < 0 || proof.leafIndex >= 2 ** height) {
    throw new PoetProofError(
      'MEMBER_INDEX_OUT_OF_RANGE',
      `expected a leaf index below 2^${height}, got ${proof.leafIndex}`,
    )
  }
  for (const node of [root, member, ...proof.nodes]) {
    if (node.length !== NODE_SIZE)
      throw new PoetProofError('BAD_NODE_LENGTH', `expected ${NODE_SIZE}-byte nodes, got ${node.length}`)
  }
  let active = member
  let index = proof.leafIndex
  for (const sibling of proof.nodes) {
    active = index % 2 === 1 ? hashMembershipNode(sibling, active) : hashMembershipNode(active, sibling)
    index = Math.floor(index / 2)
  }
  if (bytesToHex(active) !== bytesToHex(root)) {
    throw new PoetProofError(
      'MEMBER_ROOT_MISMATCH',
      `path leads to ${bytesToHex(active)}, expected ${bytesToHex(root)}`,
    )
  }
}
