/**
 * Checks an `AccountProof` against a state root. Membership is sound whatever `leafCount` claims:
 * leaves and nodes hash under different prefixes, so a path that reaches the root proves the
 * leaf is in the tree; `leafCount` only tells which levels the node moved up alone. Malformed
 * proofs are `false`, never a throw.
 */
import { equalBytes } from '@noble/curves/utils.js'
import type { Account } from './Account.ts'
import { hashMerkleNode } from './buildMerkleLevels.ts'
import { accountLeaf } from './computeStateRoot.ts'
import type { AccountProof } from './proveAccount.ts'

/** 2^32 accounts: far beyond any network's, and it bounds a proof to 32 siblings (LIMITS.md). */
export const MAX_ACCOUNT_PROOF_DEPTH = 32

export function verifyAccountProof(root: Uint8Array, account: Account, proof: AccountProof): boolean {
  const { index, leafCount, siblings } = proof
  if (!Number.isSafeInteger(leafCount) || leafCount < 1 || leafCount > 2 ** MAX_ACCOUNT_PROOF_DEPTH)
    return false
  if (!Number.isSafeInteger(index) || index < 0 || index >= leafCount) return false
  if (siblings.length > MAX_ACCOUNT_PROOF_DEPTH) return false
  let node: Uint8Array
  try {
    node = accountLeaf(account) // throws on a balance or nonce ≥ 2^64, a bad address length
  } catch {
    return false
  }
  let i = index
  let width = leafCount
  let used = 0
  while (width > 1) {
    const hasSibling = (i ^ 1) < width
    if (hasSibling) {
      const sibling = siblings[used++]
      if (!(sibling instanceof Uint8Array) || sibling.length !== 32) return false
      node = i % 2 === 0 ? hashMerkleNode(node, sibling) : hashMerkleNode(sibling, node)
    }
    i = Math.floor(i / 2)
    width = Math.ceil(width / 2)
  }
  return used === siblings.length && root instanceof Uint8Array && equalBytes(node, root)
}
