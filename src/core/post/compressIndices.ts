/**
 * Index packing of a proof (post-rs `compression.rs`): each index keeps its low `bits` bits,
 * written least-significant bit first into a bit stream that fills each byte from bit 0 up.
 * `bits` is `countIndexBits(numLabels)`, so the packed length is ceil(bits × K2 / 8).
 */
export function compressIndices(indices: readonly number[], bits: number): Uint8Array {
  if (!Number.isInteger(bits) || bits < 0 || bits > 53) {
    throw new RangeError(`bits: expected 0..53, got ${bits}`)
  }
  const out = new Uint8Array(Math.ceil((indices.length * bits) / 8))
  let pos = 0
  for (const index of indices) {
    if (!Number.isSafeInteger(index) || index < 0) {
      throw new RangeError(`index: expected a non-negative safe integer, got ${index}`)
    }
    let v = index
    for (let b = 0; b < bits; b++, pos++) {
      if (v % 2 === 1) out[pos >> 3]! |= 1 << (pos & 7)
      v = Math.floor(v / 2)
    }
  }
  return out
}

/** Bits per packed index: the bit length of numLabels itself (post-rs `required_bits`). */
export function countIndexBits(numLabels: number): number {
  if (!Number.isSafeInteger(numLabels) || numLabels < 0) {
    throw new RangeError(`numLabels: expected a non-negative safe integer, got ${numLabels}`)
  }
  let bits = 0
  for (let v = numLabels; v > 0; v = Math.floor(v / 2)) bits++
  return bits
}
