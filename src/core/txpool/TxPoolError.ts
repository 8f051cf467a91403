/**
 * Why the mempool refused a transaction (CONVENTIONS 9), with the verdict the network layer turns
 * into peer scores: REJECT for bytes that can never be valid, IGNORE for transactions that are
 * merely not useful now. VM codes (`VmErrorCode`) pass through with the VM's verdict.
 */
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'
import { type VmError, type VmErrorCode, vmErrorVerdicts } from '../vm/VmError.ts'

export type TxPoolErrorCode =
  | VmErrorCode
  | 'DUPLICATE' // the same transaction id is already pending
  | 'NONCE_TAKEN' // another pending tx has this nonce and at least this gas price
  | 'INSUFFICIENT_FUNDS' // balance after the earlier pending txs < max gas × gas price + amount
  | 'ACCOUNT_FULL' // the principal already has `maxPerAccount` pending txs
  | 'POOL_FULL' // the pool holds `maxTotal` txs
  | 'EXCEEDS_BLOCK_GAS' // max gas above the block gas limit: no block could include it

const poolVerdicts: Record<Exclude<TxPoolErrorCode, VmErrorCode>, GossipVerdict> = {
  DUPLICATE: 'IGNORE',
  NONCE_TAKEN: 'IGNORE',
  INSUFFICIENT_FUNDS: 'IGNORE',
  ACCOUNT_FULL: 'IGNORE',
  POOL_FULL: 'IGNORE',
  EXCEEDS_BLOCK_GAS: 'IGNORE',
}

const verdicts: Record<TxPoolErrorCode, GossipVerdict> = { ...vmErrorVerdicts, ...poolVerdicts }

export class TxPoolError extends ValidationError<TxPoolErrorCode> {
  override readonly name = 'TxPoolError'
  constructor(code: TxPoolErrorCode, message: string) {
    super(code, message, verdicts)
  }

  /** A VM refusal passed through with its code, message and (the VM's own) verdict. */
  static fromVm(e: VmError): TxPoolError {
    return new TxPoolError(e.code, e.message)
  }
}
