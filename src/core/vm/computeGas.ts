/**
 * Fixed gas costs of the four templates (`genvm/core/gas.go`, `templates/<name>/gas.go`). genvm prices
 * every transaction up front: there is no metering, a transaction pays
 *
 *   maxGas = baseGas(method) + TXDATA × ⌈len(raw)/8⌉ + fixedGas
 *
 * where fixedGas is the spawned template's exec gas for a self-spawn, the principal's load gas
 * plus the target's spawn exec gas when it spawns another account, and otherwise the principal's
 * load gas plus its exec gas for the method (`vm.go parse`). Checks against go: a wallet spend of
 * 118 bytes costs 36,090 gas, a wallet self-spawn of 148 bytes 100,432.
 */
import type { AccountTemplate } from './Account.ts'

export const GasCost = {
  /** Per 8 bytes of transaction data, rounded up. */
  TXDATA: 128n,
  /** Every transaction. */
  TX: 20_000n,
  /** A spawn, on top of TX. */
  SPAWN: 30_000n,
  /** Per 8 bytes of new state. */
  STORE: 5_000n,
  /** Per 8 bytes of updated state. */
  UPDATE: 725n,
  /** Per 8 bytes loaded. */
  LOAD: 182n,
  ACCOUNT_ACCESS: 2_500n,
  /** One ed25519 verification. */
  EDVERIFY: 3_000n,
} as const

const PUBLIC_KEY_SIZE = 32
/** go `ACCOUNT_HEADER_SIZE` (its comment lists balance, nonce and template; the value is 36). */
const ACCOUNT_HEADER_SIZE = 36
const ACCOUNT_BALANCE_SIZE = 8
/** vault.VAULT_STATE_SIZE = header + 56; DRAINED_SIZE = 8. */
const VAULT_STATE_SIZE = ACCOUNT_HEADER_SIZE + 56
const DRAINED_SIZE = 8

/** `core.SizeGas`: `gas` per 8 bytes, rounded up. */
function sizeGas(gas: bigint, size: number): bigint {
  return gas * BigInt(Math.ceil(size / 8))
}

/** Gas for `len` bytes of transaction data (`core.TxDataGas`). */
export function txDataGas(len: number): bigint {
  return sizeGas(GasCost.TXDATA, len)
}

export type GasMethod = 'spawn' | 'spend' | 'drain'

/** Signatures required and keys held: (1, 1) for a wallet, (k, n) for multisig and vesting. */
function shape(t: AccountTemplate): { k: number; n: number } {
  if (t.template === 'wallet') return { k: 1, n: 1 }
  if (t.template === 'vault') return { k: 0, n: 0 }
  return { k: t.args.required, n: t.args.publicKeys.length }
}

const spendExec =
  GasCost.ACCOUNT_ACCESS +
  sizeGas(GasCost.LOAD, ACCOUNT_BALANCE_SIZE) +
  sizeGas(GasCost.UPDATE, ACCOUNT_HEADER_SIZE) +
  sizeGas(GasCost.UPDATE, ACCOUNT_BALANCE_SIZE)

const drainExec =
  GasCost.ACCOUNT_ACCESS +
  sizeGas(GasCost.LOAD, VAULT_STATE_SIZE) +
  sizeGas(GasCost.UPDATE, ACCOUNT_HEADER_SIZE) +
  sizeGas(GasCost.UPDATE, ACCOUNT_BALANCE_SIZE + DRAINED_SIZE)

/** `Template.BaseGas`: intrinsic cost before data; a vault costs nothing (it never signs). */
export function baseGas(t: AccountTemplate, method: GasMethod): bigint {
  if (t.template === 'vault') return 0n
  const verify = GasCost.EDVERIFY * BigInt(shape(t).k)
  return method === 'spawn' ? GasCost.TX + verify + GasCost.SPAWN : GasCost.TX + verify
}

/** `Template.LoadGas`: reading the principal's state. */
export function loadGas(t: AccountTemplate): bigint {
  if (t.template === 'vault') return 0n
  return GasCost.ACCOUNT_ACCESS + sizeGas(GasCost.LOAD, PUBLIC_KEY_SIZE * shape(t).n + ACCOUNT_HEADER_SIZE)
}

/** `Template.ExecGas`: storing a spawned account, or the method's reads and writes. */
export function execGas(t: AccountTemplate, method: GasMethod): bigint {
  if (t.template === 'vault') return 0n
  if (method === 'spawn') return sizeGas(GasCost.STORE, PUBLIC_KEY_SIZE * shape(t).n + ACCOUNT_HEADER_SIZE)
  if (method === 'drain' && t.template === 'vesting') return drainExec
  return spendExec
}

export interface GasBreakdown {
  /** baseGas + tx data gas: what the principal must hold (in gas units) to be executed at all. */
  readonly intrinsic: bigint
  readonly maxGas: bigint
}

/**
 * Max gas of a transaction of `rawLength` bytes: `principal` is the signer's template (for a
 * self-spawn, the template being spawned), `target` the spawned account's when it spawns another.
 */
export function computeGas(
  principal: AccountTemplate,
  method: GasMethod,
  rawLength: number,
  spawn: { self: true } | { self: false; target: AccountTemplate } | undefined,
): GasBreakdown {
  const intrinsic = baseGas(principal, method) + txDataGas(rawLength)
  let fixed: bigint
  if (spawn === undefined) fixed = loadGas(principal) + execGas(principal, method)
  else if (spawn.self) fixed = execGas(principal, 'spawn')
  else fixed = loadGas(principal) + execGas(spawn.target, 'spawn')
  return { intrinsic, maxGas: intrinsic + fixed }
}
