/**
 * The stored keystore (our own format, version 1): secrets encrypted with AES-256-GCM under a
 * key stretched from the password by PBKDF2-HMAC-SHA256. PBKDF2 yields 64 bytes: the first 32
 * are the AES key, the SHA-256 of the last 32 is kept as `check`. The check tells a wrong
 * password (check differs) from a damaged ciphertext (check matches, GCM tag fails), and costs
 * an attacker exactly as much as the AES key would.
 */
import type { WalletMeta } from './WalletSecrets.ts'

export type KeystoreRecord = {
  version: 1
  meta: WalletMeta
  kdf: { name: 'PBKDF2-SHA256'; iterations: number; salt: string }
  check: string
  cipher: { name: 'AES-256-GCM'; iv: string }
  cipherText: string
}

/**
 * OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Measured 0.3 s in Node 20 and 0.8 s in Chromium's
 * WebCrypto on this project's 2-core machine under heavy load (load average ~16).
 */
export const KEYSTORE_ITERATIONS = 600_000
/** Refuse records asking for more work than this, so a crafted file cannot hang the tab. */
export const MAX_KEYSTORE_ITERATIONS = 10_000_000
/** Largest keystore JSON accepted (LIMITS.md): 100 accounts × ~60 B + mnemonic ≪ 64 KiB. */
export const MAX_KEYSTORE_BYTES = 64 * 1024
