/**
 * Executes one parsed, verified transaction whose nonce and gas checks passed (`vm.go execute`
 * after the ineffective checks; `core/context.go`).
 *
 * genvm charges first: the full `maxGas × gasPrice` leaves the principal before the method runs,
 * and if the balance cannot cover it the whole balance is taken and the method does not run
 * (OUT_OF_GAS). Whatever the method then does, the principal's next nonce becomes
 * `tx.nonce + 1` — nonces may skip forward. A failing method changes nothing but fee and nonce:
 * every genvm method checks before it writes (transfer, spawn, vault spend).
 */
import { bytesToHex, equalBytes } from '@noble/curves/utils.js'
import type { Account } from './Account.ts'
import { spawnPrincipal } from './computePrincipal.ts'
import { computeVestedAmount } from './computeVestedAmount.ts'
import type { AccountLookup, ParsedTransaction } from './parseTransaction.ts'
import { VmError } from './VmError.ts'

export interface ExecutionOutcome {
  /** Undefined on success. */
  readonly error?: VmError
  readonly gasUsed: bigint
  readonly fee: bigint
  /** Accounts to write back: the principal first, then others in first-touch order. */
  readonly updated: readonly Account[]
}

/** The accounts one transaction changes, staged so a failing method leaves only fee and nonce. */
class Staged {
  private readonly changed = new Map<string, Account>()
  constructor(private readonly lookup: AccountLookup) {}
  get(address: Uint8Array): Account {
    return this.changed.get(bytesToHex(address)) ?? this.lookup(address)
  }
  set(account: Account): void {
    this.changed.set(bytesToHex(account.address), account)
  }
  list(): Account[] {
    return [...this.changed.values()]
  }
}

const U64_MAX = (1n << 64n) - 1n

/** `Context.transfer`: checks, then moves; a self-transfer costs only gas. */
function transfer(s: Staged, from: Uint8Array, to: Uint8Array, amount: bigint, max: bigint): void {
  const source = s.get(from)
  if (amount > source.balance)
    throw new VmError('NO_BALANCE', `transfer of ${amount} above balance ${source.balance}`)
  if (amount > max) throw new VmError('MAX_SPEND', `transfer of ${amount} above max spend ${max}`)
  if (equalBytes(from, to)) return
  s.set({ ...source, balance: source.balance - amount })
  const dest = s.get(to)
  // Total supply (< 2.5e18) stays below 2^64; a larger balance means a broken invariant upstream.
  if (dest.balance + amount > U64_MAX) throw new Error(`balance of ${bytesToHex(to)} overflows u64`)
  s.set({ ...dest, balance: dest.balance + amount })
}

/** Vesting `drain`: relayed as a spend from the vault, limited by its schedule (`vault.go Spend`). */
function drain(
  s: Staged,
  owner: Uint8Array,
  args: { vault: Uint8Array; destination: Uint8Array; amount: bigint },
  layer: number,
): void {
  const vault = s.get(args.vault)
  if (vault.spawned === undefined) throw new VmError('RELAY_NOT_SPAWNED', 'vault is not spawned')
  if (vault.spawned.template !== 'vault')
    throw new VmError('RELAY_TEMPLATE_MISMATCH', `drain target is a ${vault.spawned.template}`)
  const schedule = vault.spawned.args
  if (!equalBytes(schedule.owner, owner)) throw new VmError('NOT_OWNER', 'principal does not own the vault')
  const vested = computeVestedAmount(schedule, layer)
  const locked = schedule.totalAmount - vested
  if (vault.balance < locked)
    throw new VmError('VAULT_MISCONFIGURED', `balance ${vault.balance} below locked ${locked}`)
  const available = vault.balance - locked
  if (args.amount > available)
    throw new VmError(
      'AMOUNT_NOT_AVAILABLE',
      `drain of ${args.amount}, ${available} vested and unspent at layer ${layer}`,
    )
  transfer(s, args.vault, args.destination, args.amount, args.amount)
}

function runMethod(s: Staged, p: ParsedTransaction, layer: number): void {
  const { tx } = p
  switch (tx.method) {
    case 'spawn': {
      const address = spawnPrincipal(tx)
      const target = s.get(address)
      if (target.spawned !== undefined) throw new VmError('ALREADY_SPAWNED', 'account is already spawned')
      s.set({ ...target, spawned: p.spawnTarget! })
      return
    }
    case 'spend':
      transfer(s, tx.principal, tx.args.destination, tx.args.amount, p.maxSpend)
      return
    case 'drain':
      drain(s, tx.principal, tx.args, layer)
  }
}

export function executeTransaction(
  p: ParsedTransaction,
  lookup: AccountLookup,
  layer: number,
): ExecutionOutcome {
  const principal = lookup(p.tx.principal)
  const charge = p.maxGas * p.tx.gasPrice
  const withNonce = (a: Account): Account => ({ ...a, nextNonce: p.tx.nonce + 1n })
  if (charge > principal.balance) {
    const error = new VmError('OUT_OF_GAS', `fee ${charge} above balance ${principal.balance}`)
    const emptied = withNonce({ ...principal, balance: 0n })
    return { error, gasUsed: p.maxGas, fee: principal.balance, updated: [emptied] }
  }
  const fee = charge
  const charged: Account = { ...principal, balance: principal.balance - fee }
  const staged = new Staged(lookup)
  staged.set(charged)
  try {
    runMethod(staged, p, layer)
  } catch (e) {
    if (!(e instanceof VmError)) throw e
    return { error: e, gasUsed: p.maxGas, fee, updated: [withNonce(charged)] }
  }
  const updated = staged.list().map((a) => (equalBytes(a.address, principal.address) ? withNonce(a) : a))
  return { gasUsed: p.maxGas, fee, updated }
}
