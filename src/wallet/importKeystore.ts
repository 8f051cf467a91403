/**
 * Imports a keystore exported by `exportKeystore` (our JSON format). It is decrypted with the
 * password first; only a keystore that opens is stored, so a bad file or a wrong password
 * leaves the current wallet untouched.
 */

import { MAX_KEYSTORE_BYTES } from './KeystoreRecord.ts'
import type { KeystoreStore } from './KeystoreStore.ts'
import { openKeystore, type UnlockedWallet } from './openKeystore.ts'
import { parseKeystoreRecord } from './parseKeystoreRecord.ts'
import { WalletError } from './WalletError.ts'

export async function importKeystore(
  store: KeystoreStore,
  json: string,
  password: string,
): Promise<UnlockedWallet> {
  if (json.length > MAX_KEYSTORE_BYTES) {
    throw new WalletError(
      'CORRUPT_KEYSTORE',
      `keystore: expected at most ${MAX_KEYSTORE_BYTES} bytes, got ${json.length}`,
    )
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new WalletError('CORRUPT_KEYSTORE', 'keystore: the file is not JSON')
  }
  const wallet = await openKeystore(value, password)
  await store.write(parseKeystoreRecord(value))
  return wallet
}
