/** The stored keystore as JSON text for backup (still encrypted; restore with importKeystore). */
import type { KeystoreStore } from './KeystoreStore.ts'
import { parseKeystoreRecord } from './parseKeystoreRecord.ts'
import { WalletError } from './WalletError.ts'

export async function exportKeystore(store: KeystoreStore): Promise<string> {
  const stored = await store.read()
  if (stored === undefined) throw new WalletError('NO_KEYSTORE', 'no wallet is stored in this browser')
  return JSON.stringify(parseKeystoreRecord(stored), null, 2)
}
