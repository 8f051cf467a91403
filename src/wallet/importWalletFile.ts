/**
 * Reads an smapp-lite wallet file: decrypts it and turns its keys into our accounts. Keys on
 * the derivation path m/44'/540'/0'/0'/i' become account i (their public key is re-derived and
 * must match); imported raw keys and Ledger keys have no path and are left out.
 * Returns secrets and meta for `createWallet`; stores nothing itself.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { deriveAccountKey } from './deriveAccountKey.ts'
import { deriveArgon2Key } from './deriveArgon2Key.ts'
import { openArgon2Envelope } from './openArgon2Envelope.ts'
import { parseSmappWalletFile } from './parseSmappWalletFile.ts'
import { validateMnemonic } from './validateMnemonic.ts'
import { WalletError } from './WalletError.ts'
import { type AccountEntry, MAX_ACCOUNTS, type WalletMeta, type WalletSecrets } from './WalletSecrets.ts'

const PATH = /^m\/44'\/540'\/0'\/0'\/(\d{1,10})'$/

type KeyLike = { displayName?: unknown; path?: unknown; publicKey?: unknown }

export async function importWalletFile(
  text: string,
  password: string,
  onProgress?: (fraction: number) => void,
): Promise<{ secrets: WalletSecrets; meta: WalletMeta }> {
  const file = parseSmappWalletFile(text)
  const key = await deriveArgon2Key(password, file.crypto.kdfparams, onProgress)
  const plain = await openArgon2Envelope(file.crypto, key)
  let s: { mnemonic?: unknown; keys?: unknown; accounts?: unknown }
  try {
    s = JSON.parse(plain)
  } catch {
    throw new WalletError('BAD_WALLET_FILE', 'wallet file: decrypted content is not JSON')
  }
  if (typeof s.mnemonic !== 'string')
    throw new WalletError('BAD_WALLET_FILE', 'wallet file: no mnemonic inside')
  const mnemonic = validateMnemonic(s.mnemonic)
  // Newer files list key pairs in `keys`; older ones in `accounts`.
  const keyList = (Array.isArray(s.keys) ? s.keys : Array.isArray(s.accounts) ? s.accounts : []) as KeyLike[]
  const accounts: AccountEntry[] = []
  for (const k of keyList) {
    const m = typeof k?.path === 'string' ? PATH.exec(k.path) : null
    if (m === null || accounts.length >= MAX_ACCOUNTS) continue
    const index = Number(m[1])
    if (index >= 2 ** 31 || accounts.some((a) => a.index === index)) continue
    if (
      typeof k.publicKey === 'string' &&
      k.publicKey.replace(/^0x/, '').toLowerCase() !== bytesToHex(deriveAccountKey(mnemonic, index).publicKey)
    ) {
      throw new WalletError(
        'BAD_WALLET_FILE',
        `wallet file: key at ${k.path} does not belong to the mnemonic`,
      )
    }
    accounts.push({ name: typeof k.displayName === 'string' ? k.displayName : `Account ${index}`, index })
  }
  if (accounts.length === 0) accounts.push({ name: 'Account 0', index: 0 })
  return { secrets: { mnemonic, accounts }, meta: file.meta }
}
