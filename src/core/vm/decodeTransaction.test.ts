import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { fuzzDecoder } from '../../testing/fuzzDecoder.ts'
import { thrownCode } from '../../testing/thrownCode.ts'
import { DecodeError, encode } from '../codec/index.ts'
import { hash32 } from '../crypto/hash.ts'
import { publicKeyFromSeed, verifyTransactionSignature } from '../crypto/signing.ts'
import { spawnPrincipal, walletPrincipal } from './computePrincipal.ts'
import { decodeTransaction } from './decodeTransaction.ts'
import { encodeSignedTransaction, encodeTransaction, signSingleSigTransaction } from './encodeTransaction.ts'
import { spendArgs, txPayload } from './transactionCodecs.ts'

const seed = hexToBytes('70726976617465206b6579202020202020202020202020202020202020202030')
const zeroGenesis = new Uint8Array(20)
// reference §8 vector 2
const spendHex =
  '000000000049bb3368abb5c34f7ef42023534b1419684e6fa5400004010203040000000000000000000000000000000000000000a10f4673b51d2c520c961b189e8155a0027af2950be0238662e9770e0a3c1e5f57206550a8fddddd25b588f9a3cf2febc37f0869e468e1bf3672b9c06d97c8ce0308'
const destination = concatBytes(hexToBytes('01020304'), new Uint8Array(20))

const codeOf = (f: () => unknown) => thrownCode(DecodeError, f)

describe('go-spacemesh vectors (reference §8)', () => {
  it('builds the wallet spend byte for byte and its ID', () => {
    const principal = walletPrincipal(publicKeyFromSeed(seed))
    const tx = { template: 'wallet', method: 'spend', principal, nonce: 0n, gasPrice: 1n } as const
    const signed = signSingleSigTransaction(seed, zeroGenesis, {
      ...tx,
      args: { destination, amount: 1000n },
    })
    expect(bytesToHex(signed)).toBe(spendHex)
    expect(bytesToHex(hash32(signed))).toBe(
      '9e8963dbd7566c06e007f0dab910168aab24d1ae9789cb896d2fb24778fc6002',
    )
  })

  it('decodes the spend', () => {
    const d = decodeTransaction(hexToBytes(spendHex))
    expect(d).toMatchObject({
      template: 'wallet',
      method: 'spend',
      nonce: 0n,
      gasPrice: 1n,
      signer: 'single',
    })
    expect(d.principalTemplate).toBe('wallet')
    if (d.method !== 'spend' || d.signer !== 'single') throw new Error('unreachable')
    expect(d.args).toEqual({ destination, amount: 1000n })
    const raw = hexToBytes(spendHex)
    const body = raw.subarray(0, d.bodyLength)
    expect(verifyTransactionSignature(publicKeyFromSeed(seed), zeroGenesis, body, d.signature)).toBe(true)
  })

  it('builds the self-spawn (148 bytes) and decodes it as signed by the wallet it spawns', () => {
    const publicKey = publicKeyFromSeed(seed)
    const body = { template: 'wallet', method: 'spawn', args: { publicKey } } as const
    const tx = { ...body, principal: spawnPrincipal(body), nonce: 0n, gasPrice: 1n }
    const signed = signSingleSigTransaction(seed, zeroGenesis, tx)
    expect(signed).toHaveLength(148)
    expect(bytesToHex(hash32(signed))).toBe(
      '04d41ec776d4d2f7a3b66f6d98ace043f4fd280a44e6257ae3a994540b187959',
    )
    expect(decodeTransaction(signed)).toMatchObject({ ...tx, principalTemplate: 'wallet', signer: 'single' })
  })

  it('encodes the wallet golden payload and spend arguments', () => {
    expect(bytesToHex(encode(txPayload, { nonce: 1543n, gasPrice: 111222333n }))).toBe('1d18f678841a')
    expect(bytesToHex(encode(txPayload, { nonce: 1543n, gasPrice: 256n }))).toBe('1d180104')
    const dest = concatBytes(new Uint8Array(21), hexToBytes('033333'))
    expect(bytesToHex(encode(spendArgs, { destination: dest, amount: 351n }))).toBe(
      '0000000000000000000000000000000000000000000333337d05',
    )
  })
})

describe('decodeTransaction rejects with a DecodeError code', () => {
  const raw = hexToBytes(spendHex)
  const principal = raw.slice(1, 25)

  it('names each failure', () => {
    expect(codeOf(() => decodeTransaction(concatBytes(Uint8Array.of(4), raw.subarray(1))))).toBe(
      'INVALID_VALUE',
    )
    const badMethod = raw.slice()
    badMethod[25] = 18 << 2
    expect(codeOf(() => decodeTransaction(badMethod))).toBe('INVALID_TAG')
    expect(codeOf(() => decodeTransaction(raw.subarray(0, 117), { principalTemplate: 'wallet' }))).toBe(
      'TRUNCATED',
    )
    expect(codeOf(() => decodeTransaction(raw.subarray(0, 117)))).toBeDefined()
    const wallet = { principalTemplate: 'wallet' } as const
    expect(codeOf(() => decodeTransaction(concatBytes(raw, Uint8Array.of(0)), wallet))).toBe('TRAILING_BYTES')
    expect(codeOf(() => decodeTransaction(new Uint8Array(1025)))).toBe('TOO_LONG')
    expect(codeOf(() => decodeTransaction(raw, { principalTemplate: 'vault' }))).toBe('INVALID_VALUE')
    expect(codeOf(() => decodeTransaction(new Uint8Array(0)))).toBe('TRUNCATED')
  })

  it('refuses an unknown template in a spawn', () => {
    const spawn = encodeTransaction({
      template: 'wallet',
      method: 'spawn',
      principal,
      nonce: 0n,
      gasPrice: 1n,
      args: { publicKey: new Uint8Array(32) },
    })
    spawn[26 + 23] = 9
    expect(codeOf(() => decodeTransaction(concatBytes(spawn, new Uint8Array(64))))).toBe('INVALID_VALUE')
  })

  it('refuses drain from anything but a vesting account', () => {
    const drain = encodeSignedTransaction({
      template: 'vesting',
      method: 'drain',
      principal,
      nonce: 1n,
      gasPrice: 1n,
      args: { vault: principal, destination, amount: 5n },
      signer: 'multi',
      signatures: [{ ref: 0, signature: new Uint8Array(64) }],
    })
    expect(decodeTransaction(drain).principalTemplate).toBe('vesting')
    expect(codeOf(() => decodeTransaction(drain, { principalTemplate: 'wallet' }))).toBe('INVALID_TAG')
  })

  it('checks multisig refs', () => {
    const spend = encodeTransaction({
      template: 'multisig',
      method: 'spend',
      principal,
      nonce: 1n,
      gasPrice: 1n,
      args: { destination, amount: 5n },
    })
    const part = (ref: number) => concatBytes(Uint8Array.of(ref << 2), new Uint8Array(64))
    const ok = concatBytes(spend, part(0), part(2))
    expect(decodeTransaction(ok)).toMatchObject({ principalTemplate: 'multisig', signer: 'multi' })
    expect(decodeTransaction(ok, { principalTemplate: 'vesting' })).toMatchObject({ template: 'vesting' })
    expect(codeOf(() => decodeTransaction(concatBytes(spend, part(2), part(2))))).toBe('INVALID_VALUE')
    expect(codeOf(() => decodeTransaction(concatBytes(spend, part(10))))).toBe('OUT_OF_RANGE')
    expect(codeOf(() => decodeTransaction(spend, { principalTemplate: 'multisig' }))).toBe('TRUNCATED')
    expect(codeOf(() => decodeTransaction(concatBytes(spend, part(1).subarray(0, 30))))).toBe('TRUNCATED')
  })

  it('accepts a padded compact64 nonce as go-scale does', () => {
    // nonce 2^30 as 5 big-mode bytes with a trailing zero: `07 00000040 00`.
    const body = concatBytes(raw.subarray(0, 26), hexToBytes('070000004000'), raw.subarray(27, 118 - 64))
    const d = decodeTransaction(concatBytes(body, new Uint8Array(64)))
    expect(d.nonce).toBe(2n ** 30n)
    expect(d.bodyLength).toBe(body.length)
  })

  it('refuses to build an oversized transaction', () => {
    const keys = Array.from({ length: 10 }, () => new Uint8Array(32))
    const signatures = keys.map((_, ref) => ({ ref, signature: new Uint8Array(64) }))
    // 1 + 24 + 1 + 24 + 1 + 1 + 1 + 1 + 320 + 10 × 65 = 1024 bytes: the largest that fits.
    const tx = { principal, nonce: 0n, gasPrice: 1n, signer: 'multi' as const, signatures }
    const args = { required: 10, publicKeys: keys }
    const largest = encodeSignedTransaction({ ...tx, template: 'multisig', method: 'spawn', args })
    expect(decodeTransaction(largest)).toMatchObject({ signer: 'multi', bodyLength: 374 })
    tx.nonce = 1n << 6n // one more byte
    expect(() => encodeSignedTransaction({ ...tx, template: 'multisig', method: 'spawn', args })).toThrow(
      /1024/,
    )
  })
})

describe('decodeTransaction under fuzzing', () => {
  const principal = hexToBytes(spendHex).slice(1, 25)
  const common = { principal, nonce: 1n << 40n, gasPrice: 1n } as const
  const parts = [
    { ref: 0, signature: new Uint8Array(64).fill(1) },
    { ref: 3, signature: new Uint8Array(64).fill(2) },
  ]
  const samples = [
    hexToBytes(spendHex),
    encodeSignedTransaction({
      ...common,
      template: 'multisig',
      method: 'spawn',
      args: { required: 2, publicKeys: [new Uint8Array(32), new Uint8Array(32).fill(7)] },
      signer: 'multi',
      signatures: parts,
    }),
    encodeSignedTransaction({
      ...common,
      template: 'vesting',
      method: 'drain',
      args: { vault: principal, destination, amount: 2n ** 63n },
      signer: 'multi',
      signatures: parts,
    }),
    encodeSignedTransaction({
      ...common,
      template: 'vault',
      method: 'spawn',
      args: {
        owner: principal,
        totalAmount: 10n ** 15n,
        initialUnlockAmount: 1n,
        vestingStart: 105120,
        vestingEnd: 420480,
      },
      signer: 'multi',
      signatures: parts,
    }),
  ]
  fuzzDecoder('decodeTransaction', (b) => decodeTransaction(b), samples, { runs: 2000 })
  fuzzDecoder(
    'decodeTransaction as a wallet',
    (b) => decodeTransaction(b, { principalTemplate: 'wallet' }),
    samples.slice(0, 1),
  )
})
