/**
 * Typed outcomes of transaction processing (CONVENTIONS 9), named after genvm's errors
 * (`genvm/core/errors.go`, `genvm/vm.go execute`, the templates' errors).
 *
 * Two kinds:
 * - *ineffective*: the transaction is skipped — no fee, nonce unchanged (`vm.go execute`);
 * - *failure*: the transaction passed verification, its fee was charged and its nonce consumed,
 *   but its method failed and changed nothing else.
 *
 * `verdict` is what mempool admission does with a transaction that fails this way now:
 * REJECT — never valid (bad bytes or signature; the sender should be scored down);
 * IGNORE — not valid now but may become so or was valid once (funds, nonce, spawn).
 */
import type { GossipVerdict } from '../validation/GossipVerdict.ts'
import { ValidationError } from '../validation/ValidationError.ts'

export type VmErrorCode =
  // ineffective (vm.go execute, parse)
  | 'MALFORMED' // did not decode (DecodeError), or was too long
  | 'NOT_SPAWNED' // a non-spawn from an unspawned principal, or it spawns another while unspawned
  | 'INVALID_SPAWN_ARGS' // template.New refused the arguments (k = 0, k > n, vault schedule)
  | 'ZERO_GAS_PRICE'
  | 'INTRINSIC_GAS' // balance < base gas + tx data gas (compared in gas units, as genvm does)
  | 'BLOCK_GAS_EXHAUSTED' // the block's remaining gas is below the tx's max gas
  | 'BAD_SIGNATURE'
  | 'NONCE_TOO_LOW'
  // failures (fee charged, nonce consumed)
  | 'OUT_OF_GAS' // balance < max gas × gas price: the whole balance was taken
  | 'NO_BALANCE' // transfer above the balance
  | 'MAX_SPEND' // transfers above the declared max spend
  | 'ALREADY_SPAWNED'
  | 'RELAY_NOT_SPAWNED' // drain of a vault that is not spawned
  | 'RELAY_TEMPLATE_MISMATCH' // drain of an account that is not a vault
  | 'NOT_OWNER' // drain by an account that does not own the vault
  | 'AMOUNT_NOT_AVAILABLE' // drain beyond what the vesting schedule has released
  | 'VAULT_MISCONFIGURED' // vault balance below its still-locked amount

export const vmErrorVerdicts: Record<VmErrorCode, GossipVerdict> = {
  MALFORMED: 'REJECT',
  NOT_SPAWNED: 'IGNORE',
  INVALID_SPAWN_ARGS: 'REJECT',
  ZERO_GAS_PRICE: 'REJECT',
  INTRINSIC_GAS: 'IGNORE',
  BLOCK_GAS_EXHAUSTED: 'IGNORE',
  BAD_SIGNATURE: 'REJECT',
  NONCE_TOO_LOW: 'IGNORE',
  OUT_OF_GAS: 'IGNORE',
  NO_BALANCE: 'IGNORE',
  MAX_SPEND: 'REJECT',
  ALREADY_SPAWNED: 'IGNORE',
  RELAY_NOT_SPAWNED: 'IGNORE',
  RELAY_TEMPLATE_MISMATCH: 'IGNORE',
  NOT_OWNER: 'IGNORE',
  AMOUNT_NOT_AVAILABLE: 'IGNORE',
  VAULT_MISCONFIGURED: 'IGNORE',
}

export class VmError extends ValidationError<VmErrorCode> {
  override readonly name = 'VmError'
  constructor(code: VmErrorCode, message: string) {
    super(code, message, vmErrorVerdicts)
  }
}
