/**
 * An account of the genvm account model (`common/types/account.go`): an address, a balance in
 * smidge (1 SMH = 10^9 smidge), the next nonce it accepts, and — once spawned — the template it
 * runs with that template's immutable state (the spawn arguments: a key, k-of-n keys, or a vault's
 * schedule). Unspawned accounts can hold funds (transfers to a computed address, genesis vaults).
 *
 * An account with no balance, nonce 0 and no template is indistinguishable from one that was
 * never touched; `VmState` never stores it, so the state root depends only on meaningful state.
 */
import type { MultiSigSpawnArgs, VaultSpawnArgs, WalletSpawnArgs } from './transactionCodecs.ts'

/** A spawned account's template and its state (genvm stores the template struct's SCALE). */
export type AccountTemplate =
  | { readonly template: 'wallet'; readonly args: WalletSpawnArgs }
  | { readonly template: 'multisig'; readonly args: MultiSigSpawnArgs }
  | { readonly template: 'vesting'; readonly args: MultiSigSpawnArgs }
  | { readonly template: 'vault'; readonly args: VaultSpawnArgs }

export interface Account {
  /** 24 bytes (`types.Address`). */
  readonly address: Uint8Array
  /** Smidge; genvm keeps uint64. */
  readonly balance: bigint
  /** The nonce the next transaction must carry at least (`NextNonce`). */
  readonly nextNonce: bigint
  /** Absent until the account is spawned. */
  readonly spawned?: AccountTemplate
}

/** The untouched account at `address`: what a lookup of an absent address returns. */
export function emptyAccount(address: Uint8Array): Account {
  return { address, balance: 0n, nextNonce: 0n }
}

/** True when the account carries no state and so is left out of `VmState`. */
export function isEmptyAccount(account: Account): boolean {
  return account.balance === 0n && account.nextNonce === 0n && account.spawned === undefined
}
