/**
 * The four standard account templates of genvm (`genvm/templates/*`). A template is addressed by
 * a 24-byte constant that is zero except for its last byte. A principal's template decides how
 * its transactions are signed (`wallet`: one key; `multisig`/`vesting`: k of n keys; `vault`:
 * never — a vault only moves funds when its owner relays a drain).
 */
import { ADDRESS_LENGTH } from '../crypto/address.ts'

function templateAddress(last: number): Uint8Array {
  const a = new Uint8Array(ADDRESS_LENGTH)
  a[ADDRESS_LENGTH - 1] = last
  return a
}

export const TemplateName = ['wallet', 'multisig', 'vesting', 'vault'] as const
export type TemplateName = (typeof TemplateName)[number]

/** `wallet.TemplateAddress` …01: single-signature account. */
export const WALLET_TEMPLATE = templateAddress(1)
/** `multisig.TemplateAddress` …02: k-of-n account. */
export const MULTISIG_TEMPLATE = templateAddress(2)
/** `vesting.TemplateAddress` …03: k-of-n account that can drain vaults it owns. */
export const VESTING_TEMPLATE = templateAddress(3)
/** `vault.TemplateAddress` …04: time-locked funds owned by a vesting account. */
export const VAULT_TEMPLATE = templateAddress(4)

export const TEMPLATE_ADDRESSES: Readonly<Record<TemplateName, Uint8Array>> = Object.freeze({
  wallet: WALLET_TEMPLATE,
  multisig: MULTISIG_TEMPLATE,
  vesting: VESTING_TEMPLATE,
  vault: VAULT_TEMPLATE,
})

/** The template a 24-byte address names, or undefined when it is none of the four. */
export function templateNameOf(address: Uint8Array): TemplateName | undefined {
  if (address.length !== ADDRESS_LENGTH) return undefined
  for (let i = 0; i < ADDRESS_LENGTH - 1; i++) if (address[i] !== 0) return undefined
  return TemplateName[address[ADDRESS_LENGTH - 1]! - 1]
}

/** Method selectors (`core.MethodSpawn`, `MethodSpend`, vesting `MethodDrainVault`). */
export const Method = { SPAWN: 0, SPEND: 16, DRAIN: 17 } as const
export type MethodName = keyof typeof Method
export type MethodValue = (typeof Method)[MethodName]
