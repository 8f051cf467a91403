import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import vectors from '../../src/wallet/fixtures/wallet-derivation.json' with { type: 'json' }

const exec = promisify(execFile)
const vector = vectors.vectors[0]!

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('npx', ['tsx', 'server/cli.ts', 'wallet', ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('cli wallet', { timeout: 180_000 }, () => {
  it("prints the vector's address for account 0", async () => {
    const r = await cli('address', '--mnemonic', vector.mnemonic, '--index', '0', '--hrp', 'sm')
    expect(r).toMatchObject({ code: 0, stdout: `${vector.address}\n` })
  })

  it('prints a fresh 24-word mnemonic that derives an address', async () => {
    const r = await cli('new')
    const words = r.stdout.trim().split(' ')
    expect(words).toHaveLength(24)
    const a = await cli('address', '--mnemonic', r.stdout.trim(), '--index', '5', '--hrp', 'stest')
    expect(a.stdout).toMatch(/^stest1[02-9ac-hj-np-z]{45}\n$/)
  })

  it('fails with a one-line reason on a bad word, a bad checksum or a bad hrp', async () => {
    const [badWord, badSum, badHrp] = await Promise.all([
      cli('address', '--mnemonic', vector.mnemonic.replace('theme', 'thyme')),
      cli('address', '--mnemonic', vector.mnemonic.replace('pudding', 'abandon')),
      cli('address', '--mnemonic', vector.mnemonic, '--hrp', 'SM'),
    ])
    expect(badWord.code).not.toBe(0)
    expect(badWord.stderr).toBe("error: mnemonic: word 2 'thyme' is not in the BIP-39 English list\n")
    expect(badSum.code).not.toBe(0)
    expect(badSum.stderr).toMatch(/^error: mnemonic: the checksum[^\n]*\n$/)
    expect(badHrp.code).not.toBe(0)
    expect(badHrp.stderr).toMatch(/^error: --hrp: [^\n]*'SM'\n$/)
  })
})
