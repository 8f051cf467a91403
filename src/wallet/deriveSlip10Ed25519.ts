/**
 * SLIP-0010 key derivation for ed25519 (hardened steps only, as the curve requires): the master
 * node is HMAC-SHA512("ed25519 seed", seed); each step is HMAC-SHA512(chainCode, 0x00 ‖ key ‖
 * ser32(i + 2^31)), left half = child key, right half = child chain code.
 */
import { hmac } from '@noble/hashes/hmac.js'
import { sha512 } from '@noble/hashes/sha2.js'

const HARDENED = 0x80000000
const MASTER_KEY_TAG = new TextEncoder().encode('ed25519 seed')

/** SLIP-0010 ed25519 private key for a path of hardened indices (each below 2^31). */
export function deriveSlip10Ed25519(seed: Uint8Array, path: readonly number[]): Uint8Array {
  let node = hmac(sha512, MASTER_KEY_TAG, seed)
  for (const index of path) {
    const data = new Uint8Array(37)
    data.set(node.subarray(0, 32), 1)
    new DataView(data.buffer).setUint32(33, (index | HARDENED) >>> 0, false)
    node = hmac(sha512, node.subarray(32), data)
  }
  return node.slice(0, 32)
}
