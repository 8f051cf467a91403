import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ed25519 } from '@noble/curves/ed25519.js'
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js'
import sm from '@spacemesh/sm-codec'
import { describe, expect, it } from 'vitest'
import { decodeAddress } from '../../src/core/crypto/address.ts'
import vectors from '../../src/wallet/fixtures/wallet-derivation.json' with { type: 'json' }

const exec = promisify(execFile)
const vector = vectors.vectors[0]!
const to = 'sm1qqqqqqzfhvek32a4cd8haapqydf5k9qedp8xlfgcqfcuq'
const genesis = '9eebff023abb17ccb775c602daade8ed708f0a50'

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('npx', ['tsx', 'server/cli.ts', 'tx', ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

/** The same spend built with @spacemesh/sm-codec and signed over genesisId ‖ raw. */
function smCodecSpend(amount: bigint, nonce: bigint, gasPrice: bigint): string {
  const seed = hexToBytes(vector.secretSeed)
  const spend = sm.SingleSigTemplate.methods[16]
  const principal = sm.SingleSigTemplate.methods[0].principal({ PublicKey: hexToBytes(vector.publicKey) })
  const raw = spend.encode(principal, {
    Nonce: nonce,
    GasPrice: gasPrice,
    Arguments: { Destination: decodeAddress(to, 'sm'), Amount: amount },
  })
  return bytesToHex(spend.sign(raw, ed25519.sign(concatBytes(hexToBytes(genesis), raw), seed)))
}

const spendArgs = (...extra: string[]) => [
  'spend',
  '--mnemonic',
  vector.mnemonic,
  '--to',
  to,
  '--genesis',
  genesis,
  ...extra,
]

// Each case starts a tsx process (1-2 s alone, much longer on a busy machine).
describe('cli tx', { timeout: 180_000 }, () => {
  it('prints the spend sm-codec builds, and decodes it', async () => {
    const [a, b] = await Promise.all([
      cli(...spendArgs('--amount', '1000', '--nonce', '0', '--gas-price', '1')),
      cli(...spendArgs('--amount', '18446744073709551615', '--nonce', '4294967296', '--gas-price', '70000')),
    ])
    expect(a).toMatchObject({ code: 0, stdout: `${smCodecSpend(1000n, 0n, 1n)}\n` })
    expect(b).toMatchObject({ code: 0, stdout: `${smCodecSpend(2n ** 64n - 1n, 2n ** 32n, 70000n)}\n` })

    const d = await cli('decode', a.stdout.trim())
    expect(d.code).toBe(0)
    expect(JSON.parse(d.stdout)).toMatchObject({
      principal: vector.address,
      template: 'wallet',
      method: 'spend',
      nonce: '0',
      gasPrice: '1',
      args: { destination: to, amount: '1000' },
      signer: 'single',
    })
  })

  it('fails with a one-line reason', async () => {
    const results = await Promise.all([
      cli('decode', 'abc'),
      cli('decode', '00'),
      cli(...spendArgs('--amount', '1', '--nonce', '0', '--hrp', 'stest')),
      cli(...spendArgs('--amount', '1', '--nonce', '0').map((a) => (a === to ? `${to.slice(0, -1)}p` : a))),
      cli(...spendArgs('--amount', '1', '--nonce', '0').map((a) => a.replace('pudding', 'abandon'))),
      cli(...spendArgs('--amount=-1', '--nonce', '0')),
    ])
    for (const r of results) {
      expect(r.code).not.toBe(0)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/^error: [^\n]+\n$/)
    }
    expect(results.map((r) => r.stderr)).toEqual([
      'error: transaction: odd number of hex digits (3)\n',
      'error: transaction: expected 24 bytes, 0 left (at byte 1)\n',
      "error: address: expected prefix 'stest', got 'sm'\n",
      expect.stringContaining('bad checksum'),
      'error: mnemonic: the checksum (last word) does not match the other words\n',
      "error: --amount: expected an integer in 0..2^64-1, got '-1'\n",
    ])
  })
})
