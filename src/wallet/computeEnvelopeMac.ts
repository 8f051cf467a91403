/** smapp-lite's MAC: HMAC-SHA256 keyed with the ASCII lowercase hex of the Argon2 key, over the plaintext. */
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

export function computeEnvelopeMac(plaintext: Uint8Array, key: Uint8Array): string {
  return bytesToHex(hmac(sha256, new TextEncoder().encode(bytesToHex(key)), plaintext))
}
