/**
 * Follow-up votes as a bit vector over the sender's first-vote list (go-spacemesh
 * `beacon/codec.go`): bit i set = support for proposal i, clear = against. The vector is the
 * big-endian minimal byte string of the integer Σ 2^i (go `big.Int.Bytes()`), so bit 0 is the
 * lowest bit of the last byte. At most 128 bytes (1024 proposals).
 */
export function encodeVotes(support: readonly boolean[]): Uint8Array {
  let v = 0n
  support.forEach((s, i) => {
    if (s) v |= 1n << BigInt(i)
  })
  const out: number[] = []
  for (; v > 0n; v >>= 8n) out.unshift(Number(v & 0xffn))
  return Uint8Array.from(out)
}

/** Support flags for the first `count` proposals of the list. */
export function decodeVotes(bits: Uint8Array, count: number): boolean[] {
  let v = 0n
  for (const b of bits) v = (v << 8n) | BigInt(b)
  return Array.from({ length: count }, (_, i) => ((v >> BigInt(i)) & 1n) === 1n)
}
