/** Unpacks `count` indices of `bits` bits each, LSB first (inverse of `compressIndices`). */
export function decompressIndices(packed: Uint8Array, bits: number, count: number): number[] {
  if (!Number.isInteger(bits) || bits < 0 || bits > 53) {
    throw new RangeError(`bits: expected 0..53, got ${bits}`)
  }
  if (packed.length * 8 < bits * count) {
    throw new RangeError(
      `packed: expected at least ${Math.ceil((bits * count) / 8)} bytes, got ${packed.length}`,
    )
  }
  const out: number[] = []
  let pos = 0
  for (let i = 0; i < count; i++) {
    let v = 0
    let weight = 1
    for (let b = 0; b < bits; b++, pos++, weight *= 2) {
      if ((packed[pos >> 3]! >> (pos & 7)) & 1) v += weight
    }
    out.push(v)
  }
  return out
}
