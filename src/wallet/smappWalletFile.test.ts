import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { rejectedCode } from '../testing/thrownCode.ts'
import { deriveAccountKey } from './deriveAccountKey.ts'
import { exportWalletFile } from './exportWalletFile.ts'
import fixture from './fixtures/smapp-lite-aes-ctr-argon2.json' with { type: 'json' }
import vectors from './fixtures/wallet-derivation.json' with { type: 'json' }
import { importWalletFile } from './importWalletFile.ts'
import { openArgon2Envelope } from './openArgon2Envelope.ts'
import type { Argon2Envelope, SmappSecrets, SmappWalletFile } from './SmappWalletFile.ts'
import { sealArgon2Envelope } from './sealArgon2Envelope.ts'
import { WalletError } from './WalletError.ts'

const envelope = fixture.envelope as Argon2Envelope
const CHEAP = { iterations: 1, memorySize: 64, parallelism: 1 } // format test only; smapp-lite uses 7 / 64 MiB
const mnemonic = vectors.vectors[0]!.mnemonic
const wallet = {
  secrets: {
    mnemonic,
    accounts: [
      { name: 'Main', index: 0 },
      { name: 'Second', index: 3 },
    ],
  },
  meta: { displayName: 'Test wallet', created: '2026-11-27T00:00:00.000Z' },
}

const codeOf = (p: Promise<unknown>) => rejectedCode(WalletError, p)

describe('smapp-lite AES-256-CTR + HMAC envelope', () => {
  it('opens the smapp-lite fixture with its Argon2 key', async () => {
    expect(await openArgon2Envelope(envelope, hexToBytes(fixture.argon2Key))).toBe(fixture.plaintext)
  })

  it('rejects a wrong key or an altered ciphertext with WRONG_PASSWORD', async () => {
    const wrongKey = hexToBytes(fixture.argon2Key)
    wrongKey[0]! ^= 1
    expect(await codeOf(openArgon2Envelope(envelope, wrongKey))).toBe('WRONG_PASSWORD')
    const altered = { ...envelope, cipherText: `00${envelope.cipherText.slice(2)}` }
    expect(await codeOf(openArgon2Envelope(altered, hexToBytes(fixture.argon2Key)))).toBe('WRONG_PASSWORD')
  })

  it('seals text that opens again and is new each time', async () => {
    const a = await sealArgon2Envelope('secret text', 'pw', CHEAP)
    const b = await sealArgon2Envelope('secret text', 'pw', CHEAP)
    expect(a.cipherText).not.toBe(b.cipherText)
    expect(a.kdfparams).toMatchObject(CHEAP)
  })
})

describe('smapp-lite wallet file import/export', () => {
  it('exports keys as smapp-lite stores them (seed ‖ public key, single-sig accounts)', async () => {
    const text = await exportWalletFile(wallet, 'pass@123', CHEAP)
    const file = JSON.parse(text) as SmappWalletFile
    expect(file.meta).toEqual(wallet.meta)
    expect(file.crypto.kdf).toBe('ARGON2')
    const { argon2idAsync } = await import('@noble/hashes/argon2.js')
    const key = await argon2idAsync('pass@123', hexToBytes(file.crypto.kdfparams.salt), {
      t: 1,
      m: 64,
      p: 1,
      dkLen: 32,
    })
    const secrets = JSON.parse(await openArgon2Envelope(file.crypto, key)) as SmappSecrets
    const k3 = deriveAccountKey(mnemonic, 3)
    expect(secrets.mnemonic).toBe(mnemonic)
    expect(secrets.keys[1]).toMatchObject({
      displayName: 'Second',
      path: "m/44'/540'/0'/0'/3'",
      publicKey: bytesToHex(k3.publicKey),
      secretKey: bytesToHex(k3.secretSeed) + bytesToHex(k3.publicKey),
    })
    expect(secrets.accounts[0]).toEqual({
      displayName: 'Main',
      templateAddress: '000000000000000000000000000000000000000000000001',
      spawnArguments: { PublicKey: vectors.vectors[0]!.publicKey },
    })
  })

  it('imports what it exported, and refuses a wrong password', async () => {
    const text = await exportWalletFile(wallet, 'pass@123', CHEAP)
    expect(await importWalletFile(text, 'pass@123')).toEqual(wallet)
    expect(await codeOf(importWalletFile(text, 'pass@124'))).toBe('WRONG_PASSWORD')
  })

  it('rejects keys that do not belong to the mnemonic', async () => {
    const foreign = {
      mnemonic,
      keys: [
        {
          displayName: 'x',
          created: '',
          path: "m/44'/540'/0'/0'/0'",
          publicKey: '11'.repeat(32),
          secretKey: '',
        },
      ],
      accounts: [],
      contacts: [],
    }
    const file = { meta: wallet.meta, crypto: await sealArgon2Envelope(JSON.stringify(foreign), 'pw', CHEAP) }
    expect(await codeOf(importWalletFile(JSON.stringify(file), 'pw'))).toBe('BAD_WALLET_FILE')
  })

  it('rejects malformed files, legacy AES-GCM files and unbounded Argon2 costs before any work', async () => {
    expect(await codeOf(importWalletFile('not json', 'pw'))).toBe('BAD_WALLET_FILE')
    expect(
      await codeOf(importWalletFile(JSON.stringify({ meta: {}, crypto: { cipher: 'AES-GCM' } }), 'pw')),
    ).toBe('BAD_WALLET_FILE')
    const huge = {
      meta: {},
      crypto: { ...envelope, kdfparams: { ...envelope.kdfparams, memorySize: 2 ** 30 } },
    }
    expect(await codeOf(importWalletFile(JSON.stringify(huge), 'pw'))).toBe('BAD_WALLET_FILE')
    const shortIv = { meta: {}, crypto: { ...envelope, cipherParams: { iv: '00' } } }
    expect(await codeOf(importWalletFile(JSON.stringify(shortIv), 'pw'))).toBe('BAD_WALLET_FILE')
  })
})
