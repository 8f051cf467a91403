/**
 * Picks pending transactions for a proposal (protocol-spec §11.6 "include as many fee-paying txs
 * as possible"; go-spacemesh `txs` picks by gas price per account nonce order). Per account only
 * the contiguous nonce run starting at the account's next nonce is eligible — a gap would make
 * every later transaction ineffective — and an account's transactions go in nonce order. Across
 * accounts the highest gas price goes first (ties by transaction id, so every node picks the
 * same), until the gas limit or the count is reached; an account whose next transaction does not
 * fit is passed over with all its later ones.
 */
import { bytesToHex } from '@noble/curves/utils.js'
import type { Account } from '../vm/Account.ts'
import type { PendingTransaction } from './TxPool.ts'

export function selectTransactions(
  byAccount: ReadonlyMap<string, readonly PendingTransaction[]>,
  accountOf: (address: Uint8Array) => Account,
  gasLimit: bigint,
  maxCount: number,
): PendingTransaction[] {
  const runs: PendingTransaction[][] = []
  for (const list of byAccount.values()) {
    const first = list[0]
    if (first === undefined) continue
    let next = accountOf(first.parsed.tx.principal).nextNonce
    const run: PendingTransaction[] = []
    for (const p of list) {
      if (p.parsed.tx.nonce < next) continue
      if (p.parsed.tx.nonce !== next) break
      run.push(p)
      next++
    }
    if (run.length > 0) runs.push(run)
  }
  const heads = runs.map(() => 0)
  const out: PendingTransaction[] = []
  let gasLeft = gasLimit
  while (out.length < maxCount) {
    let best = -1
    for (let i = 0; i < runs.length; i++) {
      const p = runs[i]![heads[i]!]
      if (p === undefined) continue
      const b = best === -1 ? undefined : runs[best]![heads[best]!]!
      if (b === undefined || better(p, b)) best = i
    }
    if (best === -1) break
    const p = runs[best]![heads[best]!]!
    if (p.parsed.maxGas > gasLeft) {
      heads[best] = runs[best]!.length // skip this account's run
      continue
    }
    out.push(p)
    gasLeft -= p.parsed.maxGas
    heads[best]!++
  }
  return out
}

function better(a: PendingTransaction, b: PendingTransaction): boolean {
  if (a.parsed.tx.gasPrice !== b.parsed.tx.gasPrice) return a.parsed.tx.gasPrice > b.parsed.tx.gasPrice
  return bytesToHex(a.parsed.id) < bytesToHex(b.parsed.id)
}
