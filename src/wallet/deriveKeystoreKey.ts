/** PBKDF2-HMAC-SHA256 (WebCrypto) → a non-extractable AES-GCM key and the password check value. */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

export type KeystoreKey = { key: CryptoKey; check: string; salt: Uint8Array<ArrayBuffer>; iterations: number }

export async function deriveKeystoreKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<KeystoreKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ])
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512),
  )
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ])
  const check = bytesToHex(sha256(bits.subarray(32)))
  bits.fill(0)
  return { key, check, salt, iterations }
}
