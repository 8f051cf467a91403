/**
 * Which proven indices a verifier re-derives (post-rs `verification.rs` `Mode::Subset` with
 * `random_values_gen.rs`): a Fisher–Yates shuffle of the (position, index) pairs driven by the
 * BLAKE3 XOF of `seed ‖ nodeId ‖ challenge`, read as u16 little-endian values; a value is
 * rejected when ≥ 65535 − (65535 mod remaining) so every choice is unbiased; the first k3 pairs
 * are kept. k3 ≥ the number of indices means all of them, in proof order.
 */
import { blake3 } from '@noble/hashes/blake3.js'

export interface IndexToVerify {
  readonly position: number
  readonly index: number
}

/** XOF bytes drawn per refill; a draw rarely needs more than one u16 per pick. */
const XOF_CHUNK = 256

export function selectIndicesToVerify(
  indices: readonly number[],
  k3: number,
  seedParts: readonly Uint8Array[],
): IndexToVerify[] {
  const pairs = indices.map((index, position) => ({ position, index }))
  if (k3 >= pairs.length) return pairs
  if (pairs.length > 0xffff) throw new RangeError(`indices: expected at most 65535, got ${pairs.length}`)
  const h = blake3.create()
  for (const part of seedParts) h.update(part)
  // Successive xof() calls continue one output stream; chunks are even so no u16 straddles two.
  let stream = h.xof(XOF_CHUNK)
  let offset = 0
  const nextU16 = (): number => {
    if (offset === stream.length) {
      stream = h.xof(XOF_CHUNK)
      offset = 0
    }
    const v = stream[offset]! | (stream[offset + 1]! << 8)
    offset += 2
    return v
  }
  for (let i = 0; i < k3; i++) {
    const remaining = pairs.length - i
    const maxAllowed = 0xffff - (0xffff % remaining)
    let r = nextU16()
    while (r >= maxAllowed) r = nextU16()
    const j = i + (r % remaining)
    const tmp = pairs[i]!
    pairs[i] = pairs[j]!
    pairs[j] = tmp
  }
  return pairs.slice(0, k3)
}
