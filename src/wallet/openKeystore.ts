/**
 * Decrypts a keystore record with a password. A wrong password gives WRONG_PASSWORD; a record
 * whose password check matches but whose ciphertext fails the GCM tag, or whose fields are
 * malformed, gives CORRUPT_KEYSTORE. Reading never changes what is stored.
 */
import { hexToBytes } from '@noble/hashes/utils.js'
import { deriveKeystoreKey, type KeystoreKey } from './deriveKeystoreKey.ts'
import { parseKeystoreRecord } from './parseKeystoreRecord.ts'
import { parseWalletSecrets } from './parseWalletSecrets.ts'
import { WalletError } from './WalletError.ts'
import type { WalletMeta, WalletSecrets } from './WalletSecrets.ts'

export type UnlockedWallet = { secrets: WalletSecrets; meta: WalletMeta; key: KeystoreKey }

export async function openKeystore(stored: unknown, password: string): Promise<UnlockedWallet> {
  const record = parseKeystoreRecord(stored)
  const salt = hexToBytes(record.kdf.salt) as Uint8Array<ArrayBuffer>
  const key = await deriveKeystoreKey(password, salt, record.kdf.iterations)
  if (key.check !== record.check) throw new WalletError('WRONG_PASSWORD', 'wrong password for this wallet')
  let plain: Uint8Array
  try {
    const iv = hexToBytes(record.cipher.iv) as Uint8Array<ArrayBuffer>
    const data = hexToBytes(record.cipherText) as Uint8Array<ArrayBuffer>
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key.key, data))
  } catch {
    throw new WalletError(
      'CORRUPT_KEYSTORE',
      'keystore: the password is right but the encrypted data is damaged',
    )
  }
  const secrets = parseWalletSecrets(new TextDecoder().decode(plain))
  plain.fill(0)
  return { secrets, meta: record.meta, key }
}
