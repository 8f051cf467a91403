/** Bytes as an unsigned big-endian integer (labels and difficulties compare this way). */
export function readBigEndian(bytes: Uint8Array): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return v
}
