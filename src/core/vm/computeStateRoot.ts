/**
 * Root of the account state Merkle tree (`buildMerkleLevels.ts`): accounts sorted by address,
 * so the root depends on the accounts only, never on the order they entered the map.
 */
import type { Account } from './Account.ts'
import { buildMerkleLevels, EMPTY_STATE_ROOT, hashAccountLeaf } from './buildMerkleLevels.ts'
import { encodeAccount } from './encodeAccount.ts'

// Accounts are immutable objects: a leaf hash computed once stays right for that object.
const leafCache = new WeakMap<Account, Uint8Array>()

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
  const levels = buildMerkleLevels(sortedAccounts(accounts).map(accountLeaf))
  return levels[levels.length - 1]![0]!
}
