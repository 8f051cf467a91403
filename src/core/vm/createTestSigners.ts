/**
 * Deterministic key holders for VM and mempool tests: wallets and k-of-n multisig/vesting owners
 * whose seeds come from a seeded `Rng`, with builders for the raw signed transactions they send.
 * Test support only — nothing in the protocol imports it.
 */

import { publicKeyFromSeed } from '../crypto/signing.ts'
import type { Rng } from '../sim/createRng.ts'
import { spawnPrincipal } from './computePrincipal.ts'
import {
  encodeSignedTransaction,
  encodeTransaction,
  signMultiSigPart,
  signSingleSigTransaction,
} from './encodeTransaction.ts'
import type { UnsignedTransaction } from './Transaction.ts'
import type { VaultSpawnArgs } from './transactionCodecs.ts'

export interface TxOptions {
  readonly nonce: bigint
  readonly gasPrice?: bigint
}

export interface TestSigner {
  readonly address: Uint8Array
  readonly template: 'wallet' | 'multisig' | 'vesting'
  /** Self-spawn. */
  spawn(o: TxOptions): Uint8Array
  spend(destination: Uint8Array, amount: bigint, o: TxOptions): Uint8Array
  /** Signs any body with this principal's keys (e.g. a vault spawn or a drain). */
  sign(tx: UnsignedTransaction): Uint8Array
}

export function createTestWallet(
  rng: Rng,
  genesisId: Uint8Array,
): TestSigner & { seed: Uint8Array; publicKey: Uint8Array } {
  const seed = rng.bytes(32)
  const publicKey = publicKeyFromSeed(seed)
  const address = spawnPrincipal({ template: 'wallet', method: 'spawn', args: { publicKey } })
  const sign = (tx: UnsignedTransaction): Uint8Array => signSingleSigTransaction(seed, genesisId, tx)
  return {
    seed,
    publicKey,
    address,
    template: 'wallet',
    sign,
    spawn: (o) =>
      sign({
        template: 'wallet',
        method: 'spawn',
        args: { publicKey },
        principal: address,
        nonce: o.nonce,
        gasPrice: o.gasPrice ?? 1n,
      }),
    spend: (destination, amount, o) =>
      sign({
        template: 'wallet',
        method: 'spend',
        args: { destination, amount },
        principal: address,
        nonce: o.nonce,
        gasPrice: o.gasPrice ?? 1n,
      }),
  }
}

/** k-of-n owner; `signers` picks which key indices sign (default the first k). */
export function createTestMultiSig(
  rng: Rng,
  genesisId: Uint8Array,
  template: 'multisig' | 'vesting',
  required: number,
  keys: number,
  signers?: number[],
): TestSigner & { spawnArgs: { required: number; publicKeys: Uint8Array[] } } {
  const seeds = Array.from({ length: keys }, () => rng.bytes(32))
  const publicKeys = seeds.map(publicKeyFromSeed)
  const spawnArgs = { required, publicKeys }
  const address = spawnPrincipal({ template, method: 'spawn', args: spawnArgs })
  const refs = signers ?? Array.from({ length: required }, (_, i) => i)
  const sign = (tx: UnsignedTransaction): Uint8Array => {
    const raw = encodeTransaction(tx)
    const signatures = refs.map((ref) => signMultiSigPart(seeds[ref]!, genesisId, raw, ref))
    return encodeSignedTransaction({ ...tx, signer: 'multi', signatures })
  }
  return {
    address,
    template,
    spawnArgs,
    sign,
    spawn: (o) =>
      sign({
        template,
        method: 'spawn',
        args: spawnArgs,
        principal: address,
        nonce: o.nonce,
        gasPrice: o.gasPrice ?? 1n,
      }),
    spend: (destination, amount, o) =>
      sign({
        template,
        method: 'spend',
        args: { destination, amount },
        principal: address,
        nonce: o.nonce,
        gasPrice: o.gasPrice ?? 1n,
      }),
  }
}

/** A vesting owner spawning its vault (principal = the vesting account, template = vault). */
export function spawnVaultTx(owner: TestSigner, args: VaultSpawnArgs, o: TxOptions): Uint8Array {
  return owner.sign({
    template: 'vault',
    method: 'spawn',
    args,
    principal: owner.address,
    nonce: o.nonce,
    gasPrice: o.gasPrice ?? 1n,
  })
}

export function drainVaultTx(
  owner: TestSigner,
  vault: Uint8Array,
  destination: Uint8Array,
  amount: bigint,
  o: TxOptions,
): Uint8Array {
  return owner.sign({
    template: 'vesting',
    method: 'drain',
    args: { vault, destination, amount },
    principal: owner.address,
    nonce: o.nonce,
    gasPrice: o.gasPrice ?? 1n,
  })
}
