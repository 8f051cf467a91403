/**
 * Creates the keystore from a mnemonic and a password and stores it. Refuses to replace an
 * existing keystore unless `replace` is set (import over an old wallet is an explicit choice).
 * Everything is encrypted before the single write, so a failure stores nothing.
 */
import { deriveKeystoreKey } from './deriveKeystoreKey.ts'
import { KEYSTORE_ITERATIONS } from './KeystoreRecord.ts'
import type { KeystoreStore } from './KeystoreStore.ts'
import type { UnlockedWallet } from './openKeystore.ts'
import { sealKeystore } from './sealKeystore.ts'
import { validateMnemonic } from './validateMnemonic.ts'
import { WalletError } from './WalletError.ts'
import { type AccountEntry, MAX_ACCOUNTS, type WalletSecrets } from './WalletSecrets.ts'

export const MIN_PASSWORD_LENGTH = 8

export type CreateWalletParameters = {
  mnemonic: string
  password: string
  displayName?: string
  accounts?: AccountEntry[]
  replace?: boolean
  /** Tests lower this to keep them fast; the default is KEYSTORE_ITERATIONS. */
  iterations?: number
}

export async function createWallet(store: KeystoreStore, p: CreateWalletParameters): Promise<UnlockedWallet> {
  if (p.password.length < MIN_PASSWORD_LENGTH) {
    throw new WalletError(
      'WEAK_PASSWORD',
      `password: expected at least ${MIN_PASSWORD_LENGTH} characters, got ${p.password.length}`,
    )
  }
  const accounts = p.accounts ?? [{ name: 'Account 0', index: 0 }]
  if (accounts.length === 0 || accounts.length > MAX_ACCOUNTS) {
    throw new WalletError(
      'BAD_ACCOUNT_INDEX',
      `accounts: expected 1..${MAX_ACCOUNTS}, got ${accounts.length}`,
    )
  }
  const secrets: WalletSecrets = { mnemonic: validateMnemonic(p.mnemonic), accounts }
  if (!p.replace && (await store.read()) !== undefined) {
    throw new WalletError(
      'KEYSTORE_EXISTS',
      'a wallet is already stored here; import with replace to overwrite it',
    )
  }
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const key = await deriveKeystoreKey(p.password, salt, p.iterations ?? KEYSTORE_ITERATIONS)
  const meta = { displayName: p.displayName ?? 'My Spacemesh Wallet', created: new Date().toISOString() }
  await store.write(await sealKeystore(secrets, meta, key))
  return { secrets, meta, key }
}
