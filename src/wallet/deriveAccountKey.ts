/**
 * Account keys exactly as smapp-lite derives them, so a mnemonic restores the same accounts in
 * both wallets:
 *   seed  = BIP-39 seed of the mnemonic (PBKDF2-HMAC-SHA512, 2048 rounds, empty passphrase)
 *   key   = SLIP-0010 ed25519 along m/44'/540'/0'/0'/i' (540 = Spacemesh's SLIP-44 coin type).
 * The 32-byte child key is the ed25519 secret seed; the public key follows RFC 8032.
 */
import { deriveAccountKeys } from './deriveAccountKeys.ts'

export type AccountKey = { secretSeed: Uint8Array; publicKey: Uint8Array }

export function deriveAccountKey(mnemonic: string, index: number): AccountKey {
  const [key] = deriveAccountKeys(mnemonic, [index])
  return key!
}
