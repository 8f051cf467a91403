// The full smapp-lite fixture, Argon2id included (t = 64, m = 64 MiB: ~50 s of pure JS on one
// core). Kept apart so the fast format tests above do not wait for it.
import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { deriveArgon2Key } from './deriveArgon2Key.ts'
import fixture from './fixtures/smapp-lite-aes-ctr-argon2.json' with { type: 'json' }
import { openArgon2Envelope } from './openArgon2Envelope.ts'
import type { Argon2Envelope } from './SmappWalletFile.ts'

describe('smapp-lite aes-ctr-argon2 fixture, end to end', () => {
  it('derives the Argon2id key from the password and decrypts "hello world"', async () => {
    const key = await deriveArgon2Key(fixture.password, fixture.envelope.kdfparams)
    expect(bytesToHex(key)).toBe(fixture.argon2Key)
    expect(await openArgon2Envelope(fixture.envelope as Argon2Envelope, key)).toBe(fixture.plaintext)
  }, 300_000)
})
