/**
 * The k2pow threshold grows harder linearly with the space proven (post-rs
 * `scale_pow_difficulty`): the preset's 256-bit big-endian `powDifficulty` divided by numUnits.
 */
export function scalePowDifficulty(powDifficulty: Uint8Array, numUnits: number): Uint8Array {
  if (powDifficulty.length !== 32) {
    throw new RangeError(`powDifficulty: expected 32 bytes, got ${powDifficulty.length}`)
  }
  if (!Number.isInteger(numUnits) || numUnits < 1) {
    throw new RangeError(`numUnits: expected a positive integer, got ${numUnits}`)
  }
  let value = 0n
  for (const b of powDifficulty) value = (value << 8n) | BigInt(b)
  value /= BigInt(numUnits)
  const out = new Uint8Array(32)
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(value & 0xffn)
    value >>= 8n
  }
  return out
}
