/**
 * Keys for several accounts of one mnemonic. The BIP-39 seed (2048 rounds of PBKDF2-SHA512) is
 * the slow part, so it is computed once here rather than once per account.
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { mnemonicToSeedSync } from '@scure/bip39'
import type { AccountKey } from './deriveAccountKey.ts'
import { deriveSlip10Ed25519 } from './deriveSlip10Ed25519.ts'
import { validateMnemonic } from './validateMnemonic.ts'
import { WalletError } from './WalletError.ts'

export function deriveAccountKeys(mnemonic: string, indices: readonly number[]): AccountKey[] {
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 0 || index >= 2 ** 31) {
      throw new WalletError('BAD_ACCOUNT_INDEX', `index: expected an integer in [0, 2^31), got ${index}`)
    }
  }
  const seed = mnemonicToSeedSync(validateMnemonic(mnemonic), '')
  return indices.map((index) => {
    const secretSeed = deriveSlip10Ed25519(seed, [44, 540, 0, 0, index])
    return { secretSeed, publicKey: ed25519.getPublicKey(secretSeed) }
  })
}
