/**
 * Layer rewards (`genvm/rewards.go`, protocol-spec §15): the layer's subsidy plus the fees of its
 * executed transactions are shared among the block's coinbases in proportion to their weight
 * (from their ATXs and eligibilities). Each share is floored exactly — ⌊total × w / Σw⌋ with
 * big integers — and whatever the floors leave over is burnt, as genvm does; so is everything
 * when the block lists no rewards. Entries are processed in coinbase byte order (how go-spacemesh
 * sorts block rewards), which fixes the reward list's order; balances do not depend on it.
 */
import { bytesToHex } from '@noble/curves/utils.js'

export interface CoinbaseReward {
  /** 24-byte address credited. */
  readonly coinbase: Uint8Array
  /** Positive weight (an integer; go carries a rational, scale it to integers). */
  readonly weight: bigint
}

export interface LayerReward {
  readonly coinbase: Uint8Array
  /** Share of subsidy + fees (`Reward.TotalReward`). */
  readonly totalReward: bigint
  /** Share of the subsidy alone (`Reward.LayerReward`), for display. */
  readonly layerReward: bigint
}

export interface RewardDistribution {
  readonly rewards: LayerReward[]
  /** Subsidy + fees that no coinbase received. */
  readonly burnt: bigint
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

export function distributeRewards(
  subsidy: bigint,
  fees: bigint,
  entries: readonly CoinbaseReward[],
): RewardDistribution {
  const total = subsidy + fees
  let totalWeight = 0n
  for (const e of entries) {
    if (e.coinbase.length !== 24)
      throw new RangeError(`coinbase: expected 24 bytes, got ${e.coinbase.length}`)
    if (e.weight <= 0n)
      throw new RangeError(`weight of ${bytesToHex(e.coinbase)}: expected > 0, got ${e.weight}`)
    totalWeight += e.weight
  }
  const sorted = [...entries].sort((a, b) => compareBytes(a.coinbase, b.coinbase))
  let paid = 0n
  const rewards = sorted.map((e) => {
    const totalReward = (total * e.weight) / totalWeight
    paid += totalReward
    return { coinbase: e.coinbase, totalReward, layerReward: (subsidy * e.weight) / totalWeight }
  })
  return { rewards, burnt: total - paid }
}
