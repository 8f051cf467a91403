/**
 * How much of a vault has vested at `layer` (`vault.go Vested`): nothing before the start, all of
 * it from the end on, linear in between with the product taken exactly (big integers) before the
 * floor division. `initialUnlockAmount` is stored but genvm does not use it.
 */
import type { VaultSpawnArgs } from './transactionCodecs.ts'

export function computeVestedAmount(vault: VaultSpawnArgs, layer: number): bigint {
  if (layer < vault.vestingStart) return 0n
  if (layer >= vault.vestingEnd) return vault.totalAmount
  return (
    (vault.totalAmount * BigInt(layer - vault.vestingStart)) / BigInt(vault.vestingEnd - vault.vestingStart)
  )
}
