/**
 * The VRF nonce threshold `PowDifficulty(numLabels) = (2^256 / numLabels) << 3` (go
 * `shared.PowDifficulty`, post-poet.md §1.3): about 8 labels of an allocation fall below it.
 */
export function computeVrfDifficulty(numLabels: number): bigint {
  return (2n ** 256n / BigInt(numLabels)) << 3n
}
