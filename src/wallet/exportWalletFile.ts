/**
 * Writes an smapp-lite wallet file for an unlocked wallet: each account becomes a derived key
 * (secretKey = 32-byte seed ‖ public key, as smapp-lite stores it) plus a single-sig account
 * whose spawn argument is that key. smapp-lite opens the result with the same password.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { deriveAccountKey } from './deriveAccountKey.ts'
import { SMAPP_ARGON2_DEFAULTS, type SmappSecrets, type SmappWalletFile } from './SmappWalletFile.ts'
import { type Argon2Cost, sealArgon2Envelope } from './sealArgon2Envelope.ts'
import type { WalletMeta, WalletSecrets } from './WalletSecrets.ts'

const SINGLE_SIG_TEMPLATE = `${'00'.repeat(23)}01`

export async function exportWalletFile(
  wallet: { secrets: WalletSecrets; meta: WalletMeta },
  password: string,
  cost: Argon2Cost = SMAPP_ARGON2_DEFAULTS,
  onProgress?: (fraction: number) => void,
): Promise<string> {
  const { mnemonic, accounts } = wallet.secrets
  const keys = accounts.map(({ name, index }) => {
    const k = deriveAccountKey(mnemonic, index)
    const secret = new Uint8Array(64)
    secret.set(k.secretSeed)
    secret.set(k.publicKey, 32)
    return {
      displayName: name,
      created: wallet.meta.created,
      path: `m/44'/540'/0'/0'/${index}'`,
      publicKey: bytesToHex(k.publicKey),
      secretKey: bytesToHex(secret),
    }
  })
  const secrets: SmappSecrets = {
    mnemonic,
    keys,
    accounts: keys.map((k) => ({
      displayName: k.displayName,
      templateAddress: SINGLE_SIG_TEMPLATE,
      spawnArguments: { PublicKey: k.publicKey },
    })),
    contacts: [],
  }
  const file: SmappWalletFile = {
    meta: wallet.meta,
    crypto: await sealArgon2Envelope(JSON.stringify(secrets), password, cost, onProgress),
  }
  return JSON.stringify(file, null, 2)
}
