/**
 * The account state after some layer: an immutable map from hex address to account, and its
 * Merkle root. `applyBlock` returns a new state and never mutates the old one, so a caller keeps
 * the states it may revert to (the Tortoise can overturn Hare, protocol-spec §11.9) by holding
 * references. Hundreds of accounts (the simulator) copy in microseconds.
 */
import { bytesToHex } from '@noble/curves/utils.js'
import { type Account, emptyAccount, isEmptyAccount } from './Account.ts'
import { computeStateRoot } from './computeStateRoot.ts'

export interface VmState {
  readonly accounts: ReadonlyMap<string, Account>
  readonly root: Uint8Array
}

/** A state holding `accounts` (genesis balances, spawned or not); empty accounts are dropped. */
export function createVmState(accounts: readonly Account[]): VmState {
  const map = new Map<string, Account>()
  for (const a of accounts) {
    if (a.address.length !== 24)
      throw new RangeError(`account address: expected 24 bytes, got ${a.address.length}`)
    const key = bytesToHex(a.address)
    if (map.has(key)) throw new RangeError(`account ${key} listed twice`)
    if (!isEmptyAccount(a)) map.set(key, a)
  }
  return { accounts: map, root: computeStateRoot(map) }
}

/** The account at `address`, or the empty account when the state has none. */
export function getAccount(state: VmState, address: Uint8Array): Account {
  return state.accounts.get(bytesToHex(address)) ?? emptyAccount(address)
}
