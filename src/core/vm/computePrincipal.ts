/**
 * Account addresses of genvm (`genvm/core/hash.go ComputePrincipal`): an account is named by the
 * template it runs and the arguments it was spawned with, so anyone can compute an address —
 * and send to it — before it is spawned:
 *
 *   principal = 0x00000000 ‖ blake3(template(24) ‖ scale(spawnArgs))[12..32]
 *
 * The 4 zero bytes are the address's reserved space (see `crypto/address.ts`).
 */
import { ADDRESS_LENGTH, ADDRESS_RESERVED_LENGTH } from '../crypto/address.ts'
import { hash32 } from '../crypto/hash.ts'
import { encodeSpawnArgs, type SpawnBody } from './encodeSpawnArgs.ts'
import { TEMPLATE_ADDRESSES, WALLET_TEMPLATE } from './templates.ts'

/** The address of the account spawned from `template` with SCALE-encoded `spawnArgs`. */
export function computePrincipal(template: Uint8Array, spawnArgs: Uint8Array): Uint8Array {
  if (template.length !== ADDRESS_LENGTH) {
    throw new RangeError(`template: expected ${ADDRESS_LENGTH} bytes, got ${template.length}`)
  }
  const h = hash32(template, spawnArgs)
  const out = new Uint8Array(ADDRESS_LENGTH)
  out.set(h.subarray(32 - (ADDRESS_LENGTH - ADDRESS_RESERVED_LENGTH)), ADDRESS_RESERVED_LENGTH)
  return out
}

/** The single-signature wallet address of an ed25519 public key (spawn args = the raw key). */
export function walletPrincipal(publicKey: Uint8Array): Uint8Array {
  if (publicKey.length !== 32) throw new RangeError(`publicKey: expected 32 bytes, got ${publicKey.length}`)
  return computePrincipal(WALLET_TEMPLATE, publicKey)
}

/** The address an account spawned with `body` will have (what a self-spawn's principal is). */
export function spawnPrincipal(body: SpawnBody): Uint8Array {
  return computePrincipal(TEMPLATE_ADDRESSES[body.template], encodeSpawnArgs(body))
}
