/**
 * A transaction as the rest of the code sees it: a discriminated union over (template, method)
 * whose `args` type follows from the pair, so an invalid combination does not type-check.
 *
 * `template` names the template whose handler reads `args`: for a spawn it is the template being
 * spawned (written in the transaction); for spend and drain it is the principal's own template.
 * Multisig and vesting transactions are byte-identical apart from drain; the principal's account
 * state tells them apart.
 */
import type { TemplateName } from './templates.ts'
import type {
  DrainArgs,
  MultiSigPart,
  MultiSigSpawnArgs,
  SpendArgs,
  VaultSpawnArgs,
  WalletSpawnArgs,
} from './transactionCodecs.ts'

export type TransactionBody =
  | { template: 'wallet'; method: 'spawn'; args: WalletSpawnArgs }
  | { template: 'wallet'; method: 'spend'; args: SpendArgs }
  | { template: 'multisig'; method: 'spawn'; args: MultiSigSpawnArgs }
  | { template: 'multisig'; method: 'spend'; args: SpendArgs }
  | { template: 'vesting'; method: 'spawn'; args: MultiSigSpawnArgs }
  | { template: 'vesting'; method: 'spend'; args: SpendArgs }
  | { template: 'vesting'; method: 'drain'; args: DrainArgs }
  | { template: 'vault'; method: 'spawn'; args: VaultSpawnArgs }

export type TransactionMethod = TransactionBody['method']

/** Everything a transaction carries except its signature(s). */
export type UnsignedTransaction = TransactionBody & {
  principal: Uint8Array
  nonce: bigint
  gasPrice: bigint
}

/** How the principal signs: one key (wallet) or k parts of n keys (multisig, vesting). */
export type TransactionAuth =
  | { signer: 'single'; signature: Uint8Array }
  | { signer: 'multi'; signatures: MultiSigPart[] }

export type SignedTransaction = UnsignedTransaction & TransactionAuth

export type DecodedTransaction = SignedTransaction & {
  /** The principal's template, as given to the decoder or inferred (see decodeTransaction). */
  principalTemplate: Exclude<TemplateName, 'vault'>
  /** Length of the raw bytes the signature covers (after the genesis ID). */
  bodyLength: number
}
