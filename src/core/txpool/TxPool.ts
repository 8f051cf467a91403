/**
 * The conservative-state mempool (protocol-spec §11.5-11.6; go-spacemesh `txs/conservative_state.go`,
 * `txs/cache.go`). A pure state machine: `admit` raw transactions, `select` some for a proposal,
 * and tell it `onBlockApplied` with the new VM state. No clock, no I/O.
 *
 * Admission parses against the last applied state (so only spawned principals or valid
 * self-spawns get in), verifies the signature, requires nonce ≥ the account's next nonce and
 * keeps, per account, the pending transactions by nonce with the balance each leaves behind:
 * a transaction is affordable when the balance after the lower-nonce pending ones covers its
 * `maxGas × gasPrice + maxSpend` (incoming pending funds are ignored, as the spec asks). A same-nonce
 * transaction with a higher gas price replaces the pending one; later ones it makes unaffordable
 * are dropped, as go's cache does.
 */
import { bytesToHex } from '@noble/curves/utils.js'
import { hash32 } from '../crypto/hash.ts'
import type { Account } from '../vm/Account.ts'
import type { TransactionResult } from '../vm/applyBlock.ts'
import { type ParsedTransaction, parseTransaction } from '../vm/parseTransaction.ts'
import { VmError } from '../vm/VmError.ts'
import { getAccount, type VmState } from '../vm/VmState.ts'
import { verifyTransaction } from '../vm/verifyTransaction.ts'
import { selectTransactions } from './selectTransactions.ts'
import { TxPoolError } from './TxPoolError.ts'

export interface TxPoolOptions {
  readonly genesisId: Uint8Array
  /** Pending transactions per principal (go `maxTXsPerAcct` = 100). */
  readonly maxPerAccount?: number
  /** Pending transactions in total. */
  readonly maxTotal?: number
  /** Transactions whose max gas exceeds this can never be included. */
  readonly blockGasLimit?: bigint
}

export type AdmitResult =
  | { readonly verdict: 'ACCEPT'; readonly id: Uint8Array; readonly replaced?: Uint8Array }
  | { readonly verdict: 'IGNORE' | 'REJECT'; readonly id: Uint8Array; readonly error: TxPoolError }

/** A pending transaction with what admission computed about it. */
export interface PendingTransaction {
  readonly parsed: ParsedTransaction
  readonly hexId: string
  /** max gas × gas price + max spend (`TxHeader.Spending`). */
  readonly maxSpending: bigint
}

export const DEFAULT_MAX_PER_ACCOUNT = 100
export const DEFAULT_MAX_TOTAL = 10_000

export class TxPool {
  private state: VmState
  private readonly byId = new Map<string, PendingTransaction>()
  /** Per principal (hex), pending transactions sorted by nonce, one per nonce. */
  private readonly byAccount = new Map<string, PendingTransaction[]>()
  private readonly maxPerAccount: number
  private readonly maxTotal: number

  constructor(
    state: VmState,
    private readonly options: TxPoolOptions,
  ) {
    this.state = state
    this.maxPerAccount = options.maxPerAccount ?? DEFAULT_MAX_PER_ACCOUNT
    this.maxTotal = options.maxTotal ?? DEFAULT_MAX_TOTAL
  }

  get size(): number {
    return this.byId.size
  }

  has(id: Uint8Array): boolean {
    return this.byId.has(bytesToHex(id))
  }

  /** True for a pending tx, whose signature admission checked (pass as `applyBlock`'s `isVerified`). */
  readonly isVerified = (id: Uint8Array): boolean => this.byId.has(bytesToHex(id))

  /** Pending transactions of `address` in nonce order. */
  pending(address: Uint8Array): readonly PendingTransaction[] {
    return this.byAccount.get(bytesToHex(address)) ?? []
  }

  /** The nonce a wallet should use next: one past the contiguous pending run. */
  nextNonce(address: Uint8Array): bigint {
    let next = getAccount(this.state, address).nextNonce
    for (const p of this.pending(address)) if (p.parsed.tx.nonce === next) next++
    return next
  }

  admit(raw: Uint8Array): AdmitResult {
    const id = hash32(raw)
    try {
      return { verdict: 'ACCEPT', id, ...this.insert(this.check(raw, id)) }
    } catch (e) {
      if (e instanceof TxPoolError)
        return { verdict: e.verdict === 'REJECT' ? 'REJECT' : 'IGNORE', id, error: e }
      throw e
    }
  }

  /** Raw transactions for a proposal: see `selectTransactions`. */
  select(gasLimit: bigint, maxCount = Number.POSITIVE_INFINITY): Uint8Array[] {
    return selectTransactions(this.byAccount, (a) => getAccount(this.state, a), gasLimit, maxCount).map(
      (p) => p.parsed.raw,
    )
  }

  /**
   * The VM applied a block: drop what it executed and what its nonces made stale, then re-check
   * every account's remaining transactions against the new balances.
   */
  onBlockApplied(state: VmState, results: readonly TransactionResult[] = []): void {
    this.state = state
    for (const r of results) if (r.status !== 'ineffective') this.remove(bytesToHex(r.id))
    for (const [key, list] of [...this.byAccount]) {
      const account = list[0] === undefined ? undefined : getAccount(state, list[0].parsed.tx.principal)
      if (account === undefined) continue
      const kept = list.filter((p) => p.parsed.tx.nonce >= account.nextNonce)
      for (const p of list) if (!kept.includes(p)) this.byId.delete(p.hexId)
      this.byAccount.set(key, kept)
      this.rebalance(key, account, 0)
    }
  }

  private check(raw: Uint8Array, id: Uint8Array): PendingTransaction {
    const hexId = bytesToHex(id)
    if (this.byId.has(hexId)) throw new TxPoolError('DUPLICATE', 'already pending')
    let parsed: ParsedTransaction
    try {
      parsed = parseTransaction(raw, (a) => getAccount(this.state, a))
      if (parsed.tx.gasPrice === 0n) throw new VmError('ZERO_GAS_PRICE', 'gas price is 0')
      if (!verifyTransaction(parsed, this.options.genesisId))
        throw new VmError('BAD_SIGNATURE', 'signature does not verify')
      if (parsed.tx.nonce < parsed.principal.nextNonce)
        throw new VmError(
          'NONCE_TOO_LOW',
          `nonce ${parsed.tx.nonce} below next nonce ${parsed.principal.nextNonce}`,
        )
    } catch (e) {
      if (e instanceof VmError) throw TxPoolError.fromVm(e)
      throw e
    }
    const limit = this.options.blockGasLimit
    if (limit !== undefined && parsed.maxGas > limit)
      throw new TxPoolError('EXCEEDS_BLOCK_GAS', `max gas ${parsed.maxGas} above block limit ${limit}`)
    return { parsed, hexId, maxSpending: parsed.maxGas * parsed.tx.gasPrice + parsed.maxSpend }
  }

  private insert(p: PendingTransaction): { replaced?: Uint8Array } {
    const key = bytesToHex(p.parsed.tx.principal)
    const list = this.byAccount.get(key) ?? []
    const nonce = p.parsed.tx.nonce
    let at = list.findIndex((q) => q.parsed.tx.nonce >= nonce)
    if (at === -1) at = list.length
    const same = list[at]?.parsed.tx.nonce === nonce ? list[at] : undefined
    if (same !== undefined && p.parsed.tx.gasPrice <= same.parsed.tx.gasPrice)
      throw new TxPoolError(
        'NONCE_TAKEN',
        `nonce ${nonce} is pending with gas price ${same.parsed.tx.gasPrice}`,
      )
    if (same === undefined && list.length >= this.maxPerAccount)
      throw new TxPoolError('ACCOUNT_FULL', `${list.length} transactions pending for this account`)
    if (same === undefined && this.byId.size >= this.maxTotal)
      throw new TxPoolError('POOL_FULL', `${this.byId.size} transactions pending`)
    let available = p.parsed.principal.balance
    for (const q of list.slice(0, at)) available -= q.maxSpending
    if (available < p.maxSpending)
      throw new TxPoolError(
        'INSUFFICIENT_FUNDS',
        `needs ${p.maxSpending}, ${available < 0n ? 0n : available} left after pending`,
      )
    if (same !== undefined) this.byId.delete(same.hexId)
    list.splice(at, same === undefined ? 0 : 1, p)
    this.byAccount.set(key, list)
    this.byId.set(p.hexId, p)
    this.rebalance(key, p.parsed.principal, at + 1)
    return same === undefined ? {} : { replaced: same.parsed.id }
  }

  /** Drops, from position `from` on, every transaction the balance no longer covers. */
  private rebalance(key: string, account: Account, from: number): void {
    const list = this.byAccount.get(key) ?? []
    let available = account.balance
    const kept: PendingTransaction[] = []
    list.forEach((q, i) => {
      if (i < from || available >= q.maxSpending) {
        available -= q.maxSpending
        kept.push(q)
      } else this.byId.delete(q.hexId)
    })
    if (kept.length === 0) this.byAccount.delete(key)
    else this.byAccount.set(key, kept)
  }

  private remove(hexId: string): void {
    const p = this.byId.get(hexId)
    if (p === undefined) return
    this.byId.delete(hexId)
    const key = bytesToHex(p.parsed.tx.principal)
    const list = (this.byAccount.get(key) ?? []).filter((q) => q !== p)
    if (list.length === 0) this.byAccount.delete(key)
    else this.byAccount.set(key, list)
  }
}
