/**
 * Public view of each account: its key and the bech32 address of its single-sig wallet
 * principal (go-spacemesh wallet template, `blake3(template ‖ pubkey)`).
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { encodeAddress } from '../core/crypto/address.ts'
import { walletPrincipal } from '../core/vm/computePrincipal.ts'
import { deriveAccountKey } from './deriveAccountKey.ts'
import type { WalletSecrets } from './WalletSecrets.ts'

export type AccountView = { name: string; index: number; publicKey: string; address: string }

export function listAccounts(secrets: WalletSecrets, hrp: string): AccountView[] {
  return secrets.accounts.map(({ name, index }) => {
    const { publicKey } = deriveAccountKey(secrets.mnemonic, index)
    return {
      name,
      index,
      publicKey: bytesToHex(publicKey),
      address: encodeAddress(walletPrincipal(publicKey), hrp),
    }
  })
}
