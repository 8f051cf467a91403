/**
 * PLACEHOLDER mempool for the consensus simulation, standing in for `src/core/txpool` (not landed
 * when this was written). Admission: the tx parses against the node's current state (known
 * principal, template, gas), its signature verifies, and its nonce is not already used. Selection
 * for a proposal: pending txs in (principal, nonce) order, at most `limit`. A tx leaves the pool
 * once the applied state's next nonce of its principal passes it, so a revert that un-applies a
 * tx makes it proposable again without bookkeeping.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'
import { parseTransaction } from '../vm/parseTransaction.ts'
import { VmError } from '../vm/VmError.ts'
import { getAccount, type VmState } from '../vm/VmState.ts'
import { verifyTransaction } from '../vm/verifyTransaction.ts'
import type { SharedTx, SimConsensusShared } from './SimConsensusShared.ts'

interface PoolEntry {
  readonly id: Uint8Array
  readonly tx: SharedTx
}

export type AdmitResult =
  | { readonly ok: true; readonly id: Uint8Array }
  | { readonly ok: false; readonly code: string }

export class SimMempool {
  private readonly pending = new Map<string, PoolEntry>()

  constructor(
    private readonly genesisId: Uint8Array,
    private readonly shared: SimConsensusShared,
  ) {}

  get size(): number {
    return this.pending.size
  }

  admit(raw: Uint8Array, state: VmState): AdmitResult {
    let parsed: ReturnType<typeof parseTransaction>
    try {
      parsed = parseTransaction(raw, (a) => getAccount(state, a))
    } catch (e) {
      if (e instanceof VmError || (e instanceof Error && e.name === 'DecodeError'))
        return { ok: false, code: 'code' in e ? String(e.code) : e.name }
      throw e
    }
    const key = bytesToHex(parsed.id)
    if (this.pending.has(key)) return { ok: false, code: 'DUPLICATE' }
    if (parsed.tx.nonce < parsed.principal.nextNonce) return { ok: false, code: 'NONCE_TOO_LOW' }
    let sigOk = this.shared.txSignatures.get(key)
    if (sigOk === undefined) {
      sigOk = verifyTransaction(parsed, this.genesisId)
      this.shared.txSignatures.set(key, sigOk)
    }
    if (!sigOk) return { ok: false, code: 'BAD_SIGNATURE' }
    const tx: SharedTx = {
      raw,
      header: {
        principal: parsed.tx.principal,
        nonce: parsed.tx.nonce,
        maxGas: parsed.maxGas,
        gasPrice: parsed.tx.gasPrice,
        maxSpend: parsed.maxSpend,
      },
    }
    this.pending.set(key, { id: parsed.id, tx })
    if (!this.shared.txs.has(key)) this.shared.txs.set(key, tx)
    return { ok: true, id: parsed.id }
  }

  select(limit: number): Uint8Array[] {
    return [...this.pending.values()]
      .sort(
        (a, b) =>
          compareBytes(a.tx.header.principal, b.tx.header.principal) ||
          Number(a.tx.header.nonce - b.tx.header.nonce),
      )
      .slice(0, limit)
      .map((e) => e.id)
  }

  /** Drops txs whose nonce the applied state has passed. */
  prune(state: VmState): void {
    for (const [key, e] of this.pending) {
      if (e.tx.header.nonce < getAccount(state, e.tx.header.principal).nextNonce) this.pending.delete(key)
    }
  }
}
