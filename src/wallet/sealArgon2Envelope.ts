/** Encrypts text into an smapp-lite envelope (fresh 16-byte salt and IV). */
import { bytesToHex } from '@noble/hashes/utils.js'
import { computeEnvelopeMac } from './computeEnvelopeMac.ts'
import { deriveArgon2Key } from './deriveArgon2Key.ts'
import { runAesCtr } from './runAesCtr.ts'
import { type Argon2Envelope, SMAPP_ARGON2_DEFAULTS } from './SmappWalletFile.ts'

export type Argon2Cost = { iterations: number; memorySize: number; parallelism: number }

export async function sealArgon2Envelope(
  plaintext: string,
  password: string,
  cost: Argon2Cost = SMAPP_ARGON2_DEFAULTS,
  onProgress?: (fraction: number) => void,
): Promise<Argon2Envelope> {
  const kdfparams = { salt: bytesToHex(crypto.getRandomValues(new Uint8Array(16))), ...cost }
  const key = await deriveArgon2Key(password, kdfparams, onProgress)
  const iv = crypto.getRandomValues(new Uint8Array(16))
  const plain = new TextEncoder().encode(plaintext)
  const cipherText = await runAesCtr(key as Uint8Array<ArrayBuffer>, iv, plain)
  return {
    kdf: 'ARGON2',
    kdfparams,
    cipher: 'AES-256-CTR',
    cipherParams: { iv: bytesToHex(iv) },
    cipherText: bytesToHex(cipherText),
    mac: computeEnvelopeMac(plain, key),
  }
}
