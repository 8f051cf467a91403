/**
 * Public view of each account: its key and the bech32 address of its single-sig wallet
 * principal (go-spacemesh wallet template, `blake3(template ‖ pubkey)`).
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { encodeAddress } from '../core/crypto/address.ts'
import { walletPrincipal } from '../core/vm/computePrincipal.ts'
import { deriveAccountKeys } from './deriveAccountKeys.ts'
import type { WalletSecrets } from './WalletSecrets.ts'

export type AccountView = { name: string; index: number; publicKey: string; address: string }

export function listAccounts(secrets: WalletSecrets, hrp: string): AccountView[] {
  const keys = deriveAccountKeys(
    secrets.mnemonic,
    secrets.accounts.map((a) => a.index),
  )
  return secrets.accounts.map(({ name, index }, i) => {
    const { publicKey } = keys[i]!
    return {
      name,
      index,
      publicKey: bytesToHex(publicKey),
      address: encodeAddress(walletPrincipal(publicKey), hrp),
    }
  })
}
