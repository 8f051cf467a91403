/**
 * Decrypts an smapp-lite envelope with a known Argon2 key and checks its MAC. A MAC mismatch
 * means the password (hence the key) is wrong or the file was altered; smapp-lite cannot tell
 * these apart either, so both are WRONG_PASSWORD.
 */
import { hexToBytes } from '@noble/hashes/utils.js'
import { computeEnvelopeMac } from './computeEnvelopeMac.ts'
import { runAesCtr } from './runAesCtr.ts'
import type { Argon2Envelope } from './SmappWalletFile.ts'
import { WalletError } from './WalletError.ts'

export async function openArgon2Envelope(envelope: Argon2Envelope, key: Uint8Array): Promise<string> {
  const plain = await runAesCtr(
    key as Uint8Array<ArrayBuffer>,
    hexToBytes(envelope.cipherParams.iv) as Uint8Array<ArrayBuffer>,
    hexToBytes(envelope.cipherText) as Uint8Array<ArrayBuffer>,
  )
  if (computeEnvelopeMac(plain, key) !== envelope.mac.toLowerCase()) {
    throw new WalletError(
      'WRONG_PASSWORD',
      'wallet file: the MAC does not match (wrong password or altered file)',
    )
  }
  return new TextDecoder().decode(plain)
}
