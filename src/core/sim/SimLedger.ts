/**
 * A simulated node's account state over layers: the VM state after each applied layer, so a
 * Tortoise revert (`updates().revertFrom`, protocol-spec §11.9) rolls back to the state before
 * that layer by reference and re-applies. `applyBlock` is pure; this only keeps the history.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import type { Block } from '../mesh/blockCodec.ts'
import { type ApplyBlockResult, applyBlock, type VmParams } from '../vm/applyBlock.ts'
import type { CoinbaseReward } from '../vm/distributeRewards.ts'
import type { VmState } from '../vm/VmState.ts'

export interface AppliedSimLayer {
  readonly layer: number
  /** Block ID hex, '' for an empty layer. */
  readonly block: string
  readonly root: Uint8Array
  /** IDs (hex) of txs executed (success or failure) in this layer. */
  readonly executed: readonly string[]
  /** Coinbases (hex) that received a reward. */
  readonly rewarded: readonly string[]
  readonly state: VmState
}

export class SimLedger {
  private readonly history: AppliedSimLayer[] = []
  reverts = 0

  constructor(
    readonly genesis: VmState,
    private readonly params: VmParams,
  ) {}

  get state(): VmState {
    return this.history[this.history.length - 1]?.state ?? this.genesis
  }

  get layers(): readonly AppliedSimLayer[] {
    return this.history
  }

  /** Removes every applied layer ≥ `from`; returns them, oldest first. */
  revert(from: number): AppliedSimLayer[] {
    const removed: AppliedSimLayer[] = []
    while ((this.history[this.history.length - 1]?.layer ?? -1) >= from) removed.unshift(this.history.pop()!)
    if (removed.length > 0) this.reverts++
    return removed
  }

  apply(
    layer: number,
    block: Block | undefined,
    blockId: string,
    txs: readonly Uint8Array[],
    /** Ids whose signatures the node's TxPool already verified (applyBlock `isVerified`). */
    isVerified: (id: Uint8Array) => boolean,
    coinbase: (atxId: Uint8Array) => Uint8Array | undefined,
  ): ApplyBlockResult {
    const rewards = block === undefined ? [] : toCoinbaseRewards(block, coinbase)
    const r = applyBlock(this.state, { layer, txs, rewards, params: this.params, isVerified })
    this.history.push({
      layer,
      block: blockId,
      root: r.root,
      executed: r.results.filter((x) => x.status !== 'ineffective').map((x) => bytesToHex(x.id)),
      rewarded: r.rewards.filter((x) => x.totalReward > 0n).map((x) => bytesToHex(x.coinbase)),
      state: r.state,
    })
    return r
  }
}

/** Block reward weights are reduced fractions; scale them to integers over their common denominator. */
function toCoinbaseRewards(
  block: Block,
  coinbase: (atxId: Uint8Array) => Uint8Array | undefined,
): CoinbaseReward[] {
  let lcm = 1n
  for (const r of block.rewards) lcm = (lcm * r.weight.denom) / gcd(lcm, r.weight.denom)
  const out: CoinbaseReward[] = []
  for (const r of block.rewards) {
    const cb = coinbase(r.atxId)
    const weight = (r.weight.num * lcm) / r.weight.denom
    if (cb !== undefined && weight > 0n) out.push({ coinbase: cb, weight })
  }
  return out
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}
