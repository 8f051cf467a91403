// The full smapp-lite fixture, Argon2id included: t = 64, m = 64 MiB is ~50 s of pure-JS
// Argon2id on an idle core (4-5 min measured on this shared 2-core machine under load 15), so
// the timeout is generous. It runs the app's own deriveArgon2Key, fixture fields as stored.
import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { deriveArgon2Key } from './deriveArgon2Key.ts'
import fixture from './fixtures/smapp-lite-aes-ctr-argon2.json' with { type: 'json' }
import { openArgon2Envelope } from './openArgon2Envelope.ts'
import type { Argon2Envelope } from './SmappWalletFile.ts'

describe('smapp-lite aes-ctr-argon2 fixture, end to end', () => {
  it('derives the Argon2id key from the password and decrypts "hello world"', async () => {
    const envelope = fixture.envelope as Argon2Envelope
    const key = await deriveArgon2Key(fixture.password, envelope.kdfparams)
    expect(bytesToHex(key)).toBe(fixture.argon2Key)
    expect(await openArgon2Envelope(envelope, key)).toBe(fixture.plaintext)
  }, 900_000)
})
