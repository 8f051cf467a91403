/**
 * The bytes of an account that the state commitment hashes: go-spacemesh's `types.Account` SCALE
 * (`common/types/account.go`) without its `Layer` field —
 *
 *   Address [24] ‖ NextNonce c64 ‖ Balance c64 ‖ TemplateAddress Option<[24]> ‖ State Bytes<10000>
 *
 * State is the template struct's SCALE, which for all four templates is the spawn arguments'
 * encoding. Layer is left out so an account's leaf changes only when the account does.
 */
import { compact64, encode, fixedBytes, option, bytes as scaleBytes, struct } from '../codec/index.ts'
import type { Account, AccountTemplate } from './Account.ts'
import { encodeSpawnArgs, type SpawnBody } from './encodeSpawnArgs.ts'
import { TEMPLATE_ADDRESSES } from './templates.ts'

/** `types.Account` State bound (`scale:"max=10000"`). */
export const MAX_ACCOUNT_STATE_BYTES = 10_000

const accountCodec = struct({
  address: fixedBytes(24),
  nextNonce: compact64,
  balance: compact64,
  template: option(fixedBytes(24)),
  state: scaleBytes(MAX_ACCOUNT_STATE_BYTES),
})

export function encodeAccount(account: Account): Uint8Array {
  const s = account.spawned
  return encode(accountCodec, {
    address: account.address,
    nextNonce: account.nextNonce,
    balance: account.balance,
    template: s === undefined ? undefined : TEMPLATE_ADDRESSES[s.template],
    state: s === undefined ? new Uint8Array(0) : encodeSpawnArgs(toSpawnBody(s)),
  })
}

function toSpawnBody(t: AccountTemplate): SpawnBody {
  switch (t.template) {
    case 'wallet':
      return { template: t.template, method: 'spawn', args: t.args }
    case 'vault':
      return { template: t.template, method: 'spawn', args: t.args }
    case 'multisig':
    case 'vesting':
      return { template: t.template, method: 'spawn', args: t.args }
  }
}
