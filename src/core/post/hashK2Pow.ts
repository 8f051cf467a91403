/**
 * The k2pow hash. post-rs hashes a 48-byte input with RandomX; we keep its input layout and
 * replace RandomX with BLAKE3 so a browser tab can solve it (see ARCHITECTURE.md "k2pow"):
 *
 *   bytes 0..6   the low 7 bytes of the pow nonce, little-endian (search space 2^56)
 *   byte  7      the nonce group (nonce / 16), which must fit in a u8
 *   bytes 8..15  the first 8 bytes of the 32-byte PoST challenge
 *   bytes 16..47 the node id
 *
 * A pow is valid when this hash, read big-endian, is below `scalePowDifficulty(...)`.
 */
import { blake3 } from '@noble/hashes/blake3.js'

export interface K2PowInput {
  readonly nonceGroup: number
  readonly challenge: Uint8Array
  readonly nodeId: Uint8Array
}

/** The 48-byte input with the pow bytes zero; `hashK2Pow` and `solveK2Pow` fill bytes 0..6. */
export function layoutK2PowInput(input: K2PowInput): Uint8Array {
  const { nonceGroup, challenge, nodeId } = input
  if (!Number.isInteger(nonceGroup) || nonceGroup < 0 || nonceGroup > 255) {
    throw new RangeError(`nonceGroup: expected 0..255, got ${nonceGroup}`)
  }
  if (challenge.length !== 32) throw new RangeError(`challenge: expected 32 bytes, got ${challenge.length}`)
  if (nodeId.length !== 32) throw new RangeError(`nodeId: expected 32 bytes, got ${nodeId.length}`)
  const buf = new Uint8Array(48)
  buf[7] = nonceGroup
  buf.set(challenge.subarray(0, 8), 8)
  buf.set(nodeId, 16)
  return buf
}

/** Writes the low 7 bytes of `pow` little-endian into `buf[0..7]`. */
export function writePowNonce(buf: Uint8Array, pow: bigint): void {
  let lo = Number(pow & 0xffff_ffffn)
  let hi = Number((pow >> 32n) & 0xff_ffffn)
  for (let i = 0; i < 4; i++, lo >>>= 8) buf[i] = lo & 0xff
  for (let i = 4; i < 7; i++, hi >>>= 8) buf[i] = hi & 0xff
}

/** The 32-byte k2pow hash of `pow` for this nonce group, challenge and node. */
export function hashK2Pow(pow: bigint, input: K2PowInput): Uint8Array {
  const buf = layoutK2PowInput(input)
  writePowNonce(buf, pow)
  return blake3(buf)
}
