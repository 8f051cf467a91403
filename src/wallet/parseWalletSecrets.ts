/** Validates decrypted keystore plaintext: a valid mnemonic and a bounded list of distinct accounts. */
import { validateMnemonic } from './validateMnemonic.ts'
import { WalletError } from './WalletError.ts'
import { type AccountEntry, MAX_ACCOUNTS, type WalletSecrets } from './WalletSecrets.ts'

export function parseWalletSecrets(text: string): WalletSecrets {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw new WalletError('CORRUPT_KEYSTORE', 'keystore: decrypted secrets are not JSON')
  }
  const r = v as { mnemonic?: unknown; accounts?: unknown }
  if (typeof r?.mnemonic !== 'string' || !Array.isArray(r.accounts)) {
    throw new WalletError('CORRUPT_KEYSTORE', 'keystore: expected {mnemonic, accounts} in the secrets')
  }
  if (r.accounts.length === 0 || r.accounts.length > MAX_ACCOUNTS) {
    throw new WalletError(
      'CORRUPT_KEYSTORE',
      `keystore: expected 1..${MAX_ACCOUNTS} accounts, got ${r.accounts.length}`,
    )
  }
  const seen = new Set<number>()
  const accounts: AccountEntry[] = r.accounts.map((a: unknown, i: number) => {
    const { name, index } = (a ?? {}) as { name?: unknown; index?: unknown }
    if (
      typeof name !== 'string' ||
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < 0 ||
      seen.has(index)
    ) {
      throw new WalletError('CORRUPT_KEYSTORE', `keystore: account ${i} is not a {name, distinct index ≥ 0}`)
    }
    seen.add(index)
    return { name, index }
  })
  return { mnemonic: validateMnemonic(r.mnemonic), accounts }
}
