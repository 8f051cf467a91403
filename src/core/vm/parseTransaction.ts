/**
 * The first half of genvm's two-step validation (`vm.go Request.Parse`): decode a raw transaction
 * against its principal's account and price it. Both the VM (per block) and the mempool (per
 * admission) call it; signature verification is the second step (`verifyTransaction`).
 *
 * The principal's account decides how the bytes are read (`decodeTransaction`'s
 * `principalTemplate`): an unspawned principal may only self-spawn — the spawn's arguments must
 * hash to the principal's address — and a spawned one may spend, drain (vesting) or spawn another
 * account (how a vesting account creates its vault).
 */
import { equalBytes } from '@noble/curves/utils.js'
import { DecodeError } from '../codec/index.ts'
import { hash32 } from '../crypto/hash.ts'
import type { Account, AccountTemplate } from './Account.ts'
import { computeGas } from './computeGas.ts'
import { spawnPrincipal } from './computePrincipal.ts'
import { decodeTransaction } from './decodeTransaction.ts'
import type { DecodedTransaction } from './Transaction.ts'
import { VmError } from './VmError.ts'

export interface ParsedTransaction {
  /** `types.TransactionID`: blake3 of the raw bytes. */
  readonly id: Uint8Array
  readonly raw: Uint8Array
  readonly tx: DecodedTransaction
  /** The principal's account as it was when parsed. */
  readonly principal: Account
  /** The template that signs and pays: the account's, or the spawned one's for a self-spawn. */
  readonly signer: AccountTemplate
  readonly selfSpawn: boolean
  /** For a spawn: the template and state of the account it creates. */
  readonly spawnTarget?: AccountTemplate
  /** Base gas + data gas (`core.IntrinsicGas`). */
  readonly intrinsicGas: bigint
  readonly maxGas: bigint
  /** Most the method may transfer out of the principal (`Template.MaxSpend`). */
  readonly maxSpend: bigint
}

/** Looks an address up in some state; absent addresses give the empty account. */
export type AccountLookup = (address: Uint8Array) => Account

function spawnedTemplate(tx: Extract<DecodedTransaction, { method: 'spawn' }>): AccountTemplate {
  // `template.New` checks (multisig/handler.go, vault/handler.go).
  if (tx.template === 'multisig' || tx.template === 'vesting') {
    const { required, publicKeys } = tx.args
    if (required === 0) throw new VmError('INVALID_SPAWN_ARGS', 'multisig needs at least one signature')
    if (publicKeys.length < required)
      throw new VmError('INVALID_SPAWN_ARGS', `${required} signatures required of ${publicKeys.length} keys`)
  }
  if (tx.template === 'vault') {
    const a = tx.args
    if (a.initialUnlockAmount > a.totalAmount)
      throw new VmError(
        'INVALID_SPAWN_ARGS',
        `initial unlock ${a.initialUnlockAmount} above total ${a.totalAmount}`,
      )
    if (a.vestingEnd < a.vestingStart)
      throw new VmError('INVALID_SPAWN_ARGS', `vesting end ${a.vestingEnd} before start ${a.vestingStart}`)
  }
  switch (tx.template) {
    case 'wallet':
      return { template: tx.template, args: tx.args }
    case 'vault':
      return { template: tx.template, args: tx.args }
    case 'multisig':
    case 'vesting':
      return { template: tx.template, args: tx.args }
  }
}

function decode(raw: Uint8Array, account: Account): DecodedTransaction {
  try {
    const known = account.spawned?.template
    return decodeTransaction(raw, known === undefined ? {} : { principalTemplate: known })
  } catch (e) {
    if (e instanceof DecodeError) throw new VmError('MALFORMED', e.message)
    throw e
  }
}

/** Decodes and prices `raw`; throws VmError (MALFORMED, NOT_SPAWNED, INVALID_SPAWN_ARGS). */
export function parseTransaction(raw: Uint8Array, lookup: AccountLookup): ParsedTransaction {
  // The principal sits after the one-byte version; a shorter input fails in the decoder.
  const principal = lookup(raw.length >= 25 ? raw.subarray(1, 25) : new Uint8Array(24))
  const tx = decode(raw, principal)
  const id = hash32(raw)
  const gasMethod = tx.method

  let signer: AccountTemplate
  let selfSpawn = false
  let spawnTarget: AccountTemplate | undefined
  let spawn: Parameters<typeof computeGas>[3]
  if (tx.method === 'spawn') {
    spawnTarget = spawnedTemplate(tx)
    selfSpawn = equalBytes(tx.principal, spawnPrincipal(tx))
    const spawner = selfSpawn ? spawnTarget : principal.spawned
    if (spawner === undefined)
      throw new VmError('NOT_SPAWNED', "an account can't spawn another until it is spawned itself")
    signer = spawner
    spawn = selfSpawn ? { self: true } : { self: false, target: spawnTarget }
  } else {
    if (principal.spawned === undefined) throw new VmError('NOT_SPAWNED', 'principal is not spawned')
    signer = principal.spawned
  }
  const gas = computeGas(signer, gasMethod, raw.length, spawn)
  return {
    id,
    raw,
    tx,
    principal,
    signer,
    selfSpawn,
    ...(spawnTarget === undefined ? {} : { spawnTarget }),
    intrinsicGas: gas.intrinsic,
    maxGas: gas.maxGas,
    maxSpend: tx.method === 'spend' ? tx.args.amount : 0n,
  }
}
