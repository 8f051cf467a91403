/**
 * Adds the next derived account (lowest unused index) to an unlocked wallet, re-encrypts under
 * the same key with a fresh IV and replaces the stored record in one write.
 */
import type { KeystoreStore } from './KeystoreStore.ts'
import type { UnlockedWallet } from './openKeystore.ts'
import { sealKeystore } from './sealKeystore.ts'
import { WalletError } from './WalletError.ts'
import { MAX_ACCOUNTS } from './WalletSecrets.ts'

export async function addAccount(
  store: KeystoreStore,
  wallet: UnlockedWallet,
  name?: string,
): Promise<UnlockedWallet> {
  const { accounts } = wallet.secrets
  if (accounts.length >= MAX_ACCOUNTS) {
    throw new WalletError('BAD_ACCOUNT_INDEX', `accounts: at most ${MAX_ACCOUNTS} per wallet`)
  }
  const used = new Set(accounts.map((a) => a.index))
  let index = 0
  while (used.has(index)) index++
  const secrets = { ...wallet.secrets, accounts: [...accounts, { name: name ?? `Account ${index}`, index }] }
  await store.write(await sealKeystore(secrets, wallet.meta, wallet.key))
  return { ...wallet, secrets }
}
