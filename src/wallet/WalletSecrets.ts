/**
 * What the keystore encrypts. Keys are never stored: each account is a derivation index of the
 * mnemonic (m/44'/540'/0'/0'/index'), so a lost keystore is restored from the words alone.
 */
export type AccountEntry = { name: string; index: number }

export type WalletSecrets = { mnemonic: string; accounts: AccountEntry[] }

/** Shown without a password (wallet name, creation time); never holds secrets. */
export type WalletMeta = { displayName: string; created: string }

/** Bound on accounts per wallet (LIMITS.md): keeps unlock (one derivation each) well under a second. */
export const MAX_ACCOUNTS = 100
