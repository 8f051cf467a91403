/**
 * Wire formats of genvm transactions, version 0 (`genvm/vm.go parse`, `genvm/templates/*`):
 *
 *   c8 version = 0 ‖ principal [24] ‖ c8 method
 *   ‖ template [24]                       only for spawn (method 0)
 *   ‖ c64 nonce ‖ c64 gasPrice            core.Payload, parsed by the principal's template
 *   ‖ arguments                           parsed by the target template (see below)
 *   ‖ signature(s)                        per the principal's template
 *
 * | template | spawn arguments                                    | other methods            |
 * | wallet   | publicKey [32]                                     | spend 16                 |
 * | multisig | required c8, publicKeys Vec<[32], 10>              | spend 16                 |
 * | vesting  | as multisig                                        | spend 16, drain 17       |
 * | vault    | owner [24], total c64, initial c64, start c32, end c32 | (relayed by its owner) |
 *
 * spend = destination [24], amount c64; drain = vault [24], destination [24], amount c64.
 * A wallet signs with one 64-byte signature; multisig and vesting with `required` parts
 * `{ref c8, sig [64]}`, no count prefix, refs strictly increasing and below the key count.
 * A transaction is at most `TX_SIZE_LIMIT` bytes (`core.TxSizeLimit`).
 *
 * Integers that go-spacemesh reads as compact64 use `compact64Lax`: the signature covers the
 * raw bytes, so a padded-but-valid encoding is a valid transaction on the network.
 */
import { type Codec, compact8, compact32, compact64Lax, fixedBytes, list, struct } from '../codec/index.ts'
import { ADDRESS_LENGTH } from '../crypto/address.ts'
import { PUBLIC_KEY_LENGTH, SIGNATURE_LENGTH } from '../crypto/signing.ts'

/** `core.TxSizeLimit`: go-spacemesh refuses to parse a longer raw transaction. */
export const TX_SIZE_LIMIT = 1024
/** multisig/vesting `PublicKeys` bound (`scale:"max=10"`). */
export const MAX_MULTISIG_KEYS = 10
/** The only transaction version (`parse`: "unsupported version"). */
export const TX_VERSION = 0

const address = fixedBytes(ADDRESS_LENGTH)
const publicKey = fixedBytes(PUBLIC_KEY_LENGTH)
const signature = fixedBytes(SIGNATURE_LENGTH)

export type WalletSpawnArgs = { publicKey: Uint8Array }
export type MultiSigSpawnArgs = { required: number; publicKeys: Uint8Array[] }
export type VaultSpawnArgs = {
  owner: Uint8Array
  totalAmount: bigint
  initialUnlockAmount: bigint
  vestingStart: number
  vestingEnd: number
}
export type SpendArgs = { destination: Uint8Array; amount: bigint }
export type DrainArgs = { vault: Uint8Array; destination: Uint8Array; amount: bigint }
export type TxPayload = { nonce: bigint; gasPrice: bigint }
export type MultiSigPart = { ref: number; signature: Uint8Array }

export const walletSpawnArgs: Codec<WalletSpawnArgs> = struct({ publicKey })
export const multiSigSpawnArgs: Codec<MultiSigSpawnArgs> = struct({
  required: compact8,
  publicKeys: list(publicKey, MAX_MULTISIG_KEYS),
})
export const vaultSpawnArgs: Codec<VaultSpawnArgs> = struct({
  owner: address,
  totalAmount: compact64Lax,
  initialUnlockAmount: compact64Lax,
  vestingStart: compact32,
  vestingEnd: compact32,
})
export const spendArgs: Codec<SpendArgs> = struct({ destination: address, amount: compact64Lax })
export const drainArgs: Codec<DrainArgs> = struct({
  vault: address,
  destination: address,
  amount: compact64Lax,
})
export const txPayload: Codec<TxPayload> = struct({ nonce: compact64Lax, gasPrice: compact64Lax })
export const multiSigPart: Codec<MultiSigPart> = struct({ ref: compact8, signature })
