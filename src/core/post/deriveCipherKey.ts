/**
 * AES-128 keys of the proving scan (post-rs `cipher.rs` `AesCipher::new` / `new_lazy`):
 *   group key  = blake3(challenge ‖ u32le(nonceGroup) ‖ u64le(pow))[0..16]
 *   nonce key  = blake3(challenge ‖ u32le(nonceGroup) ‖ u64le(pow) ‖ u32le(nonce))[0..16]
 * The group key encrypts every label (one output byte per nonce of the group); the nonce key
 * ("lazy" cipher) is used only when a byte ties the difficulty's msb.
 */
import { blake3 } from '@noble/hashes/blake3.js'

export function deriveCipherKey(
  challenge: Uint8Array,
  nonceGroup: number,
  pow: bigint,
  nonce?: number,
): Uint8Array {
  if (challenge.length !== 32) throw new RangeError(`challenge: expected 32 bytes, got ${challenge.length}`)
  const buf = new Uint8Array(nonce === undefined ? 44 : 48)
  const view = new DataView(buf.buffer)
  buf.set(challenge)
  view.setUint32(32, nonceGroup, true)
  view.setBigUint64(36, BigInt.asUintN(64, pow), true)
  if (nonce !== undefined) view.setUint32(44, nonce, true)
  return blake3(buf).slice(0, 16)
}
