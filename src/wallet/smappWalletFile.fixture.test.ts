// The full smapp-lite fixture, Argon2id included (t = 64, m = 64 MiB: ~50 s of pure JS on one
// idle core). Synchronous argon2id here: the async variant used in the app yields to the event
// loop and is several times slower on a busy machine. That deriveArgon2Key maps the envelope's
// fields onto t/m/p is covered by the export test in smappWalletFile.test.ts.
import { argon2id } from '@noble/hashes/argon2.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import fixture from './fixtures/smapp-lite-aes-ctr-argon2.json' with { type: 'json' }
import { openArgon2Envelope } from './openArgon2Envelope.ts'
import type { Argon2Envelope } from './SmappWalletFile.ts'

describe('smapp-lite aes-ctr-argon2 fixture, end to end', () => {
  it('derives the Argon2id key from the password and decrypts "hello world"', async () => {
    const p = fixture.envelope.kdfparams
    const key = argon2id(fixture.password, hexToBytes(p.salt), {
      t: p.iterations,
      m: p.memorySize,
      p: p.parallelism,
      dkLen: 32,
    })
    expect(bytesToHex(key)).toBe(fixture.argon2Key)
    expect(await openArgon2Envelope(fixture.envelope as Argon2Envelope, key)).toBe(fixture.plaintext)
  }, 300_000)
})
