/**
 * The VRF nonce threshold (Go `shared.PowDifficulty`, post-poet.md §1.3): `(2^256 / numLabels) << 3`,
 * 32 bytes big-endian, so about 8 labels of an allocation fall below it. Capped at 2^256 − 1 for
 * allocations of 8 labels or fewer.
 */
export function computeVrfDifficulty(numLabels: number): Uint8Array {
  if (!Number.isSafeInteger(numLabels) || numLabels < 1) {
    throw new RangeError(`numLabels: expected a positive integer, got ${numLabels}`)
  }
  const max = (1n << 256n) - 1n
  let v = ((1n << 256n) / BigInt(numLabels)) << 3n
  if (v > max) v = max
  const out = new Uint8Array(32)
  for (let i = 31; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn)
  return out
}
