/**
 * A membership proof of one account in the state tree, for a light client that has verified the
 * state root of a layer (DESIGN §5 "Light client": account proofs against a verified header).
 */
import { bytesToHex } from '@noble/curves/utils.js'
import type { Account } from './Account.ts'
import { buildMerkleLevels } from './buildMerkleLevels.ts'
import { accountLeaf, sortedAccounts } from './computeStateRoot.ts'
import type { VmState } from './VmState.ts'

export interface AccountProof {
  /** Position of the account among all accounts sorted by address. */
  readonly index: number
  readonly leafCount: number
  /** Sibling hashes from the leaf up; levels where the node moves up alone have none. */
  readonly siblings: readonly Uint8Array[]
}

/** The account at `address` with its proof, or undefined when the state holds no such account. */
export function proveAccount(
  state: VmState,
  address: Uint8Array,
): { account: Account; proof: AccountProof } | undefined {
  const account = state.accounts.get(bytesToHex(address))
  if (account === undefined) return undefined
  const sorted = sortedAccounts(state.accounts)
  const index = sorted.indexOf(account)
  const levels = buildMerkleLevels(sorted.map(accountLeaf))
  const siblings: Uint8Array[] = []
  let i = index
  for (const level of levels.slice(0, -1)) {
    const sibling = level[i ^ 1]
    // A copy: leaves are cached by account (computeStateRoot), so they must not escape.
    if (sibling !== undefined) siblings.push(sibling.slice())
    i >>= 1
  }
  return { account, proof: { index, leafCount: sorted.length, siblings } }
}
