/**
 * One error class for the wallet, with one `code` per failure so callers (UI, CLI) can branch
 * on it and show a precise message. Nothing in the wallet throws anything else on bad input.
 */
export type WalletErrorCode =
  | 'BAD_MNEMONIC_WORD'
  | 'BAD_MNEMONIC_CHECKSUM'
  | 'BAD_MNEMONIC_LENGTH'
  | 'BAD_ACCOUNT_INDEX'
  | 'WRONG_PASSWORD'
  | 'CORRUPT_KEYSTORE'
  | 'NO_KEYSTORE'
  | 'KEYSTORE_EXISTS'
  | 'LOCKED'
  | 'BAD_WALLET_FILE'
  | 'WEAK_PASSWORD'

export class WalletError extends Error {
  override readonly name = 'WalletError'
  constructor(
    readonly code: WalletErrorCode,
    message: string,
  ) {
    super(message)
  }
}
