/**
 * The transactions of a block and their order (go-spacemesh `blocks/utils.go` getBlockTXs,
 * `txs/cache.go` BuildFromTXs, `txs/conservative_state.go` ShuffleWithNonceOrder;
 * go-spacemesh.md §2.6, protocol-spec §11.6–11.7):
 *
 * 1. per principal, nonces ascending from 0; for each nonce the "best" tx wins — higher fee
 *    (MaxGas × GasPrice), then the smaller blake3(blockSeed ‖ txID); at most 100 txs per
 *    account and 100 candidates per nonce; the balance is taken as 2^64 − 1 (the block builder
 *    does not know state), spending wrapping in uint64 as Go does;
 * 2. candidates sorted by ID, shuffled by MT19937-64 seeded with the block seed's LE words;
 * 3. each shuffled slot is filled with its principal's lowest remaining nonce, so per-account
 *    nonce order survives the shuffle;
 * 4. pruned to the gas limit: stop once the remaining gas is below MinTXGas (1), subtracting
 *    MaxGas with uint64 wrap-around exactly like go-spacemesh (a tx larger than the remainder
 *    wraps it and lets the rest through — kept for byte-equal blocks).
 *
 * The seed makes the order unpredictable to proposers and identical on every node.
 */
import { hash32 } from '../crypto/hash.ts'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'
import { createMt19937_64, shuffleLikeGo } from './createMt19937_64.ts'

export interface BlockTxCandidate {
  readonly id: Uint8Array
  readonly principal: Uint8Array
  readonly nonce: bigint
  readonly maxGas: bigint
  readonly gasPrice: bigint
  /** Amount the tx may move beyond its fee (`MaxSpend`). */
  readonly maxSpend: bigint
}

/** go-spacemesh `txs.maxTXsPerAcct` and `maxTXsPerNonce`. */
export const MAX_TXS_PER_ACCOUNT = 100
export const MAX_TXS_PER_NONCE = 100
const M64 = (1n << 64n) - 1n
const MIN_TX_GAS = 1n

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

const fee = (tx: BlockTxCandidate): bigint => (tx.maxGas * tx.gasPrice) & M64
const spending = (tx: BlockTxCandidate): bigint => (fee(tx) + tx.maxSpend) & M64

function better(a: BlockTxCandidate, b: BlockTxCandidate, seed: Uint8Array): boolean {
  const fa = fee(a)
  const fb = fee(b)
  if (fa !== fb) return fa > fb
  return compareBytes(hash32(seed, a.id), hash32(seed, b.id)) < 0
}

/** `txs` must be the union of the proposals' transactions, each ID once. */
export function selectBlockTransactions(
  txs: readonly BlockTxCandidate[],
  blockSeed: Uint8Array,
  gasLimit: bigint,
): Uint8Array[] {
  const byPrincipal = new Map<string, Map<bigint, BlockTxCandidate[]>>()
  for (const tx of txs) {
    const p = hex(tx.principal)
    let nonces = byPrincipal.get(p)
    if (nonces === undefined) byPrincipal.set(p, (nonces = new Map()))
    const group = nonces.get(tx.nonce) ?? []
    if (group.length < MAX_TXS_PER_NONCE) group.push(tx)
    nonces.set(tx.nonce, group)
  }
  const perAccount = new Map<string, BlockTxCandidate[]>()
  for (const [p, nonces] of byPrincipal) {
    const accepted: BlockTxCandidate[] = []
    let balance = M64
    for (const nonce of [...nonces.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (accepted.length >= MAX_TXS_PER_ACCOUNT) break
      let best: BlockTxCandidate | undefined
      for (const tx of nonces.get(nonce) ?? []) {
        if (balance >= spending(tx) && (best === undefined || better(tx, best, blockSeed))) best = tx
      }
      if (best === undefined) continue
      accepted.push(best)
      balance -= spending(best)
    }
    if (accepted.length > 0) perAccount.set(p, accepted)
  }
  const candidates = [...perAccount.values()].flat().sort((a, b) => compareBytes(a.id, b.id))
  const words: bigint[] = []
  for (let i = 0; i < blockSeed.length; i += 8) {
    let w = 0n
    for (let k = Math.min(blockSeed.length, i + 8) - 1; k >= i; k--) w = (w << 8n) | BigInt(blockSeed[k]!)
    words.push(w)
  }
  shuffleLikeGo(createMt19937_64(words), candidates)
  const next = new Map<string, number>()
  const ordered: BlockTxCandidate[] = []
  for (const slot of candidates) {
    const p = hex(slot.principal)
    const i = next.get(p) ?? 0
    ordered.push(perAccount.get(p)![i]!)
    next.set(p, i + 1)
  }
  if (gasLimit === 0n) return ordered.map((tx) => tx.id)
  const out: Uint8Array[] = []
  let remaining = gasLimit
  for (const tx of ordered) {
    if (remaining < MIN_TX_GAS) break
    out.push(tx.id)
    remaining = (remaining - tx.maxGas) & M64
  }
  return out
}
