/**
 * Property tests: our transaction codecs against @spacemesh/sm-codec 0.8.0 (what smapp-lite and
 * the explorer use) for random inputs — raw bytes, signed bytes, decoding, principals and the
 * signing body. sm-codec encodes the gas price as compact32, go-spacemesh as compact64: the
 * bytes agree below 2^32, so gas prices are drawn there.
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { concatBytes } from '@noble/hashes/utils.js'
import sm from '@spacemesh/sm-codec'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { signTransaction } from '../crypto/signing.ts'
import { spawnPrincipal } from './computePrincipal.ts'
import { decodeTransaction } from './decodeTransaction.ts'
import { encodeSignedTransaction, encodeTransaction, signSingleSigTransaction } from './encodeTransaction.ts'
import type { TransactionAuth, UnsignedTransaction } from './Transaction.ts'

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n })
const u64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })
const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 })
const common = { principal: bytes(24), nonce: u64, gasPrice: fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }) }
const spend = fc.record({ destination: bytes(24), amount: u64 })
const multiSpawn = fc.record({
  required: fc.integer({ min: 0, max: 255 }),
  publicKeys: fc.array(bytes(32), { maxLength: 10 }),
})
const vaultSpawn = fc.record({
  owner: bytes(24),
  totalAmount: u64,
  initialUnlockAmount: u64,
  vestingStart: u32,
  vestingEnd: u32,
})
const drain = fc.record({ vault: bytes(24), destination: bytes(24), amount: u64 })

const tx = fc.oneof(
  fc.record({
    ...common,
    template: fc.constant('wallet'),
    method: fc.constant('spawn'),
    args: fc.record({ publicKey: bytes(32) }),
  }),
  fc.record({ ...common, template: fc.constant('wallet'), method: fc.constant('spend'), args: spend }),
  fc.record({
    ...common,
    template: fc.constantFrom('multisig', 'vesting'),
    method: fc.constant('spawn'),
    args: multiSpawn,
  }),
  fc.record({
    ...common,
    template: fc.constantFrom('multisig', 'vesting'),
    method: fc.constant('spend'),
    args: spend,
  }),
  fc.record({ ...common, template: fc.constant('vesting'), method: fc.constant('drain'), args: drain }),
  fc.record({ ...common, template: fc.constant('vault'), method: fc.constant('spawn'), args: vaultSpawn }),
) as fc.Arbitrary<UnsignedTransaction>

const singleAuth = fc.record({ signer: fc.constant('single' as const), signature: bytes(64) })
const multiAuth = fc.record({
  signer: fc.constant('multi' as const),
  signatures: fc
    .uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 8 })
    .chain((refs) =>
      fc.tuple(
        ...refs.sort((a, b) => a - b).map((ref) => bytes(64).map((signature) => ({ ref, signature }))),
      ),
    ),
})
const auth: fc.Arbitrary<TransactionAuth> = fc.oneof(singleAuth, multiAuth)

/** A transaction with the signature kind its principal would use (any kind for a spawn). */
const signedTx = tx.chain((t) =>
  fc.tuple(fc.constant(t), t.method === 'spawn' ? auth : t.template === 'wallet' ? singleAuth : multiAuth),
)

const templateKey = {
  wallet: sm.SingleSigTemplate,
  multisig: sm.MultiSigTemplate,
  vesting: sm.VestingTemplate,
  vault: sm.VaultTemplate,
} as const
const selector = { spawn: 0, spend: 16, drain: 17 } as const

// biome-ignore lint/suspicious/noExplicitAny: sm-codec's per-method types are a generic zoo
function smMethod(t: UnsignedTransaction): any {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  return (templateKey[t.template].methods as any)[selector[t.method]]
}

function smArgs(t: UnsignedTransaction): Record<string, unknown> {
  switch (t.method) {
    case 'spend':
      return { Destination: t.args.destination, Amount: t.args.amount }
    case 'drain':
      return { Vault: t.args.vault, Destination: t.args.destination, Amount: t.args.amount }
    case 'spawn':
      if (t.template === 'wallet') return { PublicKey: t.args.publicKey }
      if (t.template === 'vault')
        return {
          Owner: t.args.owner,
          TotalAmount: t.args.totalAmount,
          InitialUnlockAmount: t.args.initialUnlockAmount,
          VestingStart: BigInt(t.args.vestingStart),
          VestingEnd: BigInt(t.args.vestingEnd),
        }
      return { Required: BigInt(t.args.required), PublicKeys: t.args.publicKeys }
  }
}

function smEncode(t: UnsignedTransaction): Uint8Array {
  return smMethod(t).encode(t.principal, { Nonce: t.nonce, GasPrice: t.gasPrice, Arguments: smArgs(t) })
}

function smSignatureBytes(a: TransactionAuth): Uint8Array {
  if (a.signer === 'single') return sm.Codecs.SingleSig.enc(a.signature)
  return sm.Codecs.MultiSig.enc(a.signatures.map((p) => ({ Ref: BigInt(p.ref), Sig: p.signature })))
}

describe('transaction codecs agree with @spacemesh/sm-codec 0.8.0', () => {
  it('encodes the same raw bytes', () => {
    fc.assert(
      fc.property(tx, (t) => {
        expect(encodeTransaction(t)).toEqual(smEncode(t))
      }),
      { numRuns: 500 },
    )
  })

  it('encodes the same signed bytes', () => {
    fc.assert(
      fc.property(tx, auth, (t, a) => {
        const ours = encodeSignedTransaction({ ...t, ...a })
        expect(ours).toEqual(concatBytes(smEncode(t), smSignatureBytes(a)))
      }),
      { numRuns: 300 },
    )
  })

  it('decodes what sm-codec decodes', () => {
    fc.assert(
      fc.property(signedTx, ([t, a]) => {
        const raw = encodeSignedTransaction({ ...t, ...a })
        // A drain is vesting-only; other principals are told by their account (here: the input).
        const principalTemplate = t.template === 'vault' ? undefined : t.template
        const d = decodeTransaction(
          raw,
          principalTemplate && t.method !== 'spawn' ? { principalTemplate } : {},
        )
        const theirs = smMethod(t).decode(raw)
        expect(d.principal).toEqual(theirs.Principal)
        expect(d.nonce).toBe(theirs.Payload.Nonce)
        expect(d.gasPrice).toBe(theirs.Payload.GasPrice)
        expect(d.method).toBe(t.method)
        expect(d.bodyLength).toBe(encodeTransaction(t).length)
        expect(smArgs(d)).toEqual(theirs.Payload.Arguments)
        expect(d.signer).toBe(a.signer)
        // sm-codec ties a spawn's signature to the spawned template, though the spawner may be
        // another kind of account (a vesting account spawns a vault): there compare with the input.
        const smSigner = t.template === 'wallet' || t.template === 'vault' ? 'single' : 'multi'
        if (smSigner !== a.signer) expect({ ...d }).toMatchObject(a)
        else if (d.signer === 'single') expect(d.signature).toEqual(theirs.Signature ?? smSignatureBytes(a))
        else
          expect(d.signatures.map((p) => ({ Ref: BigInt(p.ref), Sig: p.signature }))).toEqual(
            theirs.Signatures,
          )
      }),
      { numRuns: 300 },
    )
  })

  it('computes the same principals', () => {
    const spawns = tx.filter((t) => t.method === 'spawn')
    fc.assert(
      fc.property(spawns, (t) => {
        if (t.method !== 'spawn') return
        expect(spawnPrincipal(t)).toEqual(smMethod(t).principal(smArgs(t)))
      }),
      { numRuns: 300 },
    )
  })

  it('signs genesisId ‖ raw, the bytes sm-codec encodes', () => {
    fc.assert(
      fc.property(tx, bytes(32), bytes(20), (t, seed, genesisId) => {
        const single = { ...t, template: 'wallet', method: 'spend' } as UnsignedTransaction
        if (t.method !== 'spend') return
        const signed = signSingleSigTransaction(seed, genesisId, single)
        const body = smEncode(single)
        const sig = signed.subarray(body.length)
        expect(signed.subarray(0, body.length)).toEqual(body)
        expect(ed25519.verify(sig, concatBytes(genesisId, body), ed25519.getPublicKey(seed))).toBe(true)
        expect(sig).toEqual(signTransaction(seed, genesisId, body))
      }),
      { numRuns: 50 },
    )
  })
})
