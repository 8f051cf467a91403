/** Encrypts secrets into a KeystoreRecord under an already derived key (fresh 12-byte IV each time). */
import { bytesToHex } from '@noble/hashes/utils.js'
import type { KeystoreKey } from './deriveKeystoreKey.ts'
import type { KeystoreRecord } from './KeystoreRecord.ts'
import type { WalletMeta, WalletSecrets } from './WalletSecrets.ts'

export async function sealKeystore(
  secrets: WalletSecrets,
  meta: WalletMeta,
  k: KeystoreKey,
): Promise<KeystoreRecord> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const plain = new TextEncoder().encode(JSON.stringify(secrets))
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k.key, plain))
  plain.fill(0)
  return {
    version: 1,
    meta,
    kdf: { name: 'PBKDF2-SHA256', iterations: k.iterations, salt: bytesToHex(k.salt) },
    check: k.check,
    cipher: { name: 'AES-256-GCM', iv: bytesToHex(iv) },
    cipherText: bytesToHex(sealed),
  }
}
