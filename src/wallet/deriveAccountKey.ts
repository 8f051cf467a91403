/**
 * Account keys exactly as smapp-lite derives them, so a mnemonic restores the same accounts in
 * both wallets:
 *   seed  = BIP-39 seed of the mnemonic (PBKDF2-HMAC-SHA512, 2048 rounds, empty passphrase)
 *   key   = SLIP-0010 ed25519 along m/44'/540'/0'/0'/i' (540 = Spacemesh's SLIP-44 coin type).
 * SLIP-0010 for ed25519 allows hardened steps only: the master key is HMAC-SHA512 keyed with
 * "ed25519 seed" over the seed; each step is HMAC-SHA512(chainCode, 0x00 ‖ key ‖ ser32(i + 2^31)),
 * whose left half is the child key and right half the child chain code.
 * The 32-byte child key is the ed25519 secret seed; the public key follows RFC 8032.
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { mnemonicToSeedSync } from '@scure/bip39'
import { deriveSlip10Ed25519 } from './deriveSlip10Ed25519.ts'
import { validateMnemonic } from './validateMnemonic.ts'
import { WalletError } from './WalletError.ts'

const HARDENED = 0x80000000
const SPACEMESH_COIN_TYPE = 540

export type AccountKey = { secretSeed: Uint8Array; publicKey: Uint8Array }

/** The path smapp-lite uses for account `index`. */
function accountPath(index: number): number[] {
  return [44, SPACEMESH_COIN_TYPE, 0, 0, index]
}

export function deriveAccountKey(mnemonic: string, index: number): AccountKey {
  if (!Number.isInteger(index) || index < 0 || index >= HARDENED) {
    throw new WalletError('BAD_ACCOUNT_INDEX', `index: expected an integer in [0, 2^31), got ${index}`)
  }
  const seed = mnemonicToSeedSync(validateMnemonic(mnemonic), '')
  const secretSeed = deriveSlip10Ed25519(seed, accountPath(index))
  return { secretSeed, publicKey: ed25519.getPublicKey(secretSeed) }
}
