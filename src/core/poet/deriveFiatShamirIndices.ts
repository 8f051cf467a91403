/**
 * The Fiat–Shamir choice of leaves a PoET proof must open (poet `shared.FiatShamir`, reference
 * post-poet.md §3.2): `d_k = SHA256(root ‖ u32be(k))` for k = 0, 1, …, index =
 * `u64be(d_k[0..8]) mod leafCount`, until `t` distinct indices; every leaf when leafCount ≤ t.
 * The root commits to all labels, so the prover cannot pick which leaves get checked.
 */
import { sha256 } from '@noble/hashes/sha2.js'

/** The distinct indices, ascending. */
export function deriveFiatShamirIndices(root: Uint8Array, leafCount: number, t: number): number[] {
  if (!Number.isSafeInteger(leafCount) || leafCount < 1) {
    throw new RangeError(`leafCount: expected a positive safe integer, got ${leafCount}`)
  }
  if (leafCount <= t) return Array.from({ length: leafCount }, (_, i) => i)
  const chosen = new Set<number>()
  const input = new Uint8Array(root.length + 4)
  input.set(root, 0)
  const view = new DataView(input.buffer)
  const n = BigInt(leafCount)
  for (let k = 0; chosen.size < t; k++) {
    view.setUint32(root.length, k)
    const d = sha256(input)
    const v = new DataView(d.buffer, d.byteOffset, 8).getBigUint64(0)
    chosen.add(Number(v % n))
  }
  return [...chosen].sort((a, b) => a - b)
}
