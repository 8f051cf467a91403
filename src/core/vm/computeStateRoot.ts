/**
 * Root of the account state Merkle tree (`buildMerkleLevels.ts`): accounts sorted by address,
 * so the root depends on the accounts only, never on the order they entered the map.
 */
import type { Account } from './Account.ts'
import { buildMerkleLevels, EMPTY_STATE_ROOT, hashAccountLeaf, hashMerkleNode } from './buildMerkleLevels.ts'
import { encodeAccount } from './encodeAccount.ts'

// Accounts are immutable objects: a leaf hash computed once stays right for that object.
const leafCache = new WeakMap<Account, Uint8Array>()

// Inner nodes by the identity of their two children. Leaves come from leafCache and inner nodes
// from here, and neither escapes computeStateRoot (it returns a copy of the root), so a pair of
// objects always holds the same bytes; a layer that changes k of n accounts rehashes only the
// O(k log n) nodes above them.
const nodeCache = new WeakMap<Uint8Array, WeakMap<Uint8Array, Uint8Array>>()

function cachedNode(left: Uint8Array, right: Uint8Array): Uint8Array {
  let byRight = nodeCache.get(left)
  if (byRight === undefined) nodeCache.set(left, (byRight = new WeakMap()))
  let node = byRight.get(right)
  if (node === undefined) byRight.set(right, (node = hashMerkleNode(left, right)))
  return node
}

export function accountLeaf(account: Account): Uint8Array {
  let leaf = leafCache.get(account)
  if (leaf === undefined) {
    leaf = hashAccountLeaf(encodeAccount(account))
    leafCache.set(account, leaf)
  }
  return leaf
}

/** Hex keys of equal length sort as their bytes do. */
export function sortedAccounts(accounts: ReadonlyMap<string, Account>): Account[] {
  return [...accounts.keys()].sort().map((k) => accounts.get(k)!)
}

export function computeStateRoot(accounts: ReadonlyMap<string, Account>): Uint8Array {
  if (accounts.size === 0) return EMPTY_STATE_ROOT
  const levels = buildMerkleLevels(sortedAccounts(accounts).map(accountLeaf), cachedNode)
  return levels[levels.length - 1]![0]!.slice()
}
