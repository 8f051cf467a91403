/** Reads the stored keystore and decrypts it; NO_KEYSTORE when nothing is stored. Never writes. */
import type { KeystoreStore } from './KeystoreStore.ts'
import { openKeystore, type UnlockedWallet } from './openKeystore.ts'
import { WalletError } from './WalletError.ts'

export async function unlockWallet(store: KeystoreStore, password: string): Promise<UnlockedWallet> {
  const stored = await store.read()
  if (stored === undefined) throw new WalletError('NO_KEYSTORE', 'no wallet is stored in this browser')
  return openKeystore(stored, password)
}
